package build

import (
	"bytes"

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
