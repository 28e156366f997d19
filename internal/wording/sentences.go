package wording

import (
	"sort"
	"strings"
)

// sentence is a sentence or a heading of the text, without its end mark,
// and its clauses.
type sentence struct {
	span
	head    int // the heading's level; 0 for body text
	clauses []span
}

// sentences splits the text into sentences: at 。！？； (and a table's |)
// and at line ends. A heading line is one sentence; its clauses also end
// at 。！？；.
func (t *text) sentences() []sentence {
	var ss []sentence
	for _, l := range t.lines() {
		if h := t.headOf(l); h > 0 {
			ss = append(ss, sentence{l, h, t.split(l, isBreak)})
			continue
		}
		for _, s := range t.split(l, isStop) {
			ss = append(ss, sentence{s, 0, t.split(s, isComma)})
		}
	}
	return ss
}

// headOf returns the heading level of line l, 0 for body text.
func (t *text) headOf(l span) int {
	if l.start == l.end {
		return 0
	}
	return int(t.cells[l.start].head)
}

// split splits s at its typed characters that end reports true for, which
// belong to neither side.
func (t *text) split(s span, end func(rune) bool) []span {
	var out []span
	start := s.start
	for i := s.start; i < s.end; i++ {
		if c := t.cells[i]; c.typed && end(c.r) {
			out = append(out, span{start, i})
			start = i + 1
		}
	}
	return append(out, span{start, s.end})
}

// isStop reports whether r ends a sentence.
func isStop(r rune) bool { return strings.ContainsRune("。！？；!?;|", r) }

// isComma reports whether r ends a clause inside a sentence.
func isComma(r rune) bool { return strings.ContainsRune("，,：:、", r) }

// isBreak reports whether r ends a clause of a heading.
func isBreak(r rune) bool { return isStop(r) || isComma(r) }

// within returns the indices of the segments that lie in s. An empty
// segment at either end of s lies in it.
func (t *text) within(s span) []int {
	var in []int
	i := sort.Search(len(t.pieces), func(i int) bool { return t.pieces[i].start >= s.start })
	for ; i < len(t.pieces) && t.pieces[i].start <= s.end; i++ {
		if p := t.pieces[i]; p.start < s.end || p.start == p.end {
			in = append(in, i)
		}
	}
	return in
}

// figures returns the indices of the printed segments with facts that lie
// in s.
func (t *text) figures(s span) []int {
	var fs []int
	for _, i := range t.within(s) {
		if !t.segs[i].Typed && len(t.segs[i].Facts) > 0 {
			fs = append(fs, i)
		}
	}
	return fs
}

// quiet reports whether a Quiet segment lies in s.
func (t *text) quiet(s span) bool {
	for _, i := range t.within(s) {
		if t.segs[i].Quiet {
			return true
		}
	}
	return false
}

// scope returns the names that sentence i can name: for a heading, also
// the indicators printed in the paragraphs it governs (up to the next
// heading of the same or a higher level).
func (t *text) scope(ss []sentence, i int, x *names) *names {
	if ss[i].head == 0 {
		return x
	}
	end := len(t.cells)
	for _, s := range ss[i+1:] {
		if s.head > 0 && s.head <= ss[i].head {
			end = s.start
			break
		}
	}
	return x.with(t.factsIn(span{ss[i].end, end}))
}

// factsIn returns the facts of the figures printed in s.
func (t *text) factsIn(s span) []Fact {
	var fs []Fact
	for _, i := range t.figures(s) {
		fs = append(fs, t.segs[i].Facts...)
	}
	return fs
}
