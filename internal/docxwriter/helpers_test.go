package docxwriter_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
	"unicode"

	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/mdext"
)

// parsed parses Markdown as package report does.
func parsed(md string) ([]byte, ast.Node) {
	src := []byte(md)
	return src, mdext.Markdown().Parser().Parse(gtext.NewReader(src))
}

// doc is a document of Markdown md and facts m.
func doc(md string, m document.Meta) *document.Document {
	src, root := parsed(md)
	return &document.Document{Name: "测试", Meta: m, Source: src, Root: root}
}

// render writes d as a .docx and returns its parts by name.
func render(t *testing.T, d *document.Document, opts docxwriter.Options) map[string][]byte {
	t.Helper()
	b, err := docxwriter.Bytes(d, opts)
	if err != nil {
		t.Fatal(err)
	}
	return unzip(t, b)
}

// unzip reads the parts of a package.
func unzip(t *testing.T, b []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = data
	}
	return parts
}

// paragraphs returns the text of each w:p of a part, in order: w:t as
// written, w:tab as a tab; the paragraphs of a table cell each their own.
func paragraphs(t *testing.T, part []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(part))
	var out []string
	var cur *strings.Builder
	inText, inStops := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "p":
				cur = &strings.Builder{}
			case "t":
				inText = true
			case "tabs":
				inStops = true
			case "tab":
				if cur != nil && !inStops {
					cur.WriteByte('\t')
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "p":
				out = append(out, cur.String())
				cur = nil
			case "t":
				inText = false
			case "tabs":
				inStops = false
			}
		case xml.CharData:
			if inText && cur != nil {
				cur.Write(tok)
			}
		}
	}
}

// squeeze removes all white space: comparisons of text ignore it.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
