package wording

import "strings"

// hit is a word of the dictionary found in typed text.
type hit struct {
	entry
	span
}

// hits returns the words typed in s, scanning for the longest word at each
// place. A name of x is skipped as a whole (except a trailing growth
// suffix), so that a word inside an indicator's name is not read.
func (t *text) hits(s span, x *names) []hit {
	var hs []hit
	rs := t.runes(s)
	for i := 0; i < len(rs); {
		e, ok := lookup(rs[i:])
		w := span{s.start + i, s.start + i + runes(e.word)}
		n := x.skip(rs[i:])
		switch {
		case ok && w.end-w.start > n && t.typed(w):
			hs = append(hs, hit{e, w})
			i += w.end - w.start
		default:
			i += max(n, 1)
		}
	}
	return hs
}

// negations are the words that, just before a word, deny it.
var negations = []string{"未", "不", "没", "无", "不再", "没有"}

// negated reports whether typed text just before h denies it.
func (t *text) negated(h hit) bool {
	before := string(t.runes(span{max(h.start-2, 0), h.start}))
	for _, n := range negations {
		if strings.HasSuffix(before, n) && t.typed(span{h.start - len([]rune(n)), h.start}) {
			return true
		}
	}
	return false
}

// goals are the verbs that make a later word of their clause an aim, not
// a result: 促进经济增长, 推动产业链提高.
var goals = []string{
	"促进", "推动", "带动", "拉动", "确保", "力争", "争取", "助力", "保障", "着力",
	"努力", "致力", "推进", "防止", "避免", "遏制", "扭转", "力促", "加快",
}

// aimed reports whether a goal verb comes before h in its clause c.
func (t *text) aimed(h hit, c span) bool {
	before := string(t.runes(span{c.start, h.start}))
	for _, g := range goals {
		if strings.Contains(before, g) {
			return true
		}
	}
	return false
}

// compares reports whether clause c compares with an earlier period or a
// benchmark: it has 比 or 较.
func (t *text) compares(c span) bool {
	return strings.ContainsAny(string(t.runes(c)), "比较")
}

// periods name an earlier period. A clause that names one without 比 or 较
// describes that period (上年同期为负增长), not the figure.
var periods = []string{"上年", "去年", "上月", "上期", "上季度", "前期"}

// earlier reports whether h speaks of an earlier period.
func (t *text) earlier(h hit, c span) bool {
	if t.compares(c) {
		return false
	}
	before := string(t.runes(span{c.start, h.start}))
	for _, p := range periods {
		if strings.Contains(before, p) {
			return true
		}
	}
	return false
}
