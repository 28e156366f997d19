package build

import (
	"bytes"
	"testing"

	"briefing/internal/fonts"
)

// The Markdown tree is let go before the PDF is drawn, unless the caller
// keeps it; the files are the same either way.
func TestTreeLetGoBeforeThePDF(t *testing.T) {
	render := func(keep bool) *Result {
		t.Helper()
		res, err := Render(Options{Report: "../../templates/情况汇报", Fonts: fonts.Bundled(), Formats: Formats, KeepDocument: keep})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	bare, kept := render(false), render(true)
	if bare.Document.Root != nil || bare.Document.Source != nil {
		t.Error("Result.Document holds the Markdown tree without KeepDocument")
	}
	for _, a := range bare.Document.Annexes {
		if a.Root != nil || a.Source != nil {
			t.Errorf("annex %d holds its Markdown tree without KeepDocument", a.Number)
		}
	}
	if kept.Document.Root == nil || len(kept.Document.Source) == 0 {
		t.Error("Result.Document lost its Markdown tree with KeepDocument")
	}
	if bare.Document.Meta.Title != kept.Document.Meta.Title || bare.Document.Name != kept.Document.Name || len(bare.Document.Annexes) != len(kept.Document.Annexes) {
		t.Error("Result.Document without its tree differs in its metadata")
	}
	if len(bare.Files) != len(Formats) {
		t.Fatalf("%d files, want %d", len(bare.Files), len(Formats))
	}
	for i, f := range bare.Files {
		if f.Format != Formats[i] {
			t.Errorf("file %d is %s, want %s", i, f.Format, Formats[i])
		}
		if !bytes.Equal(f.Data, kept.Files[i].Data) {
			t.Errorf("%s differs when the tree is kept", f.Format)
		}
	}
}
