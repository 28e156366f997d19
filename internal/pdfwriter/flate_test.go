package pdfwriter

import (
	"bytes"
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
// afterwards with one compressor is the file fpdf writes when it
// compresses each page itself, byte for byte.
func TestOneCompressorSameFile(t *testing.T) {
	write := func() []byte { return writeGongwen(t) }
	ours := write()
	fpdfCompresses = true
	defer func() { fpdfCompresses = false }()
	fpdfs := write()
	if !bytes.Equal(ours, fpdfs) {
		t.Fatalf("the files differ: %d bytes, fpdf's %d", len(ours), len(fpdfs))
	}
	if regexp.MustCompile(`<</Length \d+>>\nstream`).Match(ours) {
		t.Error("a page's content is left uncompressed")
	}
}

// TestCompressPagesRefusesOtherFiles: a file whose cross-reference table
// is not fpdf's is an error, not a broken PDF.
func TestCompressPagesRefusesOtherFiles(t *testing.T) {
	for _, pdf := range []string{"", "%PDF-1.3\n", "%PDF-1.3\nstartxref\n5\n%%EOF\n", "%PDF-1.3\nxref\n0 2\n\nstartxref\n9\n%%EOF\n"} {
		if err := compressPages(&bytes.Buffer{}, []byte(pdf)); err == nil {
			t.Errorf("%q: no error", pdf)
		}
	}
}

// TestFpdfCompressesLongFiles: above fpdfCompressesAbove pages fpdf
// compresses the pages itself, and the file is the same.
func TestFpdfCompressesLongFiles(t *testing.T) {
	write := func() []byte { return writeGongwen(t) }
	ours := write()
	old := fpdfCompressesAbove
	fpdfCompressesAbove = 1
	defer func() { fpdfCompressesAbove = old }()
	if !bytes.Equal(ours, write()) {
		t.Fatal("the file differs when fpdf compresses the pages")
	}
}
