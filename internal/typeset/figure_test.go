package typeset

import (
	"strings"
	"testing"
)

// TestFigure: a figure takes whole grid lines on one page, the text after
// it stays on the grid, and its caption stays with it; a figure that does
// not fit where it falls moves to the next page, which ends the page
// before on purpose.
func TestFigure(t *testing.T) {
	g := GBT9704()
	caption := Block{Kind: KindParagraph, Align: AlignCenter, Runs: body("图1　规上工业增加值逐月走势")}
	for _, before := range []int{2, 8} { // paragraphs of two lines before the figure // lines of text before the figure
		var blocks []Block
		for i := 0; i < before; i++ {
			blocks = append(blocks, para(strings.Repeat("经济运行总体平稳", 6)+"。"))
		}
		blocks = append(blocks, Block{Kind: KindFigure, Figure: &Figure{Lines: 9}, Ref: "fig"}, caption,
			para(strings.Repeat("固定资产投资较快增长", 8)))
		d := layout(t, blocks)
		var fig *PlacedFigure
		page := 0
		for pi := range d.Pages {
			for fi := range d.Pages[pi].Figures {
				fig, page = &d.Pages[pi].Figures[fi], pi
			}
		}
		if fig == nil {
			t.Fatalf("%d lines before: no figure placed", before)
		}
		if fig.Ref != "fig" || fig.Lines != 9 || abs(fig.Height-9*g.Pitch()) > 0.01 || fig.Width != g.Width {
			t.Errorf("%d lines before: figure %+v", before, *fig)
		}
		if k := (fig.Y - g.Top) / g.Pitch(); abs(k-float64(int(k+0.5))) > 0.001 {
			t.Errorf("%d lines before: the figure starts off the grid (%.3f lines)", before, k)
		}
		if fig.Y+fig.Height > g.Top+g.Height+0.01 {
			t.Errorf("%d lines before: the figure runs past the 版心", before)
		}
		found := false
		for _, l := range d.Pages[page].Lines {
			if strings.HasPrefix(text(l), "图1") {
				found = true
				if abs(l.Baseline-(fig.Y+fig.Height+EmAscent*g.BodySize)) > 0.01 {
					t.Errorf("%d lines before: the caption is not on the line after the figure", before)
				}
			}
		}
		if !found {
			t.Errorf("%d lines before: the caption is not on the figure's page", before)
		}
		for pi, p := range d.Pages {
			t.Logf("page %d: %d lines, %d figures, break %v", pi+1, len(p.Lines), len(p.Figures), p.PageBreak)
		}
		if before == 8 && (page != 1 || !d.Pages[0].PageBreak) {
			t.Errorf("a figure that does not fit: on page %d, page 1 ended on purpose %v", page+1, d.Pages[0].PageBreak)
		}
		if vs := Check(d); len(vs) > 0 {
			t.Errorf("%d lines before: %v", before, vs)
		}
	}
}
