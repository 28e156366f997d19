package compare

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"briefing/internal/workbook"
)

// at places a value in a cell of the workbook of a month.
func at(v workbook.Value, file, cell string) workbook.Value {
	sheet, c, _ := strings.Cut(cell, "!")
	v.Ref = workbook.Ref{File: file, Sheet: sheet, Cell: c}
	return v
}

// month is a workbook as a clerk fills it in July (or, changed, August).
func month(august bool) *workbook.Book {
	file := "7月.xlsx"
	if august {
		file = "8月.xlsx"
	}
	num := func(s, cell string) workbook.Value { return at(workbook.NumberOf(s), file, cell) }
	pct := func(s, cell string) workbook.Value { return at(workbook.PercentOf(s), file, cell) }
	text := func(s, cell string) workbook.Value { return at(workbook.TextOf(s), file, cell) }
	ref := func(cell string) workbook.Ref { return at(workbook.Value{}, file, cell).Ref }

	gdp := &workbook.Metric{Name: "规上工业增加值", Unit: "亿元", Ref: ref("指标!A2"),
		Value: num("80.5", "指标!B2"), Growth: pct("-0.5", "指标!C2"), Rank: num("6", "指标!D2"),
		Extra: []workbook.Field{{Name: "全市增速", Value: pct("-1.4", "指标!E2")}}}
	invest := &workbook.Metric{Name: "固定资产投资", Unit: "亿元", Ref: ref("指标!A3"),
		Value: num("36.4", "指标!B3"), Growth: pct("14", "指标!C3")}
	old := &workbook.Metric{Name: "上云企业数", Unit: "家", Ref: ref("指标!A4"), Value: num("126", "指标!B4")}
	b := &workbook.Book{File: file, Metrics: []*workbook.Metric{gdp, invest, old},
		Info: []workbook.InfoEntry{{Key: "县名", Value: text("鹤岭", "报告信息!B2")}, {Key: "报告期", Value: text("2022年1-7月", "报告信息!B3")}}}
	projects := &workbook.Table{Name: "新开工项目", Columns: []string{"乡镇", "项目名称", "总投资（亿元）"}, Ref: ref("新开工项目!")}
	projects.Rows = []workbook.Row{
		{Table: projects, Ref: ref("新开工项目!A2"), Cells: []workbook.Value{text("城关镇", "新开工项目!A2"), text("锂电产业园", "新开工项目!B2"), num("10", "新开工项目!C2")}},
		{Table: projects, Ref: ref("新开工项目!A3"), Cells: []workbook.Value{text("城关镇", "新开工项目!A3"), text("电子产业园", "新开工项目!B3"), num("8", "新开工项目!C3")}},
		{Table: projects, Ref: ref("新开工项目!A4"), Cells: []workbook.Value{text("河口镇", "新开工项目!A4"), text("食品园", "新开工项目!B4"), num("3", "新开工项目!C4")}},
	}
	dropped := &workbook.Table{Name: "旧表", Columns: []string{"名称", "数"}, Ref: ref("旧表!")}
	dropped.Rows = []workbook.Row{{Table: dropped, Cells: []workbook.Value{text("甲", "旧表!A2"), num("1", "旧表!B2")}}}
	b.Tables = []*workbook.Table{projects, dropped}
	if !august {
		return b
	}
	gdp.Value, gdp.Growth, gdp.Rank = num("95.3", "指标!B2"), pct("1.2", "指标!C2"), num("6", "指标!D2")
	gdp.Extra = nil // the 全市增速 column is gone
	invest.Value, invest.Growth = num("36.4", "指标!B3"), pct("14.0", "指标!C3")
	invest.Target = num("60", "指标!F3")
	fresh := &workbook.Metric{Name: "税收收入", Unit: "亿元", Ref: ref("指标!A4"), Value: num("6.95", "指标!B4"), Growth: pct("-2.3", "指标!C4")}
	b.Metrics = []*workbook.Metric{gdp, invest, fresh}
	b.Info[1].Value = text("2022年1-8月", "报告信息!B3")
	projects.Columns = append(projects.Columns, "进度（%）")
	projects.Rows[1].Cells = append(projects.Rows[1].Cells[:2:2], num("9", "新开工项目!C3"), pct("50", "新开工项目!D3"))
	projects.Rows[0].Cells = append(projects.Rows[0].Cells, workbook.Value{Ref: ref("新开工项目!D2")})
	projects.Rows = append(projects.Rows[:2], workbook.Row{Table: projects, Ref: ref("新开工项目!A4"),
		Cells: []workbook.Value{text("沙湾镇", "新开工项目!A4"), text("冷链物流园", "新开工项目!B4"), num("2", "新开工项目!C4"), pct("10", "新开工项目!D4")}})
	added := &workbook.Table{Name: "新表", Columns: []string{"名称", "数"}, Title: "单位：家", Ref: ref("新表!")}
	added.Rows = []workbook.Row{{Table: added, Cells: []workbook.Value{text("乙", "新表!A3"), num("2", "新表!B3")}}}
	b.Tables = []*workbook.Table{projects, added}
	return b
}

// line writes a change with its op and cells for comparing.
func line(f FigureChange) string {
	return fmt.Sprintf("%s %s|%s|%s: %q %s → %q %s", f.Op, f.Where, f.Name, f.Field, f.Old, refText(f.OldRef), f.New, refText(f.NewRef))
}

func TestFigures(t *testing.T) {
	want := []string{
		`changed 指标|规上工业增加值|数值: "80.5" 指标!B2 → "95.3" 指标!B2`,
		`changed 指标|规上工业增加值|增速: "-0.5%" 指标!C2 → "1.2%" 指标!C2`,
		`changed 指标|规上工业增加值|全市增速: "-1.4%" 指标!E2 → "" `,
		`changed 指标|固定资产投资|目标: ""  → "60" 指标!F3`,
		// 14% and 14.0% read alike but print differently in the report.
		`changed 指标|固定资产投资|增速: "14%" 指标!C3 → "14.0%" 指标!C3`,
		`added 指标|税收收入|数值: ""  → "6.95" 指标!B4`,
		`added 指标|税收收入|单位: ""  → "亿元" 指标!A4`,
		`added 指标|税收收入|增速: ""  → "-2.3%" 指标!C4`,
		`removed 指标|上云企业数|数值: "126" 指标!B4 → "" `,
		`removed 指标|上云企业数|单位: "家" 指标!A4 → "" `,
		`changed 报告信息|报告期|: "2022年1-7月" 报告信息!B3 → "2022年1-8月" 报告信息!B3`,
		// The second 城关镇 row is matched with the second.
		`changed 新开工项目|城关镇（第2个）|总投资（亿元）: "8" 新开工项目!C3 → "9" 新开工项目!C3`,
		`changed 新开工项目|城关镇（第2个）|进度（%）: ""  → "50%" 新开工项目!D3`,
		`added 新开工项目|沙湾镇|乡镇: ""  → "沙湾镇" 新开工项目!A4`,
		`added 新开工项目|沙湾镇|项目名称: ""  → "冷链物流园" 新开工项目!B4`,
		`added 新开工项目|沙湾镇|总投资（亿元）: ""  → "2" 新开工项目!C4`,
		`added 新开工项目|沙湾镇|进度（%）: ""  → "10%" 新开工项目!D4`,
		`removed 新开工项目|河口镇|乡镇: "河口镇" 新开工项目!A4 → "" `,
		`removed 新开工项目|河口镇|项目名称: "食品园" 新开工项目!B4 → "" `,
		`removed 新开工项目|河口镇|总投资（亿元）: "3" 新开工项目!C4 → "" `,
		`added 新表||标题: ""  → "单位：家" 新表`,
		`added 新表|乙|名称: ""  → "乙" 新表!A3`,
		`added 新表|乙|数: ""  → "2" 新表!B3`,
		`removed 旧表|甲|名称: "甲" 旧表!A2 → "" `,
		`removed 旧表|甲|数: "1" 旧表!B2 → "" `,
	}
	got := Figures(month(false), month(true))
	var lines []string
	for _, f := range got {
		lines = append(lines, line(f))
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Figures:\n%s\nwant\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if fs := Figures(month(true), month(true)); len(fs) != 0 {
		t.Errorf("the same workbook differs: %v", fs)
	}
	if fs := Figures(nil, month(false)); len(fs) == 0 || fs[0].Op != Added {
		t.Errorf("against nothing: %v", fs)
	}
}

func TestWriteText(t *testing.T) {
	r := Compare(month(false), month(true), "一、工业\n增长7.5%。没变。\n删去的。", "一、工业\n增长8.1%。没变。\n新加的一句。")
	var b bytes.Buffer
	if err := r.WriteText(&b); err != nil {
		t.Fatal(err)
	}
	want := `数据：25处不同
  指标 规上工业增加值 数值：80.5 → 95.3（指标!B2）
  指标 规上工业增加值 增速：-0.5% → 1.2%（指标!C2）
  指标 规上工业增加值 全市增速：-1.4% → （空）（指标!E2）
  指标 固定资产投资 目标：（空） → 60（指标!F3）
  指标 固定资产投资 增速：14% → 14.0%（指标!C3）
  指标 税收收入：新增，数值 6.95，单位 亿元，增速 -2.3%（指标!B4）
  指标 上云企业数：删去，数值 126，单位 家（指标!B4）
  报告信息 报告期：2022年1-7月 → 2022年1-8月（报告信息!B3）
  新开工项目 城关镇（第2个） 总投资（亿元）：8 → 9（新开工项目!C3）
  新开工项目 城关镇（第2个） 进度（%）：（空） → 50%（新开工项目!D3）
  新开工项目 沙湾镇：新增，项目名称 冷链物流园，总投资（亿元） 2，进度（%） 10%（新开工项目!A4）
  新开工项目 河口镇：删去，项目名称 食品园，总投资（亿元） 3（新开工项目!A4）
  新表：新增，标题 单位：家（新表）
  新表 乙：新增，数 2（新表!A3）
  旧表 甲：删去，数 1（旧表!A2）

文字：改动1句，新增1句，删去1句
  改（第2段）
    旧：增长【7.5%】。
    新：增长【8.1%】。
  删（原第3段）删去的。
  增（第3段）新加的一句。

共25处数据不同；文字改动1句，新增1句，删去1句，未变2句。
`
	if b.String() != want {
		t.Errorf("WriteText:\n%s\nwant\n%s", b.String(), want)
	}
	b.Reset()
	if err := r.WriteAll(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "  同（第1段）一、工业\n  改（第2段）") || !strings.Contains(b.String(), "  同（第2段）没变。\n") {
		t.Errorf("WriteAll lacks the unchanged sentences:\n%s", b.String())
	}
	same := Compare(month(true), month(true), "一样。", "一样。")
	b.Reset()
	same.WriteText(&b)
	if same.Changed() || b.String() != "没有不同：数据和文字都相同。\n" {
		t.Errorf("no difference: %v %q", same.Changed(), b.String())
	}
}

func TestJSON(t *testing.T) {
	r := Compare(month(false), month(true), "增长7.5%。", "增长8.1%。")
	data, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Changed   bool
		Summary   Summary
		Figures   []map[string]string
		Sentences []struct {
			Op      string
			OldLine int `json:"old_line"`
			Old     []Span
			New     []struct {
				Text    string
				Changed bool
			}
		}
	}
	if err := json.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	if !got.Changed || got.Summary != (Summary{Figures: 25, Changed: 1}) {
		t.Errorf("changed %v, summary %+v", got.Changed, got.Summary)
	}
	f := got.Figures[0]
	if f["op"] != "changed" || f["where"] != "指标" || f["field"] != "数值" || f["old"] != "80.5" || f["new_ref"] != "指标!B2" {
		t.Errorf("first figure %v", f)
	}
	s := got.Sentences[0]
	if s.Op != "changed" || s.OldLine != 1 || len(s.New) != 3 || s.New[1].Text != "8.1%" || !s.New[1].Changed {
		t.Errorf("sentence %+v", s)
	}
	if !strings.Contains(string(data), `"added": 0`) && !strings.Contains(string(data), `"added":0`) {
		t.Errorf("zero counts are left out: %s", data)
	}
}
