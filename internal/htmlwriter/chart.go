package htmlwriter

import (
	"strconv"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
)

// The charts' type: the page's 仿宋 and 黑体 stacks (style.css), given to
// the SVG as attributes, which the page's style policy allows.
const (
	chartBody = `'公文西文', '仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'AR PL SungtiL GB', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', serif`
	chartBold = `'公文西文', '黑体', 'SimHei', 'STHeiti', '华文黑体', 'Heiti SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`
)

// chartWidth and chartPitch are the 版心's width and grid pitch in points,
// the box the PDF draws a chart in, so that the page shows the same chart.
const (
	chartWidth = 442.2
	chartPitch = 28.95
)

// chart writes a chart block: a figure holding the chart as inline SVG
// (its text measured as a typical Chinese face: each run keeps that
// width, whatever the reader's fonts), its
// caption “图N　标题”, and its data as a table in a <details> that a
// screen reader (or anyone) opens: the chart's text alternative.
func (r *writer) chart(n ast.Node, ch *chart.Chart) {
	if r.figs == nil {
		r.figs = r.doc.Figures()
	}
	num := r.figs[ch]
	id := "chart-" + strconv.Itoa(num)
	caption := document.Caption(num, ch)
	h := float64(ch.Lines(chartPitch))*chartPitch - (chartPitch - 16)
	rec := chart.Draw(ch, chartWidth, h, chart.Plain)
	r.prefix = ""
	r.f("<figure class=\"chart\" id=\"%s\">\n", id)
	r.s(rec.SVG(id, caption, id+"-data", chartBody, chartBold))
	r.f("\n<figcaption class=\"center\">%s</figcaption>\n", esc(caption))
	r.f("<details><summary>%s的数据</summary>\n", esc("图"+strconv.Itoa(num)))
	r.f("<div class=\"table-wrap\" role=\"region\" aria-label=\"%s的数据\" tabindex=\"0\"><table id=\"%s-data\">\n", esc("图"+strconv.Itoa(num)), id)
	for i, row := range ch.Rows() {
		r.s("<tr>")
		for j, c := range row {
			switch {
			case i == 0:
				r.f("<th scope=\"col\">%s</th>", esc(c))
			case j == 0:
				r.f("<th scope=\"row\">%s</th>", esc(c))
			default:
				r.f("<td class=\"num\">%s</td>", esc(c))
			}
		}
		r.s("</tr>\n")
	}
	r.s("</table></div></details>\n</figure>\n")
}
