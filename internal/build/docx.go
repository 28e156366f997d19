package build

import (
	"golang.org/x/image/font/opentype"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

// chartDPI is the resolution of the charts' pictures in the Word
// document: print quality at the width of the 版心.
const chartDPI = 300

// docxBytes renders the Word document. Its title breaks where the PDF's
// does: lines, the PDF's title lines, or, when no PDF was asked for, as
// the title laid out alone would be. Its charts are pictures of the
// PDF's drawings, rasterized with the same fonts.
func docxBytes(doc *document.Document, lines []string, fontSet func() (*fonts.Set, error), producer string) ([]byte, error) {
	opts := docxwriter.Options{Generator: producer, TitleLines: lines}
	if lines == nil || len(doc.Charts) > 0 {
		set, err := fontSet()
		if err != nil {
			return nil, err
		}
		if lines == nil {
			opts.TitleLines = titleLines(doc, set)
		}
		if opts.Charts, err = chartPictures(doc, set); err != nil {
			return nil, err
		}
	}
	return docxwriter.Bytes(doc, opts)
}

// chartPictures draws doc's charts as the PDF draws them, in the box the
// Word document gives them (docxwriter.ChartBox), and rasterizes them at
// chartDPI, in the order of their numbers. A character no font has is an
// error naming the chart, as in the PDF.
func chartPictures(doc *document.Document, set *fonts.Set) ([]docxwriter.Picture, error) {
	figs := doc.Figures()
	if len(figs) == 0 {
		return nil, nil
	}
	faceOf := chartFaces(set)
	measure := func(r rune, bold bool) float64 {
		_, adv := faceOf(r, bold)
		return adv
	}
	out := make([]docxwriter.Picture, len(figs))
	for ch, n := range figs {
		w, h := docxwriter.ChartBox(ch)
		rec := chart.Draw(ch, w, h, measure)
		has := func(r rune, bold bool) bool {
			f, _ := faceOf(r, bold)
			return f != nil
		}
		if err := rec.Missing(has, document.Caption(n, ch)); err != nil {
			return nil, err
		}
		data, err := rec.PNG(chartDPI, faceOf)
		if err != nil {
			return nil, err
		}
		out[n-1] = docxwriter.Picture{PNG: data, Width: rec.Width, Height: rec.Height}
	}
	return out, nil
}

// chartFaces gives a chart's characters the faces and advances the PDF
// writer gives them (the body face, the 黑体 when bold), each face parsed
// once.
func chartFaces(set *fonts.Set) chart.FaceOf {
	parsed := map[int]*opentype.Font{}
	return func(r rune, bold bool) (*opentype.Font, float64) {
		i, adv, ok := set.Glyph(pdfwriter.ChartRole(bold), r)
		if !ok {
			return nil, 1 // as the PDF measures it
		}
		f, seen := parsed[i]
		if !seen {
			if face := set.Face(i); face != nil {
				f, _ = opentype.Parse(face.Data)
			}
			parsed[i] = f
		}
		return f, adv
	}
}

// titleLines lays out the title alone and returns its lines; none when
// it cannot be set.
func titleLines(doc *document.Document, set *fonts.Set) []string {
	g := typeset.GBT9704()
	for _, b := range pdfwriter.Blocks(doc, g) {
		if b.Kind != typeset.KindTitle {
			continue
		}
		laid, err := typeset.Layout([]typeset.Block{b}, g, set)
		if err != nil {
			return nil
		}
		return htmlwriter.TitleLines(laid)
	}
	return nil
}
