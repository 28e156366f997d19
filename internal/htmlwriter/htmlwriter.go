// Package htmlwriter renders a report as one self-contained HTML page: styles
// inline, nothing fetched from anywhere, no script. It walks the same
// document as the PDF writer, with the same 公文 numbering and run-in
// headings; on a desktop the page is an A4 sheet, on a phone the text
// reflows, and printed it follows the GB/T 9704 layout.
//
// Every text is escaped. Raw HTML in a template is shown as text, never
// passed through, and links keep their href only when it is http, https or
// mailto.
package htmlwriter

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

//go:embed style.css
var style string

// Options configure the page.
type Options struct {
	Generator string // e.g. “briefing 0.1”, written into <meta name="generator">
}

// Bytes renders doc into memory.
func Bytes(doc *document.Document, opts Options) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, doc, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write renders doc as an HTML page to w.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	if opts.Generator == "" {
		opts.Generator = "briefing"
	}
	r := &writer{doc: doc}
	m := doc.Meta
	r.s("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	r.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	r.s("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n")
	r.f("<title>%s</title>\n", esc(m.Title))
	if m.Org != "" {
		r.f("<meta name=\"author\" content=\"%s\">\n", esc(m.Org))
	}
	r.f("<meta name=\"generator\" content=\"%s\">\n", esc(opts.Generator))
	r.s("<style>\n" + style + "</style>\n</head>\n<body>\n<article class=\"sheet\">\n")
	if m.Title != "" {
		r.f("<h1 class=\"title\">%s</h1>\n", esc(m.Title))
	}
	if m.Addressee != "" {
		r.f("<p class=\"addressee\">%s：</p>\n", esc(m.Addressee))
	}
	for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
		r.block(n)
	}
	if len(m.Attachments) > 0 {
		r.s("<div class=\"attachments\">\n")
		for i, a := range m.Attachments {
			label := "附件："
			if i > 0 {
				label = "<span style=\"visibility:hidden\">附件：</span>"
			}
			num := ""
			if len(m.Attachments) > 1 {
				num = fmt.Sprintf("%d. ", i+1)
			}
			r.f("<p><span class=\"label\">%s%s</span><span>%s</span></p>\n", label, num, esc(a))
		}
		r.s("</div>\n")
	}
	if m.Org != "" || m.Date != "" {
		r.s("<div class=\"closing\"><div class=\"block\">\n")
		if m.Org != "" {
			r.f("<p class=\"org\">%s</p>\n", esc(m.Org))
		}
		if m.Date != "" {
			r.f("<p class=\"date\">%s</p>\n", esc(m.Date))
		}
		r.s("</div></div>\n")
	}
	r.s("</article>\n</body>\n</html>\n")
	_, err := w.Write(r.b.Bytes())
	return err
}

type writer struct {
	doc *document.Document
	b   bytes.Buffer
}

func (r *writer) s(s string)                { r.b.WriteString(s) }
func (r *writer) f(format string, a ...any) { fmt.Fprintf(&r.b, format, a...) }

func esc(s string) string { return html.EscapeString(s) }

// tag is the HTML heading element of a 公文 level: the title is <h1>,
// 一、 <h2>, （一） <h3>, 1. <h4>, （1） <h5>; unnumbered headings are <h6>.
func tag(level int) string {
	if level < 1 || level > 4 {
		return "h6"
	}
	return fmt.Sprintf("h%d", level+1)
}

func (r *writer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		if mdext.IsRunIn(n) {
			return // rendered as the lead of its paragraph
		}
		level := mdext.Level(n)
		t := tag(level)
		class := ""
		if level == 0 {
			class = ` class="center"`
		}
		r.f("<%s%s>%s", t, class, esc(mdext.Number(n)))
		r.inline(n)
		r.f("</%s>\n", t)
	case *ast.Paragraph:
		r.s("<p>")
		if h := mdext.RunInHeading(n); h != nil {
			level := mdext.Level(h)
			r.f("<span class=\"lead l%d\" role=\"heading\" aria-level=\"%d\">%s", level, level+1, esc(mdext.Number(h)))
			r.inline(h)
			r.s("</span>")
		}
		r.inline(n)
		r.s("</p>\n")
	case *ast.TextBlock:
		r.s("<p>")
		r.inline(n)
		r.s("</p>\n")
	case *ast.List:
		i := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				if c == item.FirstChild() && n.IsOrdered() {
					r.f("<p>%d.", i)
					r.inline(c)
					r.s("</p>\n")
					continue
				}
				r.block(c)
			}
			i++
		}
	case *ast.Blockquote:
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
	case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock:
		lines := n.Lines()
		var b strings.Builder
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			b.Write(seg.Value(r.doc.Source))
		}
		if text := strings.TrimRight(b.String(), "\r\n"); strings.TrimSpace(text) != "" {
			r.f("<p class=\"literal\">%s</p>\n", esc(text))
		}
	case *east.Table:
		r.table(n)
	case *ast.ThematicBreak:
		r.s("<hr class=\"page-break\">\n")
	}
}

func (r *writer) inline(n ast.Node) {
	for _, sp := range document.Spans(n, r.doc.Source) {
		text := esc(sp.Text)
		text = strings.ReplaceAll(text, "\n", "<br>")
		if sp.Code {
			text = "<code>" + text + "</code>"
		}
		if sp.Emph {
			text = "<em>" + text + "</em>"
		}
		if sp.Strong {
			text = "<strong>" + text + "</strong>"
		}
		if sp.Link != "" && safeURL(sp.Link) {
			text = fmt.Sprintf("<a href=\"%s\">%s</a>", esc(sp.Link), text)
		}
		r.s(text)
	}
}

// safeURL reports whether a link destination may become an href.
func safeURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}

func (r *writer) table(t *east.Table) {
	aligns := document.ColumnAligns(t, r.doc.Source)
	class := func(i int) string {
		if i >= len(aligns) {
			return ""
		}
		switch aligns[i] {
		case east.AlignRight:
			return ` class="num"`
		case east.AlignCenter:
			return ` class="center"`
		}
		return ""
	}
	r.s("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\"><table>\n")
	inBody := false
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		head := document.IsHeaderRow(row)
		if head {
			r.s("<thead>")
		} else if !inBody {
			r.s("<tbody>\n")
			inBody = true
		}
		r.s("<tr>")
		i := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			if head {
				r.f("<th scope=\"col\"%s>", class(i))
				r.inline(c)
				r.s("</th>")
			} else {
				r.f("<td%s>", class(i))
				r.inline(c)
				r.s("</td>")
			}
			i++
		}
		r.s("</tr>")
		if head {
			r.s("</thead>\n")
		} else {
			r.s("\n")
		}
	}
	if inBody {
		r.s("</tbody>\n")
	}
	r.s("</table></div>\n")
}
