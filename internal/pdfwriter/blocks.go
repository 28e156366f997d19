package pdfwriter

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/mdext"
	"briefing/internal/typeset"
)

// Blocks turns a document into the typesetter's blocks, in reading order:
// the 版头 or 报头, title, 主送机关, the body, 附件说明, the closing block,
// the annexes, and the 版记 or 报尾.
func Blocks(doc *document.Document, g typeset.Geometry) []typeset.Block {
	b := &blocker{doc: doc, g: g, src: doc.Source}
	b.head()
	if doc.Meta.Title != "" {
		b.add(typeset.Block{Kind: typeset.KindTitle, Align: typeset.AlignCenter,
			Runs: []typeset.Run{{Text: doc.Meta.Title, Style: typeset.Style{Role: typeset.RoleTitle, Size: g.TitleSize}}}})
	}
	if doc.Meta.Addressee != "" {
		b.add(typeset.Block{Kind: typeset.KindAddressee, Align: typeset.AlignJustify,
			Runs: []typeset.Run{{Text: doc.Meta.Addressee + "：", Style: b.body()}}})
	}
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		b.node(n)
	}
	if len(doc.Meta.Attachments) > 0 {
		b.add(typeset.Block{Kind: typeset.KindAttachments, Attachments: doc.Meta.Attachments,
			Runs: []typeset.Run{{Style: b.body()}}})
	}
	if doc.Meta.Org != "" || doc.Meta.Date != "" {
		b.add(typeset.Block{Kind: typeset.KindClosing,
			Closing: &typeset.Closing{Org: doc.Meta.Org, Date: doc.Meta.Date, Style: b.body()}})
	}
	for _, a := range doc.Annexes {
		b.annex(a)
	}
	b.foot()
	return b.blocks
}

// tableSize is the type size of table text: 4号.
const tableSize = 14

type blocker struct {
	doc    *document.Document
	src    []byte // the Markdown being set: the body's, or an annex's
	g      typeset.Geometry
	blocks []typeset.Block
	quote  bool                 // inside an 按语 (a block quote)
	figs   map[*chart.Chart]int // the charts' numbers, when the report has charts
}

func (b *blocker) add(bl typeset.Block) { b.blocks = append(b.blocks, bl) }

func (b *blocker) body() typeset.Style {
	return typeset.Style{Role: typeset.RoleBody, Size: b.g.BodySize}
}

// text is the type of running text: the body's, or 楷体 in an 按语.
func (b *blocker) text() typeset.Style {
	s := b.body()
	if b.quote {
		s.Role = typeset.RoleKai
	}
	return s
}

// headingStyle is the type of a heading of 公文 level: 一、 in 黑体,
// （一） in 楷体, 1. and （1） in the body font.
func (b *blocker) headingStyle(level int) typeset.Style {
	s := b.body()
	switch level {
	case 0, 1:
		s.Role = typeset.RoleHei
	case 2:
		s.Role = typeset.RoleKai
	}
	return s
}

// runs converts the inline content of n to runs in style base; strong
// emphasis is bold, emphasis 楷体 (as the HTML page sets <em>).
func (b *blocker) runs(n ast.Node, base typeset.Style) []typeset.Run {
	var out []typeset.Run
	for _, sp := range document.Spans(n, b.src) {
		s := base
		s.Bold = s.Bold || sp.Strong
		if sp.Emph {
			s.Role = typeset.RoleKai
		}
		text := strings.ReplaceAll(sp.Text, "\n", "")
		if text == "" {
			continue
		}
		if k := len(out) - 1; k >= 0 && out[k].Style == s {
			out[k].Text += text
			continue
		}
		out = append(out, typeset.Run{Text: text, Style: s})
	}
	return out
}

// headingRuns is a heading's number and text in the type of its level.
func (b *blocker) headingRuns(h *ast.Heading) []typeset.Run {
	s := b.headingStyle(mdext.Level(h))
	var out []typeset.Run
	if num := mdext.Number(h); num != "" {
		out = append(out, typeset.Run{Text: num, Style: s})
	}
	for _, r := range b.runs(h, s) {
		if len(out) > 0 && out[len(out)-1].Style == r.Style {
			out[len(out)-1].Text += r.Text
		} else {
			out = append(out, r)
		}
	}
	return out
}

func (b *blocker) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		b.heading(n)
	case *ast.Paragraph:
		b.paragraph(n)
	case *ast.TextBlock:
		b.add(typeset.Block{Kind: typeset.KindParagraph, Indent: 2, Align: typeset.AlignJustify,
			Runs: b.runs(n, b.text()), Ref: n})
	case *ast.List:
		b.list(n)
	case *ast.Blockquote:
		b.blockquote(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		if ch := b.doc.Chart(n, b.src); ch != nil {
			b.chartBlocks(n, ch)
			return
		}
		b.literal(n)
	case *east.Table:
		b.table(n)
	case *ast.ThematicBreak:
		b.add(typeset.Block{Kind: typeset.KindPageBreak, Ref: n})
	}
}

// heading adds a heading on its own lines; a run-in heading is set at the
// start of the paragraph it leads. In an 按语 a heading is a paragraph of
// the 按语, without a number.
func (b *blocker) heading(h *ast.Heading) {
	if b.quote {
		b.add(typeset.Block{Kind: typeset.KindParagraph, Indent: 2, Align: typeset.AlignJustify,
			Runs: b.runs(h, b.text()), Ref: h})
		return
	}
	if mdext.IsRunIn(h) {
		return // set at the start of the paragraph it leads
	}
	level := mdext.Level(h)
	bl := typeset.Block{Kind: typeset.KindHeading, Level: level, Indent: 2, Align: typeset.AlignJustify,
		Runs: b.headingRuns(h), Ref: h}
	if level == 0 {
		bl.Indent, bl.Align = 0, typeset.AlignCenter
	}
	b.add(bl)
}

// paragraph adds a body paragraph, led by its run-in heading if it has one.
func (b *blocker) paragraph(p *ast.Paragraph) {
	bl := typeset.Block{Kind: typeset.KindParagraph, Indent: 2, Align: typeset.AlignJustify, Ref: p}
	if h := mdext.RunInHeading(p); h != nil && !b.quote {
		bl.Runs = b.headingRuns(h)
		bl.Lead = len(bl.Runs)
		bl.Level = mdext.Level(h)
		bl.Ref = h
	}
	bl.Runs = append(bl.Runs, b.runs(p, b.text())...)
	if len(bl.Runs) > 0 {
		b.add(bl)
	}
}

// list sets each item as body paragraphs; an ordered item's first
// paragraph starts with its number (“1.”).
func (b *blocker) list(l *ast.List) {
	i := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		first := len(b.blocks)
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			b.node(c)
		}
		if l.IsOrdered() && first < len(b.blocks) {
			marker := typeset.Run{Text: strconv.Itoa(i) + ".", Style: b.text()}
			b.blocks[first].Runs = append([]typeset.Run{marker}, b.blocks[first].Runs...)
		}
		i++
	}
}

// blockquote sets an 按语: its paragraphs in 楷体, on the body's grid,
// size and indent. A quote inside it is part of it.
func (b *blocker) blockquote(q *ast.Blockquote) {
	outer := b.quote
	b.quote = true
	for c := q.FirstChild(); c != nil; c = c.NextSibling() {
		b.node(c)
	}
	b.quote = outer
}

// literal sets the lines of a code or HTML block as text, never
// interpreted, one line a paragraph.
func (b *blocker) literal(n ast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		text := strings.TrimRight(string(seg.Value(b.src)), "\r\n")
		if strings.TrimSpace(text) == "" {
			continue
		}
		b.add(typeset.Block{Kind: typeset.KindParagraph, Align: typeset.AlignLeft,
			Runs: []typeset.Run{{Text: text, Style: b.text()}}, Ref: n})
	}
}

func (b *blocker) table(t *east.Table) {
	tab := &typeset.Table{}
	for row := range mdext.Rows(t) {
		// Tables are set in 4号 (14 pt), as 公文 set them, so that a
		// table's lines are not mistaken for body lines of the grid.
		style := typeset.Style{Role: typeset.RoleBody, Size: tableSize}
		if document.IsHeaderRow(row) {
			style.Role = typeset.RoleHei
		}
		var cells []typeset.Cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, typeset.Cell{Runs: b.runs(c, style)})
		}
		if document.IsHeaderRow(row) {
			tab.Header = append(tab.Header, cells)
		} else {
			tab.Rows = append(tab.Rows, cells)
		}
	}
	for _, a := range document.ColumnAligns(t, b.src) {
		col := typeset.Column{Align: typeset.AlignLeft}
		switch a {
		case east.AlignRight:
			col.Align = typeset.AlignRight
		case east.AlignCenter:
			col.Align = typeset.AlignCenter
		}
		tab.Columns = append(tab.Columns, col)
	}
	b.add(typeset.Block{Kind: typeset.KindTable, Table: tab, Ref: t})
}
