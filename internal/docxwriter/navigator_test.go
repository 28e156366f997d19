package docxwriter_test

import (
	"archive/zip"
	"encoding/xml"
	"io"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

// TestNavigator converts the samples' .docx to ODT with LibreOffice and
// reads the headings it lists in its navigator (text:h, with their outline
// level and style): every heading that stands on its line, in order, at its
// 公文 level, in the style of its level — and nothing else.
func TestNavigator(t *testing.T) {
	o := newOffice(t)
	for _, sm := range samples {
		dir := t.TempDir()
		r := renderSample(t, dir, sm.dir)
		got := odtHeadings(t, o.convert(t, r.docx, "odt", dir))
		want := outline(r.res.Document)
		t.Logf("%s: %d headings in the navigator", sm.name, len(got))
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%s: the navigator lists\n%s\nwant\n%s", sm.name, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}

// outline lists the headings of doc that stand on lines of their own as
// “level style text”.
func outline(doc *document.Document) []string {
	var out []string
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		h, ok := n.(*ast.Heading)
		if !ok || !entering || mdext.IsRunIn(h) || mdext.Level(h) == 0 {
			return ast.WalkContinue, nil
		}
		level := mdext.Level(h)
		name := []string{"", "一级标题", "二级标题", "三级标题", "四级标题"}[level]
		out = append(out, strconv.Itoa(level)+" "+name+" "+mdext.Number(h)+mdext.Text(h, doc.Source))
		return ast.WalkContinue, nil
	})
	return out
}

// odtHeadings reads the text:h elements of an ODT's content.xml as
// “level style text”.
func odtHeadings(t *testing.T, odt string) []string {
	t.Helper()
	zr, err := zip.OpenReader(odt)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open("content.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []string
	var cur *strings.Builder
	var head string
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			if tok.Name.Local == "h" {
				cur, head = &strings.Builder{}, attrOf(tok, "outline-level")+" "+strings.ReplaceAll(attrOf(tok, "style-name"), "_20_", " ")
			}
		case xml.CharData:
			if cur != nil {
				cur.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "h" && cur != nil {
				out = append(out, head+" "+cur.String())
				cur = nil
			}
		}
	}
}

func attrOf(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
