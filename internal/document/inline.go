package document

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"briefing/internal/mdext"
)

// Span is a piece of inline text with the emphasis it carries.
type Span struct {
	Text   string
	Strong bool
	Emph   bool
	Code   bool
	Link   string // destination of the link the span is part of, if any

	// Raw is set for a raw HTML tag of a template: Text is the tag as
	// written. Writers show it as text unless they let it through.
	Raw bool
	// Image is set for an image: Text is its description, which a writer
	// that cannot show the image shows instead.
	Image *ast.Image

	soft bool // a soft line break, resolved before Spans returns
}

// plain reports whether s is ordinary text that may merge with its
// neighbours.
func (s Span) plain() bool { return !s.soft && !s.Raw && s.Image == nil }

// Spans flattens the inline content of a block node (a paragraph, a
// heading, a table cell) into spans of plain text. Backslash escapes and
// character references are resolved (mdext.Text), so that the text is what a
// reader sees; raw HTML is kept as literal text, never interpreted. A soft line break between two East Asian
// characters disappears, elsewhere it becomes a space.
func Spans(n ast.Node, source []byte) []Span {
	var out []Span
	var walk func(n ast.Node, s Span)
	walk = func(n ast.Node, s Span) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := s
				t.Text = mdext.Text(c, source)
				out = appendSpan(out, t)
				if c.HardLineBreak() {
					t.Text = "\n"
					out = appendSpan(out, t)
				} else if c.SoftLineBreak() {
					out = append(out, Span{soft: true, Strong: s.Strong, Emph: s.Emph, Link: s.Link})
				}
			case *ast.String:
				t := s
				t.Text = mdext.Text(c, source)
				out = appendSpan(out, t)
			case *ast.CodeSpan:
				t := s
				t.Code = true
				t.Text = mdext.Text(c, source)
				out = appendSpan(out, t)
			case *ast.Emphasis:
				t := s
				if c.Level >= 2 {
					t.Strong = true
				} else {
					t.Emph = true
				}
				walk(c, t)
			case *ast.Link:
				t := s
				t.Link = string(c.Destination)
				walk(c, t)
			case *ast.AutoLink:
				t := s
				t.Link = string(c.URL(source))
				t.Text = string(c.Label(source))
				out = appendSpan(out, t)
			case *ast.RawHTML:
				t := s
				var b strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(source))
				}
				t.Text, t.Raw = b.String(), true
				out = append(out, t)
			case *ast.Image:
				t := s
				t.Text, t.Image = mdext.Text(c, source), c
				out = append(out, t)
			case *east.Strikethrough:
				walk(c, s)
			default:
				walk(c, s)
			}
		}
	}
	walk(n, Span{})
	return resolveSoftBreaks(out)
}

func appendSpan(out []Span, s Span) []Span {
	if s.Text == "" && s.plain() {
		return out
	}
	if n := len(out); n > 0 {
		last := &out[n-1]
		if last.plain() && s.plain() && last.Strong == s.Strong && last.Emph == s.Emph && last.Code == s.Code && last.Link == s.Link {
			last.Text += s.Text
			return out
		}
	}
	return append(out, s)
}

// resolveSoftBreaks drops a soft line break between East Asian characters
// and turns any other into a space (CSS Text 3's segment break rule, as
// goldmark's CJK extension does for HTML).
func resolveSoftBreaks(spans []Span) []Span {
	out := spans[:0:0]
	for i, s := range spans {
		if !s.soft {
			out = appendSpan(out, s)
			continue
		}
		// Look through raw tags and images for the characters on either
		// side of the break.
		var before, after rune
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].plain() {
				before, _ = utf8.DecodeLastRuneInString(out[k].Text)
				break
			}
		}
		for _, n := range spans[i+1:] {
			if n.plain() {
				after, _ = utf8.DecodeRuneInString(n.Text)
				break
			}
		}
		if before == 0 || after == 0 || util.IsEastAsianWideRune(before) || util.IsEastAsianWideRune(after) {
			continue
		}
		s.Text, s.soft = " ", false
		out = appendSpan(out, s)
	}
	return out
}
