package mdext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// The transformer stores its results on each heading as node attributes with
// these names. They are not HTML attributes: goldmark's HTML renderer
// filters them out, and other writers must read them through Number and
// IsRunIn. The transformer sets both on every heading, overwriting whatever
// an author wrote in {…}.
var (
	attrNumber = []byte("mdext-number") // string: the automatic number, or ""
	attrRunIn  = []byte("mdext-run-in") // bool
)

// Level returns the 公文 level of a heading: ## is 1 (一、), ### is 2 (（一）),
// #### is 3 (1.), ##### is 4 (（1）). # (the document title) and ###### are 0:
// not a numbered level.
func Level(h *ast.Heading) int {
	if h == nil || h.Level < 2 || h.Level > 5 {
		return 0
	}
	return h.Level - 1
}

// Number returns the automatic number of a heading with its punctuation:
// "一、", "（一）", "1." or "（1）". Writers print it before the heading's
// inlines. It is "" for a heading of level 0, an empty heading, a heading the
// author numbered, and every heading of a tree that the extension (with
// numbering on) did not transform.
//
// The extension's transformer counts the headings in document order,
// wherever they stand (in block quotes and list items too):
//   - a heading of level L takes the next number of level L, and the
//     counters of the levels below L restart, so a part that a template
//     leaves out leaves no gap;
//   - a heading whose text the author began with a number — 一、 （一） (一)
//     1. 1． 1、 （1） (1), in any of these styles, whatever its level — gets
//     no automatic number, and the counter of its level is set to the
//     author's number: an automatic 二、 follows an author's 一、, 五、 an
//     author's 四、. "1.5亿元" and "2024年" are not numbers;
//   - an empty heading is not numbered and does not count;
//   - # (the document title) restarts all counters, so an annex that starts
//     with its own # title is numbered from 一、 again; ###### changes nothing.
func Number(h *ast.Heading) string {
	if h == nil {
		return ""
	}
	v, ok := h.Attribute(attrNumber)
	if !ok {
		return ""
	}
	s, _ := v.(string)
	return s
}

// formatNumber writes n in the style of level: 一、 （一） 1. （1）.
func formatNumber(level, n int) string {
	switch level {
	case 1:
		return ChineseNumeral(n) + "、"
	case 2:
		return "（" + ChineseNumeral(n) + "）"
	case 3:
		return strconv.Itoa(n) + "."
	case 4:
		return "（" + strconv.Itoa(n) + "）"
	}
	return ""
}

// numberer keeps the counters of the four numbered levels while the
// transformer walks the headings of a document in order; the rules are in
// Number's documentation.
type numberer struct {
	counters [5]int
}

// next returns the automatic number of heading h, whose plain text is
// text, and advances the counters.
func (c *numberer) next(h *ast.Heading, text string) string {
	level := Level(h)
	if level == 0 {
		if h.Level == 1 {
			c.counters = [5]int{}
		}
		return ""
	}
	text = strings.TrimSpace(text)
	if text == "" {
		return ""
	}
	for l := level + 1; l < len(c.counters); l++ {
		c.counters[l] = 0
	}
	if v, _, ok := authorNumber(text); ok {
		c.counters[level] = v
		return ""
	}
	c.counters[level]++
	return formatNumber(level, c.counters[level])
}

// authorNumber recognises a number that the author wrote at the start of a
// heading's text: 一、 （一） (一) 1. 1． 1、 （1） (1). It returns the number,
// the level whose style it has, and whether there was one. "1.5亿元" and
// "2024年" are not numbers.
func authorNumber(text string) (value, level int, ok bool) {
	if rest, open := cutPrefix(text, "（", "("); open {
		if v, r, ok := leadingChinese(rest); ok {
			if _, ok := cutPrefix(r, "）", ")"); ok {
				return v, 2, true
			}
		}
		if v, r, ok := leadingDigits(rest); ok {
			if _, ok := cutPrefix(r, "）", ")"); ok {
				return v, 4, true
			}
		}
		return 0, 0, false
	}
	if v, r, ok := leadingChinese(text); ok {
		if _, ok := cutPrefix(r, "、"); ok {
			return v, 1, true
		}
		return 0, 0, false
	}
	if v, r, ok := leadingDigits(text); ok {
		if after, ok := cutPrefix(r, ".", "．", "、"); ok {
			if d, _ := utf8.DecodeRuneInString(after); digitValue(d) < 0 {
				return v, 3, true
			}
		}
	}
	return 0, 0, false
}

func cutPrefix(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if after, ok := strings.CutPrefix(s, p); ok {
			return after, true
		}
	}
	return s, false
}

// digitValue returns the value of an ASCII or fullwidth digit, or -1.
func digitValue(r rune) int {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0')
	case r >= '０' && r <= '９':
		return int(r - '０')
	}
	return -1
}

// leadingDigits reads a decimal number (ASCII or fullwidth digits) at the
// start of s.
func leadingDigits(s string) (value int, rest string, ok bool) {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		d := digitValue(r)
		if d < 0 {
			break
		}
		if value > 1e8 {
			return 0, s, false
		}
		value = value*10 + d
		i += size
	}
	return value, s[i:], i > 0
}

var chineseDigits = map[rune]int{
	'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
}

var chineseUnits = map[rune]int{'十': 10, '百': 100, '千': 1000}

// leadingChinese reads a Chinese numeral (一 … 九十九 … 一万) at the start of s.
func leadingChinese(s string) (value int, rest string, ok bool) {
	section, digit, i := 0, 0, 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if d, isDigit := chineseDigits[r]; isDigit {
			digit = d
		} else if u, isUnit := chineseUnits[r]; isUnit {
			if digit == 0 {
				digit = 1 // 十一: the leading 一 is left out
			}
			section += digit * u
			digit = 0
		} else if r == '万' {
			value += (section + digit) * 10000
			section, digit = 0, 0
		} else {
			break
		}
		i += size
	}
	value += section + digit
	return value, s[i:], i > 0 && value > 0
}

// ChineseNumeral writes n (1 ≤ n < 10⁸) in Chinese numerals as 公文 numbers
// are written: 一 … 十, 十一, 二十, 九十九, 一百, 一百零一, 一百一十, 一千零二十,
// 一万. It returns the decimal digits for n outside that range.
func ChineseNumeral(n int) string {
	if n <= 0 || n >= 1e8 {
		return strconv.Itoa(n)
	}
	if n < 1e4 {
		return chineseBelow10000(n, true)
	}
	high, low := n/1e4, n%1e4
	s := chineseBelow10000(high, true) + "万"
	if low == 0 {
		return s
	}
	if low < 1000 {
		s += "零"
	}
	return s + chineseBelow10000(low, false)
}

// chineseBelow10000 writes 0 < n < 10000. leading says whether nothing
// precedes it, which is when 10…19 drop their 一 (十一, but 一百一十).
func chineseBelow10000(n int, leading bool) string {
	const digits = "零一二三四五六七八九"
	digit := func(d int) string { return string([]rune(digits)[d]) }
	units := [4]string{"千", "百", "十", ""}
	div := [4]int{1000, 100, 10, 1}
	var b strings.Builder
	started, zero := false, false
	for i, dv := range div {
		d := n / dv % 10
		if d == 0 {
			if started {
				zero = true
			}
			continue
		}
		if zero {
			b.WriteString("零")
			zero = false
		}
		if !(d == 1 && i == 2 && !started && leading) {
			b.WriteString(digit(d))
		}
		b.WriteString(units[i])
		started = true
	}
	return b.String()
}
