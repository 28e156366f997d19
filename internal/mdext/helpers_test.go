package mdext

import (
	"bytes"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// render converts src with md to HTML.
func render(t testing.TB, md goldmark.Markdown, src string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := md.Convert([]byte(src), &buf); err != nil {
		t.Fatalf("Convert(%q): %v", src, err)
	}
	return buf.String()
}

// parse parses src with md.
func parse(md goldmark.Markdown, src string) ast.Node {
	return md.Parser().Parse(text.NewReader([]byte(src)))
}

// headings returns the headings of doc in document order.
func headings(doc ast.Node) []*ast.Heading {
	var hs []*ast.Heading
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering {
			hs = append(hs, h)
		}
		return ast.WalkContinue, nil
	})
	return hs
}

// kinds returns the kinds of all nodes of doc, each once, in the order first met.
