package report

import (
	"fmt"
	"strings"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/fill"
	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

// chartsRead are the charts of a report's body, by their block's body
// (document.Document.Charts), and where each block is.
type chartsRead struct {
	charts map[string]*chart.Chart
	at     map[string]string // “file 第N行”
}

func newChartsRead() *chartsRead {
	return &chartsRead{charts: map[string]*chart.Chart{}, at: map[string]string{}}
}

// readCharts reads the data of the 图表 blocks of a filled template from
// book; a problem names the template's line (and the cell, when a cell is
// wrong). Two blocks alike are a problem: they would be one chart,
// numbered once. What the charts read is marked used in f.
func (cr *chartsRead) readCharts(f *fill.Filler, out *fill.Output, book *workbook.Book) []error {
	charts := cr.charts
	if !strings.Contains(out.Text, document.ChartInfo) {
		return nil // no chart: no second tree of a long template beside the workbook
	}
	src := []byte(out.Text)
	root := mdext.Parse(src)
	var problems []error
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		fb := document.ChartBlock(n, src)
		if fb == nil {
			return ast.WalkContinue, nil
		}
		body := document.ChartBody(fb, src)
		at := func(line int) (string, int) {
			off := fb.Info.Segment.Start
			if lines := fb.Lines(); line > 0 && line <= lines.Len() {
				off = lines.At(line - 1).Start
			}
			return out.Line(off)
		}
		file, line := at(0)
		here := fmt.Sprintf("%s 第%d行", file, line)
		if first, seen := cr.at[body]; seen {
			problems = append(problems, fmt.Errorf("%s：这张图表与%s的完全相同；同一张图只画一次，请删去一处，或改动标题", here, first))
			return ast.WalkSkipChildren, nil
		}
		cr.at[body] = here
		spec, errs := chart.Parse(body)
		var ch *chart.Chart
		if len(errs) == 0 {
			ch, errs = chart.Resolve(spec, book)
		}
		for _, e := range errs {
			file, line := at(e.Line)
			problems = append(problems, fmt.Errorf("%s 第%d行：%s", file, line, e.Error()))
		}
		if ch != nil {
			charts[body] = ch
			f.MarkUsed(ch.Table, ch.Metrics...)
		}
		return ast.WalkSkipChildren, nil
	})
	return problems
}
