package build

import (
	"bytes"

	"briefing/internal/fonts"

	"briefing/internal/document"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

func pdfBytes(laid *typeset.Document, doc *document.Document, opts pdfwriter.Options) ([]byte, error) {
	var b bytes.Buffer
	if err := pdfwriter.Draw(&b, laid, doc, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
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
