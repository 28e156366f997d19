package wording

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// names finds the indicators that typed text names: by its name, or by
// its name without a trailing 增速, 增幅, 增长率 or 增长.
type names struct {
	facts map[string]Fact // by name and by short name
	stem  map[string]int  // each key's length without the growth suffix, in runes
	long  int             // the longest key, in runes
}

// growth are the suffixes a name can be named without, longest first.
var growth = []string{"增长率", "增速", "增幅", "增长"}

// newNames indexes m; names shorter than 2 characters are left out.
func newNames(m map[string]Fact) *names {
	x := &names{facts: map[string]Fact{}, stem: map[string]int{}}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		x.add(strings.TrimSpace(k), m[k])
	}
	x.addStems(keys, func(k string) Fact { return m[k] })
	return x
}

// with returns x and the named facts fs, which do not replace x's.
func (x *names) with(fs []Fact) *names {
	m := map[string]Fact{}
	for _, f := range fs {
		m[f.Name] = f
	}
	y := newNames(m)
	for k, f := range x.facts {
		y.facts[k], y.stem[k] = f, x.stem[k]
	}
	y.long = max(x.long, y.long)
	return y
}

// add indexes one full name.
func (x *names) add(name string, f Fact) {
	n := utf8.RuneCountInString(name)
	if n < 2 {
		return
	}
	x.facts[name] = f
	x.stem[name] = utf8.RuneCountInString(trimGrowth(name))
	x.long = max(x.long, n)
}

// addStems indexes each name of keys without its growth suffix, unless
// the short name is taken.
func (x *names) addStems(keys []string, fact func(string) Fact) {
	for _, k := range keys {
		s := trimGrowth(strings.TrimSpace(k))
		if _, taken := x.facts[s]; !taken && utf8.RuneCountInString(s) >= 2 {
			x.facts[s] = fact(k)
			x.stem[s] = utf8.RuneCountInString(s)
		}
	}
}

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
func (x *names) at(rs []rune) (Fact, int, bool) {
	for n := min(x.long, len(rs)); n >= 2; n-- {
		if f, ok := x.facts[string(rs[:n])]; ok {
			return f, n, true
		}
	}
	return Fact{}, 0, false
}

// find returns the fact of the longest name in rs; of two as long, the
// later one.
func (x *names) find(rs []rune) (Fact, bool) {
	var best Fact
	long := 0
	for i := range rs {
		if f, n, ok := x.at(rs[i:]); ok && n >= long {
			best, long = f, n
		}
	}
	return best, long > 0
}

// skip returns how many characters of rs a name at its start covers, not
// counting its growth suffix, which the scanner reads as a word.
func (x *names) skip(rs []rune) int {
	if _, n, ok := x.at(rs); ok {
		return x.stem[string(rs[:n])]
	}
	return 0
}
