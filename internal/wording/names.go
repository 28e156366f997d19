package wording

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// names finds the indicators that typed text names: by its name, or by
// its name without a trailing 增速, 增幅, 增长率 or 增长.
type names struct {
	facts map[string]named  // by name and by short name
	first map[rune][][]rune // the keys by their first character, longest first
	base  *names            // more names, which win over these
}

// named is the fact of a name, and the name's length without its growth
// suffix.
type named struct {
	Fact
	stem int
}

// growth are the suffixes a name can be named without, longest first.
var growth = []string{"增长率", "增速", "增幅", "增长"}

// newNames indexes m by its keys; a fact without a name takes its key.
func newNames(m map[string]Fact) *names {
	x := &names{facts: map[string]named{}, first: map[rune][][]rune{}}
	x.index(m)
	return x
}

// with returns x and the named facts fs, which do not replace x's.
func (x *names) with(fs []Fact) *names {
	m := map[string]Fact{}
	for _, f := range fs {
		m[f.Name] = f
	}
	y := newNames(m)
	y.base = x
	return y
}

// index adds the names of m, then their short names.
func (x *names) index(m map[string]Fact) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		f, key := m[k], strings.TrimSpace(k)
		f.Name = or(f.Name, key)
		x.put(key, f, runes(trimGrowth(key)))
	}
	for _, k := range keys {
		key := strings.TrimSpace(k)
		if f, ok := x.facts[key]; ok {
			x.put(trimGrowth(key), f.Fact, runes(trimGrowth(key)))
		}
	}
}

// put indexes fact f by key, whose stem is its length without the growth
// suffix, unless key is taken or shorter than 2 characters.
func (x *names) put(key string, f Fact, stem int) {
	rs := []rune(key)
	if _, taken := x.facts[key]; taken || len(rs) < 2 {
		return
	}
	x.facts[key] = named{f, stem}
	list := append(x.first[rs[0]], rs)
	slices.SortStableFunc(list, func(a, b []rune) int { return len(b) - len(a) })
	x.first[rs[0]] = list
}

// runes returns the length of s in characters.
func runes(s string) int { return utf8.RuneCountInString(s) }

// trimGrowth returns name without a trailing growth suffix.
func trimGrowth(name string) string {
	for _, g := range growth {
		if s, ok := strings.CutSuffix(name, g); ok {
			return s
		}
	}
	return name
}

// at returns the longest name that rs starts with, and its length.
func (x *names) at(rs []rune) (named, int, bool) {
	var best named
	long := 0
	for _, k := range x.first[first(rs)] {
		if len(k) <= len(rs) && slices.Equal(k, rs[:len(k)]) {
			best, long = x.facts[string(k)], len(k)
			break
		}
	}
	if x.base != nil {
		if f, n, ok := x.base.at(rs); ok && n >= long {
			return f, n, true
		}
	}
	return best, long, long > 0
}

// first returns the first character of rs, or 0.
func first(rs []rune) rune {
	if len(rs) == 0 {
		return 0
	}
	return rs[0]
}

// near is how many characters may stand between a name and the word it
// is the subject of: 规上工业增加值较上年同期大幅增长.
const near = 5

// find returns the fact of the longest name in rs that ends at most near
// characters before rs ends; of two as long, the later one.
func (x *names) find(rs []rune) (Fact, bool) {
	var best Fact
	long := 0
	for i := range rs {
		if f, n, ok := x.at(rs[i:]); ok && n >= long && len(rs)-i-n <= near {
			best, long = f.Fact, n
		}
	}
	return best, long > 0
}

// skip returns how many characters of rs a name at its start covers, not
// counting its growth suffix, which the scanner reads as a word.
func (x *names) skip(rs []rune) int {
	f, _, _ := x.at(rs)
	return f.stem
}
