package build

import (
	"bytes"
	"time"

	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

// planPDF lays out doc for its PDF, without placing the glyphs; it times
// the fonts' loading and the layout. Unless keepRefs, the blocks hold no
// node of doc's Markdown tree (Block.Ref, which only a kept layout's
// marks show): the plan does not keep the tree alive while it is drawn.
func planPDF(doc *document.Document, opts pdfwriter.Options, keepRefs bool, t *Timings, lap func(*time.Duration)) (*typeset.Plan, error) {
	blocks := pdfwriter.Blocks(doc, typeset.GBT9704())
	if !keepRefs {
		for i := range blocks {
			if blocks[i].Kind != typeset.KindFigure { // a figure's Ref is its chart, no node
				blocks[i].Ref = nil
			}
		}
	}
	preload(blocks, opts.Fonts)
	lap(&t.Fonts)
	plan, err := pdfwriter.Plan(doc, blocks, opts)
	lap(&t.Layout)
	return plan, err
}

// draw draws the PDF begun, page by page, as the pages are set; its plan
// is let go before fpdf makes the file.
func (res *Result) draw(drawing *pdfwriter.Drawing) ([]byte, error) {
	var b bytes.Buffer
	n, err := drawing.Draw(&b)
	if err != nil {
		return nil, err
	}
	res.Pages = n
	return b.Bytes(), nil
}

// drawKept draws the PDF of plan and keeps its layout in res.Layout (the
// PDF is the same).
func (res *Result) drawKept(plan *typeset.Plan, doc *document.Document, opts pdfwriter.Options) ([]byte, error) {
	var b bytes.Buffer
	n, err := pdfwriter.DrawPlan(&b, plan, doc, opts)
	if err != nil {
		return nil, err
	}
	res.Pages = n
	if res.Layout, err = plan.Document(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Pages lays out doc as its PDF would be, with the fonts that fontSet
// waits for (StartFonts), and draws nothing: it meets every problem that
// laying out the PDF meets, and returns the PDF's pages.
func Pages(doc *document.Document, fontSet func() (*fonts.Set, error)) (int, error) {
	set, err := fontSet()
	if err != nil {
		return 0, err
	}
	opts := pdfwriter.Options{Fonts: set}
	plan, err := pdfwriter.Plan(doc, pdfwriter.Blocks(doc, typeset.GBT9704()), opts)
	if err != nil {
		return 0, err
	}
	return plan.Count()
}

// preload loads the face of each role the blocks use, so that the time spent
// reading fonts is measured apart from the layout that would otherwise load
// them on first use. Faces of roles the report does not use stay unread.
func preload(blocks []typeset.Block, set *fonts.Set) {
	seen := map[typeset.Role]bool{}
	use := func(r typeset.Role) {
		if !seen[r] {
			seen[r] = true
			set.Glyph(r, '国')
		}
	}
	use(typeset.RoleFolio)
	for _, b := range blocks {
		for _, r := range b.Runs {
			use(r.Role)
		}
		if b.Closing != nil {
			use(b.Closing.Role)
		}
	}
}
