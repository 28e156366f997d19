package htmlwriter

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/typeset"
)

// The charts' type: the page's 仿宋 and 黑体 stacks (style.css), given to
// the SVG as attributes, which the page's style policy allows.
const (
	chartBody = `'公文西文', '仿宋_GB2312', 'FangSong_GB2312', '仿宋', 'FangSong', 'STFangsong', '华文仿宋', 'AR PL SungtiL GB', 'Noto Serif CJK SC', 'Source Han Serif SC', 'Songti SC', 'SimSun', serif`
	chartBold = `'公文西文', '黑体', 'SimHei', 'STHeiti', '华文黑体', 'Heiti SC', 'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif`
)

// chartCSS styles the charts; it is added to the page's style sheet (and
// its hash to the policy) only on a page that has charts, so that a page
// without is as it was. A chart is as wide as the text; in print it takes
// its grid lines (class lN: N lines), as in the PDF, and its data table
// is left out (the PDF has none either).
func chartCSS() string {
	var b strings.Builder
	b.WriteString(".sheet figure.chart { margin: 0; }\n")
	b.WriteString(".sheet figure.chart svg { display: block; width: 100%; height: auto; }\n")
	b.WriteString(".sheet figure.chart details { font-size: 12pt; line-height: 1.5; margin-bottom: var(--pitch); }\n")
	b.WriteString(".sheet figure.chart summary { cursor: pointer; }\n")
	b.WriteString("@media print {\n  .sheet figure.chart { break-inside: avoid; }\n  .sheet figure.chart details { display: none; }\n")
	for n := 1; n <= 21; n++ {
		fmt.Fprintf(&b, "  .sheet figure.chart.l%d svg { height: calc(%d * var(--pitch)); }\n", n, n)
	}
	b.WriteString("}\n")
	return b.String()
}

// PreviewPolicy allows the style sheet of a page with charts and of one
// without: for a server that sends the policy of the pages it shows.
func PreviewPolicy() string { return styleSheets().preview }

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
	g := typeset.GBT9704()
	lines := ch.Lines(g.Pitch())
	rec := chart.Draw(ch, g.Width, float64(lines)*g.Pitch()-(g.Pitch()-g.BodySize), chart.Plain)
	rec.Height = float64(lines) * g.Pitch() // the blank above the caption, as in the PDF
	r.prefix = ""
	r.f("<figure class=\"chart l%d\">\n", lines)
	r.s(rec.SVG(id, caption, id+"-data", chartBody, chartBold))
	r.f("\n<figcaption><p class=\"figure\">%s</p></figcaption>\n", esc(caption))
	r.f("<details><summary>%s的数据</summary>\n", esc("图"+strconv.Itoa(num)))
	r.f("<div class=\"table-wrap\" role=\"region\" aria-label=\"%s的数据\" tabindex=\"0\"><table id=\"%s-data\">\n", esc("图"+strconv.Itoa(num)), id)
	for i, row := range ch.Rows() {
		switch i {
		case 0:
			r.s("<thead>")
		case 1:
			r.s("<tbody>\n")
		}
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
		if i == 0 {
			r.s("</tr></thead>\n")
			continue
		}
		r.s("</tr>\n")
	}
	r.s("</tbody></table></div></details>\n</figure>\n")
}
