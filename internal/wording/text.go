package wording

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// cell is one character of the filled text and where it came from. It
// takes 16 bytes: a template's text may be a table of 100,000 rows, and
// the guard holds a cell for each of its characters.
type cell struct {
	r     rune
	seg   int32 // the index of its segment
	line  int32 // its template line
	head  int8  // the heading level of its line (at most 6); 0 in body text
	typed bool  // its segment is typed
}

// span is a range [start, end) of cells.
type span struct{ start, end int }

// text is the filled text of one template: its characters, unescaped and
// with Markdown marks removed, and each segment as a span of them.
type text struct {
	segs   []Segment
	cells  []cell
	pieces []span // pieces[i] holds segs[i]
}

// flatten lays the segments out as one text.
func flatten(segs []Segment) *text {
	t := &text{segs: segs, pieces: make([]span, len(segs))}
	size := 0
	for _, s := range segs {
		size += runes(s.Text)
	}
	t.cells = make([]cell, 0, size)
	for i, s := range segs {
		t.pieces[i].start = len(t.cells)
		t.add(i, s)
		t.pieces[i].end = len(t.cells)
	}
	t.strip()
	return t
}

// add appends the characters of segment s, counting the lines of typed text.
func (t *text) add(i int, s Segment) {
	line := int32(s.Line)
	for _, r := range unescape(s.Text) {
		t.cells = append(t.cells, cell{r: r, seg: int32(i), line: line, typed: s.Typed})
		if r == '\n' && s.Typed {
			line++
		}
	}
}

var charRef = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`&#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6});`) })

// unescape returns s as it reads: without the backslashes of escaped
// punctuation, with character references decoded (white space as a space),
// without carriage returns and the filler's private-use value marks.
func unescape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\uE000' || r == '\uE001' {
			return -1
		}
		return r
	}, s)
	s = charRef().ReplaceAllStringFunc(s, decodeRef)
	return unbackslash(s)
}

// decodeRef decodes one numeric character reference.
func decodeRef(ref string) string {
	num, base := ref[2:len(ref)-1], 10
	if num[0] == 'x' || num[0] == 'X' {
		num, base = num[1:], 16
	}
	n, err := strconv.ParseInt(num, base, 32)
	if err != nil || !utf8.ValidRune(rune(n)) || unicode.IsSpace(rune(n)) {
		return " "
	}
	return string(rune(n))
}

// unbackslash removes the backslash before escaped ASCII punctuation.
func unbackslash(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// isASCIIPunct reports whether Markdown lets a backslash escape b.
func isASCIIPunct(b byte) bool {
	return b < utf8.RuneSelf && (unicode.IsPunct(rune(b)) || unicode.IsSymbol(rune(b)))
}

// lines returns the lines of the text, without their line breaks.
func (t *text) lines() []span {
	var ls []span
	start := 0
	for i, c := range t.cells {
		if c.r == '\n' {
			ls = append(ls, span{start, i})
			start = i + 1
		}
	}
	return append(ls, span{start, len(t.cells)})
}

// prefix matches a line's block marks: quotes, then a heading's #s or a
// list item's marker. Printed characters are replaced by \x00 before.
var prefix = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(?:[ \t　]*>)*[ \t　]*(?:(#{1,6})(?:[ \t]+|$)|[-+*][ \t]+|[0-9]{1,9}[.)][ \t]+)?[ \t　]*`)
})

// attrs matches a heading's attributes at its end: {.run-in}.
var attrs = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`[ \t]*(?:\{[^{}\x00]*\})?[ \t#]*$`) })

// strip removes the Markdown marks of typed text: block marks at the start
// of each line (noting a heading's level in the cells of its line), a
// heading's attributes, and emphasis asterisks.
func (t *text) strip() {
	keep := make([]bool, len(t.cells))
	for _, l := range t.lines() {
		t.stripLine(l, keep)
	}
	t.compact(keep)
}

// stripLine marks in keep the cells of line l that stay.
func (t *text) stripLine(l span, keep []bool) {
	s := t.typedString(l)
	m := prefix().FindStringSubmatch(headOf(s))
	start := l.start + utf8.RuneCountInString(m[0])
	end, head := l.end, len(m[1])
	if head > 0 {
		end -= utf8.RuneCountInString(attrs().FindString(tailOf(s[len(m[0]):])))
	}
	for i := start; i < end; i++ {
		keep[i] = !(t.cells[i].typed && t.cells[i].r == '*')
		t.cells[i].head = int8(head)
	}
	if l.end < len(keep) {
		keep[l.end] = true // the line break
	}
}

// markLen bounds the text the Markdown marks of a line are looked for in:
// a line's prefix (> ## - 1.) and a heading's attributes ({.run-in}) are
// short, and the regular expressions would take long on a long line.
const markLen = 256

// headOf and tailOf are the first and the last markLen bytes of s, cut at
// a character boundary.
func headOf(s string) string {
	if len(s) <= markLen {
		return s
	}
	i := markLen
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i]
}

func tailOf(s string) string {
	if len(s) <= markLen {
		return s
	}
	i := len(s) - markLen
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return s[i:]
}

// typedString returns the characters of s, each printed one as \x00.
func (t *text) typedString(s span) string {
	var b strings.Builder
	for _, c := range t.cells[s.start:s.end] {
		if !c.typed {
			c.r = 0
		}
		b.WriteRune(c.r)
	}
	return b.String()
}

// compact drops the cells not kept, moving the pieces with them.
func (t *text) compact(keep []bool) {
	at := make([]int32, len(t.cells)+1) // at[i]: the new index of cell i
	out := t.cells[:0]
	for i, c := range t.cells {
		at[i] = int32(len(out))
		if keep[i] {
			out = append(out, c)
		}
	}
	at[len(t.cells)] = int32(len(out))
	for i, p := range t.pieces {
		t.pieces[i] = span{int(at[p.start]), int(at[p.end])}
	}
	t.cells = out
}

// runes returns the characters of s.
func (t *text) runes(s span) []rune {
	rs := make([]rune, 0, s.end-s.start)
	for _, c := range t.cells[s.start:s.end] {
		rs = append(rs, c.r)
	}
	return rs
}

// typed reports whether every character of s is typed.
func (t *text) typed(s span) bool {
	for _, c := range t.cells[s.start:s.end] {
		if !c.typed {
			return false
		}
	}
	return true
}
