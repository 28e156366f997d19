package workbook

import (
	"testing"
	"time"
)

var metricsHeader = []any{"名称", "数值", "单位", "上期", "去年同期", "目标", "备注"}

// Numbers typed every way a clerk types them read as the same exact decimal.
func TestMetricNumbersExact(t *testing.T) {
	b := numbersWorkbook(t).open()

	wantNumber(t, "float noise", metric(t, b, "地区生产总值").Value, "82.8", false, "82.8")
	for _, name := range []string{"增速", "增速文本", "增速全角", "增速数字", "增速文字"} {
		wantNumber(t, name, metric(t, b, name).Value, "0.052", true, "5.2%")
	}
	wantNumber(t, "1,234", metric(t, b, "企业数").Value, "1234", false, "1234")
	wantNumber(t, "１２３４", metric(t, b, "企业数全角").Value, "1234", false, "1234")
	wantNumber(t, "spaces", metric(t, b, "产值空格").Value, "82.8", false, "82.8")
	wantNumber(t, "unit in cell", metric(t, b, "产值带单位").Value, "82.8", false, "82.8")
	wantNumber(t, "unit after space", metric(t, b, "产值带空格单位").Value, "82.8", false, "82.8")
	wantNumber(t, "format 0.0", metric(t, b, "一位小数").Value, "9", false, "9.0")
	wantNumber(t, "typed 9.0", metric(t, b, "一位小数文字").Value, "9", false, "9.0")
	wantNumber(t, "negative", metric(t, b, "负数").Value, "-3.5", false, "-3.5")
	wantNumber(t, "15 digits", metric(t, b, "大数").Value, "123456789012346000", false, "123456789012346000")
	wantNumber(t, "#,##0.00", metric(t, b, "两位小数格式").Value, "1234.5", false, "1234.50")
	wantNumber(t, "custom format", metric(t, b, "自定义格式").Value, "82.8", false, "82.8")
	wantNumber(t, "scientific", metric(t, b, "极小").Value, "0.0015", false, "0.0015")

	if _, ok := b.Metric("全角空格名称"); !ok {
		t.Error("name with a trailing full-width space not found by its trimmed name")
	}
	m := metric(t, b, "上期去年目标")
	wantNumber(t, "value", m.Value, "126", false, "126")
	wantNumber(t, "上期", m.Prev, "118", false, "118")
	wantNumber(t, "去年同期", m.LastYear, "95", false, "95")
	wantNumber(t, "目标", m.Target, "150", false, "150")
	if m.Note != "截至报告期末" || m.Unit != "家" {
		t.Errorf("note %q unit %q", m.Note, m.Unit)
	}
	if m.Ref.String() != "figures.xlsx 指标!A21" || m.Value.Ref.String() != "figures.xlsx 指标!B21" || m.Prev.Ref.Cell != "D21" {
		t.Errorf("refs: %v %v %v", m.Ref, m.Value.Ref, m.Prev.Ref)
	}
	if p := metric(t, b, "增速").Prev; p.Kind != Empty || !p.IsEmpty() {
		t.Errorf("empty 上期: %+v", p)
	}
}

// Every problem of the metrics sheet is reported at once, each with its
// cell, and nothing wrong is silently picked.
func TestMetricProblems(t *testing.T) {
	b, got := problemsWorkbook(t).problems()
	sameLines(t, got, []string{
		"figures.xlsx 指标!B2：“12a” 不是数字",
		"figures.xlsx 指标!B3：“上云企业数” 的数值是空的；没有数就删掉这一行，或在备注里说明",
		"figures.xlsx 指标!A5：指标名“产值B”重复，第一次出现在 A4；同一个名称只能有一行",
		"figures.xlsx 指标!B6：“82.8万元” 的单位“万元”与“单位”列写的单位“亿元”不一致，请换算后只填数字",
		"figures.xlsx 指标!B7：“5.2%” 是百分数，但“单位”列写的单位是“亿元”",
		"figures.xlsx 指标!B8：“82.8亿元” 不是数字：单位请写在“单位”列，数值列只填数字",
		"figures.xlsx 指标!A10：这一行填了数值，但“名称”是空的",
		"figures.xlsx 指标!B11：这一格是日期（2022年12月5日），不是数字；如果本该是数字，请把单元格格式改为“常规”或“数值”",
		"figures.xlsx 指标!B12：公式结果是错误值 #DIV/0!，请先改正公式",
		"figures.xlsx 指标!D13：“abc” 不是数字",
		"figures.xlsx 指标!B14：“5.20%” 是百分数，但“单位”列写的单位是“亿元”",
		"figures.xlsx 指标!B15：“TRUE” 不是数字",
		"figures.xlsx 指标!A9：“重点项目” 既是指标名，又是工作表“重点项目”的名字，模板里无法区分，请改掉其中一个",
	})
	// The partial book is there for diagnostics, without the wrong rows.
	if b == nil {
		t.Fatal("no partial book")
	}
	if m, ok := b.Metric("产值B"); !ok || m.Value.String() != "1" {
		t.Errorf("first 产值B: %v %v", m, ok)
	}
	for _, name := range []string{"产值A", "上云企业数", "产值C", "除零", "上期坏"} {
		if _, ok := b.Metric(name); ok {
			t.Errorf("figure %q with a problem is in the book", name)
		}
	}
}

func TestMetricsSheetLayout(t *testing.T) {
	// A title row above the header, aliases, extra columns, blank rows, a
	// unit merged down over three rows, a header repeated below.
	b := layoutWorkbook(t).open()
	if len(b.Metrics) != 4 {
		t.Fatalf("%d figures, want 4", len(b.Metrics))
	}
	for _, name := range []string{"签约金额", "固定资产投资", "工业投资"} {
		if u := metric(t, b, name).Unit; u != "亿元" {
			t.Errorf("%s: unit %q from the merged cell, want 亿元", name, u)
		}
	}
	wantNumber(t, "上年同期", metric(t, b, "签约金额").LastYear, "65.2", false, "65.2")
	if metric(t, b, "上云企业数").Value.Ref.Cell != "C8" {
		t.Error("wrong cell")
	}

	_, got := newXL(t).sheet(MetricsSheet, []any{"指标", "值"}, []any{"a", 1}).problems()
	sameLines(t, got, []string{"figures.xlsx 工作表“指标”：找不到表头：应当有一行写着“名称”“数值”“单位”（可以再加“上期”“去年同期”“目标”“备注”），其下每行一个指标"})

	_, got = newXL(t).sheet(MetricsSheet, []any{"名称", "数值"}, []any{"a", 1}).problems()
	sameLines(t, got, []string{"figures.xlsx 工作表“指标”：表头（第 1 行）缺少“单位”列；没有单位的指标，单位格留空即可"})

	_, got = newXL(t).sheet(MetricsSheet, []any{"名称", "数值", "单位", "数值"}, []any{"a", 1}).problems()
	sameLines(t, got, []string{"figures.xlsx 指标!D1：表头里有两列都是“数值”（另一列在 B1），请删去或改名一列"})
}

// numbersWorkbook holds numbers typed every way a clerk types them.
func numbersWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(MetricsSheet,
		metricsHeader,
		[]any{"地区生产总值", nil, "亿元"},     // 2: a double with float noise
		[]any{"增速", nil, "%"},          // 3: 0.052 with a % format, float noise
		[]any{"增速文本", "5.2%"},          // 4: typed as text, no unit
		[]any{"增速全角", "５．２％", "％"},     // 5: full-width digits and signs
		[]any{"增速数字", 5.2, "%"},        // 6: plain number, unit %
		[]any{"增速文字", "5.2", "%"},      // 7: plain text, unit %
		[]any{"企业数", "1,234", "家"},     // 8: thousands separators
		[]any{"企业数全角", "１２３４", "家"},    // 9: full-width digits
		[]any{"产值空格", " 82.8 ", "亿元"},  // 10: spaces around
		[]any{"产值带单位", "82.8亿元", "亿元"}, // 11: the unit typed in the cell
		[]any{"产值带空格单位", "82.8 亿元", "亿元"},
		[]any{"一位小数", 9, "亿元"},       // 13: 9 shown as 9.0 by its format
		[]any{"一位小数文字", "9.0", "亿元"}, // 14: 9.0 typed as text
		[]any{"负数", "-3.5", "亿元"},
		[]any{"大数", nil, "元"},         // 16: more than 15 digits
		[]any{"两位小数格式", 1234.5, "万元"}, // 17: #,##0.00
		[]any{"全角空格名称　", 1, "个"},      // 18: a full-width space after the name
		[]any{"自定义格式", 82.8, "亿元"},    // 19: 0.0"亿元" custom format
		[]any{"极小", nil, ""},          // 20: 1.5E-3 stored in scientific form
		[]any{"上期去年目标", 126, "家", 118, "95", "１５０", "截至报告期末"},
	).
		raw(MetricsSheet, "B2", "82.799999999999997").
		raw(MetricsSheet, "B3", "0.052000000000000005").format(MetricsSheet, "B3", "0.0%").
		format(MetricsSheet, "B13", "0.0").
		raw(MetricsSheet, "B16", "123456789012345678").
		format(MetricsSheet, "B17", 4).
		format(MetricsSheet, "B19", `0.0"亿元"`).
		raw(MetricsSheet, "B20", "1.5E-3")
}

// problemsWorkbook has a problem in nearly every row of its metrics sheet.
func problemsWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(MetricsSheet,
		metricsHeader,
		[]any{"产值A", "12a", "亿元"},
		[]any{"上云企业数", nil, "家"},
		[]any{"产值B", 1, "亿元"},
		[]any{"产值B", 2, "亿元"},
		[]any{"产值C", "82.8万元", "亿元"},
		[]any{"产值D", "5.2%", "亿元"},
		[]any{"产值E", "82.8亿元"},
		[]any{"重点项目", 5, "个"},
		[]any{nil, 7, "个"},
		[]any{"日期值", time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC), "个"},
		[]any{"除零", nil, "个"},
		[]any{"上期坏", 1, "个", "abc"},
		[]any{"百分比格式", nil, "亿元"},
		[]any{"逻辑值", true, "个"},
	).
		formula(MetricsSheet, "B12", "1/0").
		raw(MetricsSheet, "B14", "0.052").format(MetricsSheet, "B14", 10).
		sheet("重点项目", []any{"项目", "投资"}, []any{"甲", 1})
}

// layoutWorkbook has a metrics sheet with a title, aliases, blank and
// repeated rows and merged units.
func layoutWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(MetricsSheet,
		[]any{"2022年11月主要指标"},
		[]any{"序号", "指标名称", "本期", "计量单位", "上年同期"},
		[]any{1, "签约金额", 82.8, "亿元", 65.2},
		[]any{},
		[]any{2, "固定资产投资", 40.1, nil, 38},
		[]any{3, "工业投资", 12.5},
		[]any{"序号", "指标名称", "本期", "计量单位", "上年同期"},
		[]any{4, "上云企业数", 126, "家"},
	).merge(MetricsSheet, "A1", "E1").merge(MetricsSheet, "D3", "D6")
}
