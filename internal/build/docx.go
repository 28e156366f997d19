package build

import (
	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

// docxBytes renders the Word document. Its title breaks where the PDF's
// does: lines, the PDF's title lines, or, when no PDF was asked for, as
// the title laid out alone would be.
func docxBytes(doc *document.Document, lines []string, fontSet func() (*fonts.Set, error), producer string) ([]byte, error) {
	if lines == nil {
		set, err := fontSet()
		if err != nil {
			return nil, err
		}
		lines = titleLines(doc, set)
	}
	return docxwriter.Bytes(doc, docxwriter.Options{Generator: producer, TitleLines: lines})
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
