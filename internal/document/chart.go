package document

import (
	"strings"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/chart"
)

// ChartInfo is the info string of a chart block: ```图表.
const ChartInfo = "图表"

// ChartBlock is n as a chart block, or nil: a fenced block whose info
// string is 图表.
func ChartBlock(n ast.Node, source []byte) *ast.FencedCodeBlock {
	f, ok := n.(*ast.FencedCodeBlock)
	if !ok || f.Info == nil {
		return nil
	}
	if strings.TrimSpace(string(f.Language(source))) != ChartInfo {
		return nil
	}
	return f
}

// ChartBody is the body of a chart block: its lines, joined by newlines.
func ChartBody(f *ast.FencedCodeBlock, source []byte) string {
	var b strings.Builder
	lines := f.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	return strings.TrimRight(b.String(), "\n")
}

// Chart is the chart of chart block n, or nil when n is none or its chart
// was not read (a chart block in an annex).
func (d *Document) Chart(n ast.Node, source []byte) *chart.Chart {
	f := ChartBlock(n, source)
	if f == nil || d.Charts == nil {
		return nil
	}
	return d.Charts[ChartBody(f, source)]
}

// Figures numbers the charts of the body in reading order, from 1: the
// N of their captions “图N”.
func (d *Document) Figures() map[*chart.Chart]int {
	out := map[*chart.Chart]int{}
	if d.Root == nil {
		for ch, n := range d.figures {
			out[ch] = n
		}
		return out
	}
	n := 0
	_ = ast.Walk(d.Root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		if ch := d.Chart(node, d.Source); ch != nil {
			if _, seen := out[ch]; !seen {
				n++
				out[ch] = n
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return out
}

// Caption is a chart's caption: “图N　标题”.
func Caption(n int, ch *chart.Chart) string {
	return "图" + itoa(n) + "　" + ch.Title
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
