package docxwriter

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/mdext"
)

// block writes a block of the body or of an annex, as the PDF sets it.
func (w *writer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		w.heading(n)
	case *ast.Paragraph:
		w.paragraph(n)
	case *ast.TextBlock:
		w.text(n)
	case *ast.List:
		w.list(n)
	case *ast.Blockquote:
		w.blockquote(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		if ch := w.doc.Chart(n, w.src); ch != nil {
			w.chart(ch)
			return
		}
		w.literal(n)
	case *east.Table:
		w.prefix = ""
		w.table(n)
	case *ast.ThematicBreak:
		w.prefix = ""
		w.p(para{}, func() { w.s(`<w:r><w:br w:type="page"/></w:r>`) })
	}
}

// children writes the blocks inside n.
func (w *writer) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c)
	}
}

// textStyle is the style of running text: the body's, or the 按语's.
func (w *writer) textStyle() string {
	if w.quote {
		return styleQuote
	}
	return ""
}

// takePrefix returns the pending list number and clears it.
func (w *writer) takePrefix() string {
	p := w.prefix
	w.prefix = ""
	return p
}

// heading writes a heading standing alone, its number typed as text, in
// the style of its level; a run-in heading is written as the lead of its
// paragraph. In an 按语 a heading is a paragraph of the 按语, without a
// number.
func (w *writer) heading(h *ast.Heading) {
	if w.quote {
		w.text(h)
		return
	}
	if mdext.IsRunIn(h) {
		return
	}
	st := styleCentred
	if level := mdext.Level(h); level > 0 {
		st = headingStyle(level)
	}
	w.p(para{style: st}, func() {
		w.run(w.takePrefix()+mdext.Number(h), look{})
		w.inline(h, look{})
	})
}

// paragraph writes a body paragraph, led by its run-in heading, if it has
// one, in the character style of the heading's level.
func (w *writer) paragraph(p *ast.Paragraph) {
	h := mdext.RunInHeading(p)
	if w.quote {
		h = nil
	}
	if h == nil {
		w.text(p)
		return
	}
	lead := look{style: leadStyle(mdext.Level(h))}
	w.p(para{style: w.textStyle()}, func() {
		w.run(w.takePrefix(), look{})
		w.run(mdext.Number(h), lead)
		w.inline(h, lead)
		w.inline(p, look{})
	})
}

// text writes a paragraph of running text, or nothing when it has none.
func (w *writer) text(n ast.Node) {
	if !w.hasContent(n) && w.prefix == "" {
		return
	}
	w.p(para{style: w.textStyle()}, func() {
		w.run(w.takePrefix(), look{})
		w.inline(n, look{})
	})
}

// list writes each item as paragraphs, an ordered item's first one led by
// its number (“1.”), as the PDF sets them.
func (w *writer) list(l *ast.List) {
	i := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if l.IsOrdered() {
			w.prefix = strconv.Itoa(i) + "."
		}
		w.children(item)
		w.prefix = ""
		i++
	}
}

// blockquote writes an 按语: its paragraphs in the style 按语 (楷体). A
// quote inside it is part of it.
func (w *writer) blockquote(q *ast.Blockquote) {
	outer := w.quote
	w.quote = true
	w.children(q)
	w.quote = outer
}

// literal writes the lines of a code or HTML block as text, one paragraph
// a line, never interpreted.
func (w *writer) literal(n ast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := strings.TrimRight(string(seg.Value(w.src)), "\r\n")
		if strings.TrimSpace(line) == "" {
			continue
		}
		w.p(para{style: styleLiteral}, func() { w.run(w.takePrefix()+line, look{}) })
	}
}
