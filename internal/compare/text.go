package compare

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Op is what happened to a sentence.
type Op int

const (
	Same    Op = iota // in both, unchanged
	Changed           // in both, some words changed
	Added             // only in the new report
	Removed           // only in the old report
)

// String names the op for JSON and tests: same, changed, added, removed.
func (o Op) String() string {
	switch o {
	case Same:
		return "same"
	case Changed:
		return "changed"
	case Added:
		return "added"
	case Removed:
		return "removed"
	}
	return "unknown"
}

// SentenceChange is one sentence of the old report, the new, or both.
type SentenceChange struct {
	Op       Op
	Old, New []Span // Same: both equal; Added: only New; Removed: only Old
	// OldLine and NewLine are the paragraphs (lines of the text, from 1)
	// the sentence is in; 0 on the side it is absent from.
	OldLine, NewLine int
}

// Span is a piece of a sentence. Changed marks the words that differ; the
// one span of an added or removed sentence is Changed.
type Span struct {
	Text    string
	Changed bool
}

// OldText and NewText are the sentence as it reads in each report; "" on
// the side it is absent from.
func (c SentenceChange) OldText() string { return join(c.Old) }
func (c SentenceChange) NewText() string { return join(c.New) }

func join(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// sentence is a sentence of a text and the line it is on.
type sentence struct {
	text string
	line int
}

// texter compares texts, numbering their sentences and tokens; work is
// what is left for the word diffs.
type texter struct {
	sentences, tokens interner
	work              int
}

// Text compares two reports' plain texts (internal/textwriter output: one
// paragraph a line), sentence by sentence.
func Text(old, new string) []SentenceChange {
	os, ns := sentences(old), sentences(new)
	t := &texter{interner{}, interner{}, wordWork}
	work := alignWork
	ms := align(t.sentences.ids(texts(os)), t.sentences.ids(texts(ns)), &work)
	out := make([]SentenceChange, 0, max(len(os), len(ns)))
	pi, pj := 0, 0
	for _, m := range append(ms, match{len(os), len(ns)}) {
		out = t.appendStretch(out, os[pi:m.i], ns[pj:m.j])
		if m.i < len(os) {
			out = append(out, same(os[m.i], ns[m.j]))
		}
		pi, pj = m.i+1, m.j+1
	}
	return out
}

// appendStretch appends a stretch of removed and added sentences: the
// similar ones paired as changed, in order, the others removed (first) and
// added.
func (t *texter) appendStretch(out []SentenceChange, rem, add []sentence) []SentenceChange {
	if len(rem) == 0 || len(add) == 0 {
		return appendAlone(out, rem, add)
	}
	rw, aw := t.words(rem), t.words(add)
	ri, aj := 0, 0
	for _, p := range pairSimilar(rw, aw) {
		out = appendAlone(out, rem[ri:p.i], add[aj:p.j])
		out = append(out, t.pair(rem[p.i], add[p.j], rw[p.i], aw[p.j]))
		ri, aj = p.i+1, p.j+1
	}
	return appendAlone(out, rem[ri:], add[aj:])
}

func (t *texter) words(ss []sentence) []words {
	out := make([]words, len(ss))
	for k, s := range ss {
		out[k] = t.tokens.words(s.text)
	}
	return out
}

func appendAlone(out []SentenceChange, rem, add []sentence) []SentenceChange {
	for _, s := range rem {
		out = append(out, SentenceChange{Op: Removed, Old: []Span{{s.text, true}}, OldLine: s.line})
	}
	for _, s := range add {
		out = append(out, SentenceChange{Op: Added, New: []Span{{s.text, true}}, NewLine: s.line})
	}
	return out
}

// same is a sentence in both texts.
func same(o, n sentence) SentenceChange {
	return SentenceChange{Op: Same, Old: []Span{{o.text, false}}, New: []Span{{n.text, false}}, OldLine: o.line, NewLine: n.line}
}

// pair is an old sentence and its new version: Changed with the
// differing words marked (Same when equal).
func (t *texter) pair(o, n sentence, ow, nw words) SentenceChange {
	if o.text == n.text {
		return same(o, n)
	}
	c := SentenceChange{Op: Changed, OldLine: o.line, NewLine: n.line}
	c.Old, c.New = wordSpans(ow, nw, &t.work)
	return c
}

func texts(ss []sentence) []string {
	out := make([]string, len(ss))
	for k, s := range ss {
		out[k] = s.text
	}
	return out
}

// sentences splits a text into sentences: at the line ends and after each
// 。！？； (with the closing quotes and brackets that follow it).
func sentences(text string) []sentence {
	var out []sentence
	text = strings.TrimPrefix(text, "\ufeff") // a byte-order mark an editor added
	for k, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		for line != "" {
			n := sentenceLen(line)
			if s := strings.TrimSpace(line[:n]); s != "" {
				out = append(out, sentence{s, k + 1})
			}
			line = line[n:]
		}
	}
	return out
}

// sentenceLen is the length of the sentence a line starts with.
func sentenceLen(s string) int {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if strings.ContainsRune("。！？；", r) {
			return i + runLen(s[i:], func(r rune) bool { return strings.ContainsRune("。！？；”’」』）》〉】", r) })
		}
	}
	return len(s)
}

// Pairing of similar sentences.

// maxPairCells bounds the removed × added sentences of a stretch paired
// exactly (by dynamic programming); a larger stretch pairs each removed
// sentence with the most similar of the next pairWindow added ones.
const (
	maxPairCells = 1 << 16
	pairWindow   = 16
)

// pairSimilar pairs the removed and added sentences that share at least
// half their tokens (Dice coefficient of the token multisets ≥ 0.5), in
// order, the pairs chosen for the most similarity in all.
func pairSimilar(rem, add []words) []match {
	if len(rem) == 0 || len(add) == 0 {
		return nil
	}
	rb, ab := bags(rem), bags(add)
	if len(rem)*len(add) <= maxPairCells {
		return pairExact(rb, ab)
	}
	return pairGreedy(rb, ab)
}

// bags are the sentences' token ids, sorted.
func bags(ws []words) [][]int32 {
	out := make([][]int32, len(ws))
	for k, w := range ws {
		out[k] = slices.Clone(w.ids)
		slices.Sort(out[k])
	}
	return out
}

// similarity is 1000 × the Dice coefficient of two bags, or 0 below 0.5.
func similarity(a, b []int32) int {
	common := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			common, i, j = common+1, i+1, j+1
		}
	}
	if 4*common < len(a)+len(b) {
		return 0
	}
	return 2000 * common / (len(a) + len(b))
}

// pairExact chooses the pairs, in order, of the greatest total similarity.
func pairExact(rb, ab [][]int32) []match {
	n, m := len(rb), len(ab)
	w := m + 1
	best := make([]int, (n+1)*w)
	for i := 1; i <= n; i++ {
		for j := 1; j <= m; j++ {
			b := max(best[(i-1)*w+j], best[i*w+j-1])
			if s := similarity(rb[i-1], ab[j-1]); s > 0 {
				b = max(b, best[(i-1)*w+j-1]+s)
			}
			best[i*w+j] = b
		}
	}
	var out []match
	for i, j := n, m; i > 0 && j > 0; {
		switch b := best[i*w+j]; {
		case b == best[(i-1)*w+j]:
			i--
		case b == best[i*w+j-1]:
			j--
		default:
			out = append(out, match{i - 1, j - 1})
			i, j = i-1, j-1
		}
	}
	slices.Reverse(out)
	return out
}

// pairGreedy pairs each removed sentence with the most similar of the next
// pairWindow added sentences not yet paired, in order.
func pairGreedy(rb, ab [][]int32) []match {
	var out []match
	next := 0
	for i, r := range rb {
		bestJ, bestS := -1, 0
		for j := next; j < len(ab) && j < next+pairWindow; j++ {
			if s := similarity(r, ab[j]); s > bestS {
				bestJ, bestS = j, s
			}
		}
		if bestJ >= 0 {
			out = append(out, match{i, bestJ})
			next = bestJ + 1
		}
	}
	return out
}
