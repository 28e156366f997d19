package htmlwriter_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/text"
	"golang.org/x/net/html"

	"briefing/internal/build"
	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/mdext"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

const sampleReport = "../../templates/情况汇报"

// renderSample builds the sample report in memory, PDF and HTML.
func renderSample(t *testing.T) *build.Result {
	t.Helper()
	res, err := build.Render(build.Options{Report: sampleReport, Fonts: fonts.Bundled(), KeepLayout: true})
	if err != nil {
		t.Fatalf("building the sample: %v", err)
	}
	return res
}

func fileOf(t *testing.T, res *build.Result, format string) []byte {
	t.Helper()
	data := res.Data(format)
	if data == nil {
		t.Fatalf("no %s file", format)
	}
	return data
}

// parseDoc parses Markdown the way package report does and wraps it in a
// document.
func parseDoc(md string, meta document.Meta) *document.Document {
	src := []byte(md)
	return &document.Document{Name: "测试", Meta: meta, Source: src,
		Root: mdext.Markdown().Parser().Parse(text.NewReader(src))}
}

func page(t *testing.T, doc *document.Document, opts htmlwriter.Options) []byte {
	t.Helper()
	b, err := htmlwriter.Bytes(doc, opts)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// squeeze removes all white space: comparisons ignore it.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfStructure is what the PDF sets, from its layout: the title and every
// heading, a run-in heading's text being the start of its paragraph; and
// the text of every paragraph (a run-in heading included).
type pdfStructure struct {
	Headings   []string
	Paragraphs []string
}

func pdfOf(t *testing.T, res *build.Result) pdfStructure {
	t.Helper()
	if res.Layout == nil {
		t.Fatal("no PDF layout")
	}
	blocks := pdfwriter.Blocks(res.Document, res.Layout.Geometry)
	text := make([]strings.Builder, len(blocks))
	for _, p := range res.Layout.Pages {
		for _, l := range p.Lines {
			for _, g := range l.Glyphs {
				text[l.Block].WriteRune(g.R)
			}
		}
	}
	var s pdfStructure
	for i, b := range blocks {
		set := squeeze(text[i].String())
		switch b.Kind {
		case typeset.KindTitle, typeset.KindHeading, typeset.KindAnnexTitle:
			s.Headings = append(s.Headings, set)
			if b.Kind != typeset.KindTitle {
				s.Paragraphs = append(s.Paragraphs, set)
			}
		case typeset.KindParagraph:
			s.Paragraphs = append(s.Paragraphs, set)
			if b.Lead > 0 {
				var lead strings.Builder
				for _, r := range b.Runs[:b.Lead] {
					lead.WriteString(r.Text)
				}
				l := squeeze(lead.String())
				if !strings.HasPrefix(set, l) {
					t.Fatalf("the PDF sets the lead %q, but its paragraph starts %q", l, set)
				}
				s.Headings = append(s.Headings, l)
			}
		}
	}
	return s
}

func parseHTML(t *testing.T, page []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	for _, c := range strings.Fields(v) {
		if c == class {
			return true
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// all returns the elements under n, in document order, for which match is
// true.
func all(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func tagIs(names ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		for _, name := range names {
			if n.Data == name {
				return true
			}
		}
		return false
	}
}

// htmlStructure is the same as pdfStructure, read from the page: the title
// and headings are <h1>–<h6> and role="heading"; the paragraphs are the
// body's <p> and standalone headings, without the 主送机关 and the closing
// block.
func htmlOf(t *testing.T, page []byte) pdfStructure {
	t.Helper()
	root := parseHTML(t, page)
	var s pdfStructure
	for _, n := range all(root, func(n *html.Node) bool {
		role, _ := attr(n, "role")
		return tagIs("h1", "h2", "h3", "h4", "h5", "h6")(n) || role == "heading"
	}) {
		s.Headings = append(s.Headings, squeeze(textOf(n)))
	}
	for _, n := range all(root, func(n *html.Node) bool {
		if hasClass(n, "title") {
			return false
		}
		if n.Data == "p" {
			return !hasClass(n, "addressee") && !hasClass(n, "org") && !hasClass(n, "date")
		}
		return tagIs("h1", "h2", "h3", "h4", "h5", "h6")(n)
	}) {
		s.Paragraphs = append(s.Paragraphs, squeeze(textOf(n)))
	}
	return s
}
