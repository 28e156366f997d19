// Package textwriter renders a report as plain UTF-8 text, one paragraph a
// line, in the order the PDF sets it: the 版头 or 报头, title, 主送机关, body (headings with
// their 公文 numbers, run-in leads joined to their paragraphs; the
// paragraphs of an 按语, a block quote, as plain paragraphs, a heading in
// it without its number; list items as paragraphs, an ordered one led by
// its number), tables (one row a line, cells separated by tabs), 附件说明,
// 发文机关 and 成文日期, the annexes (附件N, title, body), the 版记 or 报尾.
// A line of the frame that holds two things (发文字号 and 签发人, 印发机关
// and 印发日期) is one line, the two parted by a full-width space; the
// bodies of a joint 标志 come one a line and then 文件, as the PDF reads.
//
// It is the text a reader of the PDF sees, for diffing one month's report
// against the last and for checking the PDF's text (typocheck --expected).
package textwriter

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

// Bytes renders doc into memory.
func Bytes(doc *document.Document) []byte {
	var b bytes.Buffer
	_ = Write(&b, doc)
	return b.Bytes()
}

// Write renders doc as plain text to w.
func Write(w io.Writer, doc *document.Document) error {
	t := &writer{doc: doc, src: doc.Source}
	m := doc.Meta
	t.head()
	t.line(m.Title)
	if m.Addressee != "" {
		t.line(m.Addressee + "：")
	}
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		t.block(n)
	}
	for i, a := range m.Attachments {
		switch {
		case len(m.Attachments) == 1:
			t.line("附件：" + a)
		case i == 0:
			t.line(fmt.Sprintf("附件：%d. %s", i+1, a))
		default:
			t.line(fmt.Sprintf("%d. %s", i+1, a))
		}
	}
	t.line(m.Org)
	t.line(m.Date)
	for _, a := range doc.Annexes {
		t.annex(a)
	}
	t.foot()
	_, err := w.Write(t.b.Bytes())
	return err
}

type writer struct {
	doc   *document.Document
	src   []byte // the Markdown being written: the body's or an annex's
	b     bytes.Buffer
	quote bool // inside an 按语 (a block quote)
}

func (t *writer) line(s string) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	t.b.WriteString(s)
	t.b.WriteByte('\n')
}

func (t *writer) inline(n ast.Node) string {
	var b strings.Builder
	for _, sp := range document.Spans(n, t.src) {
		b.WriteString(strings.ReplaceAll(sp.Text, "\n", ""))
	}
	return b.String()
}

func (t *writer) block(n ast.Node) {
	src := t.src
	switch n := n.(type) {
	case *ast.Heading:
		switch {
		case t.quote: // a paragraph of the 按语, without a number
			t.line(t.inline(n))
		case !mdext.IsRunIn(n):
			t.line(mdext.Number(n) + t.inline(n))
		}
	case *ast.Paragraph:
		lead := ""
		if h := mdext.RunInHeading(n); h != nil && !t.quote {
			lead = mdext.Number(h) + t.inline(h)
		}
		t.line(lead + t.inline(n))
	case *ast.TextBlock:
		t.line(t.inline(n))
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if c == item.FirstChild() && n.IsOrdered() {
					t.line(fmt.Sprintf("%d.%s", i, t.inline(c)))
					continue
				}
				t.block(c)
			}
			i++
		}
	case *ast.Blockquote:
		outer := t.quote
		t.quote = true
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			t.block(c)
		}
		t.quote = outer
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		if ch := t.doc.Chart(n, src); ch != nil {
			// a chart: its caption, as the PDF sets it under the chart
			t.line(document.Caption(t.doc.Figures()[ch], ch))
			return
		}
		lines := n.Lines()
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			t.line(string(seg.Value(src)))
		}
	case *east.Table:
		for row := range mdext.Rows(n) {
			var cells []string
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				cells = append(cells, t.inline(c))
			}
			t.line(strings.Join(cells, "\t"))
		}
	}
}
