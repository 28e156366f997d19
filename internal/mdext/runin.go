package mdext

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// Classes that override the run-in rule: ### 标题 {.run-in}, ### 标题。 {.standalone}.
const (
	ClassRunIn      = "run-in"
	ClassStandalone = "standalone"
)

// IsRunIn reports whether a heading runs into the paragraph that follows it.
//
// The rule (公文 practice): a heading whose text ends with sentence
// punctuation — 。！？；： possibly followed by closing quotes ” ’ 」 』 — and
// that is directly followed by a paragraph runs in; a heading without final
// punctuation stands on its own line. The class {.run-in} or {.standalone}
// overrides the punctuation ({.standalone} wins if both are given). A
// heading followed by anything but a paragraph (a list, a table, a heading,
// the end) always stands alone.
//
// A run-in heading keeps all its text, final punctuation included: writers
// print Number(h), the heading's inlines and then the paragraph's inlines as
// one paragraph, with nothing added or removed between them:
// “（一）提高思想认识，高位推动落实。积极贯彻……”. mdext never adds
// punctuation, so a heading forced with {.run-in} should end with some.
func IsRunIn(h *ast.Heading) bool {
	if h == nil {
		return false
	}
	v, ok := h.Attribute(attrRunIn)
	if !ok {
		return false
	}
	b, _ := v.(bool)
	return b
}

// RunInHeading returns the run-in heading that leads paragraph p, or nil.
// Writers skip a run-in heading where it stands and set it (number and
// text, in the heading's font) at the start of this paragraph.
func RunInHeading(p *ast.Paragraph) *ast.Heading {
	if p == nil {
		return nil
	}
	h, ok := p.PreviousSibling().(*ast.Heading)
	if !ok || !IsRunIn(h) {
		return nil
	}
	return h
}

// runsIn decides whether h runs in, from its classes, its final punctuation
// and what follows it.
func runsIn(h *ast.Heading, plain string) bool {
	if _, ok := h.NextSibling().(*ast.Paragraph); !ok {
		return false
	}
	switch {
	case hasClass(h, ClassStandalone):
		return false
	case hasClass(h, ClassRunIn):
		return true
	}
	return endsSentence(plain)
}

// hasClass reports whether the heading's class attribute lists class.
func hasClass(n ast.Node, class string) bool {
	v, ok := n.AttributeString("class")
	if !ok {
		return false
	}
	var list []byte
	switch v := v.(type) {
	case []byte:
		list = v
	case string:
		list = []byte(v)
	}
	for _, c := range bytes.Fields(list) {
		if string(c) == class {
			return true
		}
	}
	return false
}

// endsSentence reports whether s ends with sentence punctuation, looking
// through closing quotation marks.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, " \t\r\n\u3000")
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '。', '！', '？', '；', '：':
			return true
		case '”', '’', '」', '』':
			s = s[:len(s)-size]
			continue
		}
		return false
	}
	return false
}

// transformer numbers the headings of a document and decides which run in.
type transformer struct {
	numbering, runIn bool
}

func (t *transformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	source := reader.Source()
	var num numberer
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		h, ok := n.(*ast.Heading)
		if !ok {
			if n.Type() == ast.TypeInline {
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		}
		plain := Text(h, source)
		number := ""
		if t.numbering {
			number = num.next(h, plain)
		}
		h.SetAttribute(attrNumber, number)
		h.SetAttribute(attrRunIn, t.runIn && runsIn(h, plain))
		return ast.WalkSkipChildren, nil
	})
}
