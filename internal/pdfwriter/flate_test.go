package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"testing"

	"briefing/internal/fonts"
)

// writeGongwen is the PDF of a 30-paragraph 公文.
func writeGongwen(t *testing.T) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, gongwen(30), Options{Fonts: fonts.Bundled()}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestOneCompressorSameFile: a PDF whose page contents are compressed
// afterwards with one compressor holds, object for object, what fpdf
// writes when it compresses each page itself (as it does above
// fpdfCompressesAbove pages): the same objects, each stream decompressing
// to the same bytes, and a cross-reference table that finds each object.
func TestOneCompressorSameFile(t *testing.T) {
	ours := writeGongwen(t)
	if regexp.MustCompile(`<</Length \d+>>\nstream`).Match(ours) {
		t.Error("a page's content is left uncompressed")
	}
	checkXref(t, ours)
	old := fpdfCompressesAbove
	defer func() { fpdfCompressesAbove = old }()
	for _, above := range []int{0, 1} {
		fpdfCompressesAbove = above
		fpdfs := writeGongwen(t)
		a, b := objects(t, ours), objects(t, fpdfs)
		if len(a) != len(b) {
			t.Fatalf("fpdf compressing above %d pages: %d objects, fpdf's %d", above, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("fpdf compressing above %d pages: object %d differs:\n%.300q\nfpdf's:\n%.300q", above, i+1, a[i], b[i])
			}
		}
	}
}

var (
	objRE    = regexp.MustCompile(`(?s)\n(\d+) 0 obj\n(.*?)\nendobj`)
	streamRE = regexp.MustCompile(`(?s)\A(.*?)stream\n(.*)\nendstream\z`)
	lengthRE = regexp.MustCompile(`/Length \d+`)
)

// objects returns the objects of a PDF in order, each with its stream
// decompressed and its /Length left out.
func objects(t *testing.T, pdf []byte) []string {
	t.Helper()
	var out []string
	for _, m := range objRE.FindAllSubmatch(pdf, -1) {
		body := m[2]
		if s := streamRE.FindSubmatch(body); s != nil {
			data := s[2]
			if bytes.Contains(s[1], []byte("/FlateDecode")) {
				r, err := zlib.NewReader(bytes.NewReader(data))
				if err != nil {
					t.Fatalf("object %s: %v", m[1], err)
				}
				if data, err = io.ReadAll(r); err != nil {
					t.Fatalf("object %s: %v", m[1], err)
				}
			}
			body = append(lengthRE.ReplaceAll(s[1], nil), data...)
		}
		out = append(out, string(body))
	}
	return out
}

// checkXref checks that each entry of the cross-reference table points at
// its object.
func checkXref(t *testing.T, pdf []byte) {
	t.Helper()
	_, offsets, err := readXref(pdf)
	if err != nil {
		t.Fatal(err)
	}
	for j := 1; j < len(offsets); j++ {
		if want := fmt.Sprintf("%d 0 obj\n", j); !bytes.HasPrefix(pdf[offsets[j]:], []byte(want)) {
			t.Errorf("the table's entry %d points at %.20q", j, pdf[offsets[j]:])
		}
	}
}

// TestCompressPagesRefusesOtherFiles: a file whose cross-reference table
// is not fpdf's is an error, not a broken PDF.
func TestCompressPagesRefusesOtherFiles(t *testing.T) {
	for _, pdf := range []string{"", "%PDF-1.3\n", "%PDF-1.3\nstartxref\n5\n%%EOF\n", "%PDF-1.3\nxref\n0 2\n\nstartxref\n9\n%%EOF\n"} {
		if err := finish(&bytes.Buffer{}, []byte(pdf), nil); err == nil {
			t.Errorf("%q: no error", pdf)
		}
	}
}

// TestFinishNeedsEveryProgram: a font program whose placeholder is not in
// fpdf's file is an error, not a PDF without the font.
func TestFinishNeedsEveryProgram(t *testing.T) {
	pdf := writeGongwen(t)
	if err := finish(&bytes.Buffer{}, pdf, map[string]*program{"%briefing: the program of font f9p9": {data: []byte("x")}}); err == nil {
		t.Error("no error")
	}
}
