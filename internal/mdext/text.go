package mdext

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// Text returns the plain text of a node: what a reader sees, without markup.
//
// For an *ast.Text it is the node's own text. goldmark keeps the Markdown
// source in a text segment, backslash escapes (\*) and entity references
// (&amp;) as written; Text resolves them as goldmark's HTML writer does, and
// drops an escaped space (\ ), as extension.CJK does. Writers should take
// every *ast.Text leaf through Text; line breaks after a leaf are theirs to
// render (SoftLineBreak, HardLineBreak).
//
// For any other node it is the text of its inlines, in order: emphasis,
// links and images (their alt text) give their children's text, code spans
// their code, autolinks their label; raw HTML gives nothing. A soft line
// break gives nothing between two CJK characters and a space otherwise; a
// hard line break gives "\n", and so does the boundary between two blocks.
// Text does not include a heading's Number.
func Text(n ast.Node, source []byte) string {
	if n == nil {
		return ""
	}
	var w textWriter
	w.node(n, source)
	return w.b.String()
}

// textWriter builds plain text, holding back a soft line break until it
// knows the character that follows it.
type textWriter struct {
	b    strings.Builder
	soft bool
}

func (w *textWriter) write(s string) {
	if s == "" {
		return
	}
	if w.soft {
		w.soft = false
		last, _ := utf8.DecodeLastRuneInString(w.b.String())
		first, _ := utf8.DecodeRuneInString(s)
		if !(isCJK(last) && isCJK(first)) {
			w.b.WriteByte(' ')
		}
	}
	w.b.WriteString(s)
}

func (w *textWriter) node(n ast.Node, source []byte) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(source)
		if n.IsRaw() {
			w.write(string(v))
		} else {
			w.write(unescape(v))
		}
		return
	case *ast.String:
		switch {
		case n.IsCode(): // HTML code: only its references are text
			w.write(resolveReferences(n.Value))
		case n.IsRaw():
			w.write(string(n.Value))
		default:
			w.write(unescape(n.Value))
		}
		return
	case *ast.CodeSpan:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := string(c.Segment.Value(source))
				if s, ok := strings.CutSuffix(v, "\n"); ok {
					v = s + " "
				}
				w.write(v)
			case *ast.String:
				w.write(string(c.Value))
			}
		}
		return
	case *ast.RawHTML, *ast.HTMLBlock:
		return
	case *east.Table: // its rows as if they were its children: see TableRows
		i := 0
		for row := range Rows(n) {
			if i > 0 && w.b.Len() > 0 {
				w.soft = false
				w.b.WriteByte('\n')
			}
			w.node(row, source)
			i++
		}
		w.soft = false
		return
	case *ast.AutoLink:
		w.write(string(n.Label(source)))
		return
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			w.write(string(seg.Value(source)))
		}
		return
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock && c.PreviousSibling() != nil && w.b.Len() > 0 {
			w.soft = false
			w.b.WriteByte('\n')
		}
		w.node(c, source)
		if t, ok := c.(*ast.Text); ok {
			switch {
			case t.HardLineBreak():
				w.soft = false
				w.b.WriteByte('\n')
			case t.SoftLineBreak():
				w.soft = true
			}
		}
	}
	if n.Type() == ast.TypeBlock {
		w.soft = false // a break at the end of a block is no text
	}
}

// Unescape is Markdown text as it reads (see unescape): what Escape wrote
// back to the value, for the code that reads a filled template's text
// outside the tree (the 图表 blocks).
func Unescape(s string) string { return unescape([]byte(s)) }

// unescape turns Markdown text into what it reads: \ before an ASCII
// punctuation character is dropped, an escaped space disappears, entity
// and numeric references are resolved and NUL becomes U+FFFD.
func unescape(v []byte) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			b.WriteByte(v[i+1])
			i++
		case c == '\\' && i+1 < len(v) && v[i+1] == ' ':
			i++
		case c == '&':
			if r, n := reference(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
			} else {
				b.WriteByte(c)
			}
		case c == 0:
			b.WriteRune(utf8.RuneError)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// resolveReferences resolves entity and numeric references only.
func resolveReferences(v []byte) string {
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		if v[i] == '&' {
			if r, n := reference(v[i:]); n > 0 {
				b.WriteString(r)
				i += n - 1
				continue
			}
		}
		b.WriteByte(v[i])
	}
	return b.String()
}

// reference decodes the entity or numeric reference at the start of v
// (&amp; &#20013; &#x4E2D;) and returns its text and length, or 0.
func reference(v []byte) (string, int) {
	end := -1
	for i := 1; i < len(v) && i < 40; i++ {
		if v[i] == ';' {
			end = i
			break
		}
	}
	if end < 2 {
		return "", 0
	}
	body := string(v[1:end])
	if body[0] == '#' {
		digits, base := body[1:], 10
		if digits != "" && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if digits == "" || (base == 10 && len(digits) > 7) || (base == 16 && len(digits) > 6) {
			return "", 0
		}
		n, err := strconv.ParseUint(digits, base, 32)
		if err != nil {
			return "", 0
		}
		r := rune(n)
		if r == 0 || !utf8.ValidRune(r) {
			r = utf8.RuneError
		}
		return string(r), end + 1
	}
	for i := 0; i < len(body); i++ {
		if !util.IsAlphaNumeric(body[i]) {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(body); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// Escape makes a value literal in Markdown: whatever it contains — **重要**,
// # 标题, <script>, [链接](…), `code`, 1. or - at a line start, | in a table
// cell, &amp; — it reads as itself after parsing, with no element made of it.
//
// Every ASCII punctuation character gets a backslash (CommonMark §2.4), which
// adds no space, so CJK text stays tight. Spaces and tabs at either end of
// the value become character references (&#32;), which Markdown neither
// strips, nor reads as indentation (a code block) or as a hard line break.
// A line break cannot be data in a sentence or a table row, so each line
// break, with the spaces around it, becomes what a soft line break shows:
// nothing between two CJK characters, one space otherwise
// ("第一行\n第二行" → "第一行第二行", "line\nbreak" → "line break").
//
// Invalid UTF-8 becomes U+FFFD. Escape is for text positions: paragraphs,
// headings, list items, table cells, link text and destinations. It is not for code spans, code blocks
// or raw HTML, where backslashes are literal.
func Escape(s string) string {
	s = joinLines(strings.ToValidUTF8(s, "\uFFFD"))
	trimmed := strings.TrimLeft(s, " \t\v\f")
	lead := s[:len(s)-len(trimmed)]
	body := strings.TrimRight(trimmed, " \t\v\f")
	trail := trimmed[len(body):]

	var b strings.Builder
	b.Grow(len(s) + len(s)/4)
	writeRefs(&b, lead)
	for i := 0; i < len(body); i++ {
		if c := body[i]; c < utf8.RuneSelf && util.IsPunct(c) {
			b.WriteByte('\\')
		}
		b.WriteByte(body[i])
	}
	writeRefs(&b, trail)
	return b.String()
}

// writeRefs writes each byte of an ASCII whitespace run as a numeric
// character reference.
func writeRefs(b *strings.Builder, ws string) {
	for i := 0; i < len(ws); i++ {
		b.WriteString("&#")
		b.WriteString(strconv.Itoa(int(ws[i])))
		b.WriteByte(';')
	}
}

// joinLines replaces each line break of s, and the spaces and tabs around
// it, by nothing between two CJK characters and by a space otherwise. Line
// breaks at either end are dropped.
func joinLines(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	isBlank := func(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] != '\r' && s[i] != '\n' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && isBlank(s[j]) {
			j++
		}
		head := strings.TrimRight(b.String(), " \t")
		b.Reset()
		b.WriteString(head)
		last, _ := utf8.DecodeLastRuneInString(head)
		first, _ := utf8.DecodeRuneInString(s[j:])
		if head != "" && j < len(s) && !(isCJK(last) && isCJK(first)) {
			b.WriteByte(' ')
		}
		i = j
	}
	return b.String()
}
