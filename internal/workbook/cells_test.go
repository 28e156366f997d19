package workbook

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// Formula cells: the cached value when there is one (exact, without float
// noise), a calculation with excelize when there is none, and a message
// naming the cell when neither works.
func TestFormulas(t *testing.T) {
	b, err := Read(bytes.NewReader(formulasWorkbook(t)), "figures.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	wantNumber(t, "cached ratio", metric(t, b, "占比").Value, "0.052", true, "5.20%")
	wantNumber(t, "cached sum", metric(t, b, "合计").Value, "52.6", false, "52.6")
	wantNumber(t, "calculated", metric(t, b, "未计算").Value, "5.26", false, "5.26")
	wantNumber(t, "calculated ratio", metric(t, b, "未计算比率").Value, "0.052", true, "5.20%")

	b, got := infoFormulasWorkbook(t).problems()
	sameLines(t, got, []string{
		"figures.xlsx 报告信息!B3：公式“=CUBEVALUE(\"x\")”没有保存计算结果，程序也算不出来（程序不支持函数“CUBEVALUE”）；请用 Excel 或 WPS 打开这个文件，保存一次后再试",
		"figures.xlsx 报告信息!B4：公式“=1+”没有保存计算结果，程序也算不出来（公式写法有误）；请用 Excel 或 WPS 打开这个文件，保存一次后再试",
		"figures.xlsx 报告信息!B5：公式结果是错误值 #N/A，请先改正公式",
	})
	if v, _ := b.InfoValue("县名"); v.Kind != Text || v.Text != "鹤岭" {
		t.Errorf("calculated text: %+v", v)
	}
	if v, _ := b.InfoValue("文号"); v.String() != "鹤府发〔2022〕15号" {
		t.Errorf("calculated text: %+v", v)
	}
}

// Dates as serial numbers with a date format, as date cells, and as text in
// the usual ways all read as the same day; info values keep their kind.
func TestDatesAndInfo(t *testing.T) {
	day := time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC)
	b := infoWorkbook(t).open()
	for _, key := range []string{"成文日期", "日期序号", "日期横线", "日期中文", "日期斜线", "日期全角", "日期汉字", "日期带时间"} {
		v, ok := b.InfoValue(key)
		if !ok || v.Kind != Date || !v.Date.Equal(day) || v.String() != "2022年12月5日" {
			t.Errorf("%s: %+v", key, v)
		}
	}
	if v, _ := b.InfoValue("年月格式"); v.Kind != Date || v.String() != "2022年12月" {
		t.Errorf("year-month format: %+v", v)
	}
	if v, _ := b.InfoValue("县名"); v.Kind != Text || v.String() != "鹤岭" || v.Ref.Cell != "B2" {
		t.Errorf("县名: %+v", v)
	}
	if v, _ := b.InfoValue("报告期"); v.Kind != Text || v.String() != "2022年1－11月" {
		t.Errorf("报告期: %+v", v)
	}
	wantNumber(t, "数字", mustInfo(t, b, "数字"), "12", false, "12")
	wantNumber(t, "百分比", mustInfo(t, b, "百分比"), "0.052", true, "5.2%")
	if v := mustInfo(t, b, "编号"); v.Kind != Text || v.Text != "007" {
		t.Errorf("a code with leading zeros must stay text: %+v", v)
	}
	if v := mustInfo(t, b, "说明"); v.Text != "备用" || v.Ref.Cell != "C16" {
		t.Errorf("value right of an empty cell: %+v", v)
	}
	if _, ok := b.InfoValue("项目"); ok {
		t.Error("the header row 项目 | 内容 was read as a key")
	}

	_, got := newXL(t).sheet(InfoSheet,
		[]any{"县名", "鹤岭"},
		[]any{"发文机关"},
		[]any{"县名", "别处"},
		[]any{"成文日期", "2022年12月"},
		[]any{"开会日期", "2023-02-29"},
	).problems()
	sameLines(t, got, []string{
		"figures.xlsx 报告信息!B2：“发文机关” 没有填写内容（不需要就删掉这一行）",
		"figures.xlsx 报告信息!A3：项目“县名”重复，第一次出现在 A1；同一个项目只能有一行",
		"figures.xlsx 报告信息!B4：“成文日期” 应当是日期（如 2022年12月5日 或 2022-12-5），现在是“2022年12月”",
		"figures.xlsx 报告信息!B5：“开会日期” 应当是日期（如 2022年12月5日 或 2022-12-5），现在是“2023-02-29”",
	})
}

func mustInfo(t *testing.T, b *Book, key string) Value {
	t.Helper()
	v, ok := b.InfoValue(key)
	if !ok {
		t.Fatalf("no key %q", key)
	}
	return v
}

// Tables: a merged title row, a two-row header with merged cells, blank
// rows and columns, spaces in headers, a repeated header, a hidden sheet,
// text merged down over rows.
func TestTables(t *testing.T) {
	b := tablesWorkbook(t).open()
	tb, ok := b.Table("重点项目")
	if !ok {
		t.Fatal("no table")
	}
	wantCols := []string{"乡镇", "项目名称", "投资/计划（亿元）", "投资/完成", "进度（%）", "开工日期"}
	if len(tb.Columns) != len(wantCols) {
		t.Fatalf("columns %q, want %q", tb.Columns, wantCols)
	}
	for i, c := range wantCols {
		if tb.Columns[i] != c {
			t.Errorf("column %d: %q, want %q", i, tb.Columns[i], c)
		}
	}
	if tb.Units[2] != "亿元" || tb.Units[4] != "%" || tb.Units[3] != "" {
		t.Errorf("units %q", tb.Units)
	}
	if tb.Title != "2022年重点项目进度表\n单位：亿元" {
		t.Errorf("title %q", tb.Title)
	}
	if len(tb.Rows) != 3 {
		t.Fatalf("%d rows, want 3 (blank row and repeated header skipped)", len(tb.Rows))
	}
	r := tb.Rows[1]
	if v, _ := r.Get("乡镇"); v.String() != "城关镇" || v.Ref.Cell != "A6" {
		t.Errorf("town merged down: %+v", v)
	}
	if r.Ref.Cell != "A6" {
		t.Errorf("row ref %v", r.Ref)
	}
	if v, _ := tb.Rows[0].Get("投资/完成"); v.String() != "2.5亿元" || v.Kind != Text {
		t.Errorf("unit in a column without a unit stays text: %+v", v)
	}
	if v, _ := r.Get("投资/完成"); v.String() != "1200" {
		t.Errorf("1,200: %+v", v)
	}
	wantNumber(t, "进度 by unit %", mustGet(t, r, "进度"), "0.5", true, "50%")
	wantNumber(t, "0.5% typed", mustGet(t, tb.Rows[2], "进度（%）"), "0.005", true, "0.5%")
	if v := mustGet(t, tb.Rows[0], "开工日期"); v.Kind != Date || v.String() != "2022年3月1日" {
		t.Errorf("date text: %+v", v)
	}
	if v := mustGet(t, r, "开工日期"); v.Kind != Date || v.String() != "2022年4月8日" {
		t.Errorf("date cell: %+v", v)
	}
	if v := mustGet(t, tb.Rows[2], "开工日期"); !v.IsEmpty() || v.Ref.Cell != "G9" {
		t.Errorf("empty cell: %+v", v)
	}
	if tb.Column("投资/计划") != 2 || tb.Column("项目名称") != 1 || tb.Column("没有") != -1 {
		t.Error("Column lookups")
	}
	if _, ok := b.Table("隐藏表"); !ok {
		t.Error("hidden sheet not read")
	}
	if _, ok := b.Table("空表"); ok {
		t.Error("empty sheet read as a table")
	}
	if got := b.SheetRef("空表"); got.String() != "figures.xlsx 工作表“空表”" {
		t.Errorf("SheetRef %v", got)
	}
}

func mustGet(t *testing.T, r Row, col string) Value {
	t.Helper()
	v, ok := r.Get(col)
	if !ok {
		t.Fatalf("no column %q", col)
	}
	return v
}

func TestTableProblems(t *testing.T) {
	x := newXL(t).sheet("企业",
		[]any{"名称", "产值（亿元）", nil, "名称"},
		[]any{"甲", "5万元", "多余"},
		[]any{"乙", "3个月", "多余"},
		[]any{"丙", nil, nil, nil},
		[]any{"丁"},
	).
		sheet("企业 ", []any{"a", "b"}, []any{1, 2})
	x.f.SetCellFormula("企业", "B5", "NA()")
	_, got := x.problems()
	sameLines(t, got, []string{
		"figures.xlsx 企业!D1：表头“名称”重复，第一次出现在 A1；同一张表的列名不能相同",
		"figures.xlsx 企业!B2：“5万元” 的单位“万元”与表头“产值（亿元）”写的单位“亿元”不一致，请换算后只填数字",
		"figures.xlsx 企业!C2：这一列有内容，但表头（第 1 行）是空的：请补上列名，或删去这一列",
		"figures.xlsx 企业!B5：公式结果是错误值 #N/A，请先改正公式",
		"figures.xlsx 工作表“企业 ”：工作表名与“企业”重复（名称前后的空格、全角半角不算区别），请改掉其中一个",
	})
}

// infoWorkbook has a report sheet with dates written every usual way.
func infoWorkbook(t testing.TB) *xl {
	day := time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC)
	return newXL(t).sheet(InfoSheet,
		[]any{"项目", "内容"},
		[]any{"县名", " 鹤岭 "},
		[]any{"报告期", "2022年1－11月"},
		[]any{"成文日期", day},   // a date cell (excelize gives it a date format)
		[]any{"日期序号", 44900}, // serial number, formatted below
		[]any{"日期横线", "2022-12-5"},
		[]any{"日期中文", "2022年12月5日"},
		[]any{"日期斜线", "2022/12/05"},
		[]any{"日期全角", "２０２２年１２月５日"},
		[]any{"日期汉字", "二〇二二年十二月五日"},
		[]any{"日期带时间", "2022-12-05 00:00:00"},
		[]any{"年月格式", 44900},
		[]any{"数字", "12"},
		[]any{"百分比", "5.2%"},
		[]any{"编号", "007"},
		[]any{"说明", nil, "备用"}, // value in C when B is empty
	).
		format(InfoSheet, "B5", `yyyy"年"m"月"d"日"`).
		format(InfoSheet, "B12", 27) // zh-CN built-in yyyy"年"m"月"
}

// tablesWorkbook has a table sheet with a title, a two-row header, merged
// cells, blank and repeated rows; a hidden sheet; an empty sheet.
func tablesWorkbook(t testing.TB) *xl {
	x := newXL(t).sheet("重点项目",
		[]any{"2022年重点项目进度表"},
		[]any{"单位：亿元"},
		[]any{"乡镇", nil, "项目名称 ", "投资", nil, "　进度（%）", "开工日期"},
		[]any{nil, nil, nil, "计划（亿元）", "完成", nil, nil},
		[]any{"城关镇", nil, "锂电产业园", 10, "2.5亿元", 45, "2022-3-1"},
		[]any{nil, nil, "电子产业园", 8, "1,200", "５０", time.Date(2022, 4, 8, 0, 0, 0, 0, time.UTC)},
		[]any{},
		[]any{"乡镇", nil, "项目名称 ", "投资", nil, "　进度（%）", "开工日期"},
		[]any{"河口镇", nil, "食品园", 3, 0.5, "0.5%", nil},
	).
		merge("重点项目", "A1", "G1").
		merge("重点项目", "A3", "A4").merge("重点项目", "C3", "C4").
		merge("重点项目", "D3", "E3").
		merge("重点项目", "F3", "F4").merge("重点项目", "G3", "G4").
		merge("重点项目", "A5", "A6").
		sheet("隐藏表", []any{"名称"}, []any{"甲"}).
		sheet("空表")
	if err := x.f.SetSheetVisible("隐藏表", false); err != nil {
		t.Fatal(err)
	}
	return x
}

// formulasWorkbook has formulas with cached values as Excel writes them
// (17 digits) and without, as programs write them.
func formulasWorkbook(t testing.TB) []byte {
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", MetricsSheet)
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	sw, err := f.NewStreamWriter(MetricsSheet)
	if err != nil {
		t.Fatal(err)
	}
	rows := [][]any{
		{"名称", "数值", "单位"},
		{"甲", 2.6, "亿元"},
		{"乙", 50, "亿元"},
		// cached values as Excel writes them: 17 significant digits
		{"占比", excelize.Cell{Formula: "B2/B3", Value: 0.052000000000000005, StyleID: pct}, ""},
		{"合计", excelize.Cell{Formula: "B2+B3", Value: 52.600000000000001}, "亿元"},
		// formulas without cached values, as programs write them
		{"未计算", excelize.Cell{Formula: "SUM(B2:B3)*0.1"}, "亿元"},
		{"未计算比率", excelize.Cell{Formula: "B2/B3", StyleID: pct}, ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	x := &xl{t: t, f: f, sheets: 1}
	data := patch(t, x.bytes(), "xl/worksheets/sheet1.xml", `<f>B2/B3</f><v>[^<]*</v>`, `<f>B2/B3</f><v>0.052000000000000005</v>`)
	data = patch(t, data, "xl/worksheets/sheet1.xml", `<f>B2\+B3</f><v>[^<]*</v>`, `<f>B2+B3</f><v>52.600000000000001</v>`)
	return data
}

// infoFormulasWorkbook has text formulas without cached values, and
// formulas that cannot be calculated.
func infoFormulasWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(InfoSheet, []any{"县名", nil}, []any{"文号", nil}, []any{"未知函数", nil}, []any{"写错", nil}, []any{"无效", nil}).
		formula(InfoSheet, "B1", `"鹤"&"岭"`).
		formula(InfoSheet, "B2", `"鹤府发〔"&2022&"〕15号"`).
		formula(InfoSheet, "B3", "CUBEVALUE(\"x\")").
		formula(InfoSheet, "B4", "1+").
		formula(InfoSheet, "B5", "NA()")
}

// A header cell merged across columns, with no second header row under it,
// names its first column only: the others are dropped when empty, and
// reported when they hold data.
func TestHeaderMergedAcross(t *testing.T) {
	b := newXL(t).sheet("附表", []any{"名称", "备注"}, []any{"甲", "已投产"}).merge("附表", "B1", "D1").open()
	tb, _ := b.Table("附表")
	if len(tb.Columns) != 2 || tb.Columns[1] != "备注" {
		t.Errorf("columns %q", tb.Columns)
	}
	_, got := newXL(t).sheet("附表", []any{"名称", "投资"}, []any{"甲", 1, 2}).merge("附表", "B1", "C1").problems()
	sameLines(t, got, []string{"figures.xlsx 附表!C2：这一列有内容，但表头（第 1 行）是空的：请补上列名，或删去这一列"})
}

// The example table of README.md (工作簿的约定) reads as the README says.
func TestReadmeTable(t *testing.T) {
	const s = "重点项目"
	b := newXL(t).sheet(s,
		[]any{"2022年重点项目进度表"},
		[]any{"乡镇", "项目名称", "投资", nil, "进度（%）", "开工日期"},
		[]any{nil, nil, "计划（亿元）", "完成（亿元）"},
		[]any{"城关镇", "锂电产业园", 10, 2.5, 45, "2022-3-1"},
		[]any{nil, "电子产业园", 8, 1.2, 50, "2022年4月8日"},
		[]any{},
		[]any{"河口镇", "食品园", 3, 0.5, "0.5%"},
	).merge(s, "A1", "F1").
		merge(s, "A2", "A3").merge(s, "B2", "B3").merge(s, "E2", "E3").merge(s, "F2", "F3").
		merge(s, "C2", "D2").merge(s, "A4", "A5").open()
	tb, _ := b.Table(s)
	want := []string{"乡镇", "项目名称", "投资/计划（亿元）", "投资/完成（亿元）", "进度（%）", "开工日期"}
	if strings.Join(tb.Columns, "|") != strings.Join(want, "|") || len(tb.Rows) != 3 {
		t.Fatalf("columns %q, %d rows", tb.Columns, len(tb.Rows))
	}
	if v := mustGet(t, tb.Rows[1], "乡镇"); v.String() != "城关镇" {
		t.Errorf("乡镇 of row 5: %q", v.String())
	}
	wantNumber(t, "进度 row 7", mustGet(t, tb.Rows[2], "进度"), "0.005", true, "0.5%")
	wantNumber(t, "进度 row 4", mustGet(t, tb.Rows[0], "进度"), "0.45", true, "45%")
	wantNumber(t, "完成 row 5", mustGet(t, tb.Rows[1], "投资/完成"), "1.2", false, "1.2")
	if v := mustGet(t, tb.Rows[1], "开工日期"); v.String() != "2022年4月8日" {
		t.Errorf("date %q", v.String())
	}
}

// The example figures and report sheets of README.md (工作簿的约定) read as the README says.
func TestReadmeSheets(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		metricsHeader,
		[]any{"签约金额", 82.8, "亿元", 71.5, 65.2, 100, "1－11月累计"},
		[]any{"上云企业数", 126, "家", 118, 95, 150, "截至报告期末"},
		[]any{"规上工业增加值增速", 5.2, "%"},
		[]any{"两节补贴标准", 60, "元/天·人"},
	).sheet(InfoSheet,
		[]any{"项目", "内容"},
		[]any{"县名", "鹤岭"},
		[]any{"报告期", "2022年1－11月"},
		[]any{"发文机关", "鹤岭县工业和信息化局"},
		[]any{"主送机关", "县人民政府"},
		[]any{"成文日期", "2022年12月5日"},
	).open()
	wantNumber(t, "增速", metric(t, b, "规上工业增加值增速").Value, "0.052", true, "5.2%")
	wantNumber(t, "目标", metric(t, b, "签约金额").Target, "100", false, "100")
	if m := metric(t, b, "两节补贴标准"); m.Unit != "元/天·人" {
		t.Errorf("unit %q", m.Unit)
	}
	if len(b.Info) != 5 || mustInfo(t, b, "成文日期").Kind != Date || mustInfo(t, b, "报告期").Kind != Text {
		t.Errorf("info %+v", b.Info)
	}
}

// A note beside the title (“单位：亿元”) does not make the title row a header.
func TestTitleWithNote(t *testing.T) {
	b := newXL(t).sheet("重点企业",
		[]any{"2022年重点企业名单"},
		[]any{"填报单位：县工信局", nil, nil, "单位：亿元"},
		[]any{"企业名称", "产业链", "类别", "产值"},
		[]any{"华晟电子", "电子信息", "企业", 3.6},
	).open()
	tb, _ := b.Table("重点企业")
	if strings.Join(tb.Columns, "|") != "企业名称|产业链|类别|产值" || len(tb.Rows) != 1 {
		t.Fatalf("columns %q, %d rows", tb.Columns, len(tb.Rows))
	}
	if tb.Title != "2022年重点企业名单\n填报单位：县工信局\n单位：亿元" {
		t.Errorf("title %q", tb.Title)
	}
}
