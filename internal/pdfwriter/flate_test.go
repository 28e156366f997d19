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
// compresses each page itself (as it does above fpdfCompressesAbove
// pages), byte for byte.
func TestOneCompressorSameFile(t *testing.T) {
	ours := writeGongwen(t)
	if regexp.MustCompile(`<</Length \d+>>\nstream`).Match(ours) {
		t.Error("a page's content is left uncompressed")
	}
	old := fpdfCompressesAbove
	defer func() { fpdfCompressesAbove = old }()
	for _, above := range []int{0, 1} {
		fpdfCompressesAbove = above
		if fpdfs := writeGongwen(t); !bytes.Equal(ours, fpdfs) {
			t.Errorf("fpdf compressing above %d pages: the files differ: %d bytes, fpdf's %d", above, len(ours), len(fpdfs))
		}
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
