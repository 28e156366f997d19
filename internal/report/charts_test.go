package report

import (
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/workbook"
)

// chartBook is testBook with a table of numbers and a cell that is not.
func chartBook() *workbook.Book {
	b := testBook()
	t := workbook.NewTable("月度", []string{"月份", "产值"},
		[]workbook.Value{workbook.TextOf("1月"), workbook.NumberOf("10.2")},
		[]workbook.Value{workbook.TextOf("2月"), workbook.TextOf("约12")},
	)
	t.Ref = workbook.Ref{File: b.File, Sheet: "月度"}
	t.Units = []string{"", "亿元"}
	for i := range t.Rows {
		for j := range t.Rows[i].Cells {
			t.Rows[i].Cells[j].Ref = workbook.Ref{File: b.File, Sheet: "月度", Cell: string(rune('A'+j)) + string(rune('2'+i))}
		}
	}
	b.Tables = append(b.Tables, t)
	return b
}

// TestCharts: a 图表 block is read from the workbook after filling, its
// problems named at the template's line and the cell; a chart reads its
// table, which is then not reported unused.
func TestCharts(t *testing.T) {
	section := "## 主要工作\n\n签约金额{{同比 \"签约金额\"}}。\n\n```图表\n类型：柱\n标题：{{信息 \"县名\"}}各月产值\n表：月度\n分类：月份\n柱：%s\n```\n"
	load := func(col string) (*Report, string) {
		dir := writeReport(t, map[string]string{
			"报告/report.md": goodReport,
			"章节/甲.md":      strings.Replace(section, "%s", col, 1),
			"章节/乙.md":      "## 下一步打算\n\n对{{和 (列 (表 \"企业\") \"企业名称\")}}等企业加强服务。\n",
		})
		r, err := Load(dir, WithRoot(filepath.Dir(dir)))
		if err != nil {
			t.Fatal(err)
		}
		return r, filepath.Join("..", "章节", "甲.md")
	}
	r, _ := load("产值")
	b := chartBook()
	b.Tables[1].Rows[1].Cells[1] = workbook.NumberOf("12.5")
	filled, err := r.Fill(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(filled.Doc.Charts) != 1 {
		t.Fatalf("%d charts", len(filled.Doc.Charts))
	}
	for _, ch := range filled.Doc.Charts {
		if ch.Title != "鹤岭各月产值" || ch.Unit != "亿元" || len(ch.Categories) != 2 {
			t.Errorf("chart %+v", ch)
		}
	}
	for _, u := range filled.Unused {
		if strings.Contains(u, "月度") {
			t.Errorf("the chart's table is reported unused: %s", u)
		}
	}

	r, _ = load("产值")
	_, err = r.Fill(chartBook())
	if err == nil || !strings.Contains(err.Error(), "甲.md 第10行：数据.xlsx 月度!B3：图表要画的“约12”不是数字") {
		t.Errorf("a cell that is not a number: %v", err)
	}
	// The same block twice would be one chart numbered once: a problem at
	// the second, naming the first.
	twice := strings.Replace(section, "%s", "产值", 1)
	dir := writeReport(t, map[string]string{
		"报告/report.md": goodReport,
		"章节/甲.md":      twice + "\n" + twice[strings.Index(twice, "```图表"):],
		"章节/乙.md":      "## 下一步打算\n\n对{{和 (列 (表 \"企业\") \"企业名称\")}}等企业加强服务。\n",
	})
	r2, err := Load(dir, WithRoot(filepath.Dir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	good := chartBook()
	good.Tables[1].Rows[1].Cells[1] = workbook.NumberOf("12.5")
	_, err = r2.Fill(good)
	if err == nil || !strings.Contains(err.Error(), "甲.md 第13行：这张图表与") || !strings.Contains(err.Error(), "甲.md 第5行的完全相同") {
		t.Errorf("the same chart twice: %v", err)
	}
	r, _ = load("产量")
	_, err = r.Fill(chartBook())
	if err == nil || !strings.Contains(err.Error(), "甲.md 第10行：画图表时，") || !strings.Contains(err.Error(), "中没有列“产量”") {
		t.Errorf("a missing column: %v", err)
	}
}
