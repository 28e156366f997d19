package mdext

import (
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// NewHTMLRenderer returns a goldmark NodeRenderer for headings and
// paragraphs that shows what the extension decided, for tests and examples
// (the report's own HTML writer walks the AST itself):
//
//   - a heading prints its Number before its text: <h3>（一）标题</h3>;
//   - a run-in heading opens the paragraph it leads, as a span:
//     <p><span class="run-in">（一）标题。</span>正文</p>.
//
// New registers it unless WithHTML(false) is given.
func NewHTMLRenderer() renderer.NodeRenderer { return htmlRenderer{} }

type htmlRenderer struct{}

func (r htmlRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindHeading, r.heading)
	reg.Register(ast.KindParagraph, r.paragraph)
}

func (htmlRenderer) heading(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	h := node.(*ast.Heading)
	level := "0123456"[h.Level]
	if IsRunIn(h) {
		if entering {
			p := h.NextSibling() // a paragraph: IsRunIn says so
			_, _ = w.WriteString("<p")
			html.RenderAttributes(w, p, html.ParagraphAttributeFilter)
			_, _ = w.WriteString(`><span class="run-in">`)
			_, _ = w.Write(util.EscapeHTML([]byte(Number(h))))
		} else {
			_, _ = w.WriteString("</span>")
		}
		return ast.WalkContinue, nil
	}
	if entering {
		_, _ = w.WriteString("<h")
		_ = w.WriteByte(level)
		html.RenderAttributes(w, h, html.HeadingAttributeFilter)
		_ = w.WriteByte('>')
		_, _ = w.Write(util.EscapeHTML([]byte(Number(h))))
	} else {
		_, _ = w.WriteString("</h")
		_ = w.WriteByte(level)
		_, _ = w.WriteString(">\n")
	}
	return ast.WalkContinue, nil
}

func (htmlRenderer) paragraph(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	p := node.(*ast.Paragraph)
	if entering {
		if RunInHeading(p) != nil {
			return ast.WalkContinue, nil // the heading opened it
		}
		_, _ = w.WriteString("<p")
		html.RenderAttributes(w, p, html.ParagraphAttributeFilter)
		_ = w.WriteByte('>')
	} else {
		_, _ = w.WriteString("</p>\n")
	}
	return ast.WalkContinue, nil
}
