package workbook

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

// checksWorkbook declares relations of every form, some that hold and
// some that do not; the figures are where the README's example says.
func checksWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(MetricsSheet,
		[]any{"序号", "名称", "数值", "单位", "增速"},
		[]any{1, "社零总额", nil, "亿元", 5.2},
		[]any{2, "一产占比", 10.5, "%"},
		[]any{3, "二产占比", 50.2, "%"},
		[]any{4, "规上工业总产值", 7.9, "亿元"},
		[]any{5, "开发区产值", 2.04, "亿元"},
		[]any{6, "乡镇工业产值", 5.63, "亿元"},
		[]any{7, "三产占比", 39.3, "%"},
		[]any{8, "三次产业比例", "1.9:75.1:23.7", "%"},
		[]any{9, "城乡收入比", "2.02：1"},
	).sheet(ChecksSheet,
		[]any{"校验项", "合计", "各项", "说明"},
		[]any{"产业占比", 100, "一产占比、二产占比、三产占比", "三次产业占比之和为100%"},
		[]any{"产值构成", "规上工业总产值", "开发区产值、乡镇工业产值"},
		[]any{"三次产业构成", 100, "三次产业比例"},
		[]any{"收入比", "3.02", "城乡收入比"},
		[]any{"企业产值", "重点企业", "产值（亿元）"},
		[]any{"重点企业合计", "重点企业"},
		[]any{"社零", "社零总额", "开发区产值"},
		[]any{"混合", 100, "一产占比，开发区产值"},
		[]any{"比例相加", "规上工业总产值", "城乡收入比 + 开发区产值"},
		[]any{"两产占比", 100, "一产占比＋二产占比"},
	).sheet("重点企业",
		[]any{"乡镇", "企业数", "产值（亿元）", "占比（%）"},
		[]any{"合 计", 12, 12.5, 100},
		[]any{"城关镇", 5, 6.1, 48.8},
		[]any{"河口镇", 4, 3.2, 25.6},
		[]any{"小计", 9, 9.3},
		[]any{"白沙镇", 3, 3.1, 25.6},
		[]any{"新区"},
	)
}

// Every form of relation, holding or not: a relation that does not hold
// does not stop the workbook from being read, and Verify names each cell.
func TestVerify(t *testing.T) {
	b := checksWorkbook(t).open()
	if len(b.Checks) != 10 {
		t.Fatalf("%d checks, want 10", len(b.Checks))
	}
	if c := b.Checks[0]; c.Name != "产业占比" || c.Total.String() != "100" || strings.Join(c.Parts, "|") != "一产占比|二产占比|三产占比" ||
		c.Note != "三次产业占比之和为100%" || c.Ref.Cell != "A2" || c.PartsRef.Cell != "C2" {
		t.Errorf("check: %+v", c)
	}
	if _, ok := b.Table(ChecksSheet); ok {
		t.Error("the checks sheet is read as a table")
	}
	var got []string
	for _, p := range b.Verify() {
		got = append(got, p.String())
	}
	sameLines(t, got, []string{
		"figures.xlsx 校验!A3：“产值构成”不成立：开发区产值 2.04（指标!C6）＋乡镇工业产值 5.63（指标!C7）＝7.67，而规上工业总产值是 7.9（指标!C5），相差 0.23（允许相差 0.05）",
		"figures.xlsx 校验!A4：“三次产业构成”不成立：三次产业比例 1.9:75.1:23.7（指标!C9）各项之和为 100.7，应为 100（允许相差 0.5）",
		"figures.xlsx 校验!A6：“企业产值”不成立：工作表“重点企业”的“产值（亿元）”列，合计行以外各行之和为 12.4（重点企业!C3:C7），而合计行是 12.5（重点企业!C2），相差 0.1（允许相差 0.05）",
		"figures.xlsx 校验!A7：“重点企业合计”不成立：工作表“重点企业”的“产值（亿元）”列，合计行以外各行之和为 12.4（重点企业!C3:C7），而合计行是 12.5（重点企业!C2），相差 0.1（允许相差 0.05）",
		"figures.xlsx 校验!A8：“社零”无法校验：社零总额（指标!C2）是空的",
		"figures.xlsx 校验!A9：“混合”无法校验：一产占比（指标!C3）是百分数，开发区产值（指标!C6）不是，不能相加",
		"figures.xlsx 校验!A10：“比例相加”无法校验：城乡收入比（指标!C10）是比例“2.02:1”，不能相加",
		"figures.xlsx 校验!A11：“两产占比”不成立：一产占比 10.5%（指标!C3）＋二产占比 50.2%（指标!C4）＝60.7%，应为 100%（允许相差 0.5 个百分点）",
	})
	if p := b.Verify(); len(p) == 0 || p[0].Ref.Cell != "A3" || p[0].Ref.Sheet != ChecksSheet {
		t.Errorf("problem ref %+v", p)
	}
	if (*Book)(nil).Verify() != nil || (&Book{}).Verify() != nil {
		t.Error("a book without checks has no problems")
	}
}

// The tolerance is half a unit of the last digit shown by the coarsest of
// the total and the parts; a difference of exactly that much is allowed.
func TestVerifyTolerance(t *testing.T) {
	figure := func(name string, v Value) *Metric { return &Metric{Name: name, Value: v} }
	for _, c := range []struct {
		total Value
		parts []Value
		want  string // "" when the relation holds
	}{
		{NumberOf("7.7"), []Value{NumberOf("2.04"), NumberOf("5.61")}, ""},
		{NumberOf("7.7"), []Value{NumberOf("2.04"), NumberOf("5.60")}, "甲 2.04＋乙 5.60＝7.64，而合计是 7.7，相差 0.06（允许相差 0.05）"},
		{NumberOf("7.70"), []Value{NumberOf("2.04"), NumberOf("5.661")}, ""},
		{NumberOf("7.70"), []Value{NumberOf("2.04"), NumberOf("5.67")}, "甲 2.04＋乙 5.67＝7.71，而合计是 7.70，相差 0.01（允许相差 0.005）"},
		{NumberOf("100"), []Value{NumberOf("60.5"), NumberOf("40")}, ""},
		{NumberOf("100"), []Value{NumberOf("60.6"), NumberOf("40")}, "甲 60.6＋乙 40＝100.6，而合计是 100，相差 0.6（允许相差 0.5）"},
		{NumberOf("-3"), []Value{NumberOf("-1.5"), NumberOf("-2")}, ""},
		{PercentOf("5.2"), []Value{PercentOf("2.1"), PercentOf("3.15")}, ""},
		{PercentOf("5.2"), []Value{PercentOf("2.1"), PercentOf("3.16")}, "甲 2.1%＋乙 3.16%＝5.26%，而合计是 5.2%，相差 0.06 个百分点（允许相差 0.05 个百分点）"},
		{NumberOf("5.0"), []Value{NumberOf("5")}, ""},
	} {
		b := &Book{Metrics: []*Metric{figure("合计", c.total), figure("甲", c.parts[0])}}
		parts := []string{"甲"}
		if len(c.parts) > 1 {
			b.Metrics = append(b.Metrics, figure("乙", c.parts[1]))
			parts = append(parts, "乙")
		}
		b.Checks = []Check{{Name: "校验", Total: TextOf("合计"), Parts: parts}}
		var got string
		if ps := b.Verify(); len(ps) > 0 {
			got = strings.TrimPrefix(ps[0].Msg, "“校验”不成立：")
		}
		if got != c.want {
			t.Errorf("%s = %v:\n got %q\nwant %q", c.total, c.parts, got, c.want)
		}
	}
	// A number against percentages is in percent; a ratio's parts add up.
	for _, c := range []struct {
		total Value
		part  Value
		want  string
	}{
		{NumberOf("100"), PercentOf("99.5"), ""},
		{NumberOf("100"), PercentOf("99.4"), "甲 99.4%＝99.4%，应为 100%（允许相差 0.5 个百分点）"},
		{PercentOf("100"), PercentOf("99.4"), "甲 99.4%＝99.4%，应为 100%（允许相差 0.5 个百分点）"},
		{NumberOf("100"), ProportionOf("1.9:75.1:23.5"), ""},
		{NumberOf("100"), ProportionOf("1.9:75.1:23.6"), "甲 1.9:75.1:23.6各项之和为 100.6，应为 100（允许相差 0.5）"},
		{NumberOf("100.0"), ProportionOf("1.9:75.1:23.05"), ""},
		{NumberOf("100.0"), ProportionOf("1.9:75.1:23.06"), "甲 1.9:75.1:23.06各项之和为 100.06，应为 100.0（允许相差 0.05）"},
		{NumberOf("3"), ProportionOf("2:1"), ""},
	} {
		b := &Book{Metrics: []*Metric{figure("甲", c.part)}, Checks: []Check{{Name: "校验", Total: c.total, Parts: []string{"甲"}}}}
		var got string
		if ps := b.Verify(); len(ps) > 0 {
			got = strings.TrimPrefix(ps[0].Msg, "“校验”不成立：")
		}
		if got != c.want {
			t.Errorf("%s = %s:\n got %q\nwant %q", c.total, c.part, got, c.want)
		}
	}
}

// What the checks sheet names must exist; each problem is a problem of the
// workbook, at the cell that names it, with the closest name.
func TestChecksProblems(t *testing.T) {
	_, got := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "数值", "单位"},
		[]any{"规上工业总产值", 7.9, "亿元"},
		[]any{"开发区产值", 2.04, "亿元"},
		[]any{"乡镇工业产值", 5.63, "亿元"},
		[]any{"产值A", "12a", "亿元"},
	).sheet(ChecksSheet,
		[]any{"校验项", "合计", "各项"},
		[]any{"甲", "规上工业总产值", "开发区产值、乡镇工业产额"},
		[]any{"乙", "规上工业产值", "开发区产值"},
		[]any{"丙", "重点企业", "产值(万元)、利润"},
		[]any{"丁", "无合计表"},
		[]any{"戊", 100},
		[]any{"己", nil, "开发区产值"},
		[]any{nil, 100, "开发区产值"},
		[]any{"甲", 100, "开发区产值"},
		[]any{"庚", time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC), "开发区产值"},
		[]any{"辛", 100, 123},
		[]any{"壬", "产值A", "开发区产值、产值A"},
	).sheet("重点企业",
		[]any{"企业", "产值（亿元）"}, []any{"甲", 1}, []any{"合计", 1},
	).sheet("无合计表",
		[]any{"企业", "产值（亿元）"}, []any{"甲", 1}, []any{"共计", 1},
	).problems()
	sameLines(t, got, []string{
		"figures.xlsx 指标!B5：“12a” 不是数字",
		"figures.xlsx 校验!B7：“己” 的合计是空的：请填一个指标名、一张表（工作表）的名字，或一个数（如 100）",
		"figures.xlsx 校验!A8：这一行填了合计，但“校验项”是空的",
		"figures.xlsx 校验!A9：校验项“甲”重复，第一次出现在 A2；同一个名称只能有一行",
		"figures.xlsx 校验!B10：“2022年1月2日” 不能作合计：请填一个指标名、一张表（工作表）的名字，或一个数（如 100）",
		"figures.xlsx 校验!C11：各项是“123”：请写要相加的指标名（或表格的列名），用顿号分开",
		"figures.xlsx 校验!C2：各项中的“乡镇工业产额”在工作表“指标”中没有（是否是 乡镇工业产值？）",
		"figures.xlsx 校验!B3：合计“规上工业产值”既不是指标，也不是工作表的名字（是否是 规上工业总产值？）",
		"figures.xlsx 校验!C4：各项中的“产值(万元)”不是工作表“重点企业”的列（是否是 产值（亿元）？）",
		"figures.xlsx 校验!C4：各项中的“利润”不是工作表“重点企业”的列",
		"figures.xlsx 校验!B5：工作表“无合计表”中没有合计行（第一个文字格是“合计”“总计”“全县合计”或“全市合计”的行），无法校验",
		"figures.xlsx 校验!C6：“戊” 的各项是空的：请写要相加的指标名，用顿号分开",
	})

	_, got = newXL(t).sheet(ChecksSheet, []any{"名称", "数值"}, []any{"甲", 1}).problems()
	sameLines(t, got, []string{"figures.xlsx 工作表“校验”：找不到表头：应当有一行写着“校验项”“合计”“各项”（可以再加“说明”），其下每行一项校验"})

	// Verify on a book built by hand reports what it cannot find.
	b := &Book{Checks: []Check{{Name: "甲", Total: NumberOf("100"), Parts: []string{"乙"}}}}
	if ps := b.Verify(); len(ps) != 1 || ps[0].Msg != "各项中的“乙”在工作表“指标”中没有" {
		t.Errorf("hand-built: %v", ps)
	}
}

// The headers of the checks sheet have aliases; 各项 is split at 、，,＋+
// and spaces; the 合计 row may be 总计, 全县合计, 全市合计.
func TestChecksSheetLayout(t *testing.T) {
	for _, header := range [][]any{
		{"名称", "总数", "组成"}, {"项目", "总计", "部分"}, {"校 验 项", "等于", "分项", "说明"},
	} {
		b := newXL(t).sheet(MetricsSheet, []any{"名称", "数值", "单位"}, []any{"甲", 1, ""}, []any{"乙", 2, ""}).
			sheet(ChecksSheet, []any{"校验表"}, header, []any{"和", 3, "甲、乙"}).open()
		if len(b.Checks) != 1 || b.Checks[0].Ref.Cell != "A3" || len(b.Verify()) != 0 {
			t.Errorf("header %v: %+v", header, b.Checks)
		}
	}
	if got := splitParts(" 甲、乙，丙,丁＋戊+己 庚　辛 "); strings.Join(got, "|") != "甲|乙|丙|丁|戊|己|庚|辛" {
		t.Errorf("splitParts: %q", got)
	}
	for _, word := range []string{"总计", "全县合计", "全市合计", "合　计"} {
		tb := NewTable("t", []string{"名称", "数"}, []Value{TextOf("甲"), NumberOf("1")}, []Value{TextOf(word), NumberOf("1")})
		if totalRow(tb) != 1 {
			t.Errorf("%q is not a 合计 row", word)
		}
	}
	tb := NewTable("t", []string{"名称", "数"}, []Value{TextOf("全县"), NumberOf("1")}, []Value{TextOf("合计数"), NumberOf("1")})
	if totalRow(tb) != -1 {
		t.Error("全县 and 合计数 are not 合计 rows")
	}
}

// A table check without columns checks every column whose 合计 row holds
// a number that is not a percentage, and says so when there is none.
func TestVerifyTableColumns(t *testing.T) {
	tb := NewTable("乡镇", []string{"乡镇", "户数", "占比（%）", "备注"},
		[]Value{TextOf("合计"), NumberOf("7"), PercentOf("100"), TextOf("")},
		[]Value{TextOf("甲镇"), NumberOf("3"), PercentOf("40"), TextOf("新设")},
		[]Value{TextOf("乙镇"), NumberOf("4"), PercentOf("59"), {}},
	)
	b := &Book{Tables: []*Table{tb}, Checks: []Check{{Name: "户数", Total: TextOf("乡镇")}, {Name: "占比", Total: TextOf("乡镇"), Parts: []string{"占比"}}}}
	var got []string
	for _, p := range b.Verify() {
		got = append(got, p.Msg)
	}
	sameLines(t, got, []string{"“占比”不成立：工作表“乡镇”的“占比（%）”列，合计行以外各行之和为 99%，而合计行是 100%，相差 1 个百分点（允许相差 0.5 个百分点）"})

	none := NewTable("空", []string{"乡镇", "备注"}, []Value{TextOf("合计"), {}})
	b = &Book{Tables: []*Table{none}, Checks: []Check{{Name: "空表", Total: TextOf("空")}, {Name: "备注", Total: TextOf("空"), Parts: []string{"备注"}}}}
	got = got[:0]
	for _, p := range b.Verify() {
		got = append(got, p.Msg)
	}
	sameLines(t, got, []string{
		"“空表”无法校验：工作表“空”的合计行没有数字：请在“各项”中写出要校验的列",
		"“备注”无法校验：合计行的“备注”列是空的",
	})
}

// The listing of `briefing figures` shows the checks sheet's relations.
func TestChecksSummary(t *testing.T) {
	b := checksWorkbook(t).open()
	var out strings.Builder
	if err := b.WriteSummary(&out); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\n校验（10 项）\n",
		"\n  产业占比      100 ＝ 一产占比＋二产占比＋三产占比         校验!A2   三次产业占比之和为100%\n",
		"\n  重点企业合计  重点企业 ＝ 各行                            校验!A7\n",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("WriteSummary lacks %q:\n%s", want, out.String())
		}
	}
	js, _ := json.Marshal(b.Summary())
	var back BookSummary
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	if c := back.Checks[1]; c.Name != "产值构成" || c.Total.Text != "规上工业总产值" || strings.Join(c.Parts, "|") != "开发区产值|乡镇工业产值" || c.Ref != "校验!A3" {
		t.Errorf("check JSON: %+v", c)
	}
	if s := (&Book{}).Summary().(*BookSummary); s.Checks != nil {
		t.Error("no checks, no JSON field")
	}
}

// Rows built by hand with fewer cells than columns are checked as if the
// missing cells were empty.
func TestVerifyShortRows(t *testing.T) {
	tb := NewTable("t", []string{"名称", "数"}, []Value{TextOf("合计"), NumberOf("3")}, []Value{TextOf("甲")})
	b := &Book{Tables: []*Table{tb}, Checks: []Check{{Name: "和", Total: TextOf("t"), Parts: []string{"数"}}}}
	if ps := b.Verify(); len(ps) != 1 || ps[0].Msg != "“和”不成立：工作表“t”的“数”列，合计行以外各行之和为 0，而合计行是 3，相差 3（允许相差 0.5）" {
		t.Errorf("%v", ps)
	}
}

// A CSV file named 校验.csv is the checks sheet.
func TestChecksCSV(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "指标.csv", []byte("名称,数值,单位\n甲,1,个\n乙,2,个\n合,4,个\n"))
	writeFile(t, dir, "校验.csv", []byte("校验项,合计,各项\n和,合,甲+乙\n"))
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ps := b.Verify()
	if len(ps) != 1 || ps[0].String() != "校验.csv 校验!A2：“和”不成立：甲 1（指标!B2）＋乙 2（指标!B3）＝3，而合是 4（指标!B4），相差 1（允许相差 0.5）" {
		t.Errorf("%v", ps)
	}
}
