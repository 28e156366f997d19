package wording

import (
	"regexp"
	"strings"
	"sync"
)

// finding is one contradiction before it is worded.
type finding struct {
	seg   int    // the segment holding the word
	line  int    // the word's template line
	word  string // the word, or the printed zero
	fact  Fact
	reads string // how the figure reads when the fact does not say
	hint  string
}

// checkSentence returns the contradictions of sentence s, whose names x
// can name.
func (t *text) checkSentence(s sentence, x *names) []Warning {
	var ws []Warning
	for _, c := range s.clauses {
		for _, h := range t.hits(c, x) {
			if f, ok := t.checkHit(h, c, s, x); ok {
				ws = append(ws, t.warning(s, f))
			}
		}
	}
	for _, f := range t.zeroCounts(s) {
		ws = append(ws, t.warning(s, f))
	}
	return ws
}

// checkHit checks word h of clause c. A denied word (未增长) and an aim
// (促进经济增长) are not checked.
func (t *text) checkHit(h hit, c span, s sentence, x *names) (finding, bool) {
	if h.kind == neutral || t.negated(h) || t.aimed(h, c) {
		return finding{}, false
	}
	if i, ok := t.negativeAfter(h); ok {
		return t.found(h, i, t.segs[i].first(), negHint(h, t.segs[i].first(), t.printed(i))), true
	}
	switch {
	case h.kind == versus:
		return t.gap(h, c)
	case h.kind == amount, h.kind == comparative && !t.compares(c), t.earlier(h, c):
		return finding{}, false
	}
	return t.contradiction(h, c, s, x)
}

// contradiction checks the claim of word h against the facts it speaks of.
func (t *text) contradiction(h hit, c span, s sentence, x *names) (finding, bool) {
	tg, ok := t.about(h, c, s, x)
	if !ok {
		return finding{}, false
	}
	said := t.claimOn(h, tg)
	for _, f := range tg.facts {
		if on := said.on(f); on.contradicts(f) {
			return t.found(h, tg.seg, f, claimHint(on, f)), true
		}
	}
	return finding{}, false
}

// claimOn returns what h claims of target tg. A word typed just before
// a figure in 个百分点 (下降0.5个百分点) speaks of the change of a rate,
// not of its level.
func (t *text) claimOn(h hit, tg target) claim {
	c := h.claim
	if tg.seg < 0 || c.widen != Unknown || c.prev != Unknown || !t.points(h, tg.seg) {
		return c
	}
	if c.change == Unknown {
		c.change = c.level
	}
	return claim{change: c.change}
}

// points reports whether figure i follows h with nothing but spaces
// between, and 个百分点 after it.
func (t *text) points(h hit, i int) bool {
	p := t.pieces[i]
	if t.skipSpaces(h.end) != p.start {
		return false
	}
	after := string(t.runes(span{p.end, min(p.end+4, len(t.cells))}))
	return strings.HasPrefix(after, "个百分点") || strings.HasPrefix(after, "百分点")
}

// on returns the claim c makes on fact f: a word that claims the change
// or else the level (上升) claims the change when f knows it.
func (c claim) on(f Fact) claim {
	if c.orLevel && f.Change != Unknown {
		c.level = Unknown
	} else if c.orLevel {
		c.change = Unknown
	}
	c.orLevel = false
	return c
}

// contradicts reports whether fact f has a known sign other than the claimed.
func (c claim) contradicts(f Fact) bool {
	return c.levelWrong(f) || differs(c.change, f.Change) || differs(c.widen, f.Widen)
}

// levelWrong reports whether f contradicts the level or the previous level
// that c claims.
func (c claim) levelWrong(f Fact) bool {
	return differs(c.level, f.Level) || differs(c.prev, f.PrevLevel)
}

// differs reports whether both signs are known and differ.
func differs(claimed, known Sign) bool {
	return claimed != Unknown && known != Unknown && claimed != known
}

// negativeAfter returns the printed segment that follows h with nothing
// but spaces between, if it reads as a negative number.
func (t *text) negativeAfter(h hit) (int, bool) {
	i := t.skipSpaces(h.end)
	if i >= len(t.cells) || t.cells[i].typed || t.pieces[t.cells[i].seg].start != i {
		return 0, false
	}
	seg := int(t.cells[i].seg)
	return seg, negative().MatchString(t.printed(seg))
}

// skipSpaces returns the index of the first character from i that is not
// a typed space.
func (t *text) skipSpaces(i int) int {
	for i < len(t.cells) && t.cells[i].typed && strings.ContainsRune(" \t　", t.cells[i].r) {
		i++
	}
	return i
}

var (
	negative = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-−－]\s*[0-9０-９]`) })
	number   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[-+−－]?[0-9０-９]|^零`) })
	zero     = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[-+−－]?0+(?:\.0+)?|零)(?:[^0-9.]|$)`) })
)

// gap checks a comparison with a benchmark (高于): the first printed
// number after it in its clause must not be 0. A number in brackets is the
// benchmark's own value, not the gap.
func (t *text) gap(h hit, c span) (finding, bool) {
	for _, i := range t.within(span{h.end, c.end}) {
		p := t.printed(i)
		if t.segs[i].Typed || !number().MatchString(p) || t.bracketed(i) {
			continue
		}
		if !zero().MatchString(p) {
			break
		}
		return t.found(h, i, t.segs[i].first(), zeroHint), true
	}
	return finding{}, false
}

// bracketed reports whether segment i follows an opening bracket.
func (t *text) bracketed(i int) bool {
	s := t.pieces[i].start
	return s > 0 && t.cells[s-1].typed && strings.ContainsRune("（(", t.cells[s-1].r)
}

// zeroCounts returns the counts of s that read 0 (项目0个), or that print
// an empty list before 等 or 共.
func (t *text) zeroCounts(s sentence) []finding {
	var fs []finding
	for _, i := range t.figures(s.span) {
		for _, f := range t.segs[i].Facts {
			if f.Count && t.readsNone(i) {
				fs = append(fs, t.countFinding(i, f))
				break
			}
		}
	}
	return fs
}

// readsNone reports whether segment i prints 0, or nothing before 等 or 共.
func (t *text) readsNone(i int) bool {
	p := t.printed(i)
	return zero().MatchString(p) || p == "" && strings.ContainsRune("等共和及、", t.next(i))
}

// countFinding words a count of none printed by segment i.
func (t *text) countFinding(i int, f Fact) finding {
	word, next := t.printed(i), t.next(i)
	if word == "" || strings.ContainsRune("家个项户条名人次场台份座所批", next) {
		word += string(next)
	}
	return finding{i, t.segs[i].Line, word, f, or(t.printed(i), "名单为空"), countHint}
}

// next returns the typed character after segment i, or 0.
func (t *text) next(i int) rune {
	if e := t.pieces[i].end; e < len(t.cells) && t.cells[e].typed {
		return t.cells[e].r
	}
	return 0
}

// found records word h contradicting fact f of segment seg (< 0: none).
func (t *text) found(h hit, seg int, f Fact, hint string) finding {
	c := t.cells[h.start]
	reads := ""
	if seg >= 0 {
		reads = t.printed(seg)
	}
	return finding{int(c.seg), int(c.line), h.word, f, reads, hint}
}

// printed returns what segment i reads as, trimmed.
func (t *text) printed(i int) string {
	return strings.TrimSpace(string(t.runes(t.pieces[i])))
}

// first returns the segment's first fact, or none.
func (s Segment) first() Fact {
	if len(s.Facts) == 0 {
		return Fact{}
	}
	return s.Facts[0]
}
