package pdfwriter

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
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

// TestFontProgramsInPlace: every font program finish put in place has the
// dictionary fpdf writes, its /Length the bytes in the file and its
// /Length1 the bytes it decompresses to.
func TestFontProgramsInPlace(t *testing.T) {
	pdf := writeGongwen(t)
	re := regexp.MustCompile(`<</Length (\d+)\n/Filter /FlateDecode\n/Length1 (\d+)\n>>\nstream\n`)
	found := re.FindAllSubmatchIndex(pdf, -1)
	if len(found) == 0 {
		t.Fatal("no font program in the file")
	}
	for _, m := range found {
		n, _ := strconv.Atoi(string(pdf[m[2]:m[3]]))
		n1, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
		data := pdf[m[1] : m[1]+n]
		if !bytes.HasPrefix(pdf[m[1]+n:], []byte("\nendstream")) {
			t.Errorf("/Length %d does not end at endstream", n)
			continue
		}
		r, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		program, _ := io.ReadAll(r)
		if len(program) != n1 || !bytes.HasPrefix(program, []byte{0, 1, 0, 0}) {
			t.Errorf("/Length1 %d, the program has %d bytes (starting %x)", n1, len(program), program[:min(4, len(program))])
		}
	}
	if bytes.Contains(pdf, []byte("%briefing: the program of font")) {
		t.Error("a placeholder is left in the file")
	}
}

// TestFinishRefusesAnotherDictionary: a placeholder whose dictionary has
// no /Length1 0, as fpdf would write it, is a program not found.
func TestFinishRefusesAnotherDictionary(t *testing.T) {
	const ph = "%briefing: the program of font f0p0"
	pdf := "%PDF-1.3\n1 0 obj\n<</Length " + strconv.Itoa(len(ph)) + "\n/Filter /FlateDecode\n/Length1 7\n>>\nstream\n" + ph + "\nendstream\nendobj\n"
	xref := len(pdf)
	pdf += "xref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<</Size 2>>\nstartxref\n" + strconv.Itoa(xref) + "\n%%EOF\n"
	err := finish(&bytes.Buffer{}, []byte(pdf), map[string]*program{ph: {data: []byte("x")}})
	if err == nil || !strings.Contains(err.Error(), "0 of 1 font programs") {
		t.Errorf("error %v", err)
	}
}
