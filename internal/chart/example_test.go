package chart_test

import (
	"fmt"
	"strings"

	"briefing/internal/chart"
	"briefing/internal/workbook"
)

// monthly is a workbook with the table 月度: 产值 in 亿元 and 增速 in %,
// May left empty.
func monthly() *workbook.Book {
	n, s := workbook.NumberOf, workbook.TextOf
	t := workbook.NewTable("月度", []string{"月份", "产值", "增速"},
		[]workbook.Value{s("3月"), n("12.1"), n("-10.2")},
		[]workbook.Value{s("4月"), n("10.9"), n("-12.6")},
		[]workbook.Value{s("5月"), {}, {}},
		[]workbook.Value{s("6月"), n("12.89"), n("2.1")},
	)
	t.Units = []string{"", "亿元", "%"}
	return &workbook.Book{File: "数据.xlsx", Tables: []*workbook.Table{t}}
}

const trend = `类型：柱线
标题：规上工业产值及增速（分月）
表：月度
分类：月份
柱：产值
线：增速
数据来源：县统计局`

// A chart block's body, as a section template writes it (filled).
func ExampleParse() {
	s, errs := chart.Parse(trend)
	if len(errs) > 0 {
		fmt.Println(errs[0])
		return
	}
	fmt.Println(s.Kind, s.Table, s.Category, s.Bars, s.Lines, s.Source)
	// Output: 柱线 月度 月份 [产值] [增速] 县统计局
}

// The data from the workbook: an empty cell is a gap (NaN), the units
// come from the columns' headers.
func ExampleResolve() {
	s, _ := chart.Parse(trend)
	ch, errs := chart.Resolve(s, monthly())
	if len(errs) > 0 {
		fmt.Println(errs[0])
		return
	}
	fmt.Println(ch.Categories, "单位："+ch.Unit)
	for _, se := range ch.Series {
		fmt.Println(se.Name, se.Line, se.Values)
	}
	// Output:
	// [3月 4月 5月 6月] 单位：亿元、%
	// 产值 false [12.1 10.9 NaN 12.89]
	// 增速 true [-10.2 -12.6 NaN 2.1]
}

// A problem names the body's line (and the cell, when a cell is wrong).
func ExampleResolve_error() {
	s, _ := chart.Parse(strings.Replace(trend, "线：增速", "线：增长率", 1))
	_, errs := chart.Resolve(s, monthly())
	fmt.Printf("第%d行：%s\n", errs[0].Line, errs[0])
	// Output: 第6行：画图表时，表格“月度”中没有列“增长率”
}

// Draw records the chart as drawing commands in points (y downwards), the
// text in runs measured with the report's fonts (here Plain); the PDF
// writer plays them into its page, SVG writes them for the HTML page.
func ExampleDraw() {
	s, _ := chart.Parse(trend)
	ch, _ := chart.Resolve(s, monthly())
	rec := chart.Draw(ch, 442.2, float64(ch.Lines(29.6))*29.6, chart.Plain)
	lines := strings.Split(rec.String(), "\n")
	fmt.Println(ch.Lines(29.6), "行")
	fmt.Println(strings.Join(lines[:3], "\n"))
	svg := rec.SVG("chart-1", "图1　"+ch.Title, "chart-1-data", "FangSong, serif", "SimHei, sans-serif")
	fmt.Println(svg[:strings.Index(svg, "</title>")+8])
	// Output:
	// 9 行
	// chart 442.2 × 266.4
	// text 0,11.74 w68.25 10.5pt #000000 "单位：亿元、%"
	// text 363.45,11.74 w78.75 10.5pt #000000 "增速（%，右轴）"
	// <svg xmlns="http://www.w3.org/2000/svg" width="100%" viewBox="0 0 442.2 266.4" role="img" aria-labelledby="chart-1-t" aria-describedby="chart-1-data" font-family="FangSong, serif"><title id="chart-1-t">图1　规上工业产值及增速（分月）</title>
}
