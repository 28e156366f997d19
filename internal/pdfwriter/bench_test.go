package pdfwriter

import (
	"io"
	"testing"

	"briefing/internal/fonts"
)

// BenchmarkDraw draws a laid-out 公文 of about 8 pages: the PDF stage of a
// build, the fonts' pieces made once (as in a batch) after the first.
func BenchmarkDraw(b *testing.B) {
	doc := gongwen(40)
	opts := Options{Fonts: fonts.Bundled()}
	laid, err := Layout(doc, opts)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Draw(io.Discard, laid, doc, opts); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(laid.Pages)), "pages")
}
