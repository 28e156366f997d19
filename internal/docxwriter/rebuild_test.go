package docxwriter_test

import (
	"bytes"
	"testing"

	"briefing/internal/build"
	"briefing/internal/fonts"
)

// TestRebuild: building a sample twice gives the same .docx, byte for
// byte, with and without the PDF beside it.
func TestRebuild(t *testing.T) {
	for _, sm := range samples {
		for _, formats := range [][]string{{"docx"}, {"pdf", "docx"}} {
			var files [2][]byte
			for i := range files {
				res, err := build.Render(build.Options{Report: sm.dir, Fonts: fonts.Bundled(), Formats: formats})
				if err != nil {
					t.Fatal(err)
				}
				files[i] = res.Files[len(res.Files)-1].Data
			}
			if !bytes.Equal(files[0], files[1]) {
				t.Errorf("%s %v: two builds differ", sm.name, formats)
			}
		}
	}
}
