package build

import (
	"bytes"
	"sync"
	"testing"

	"briefing/internal/fonts"
)

// TestBuildsShareFonts: builds running at once with one font set (as the
// workers of a batch may) give the PDFs that builds one at a time give,
// each with a fresh set: a report's fonts depend only on its own text.
func TestBuildsShareFonts(t *testing.T) {
	reports := []Options{
		{Report: "../../templates/情况汇报"},
		{Report: "经济运行", Data: "../../samples/经济运行-2022年8月.xlsx"},
		{Report: "testdata/简报"},
	}
	want := make([][]byte, len(reports))
	for i, o := range reports {
		o.Fonts, o.Formats = fonts.Bundled(), []string{"pdf"}
		res, err := Render(o)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.Files[0].Data
	}
	shared := fonts.Bundled()
	var wg sync.WaitGroup
	for round := range 2 {
		for i, o := range reports {
			wg.Go(func() {
				o.Fonts, o.Formats = shared, []string{"pdf"}
				res, err := Render(o)
				if err != nil {
					t.Error(err)
					return
				}
				if !bytes.Equal(res.Files[0].Data, want[i]) {
					t.Errorf("round %d, %s: the PDF differs from one built alone", round, o.Report)
				}
			})
		}
	}
	wg.Wait()
}
