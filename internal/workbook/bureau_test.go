package workbook

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// The fields of a Metric by the first header text of their column, for
// tests that look at one field at a time.
var metricFieldsByName = map[string]func(*Metric) Value{
	"数值":     func(m *Metric) Value { return m.Value },
	"上期":     func(m *Metric) Value { return m.Prev },
	"去年同期":   func(m *Metric) Value { return m.LastYear },
	"目标":     func(m *Metric) Value { return m.Target },
	"增速":     func(m *Metric) Value { return m.Growth },
	"上期增速":   func(m *Metric) Value { return m.PrevGrowth },
	"去年同期增速": func(m *Metric) Value { return m.LastGrowth },
	"环比":     func(m *Metric) Value { return m.MoM },
	"当月":     func(m *Metric) Value { return m.Month },
	"当月增速":   func(m *Metric) Value { return m.MonthGrowth },
	"排名":     func(m *Metric) Value { return m.Rank },
	"上期排名":   func(m *Metric) Value { return m.PrevRank },
}

// Every header a column may have, as typed and with spaces, full-width
// forms or a unit in brackets (each alias with one of them), puts 5 into that column's field: a number, or 5% in a
// rate column.
func TestMetricColumnAliases(t *testing.T) {
	aliases := map[string][]string{
		"数值":     {"数值", "本期数值", "本期", "累计", "累计值", "本年累计", "绝对值", "总量", "1-7月", "1－7月", "1至7月", "1-7月累计", "１－７月", "1-12月", "1-2月份"},
		"上期":     {"上期", "上期数值"},
		"去年同期":   {"去年同期", "上年同期"},
		"目标":     {"目标", "目标值", "年度目标", "全年目标", "年度计划", "年计划", "目标任务"},
		"增速":     {"增速", "累计增速", "同比增速", "同比增长", "增长", "同比", "增长率", "比上年同期增长", "同比增长率"},
		"上期增速":   {"上期增速", "上月增速", "上期累计增速", "上月累计增速"},
		"去年同期增速": {"去年同期增速", "上年同期增速"},
		"环比":     {"环比", "环比增速", "环比增长"},
		"当月":     {"当月", "本月", "当月值", "本月数值", "7月", "7月份", "12月", "１月"},
		"当月增速":   {"当月增速", "本月增速", "当月同比", "当月增长"},
		"排名":     {"排名", "位次", "排位", "名次", "全市排名", "全市位次", "全省排名", "全省位次"},
		"上期排名":   {"上期排名", "上月排名", "上期全市排名", "上月全市排名", "上期位次", "上月位次"},
	}
	rates := map[string]bool{"增速": true, "上期增速": true, "去年同期增速": true, "环比": true, "当月增速": true}
	decorations := []func(string) string{
		func(s string) string { return " " + s + "　" },
		spaced,
		func(s string) string { return s + "（%）" },
		func(s string) string { return s + "(%)" },
	}
	n := 0
	for _, field := range slices.Sorted(maps.Keys(aliases)) {
		for _, alias := range aliases[field] {
			n++
			decorated := decorations[n%len(decorations)](alias)
			for _, header := range []string{alias, decorated} {
				if !rates[field] && strings.Contains(header, "%") {
					header = alias + "（亿元）"
				}
				row := []any{"名称", header, "单位"}
				values := []any{"甲", 5, "亿元"}
				if field != "数值" {
					row, values = append(row, "数值"), append(values, 1)
				}
				b := newXL(t).sheet(MetricsSheet, row, values).open()
				got := metricFieldsByName[field](metric(t, b, "甲"))
				what := fmt.Sprintf("%s as %q", field, header)
				if rates[field] {
					wantNumber(t, what, got, "0.05", true, "5%")
				} else {
					wantNumber(t, what, got, "5", false, "5")
				}
				if extra := metric(t, b, "甲").Extra; len(extra) != 0 {
					t.Errorf("%s: extra columns %+v", what, extra)
				}
			}
		}
	}
}

// spaced puts a space between the characters of s, as clerks do to widen
// a short header (“名 称”).
func spaced(s string) string {
	return strings.Join(strings.Split(s, ""), " ")
}

// A bureau's sheet: value columns titled by the period, rates, ranks, and
// other columns read as named bases.
func TestBureauSheet(t *testing.T) {
	b := bureauWorkbook(t).open()
	m := metric(t, b, "规上工业增加值")
	wantNumber(t, "当月", m.Month, "12.3", false, "12.3")
	wantNumber(t, "累计", m.Value, "80.5", false, "80.5")
	wantNumber(t, "当月增速", m.MonthGrowth, "0.061", true, "6.1%")
	wantNumber(t, "累计增速", m.Growth, "0.052", true, "5.2%")
	wantNumber(t, "上期增速", m.PrevGrowth, "0.048", true, "4.8%")
	wantNumber(t, "排名", m.Rank, "3", false, "3")
	if m.Value.Ref.Cell != "E3" || m.Growth.Ref.Cell != "G3" || m.Note != "" {
		t.Errorf("refs %v %v, note %q", m.Value.Ref, m.Growth.Ref, m.Note)
	}
	var names []string
	for _, x := range m.Extra {
		names = append(names, x.Name)
	}
	if got := strings.Join(names, "|"); got != "全市增速|时序进度|一季度增速|全市平均|数据来源" {
		t.Fatalf("extra columns %s", got)
	}
	extra := func(m *Metric, i int) Value { return m.Extra[i].Value }
	wantNumber(t, "全市增速", extra(m, 0), "0.055", true, "5.5%")
	wantNumber(t, "时序进度", extra(m, 1), "0.583", true, "58.3%")
	wantNumber(t, "一季度增速（%）", extra(m, 2), "0.041", true, "4.1%")
	wantNumber(t, "全市平均", extra(m, 3), "77.7", false, "77.7")
	if v := extra(m, 4); v.Kind != Text || v.String() != "县统计局" || v.Ref.Cell != "N3" {
		t.Errorf("数据来源: %+v", v)
	}

	// Rate-first: only rates, no 数值 and no 当月.
	r := metric(t, b, "社会消费品零售总额")
	if !r.Value.IsEmpty() || r.Value.Ref.Cell != "E4" || !r.Month.IsEmpty() {
		t.Errorf("rate-first value %+v", r.Value)
	}
	wantNumber(t, "负增速", r.Growth, "-0.077", true, "-7.7%")
	wantNumber(t, "当月增速 14", r.MonthGrowth, "0.14", true, "14%")
	wantNumber(t, "上期增速 23.50", r.PrevGrowth, "0.235", true, "23.50%")
	if r.Rank.Kind != Empty {
		t.Errorf("empty rank %+v", r.Rank)
	}
	// Extra cells are never refused: text, a unit that differs, an error
	// value, a date, an empty cell.
	for i, want := range []struct {
		kind Kind
		text string
	}{{Text, "持平"}, {Text, "5亿元"}, {Text, "#DIV/0!"}, {Empty, ""}, {Date, "2022年7月31日"}} {
		if v := extra(r, i); v.Kind != want.kind || v.String() != want.text {
			t.Errorf("extra %s: %v %q, want %v %q", r.Extra[i].Name, v.Kind, v.String(), want.kind, want.text)
		}
	}
	wantNumber(t, "当月增速 percent-formatted", metric(t, b, "固定资产投资").MonthGrowth, "0.052", true, "5.2%")
	wantNumber(t, "增速 typed -7.7%", metric(t, b, "固定资产投资").Growth, "-0.077", true, "-7.7%")
	wantNumber(t, "排名 3.0", metric(t, b, "固定资产投资").Rank, "5", false, "5")
}

// bureauWorkbook is a metrics sheet as a statistics bureau sends it.
func bureauWorkbook(t testing.TB) *xl {
	return newXL(t).sheet(MetricsSheet,
		[]any{"2022年1-7月主要经济指标"},
		[]any{"序号", "分类", "名 称", "7月", "1-7月", "当月增速（%）", "累计增速", "上期增速", "全市增速", "排名", "时序进度", "一季度增速（%）", "全市平均", "数据来源", "单位"},
		[]any{1, "工业", "规上工业增加值", 12.3, 80.5, 6.1, 5.2, 4.8, 5.5, 3, 58.3, "4.1%", 77.7, "县统计局", "亿元"},
		[]any{2, "消费", "社会消费品零售总额", nil, nil, 14, -7.7, 23.5, "持平", nil, "5亿元", nil, nil, time.Date(2022, 7, 31, 0, 0, 0, 0, time.UTC), "亿元"},
		[]any{3, "投资", "固定资产投资", nil, 40.1, nil, "-7.7%", nil, nil, 5, nil, nil, nil, nil, "亿元"},
	).format(MetricsSheet, "H4", "0.00").formula(MetricsSheet, "L4", "1/0").
		raw(MetricsSheet, "F5", "0.052").format(MetricsSheet, "F5", "0.0%").format(MetricsSheet, "J5", "0.0")
}

// Rates, ranks and 当月 are refused when they are not what their column
// holds; each problem names its cell, left to right.
func TestBureauProblems(t *testing.T) {
	_, got := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "单位", "当月", "累计", "增速", "环比", "排名", "上期排名"},
		[]any{"甲", "亿元", "82.8万元", 1, "abc", "5.2亿元", "第3位", 0},
		[]any{"乙", "亿元", "2:1", "1:2", "1.5:1", time.Date(2022, 1, 2, 0, 0, 0, 0, time.UTC), 3.5, -1},
		[]any{"丙", "亿元", nil, nil, "—", nil, "50%", "2:1"},
		[]any{"丁", "亿元"},
		[]any{"戊", "亿元", 1, nil, "5.2个百分点", true},
	).problems()
	sameLines(t, got, []string{
		"figures.xlsx 指标!C2：“82.8万元” 的单位“万元”与“单位”列写的单位“亿元”不一致，请换算后只填数字",
		"figures.xlsx 指标!E2：“abc” 不是数字",
		"figures.xlsx 指标!F2：“5.2亿元” 的单位“亿元”与“环比”列写的单位“%”不一致，请换算后只填数字",
		"figures.xlsx 指标!G2：“第3位” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!H2：“0” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!C3：“2:1” 是比例，不是数字；这一列只能填数字",
		"figures.xlsx 指标!E3：“1.5:1” 是比例，不是数字；这一列只能填数字",
		"figures.xlsx 指标!F3：这一格是日期（2022年1月2日），不是数字；如果本该是数字，请把单元格格式改为“常规”或“数值”",
		"figures.xlsx 指标!G3：“3.5” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!H3：“-1” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!E4：“—” 不是数字",
		"figures.xlsx 指标!G4：“50%” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!H4：“2:1” 不是排名：排名只填正整数，如 3",
		"figures.xlsx 指标!C5：“丁” 的当月、累计、增速都是空的；至少填写其中一项，没有数就删掉这一行",
		"figures.xlsx 指标!E6：“5.2个百分点” 的单位“个百分点”与“增速”列写的单位“%”不一致，请换算后只填数字",
		"figures.xlsx 指标!F6：“TRUE” 不是数字",
	})

	// With one of 数值, 增速, 当月, 当月增速 in the sheet, its own message.
	_, got = newXL(t).sheet(MetricsSheet, []any{"名称", "单位", "增速（%）", "排名"}, []any{"甲", "%", nil, 1}).problems()
	sameLines(t, got, []string{"figures.xlsx 指标!C2：“甲” 的增速（%）是空的；没有数就删掉这一行，或在备注里说明"})

	// A row without a name but with a rate.
	_, got = newXL(t).sheet(MetricsSheet, []any{"名称", "单位", "增速"}, []any{"甲", "%", 1}, []any{nil, nil, 2}).problems()
	sameLines(t, got, []string{"figures.xlsx 指标!A3：这一行填了增速，但“名称”是空的"})
}

// How the header row is read: a named column beats a period, two periods
// for one column are refused, extra columns are named by their header and
// may not repeat, bookkeeping columns are not read.
func TestBureauHeader(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "单位", "累计", "1-6月", "7月", "当月", "6-7月", "13月", "1-7月增速", "代码", "分类", "类别", "编号", "行次", "序号"},
		[]any{"甲", "亿元", 80, 70, 12, 11, 20, "x", 5, "A01", "工业", "甲类", "7", 1, 1},
	).open()
	m := metric(t, b, "甲")
	wantNumber(t, "累计", m.Value, "80", false, "80")
	wantNumber(t, "当月", m.Month, "11", false, "11")
	var got []string
	for _, x := range m.Extra {
		got = append(got, x.Name+"="+x.Value.String())
	}
	if strings.Join(got, " ") != "1-6月=70 7月=12 6-7月=20 13月=x 1-7月增速=5%" {
		t.Errorf("extras: %s", strings.Join(got, " "))
	}

	_, lines := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "单位", "1-7月", "1-6月", "7月", "6月份", "全市增速", "全市 增速（%）", "本月增速", "同比", "增速"},
		[]any{"甲", "亿元", 1, 2, 3, 4, 5, 6, 7, 8, 9},
	).problems()
	sameLines(t, lines, []string{
		"figures.xlsx 指标!K1：表头里有两列都是“增速”（另一列在 J1），请删去或改名一列",
		"figures.xlsx 指标!D1：表头“1-6月”和 C1 的“1-7月”都是期间，不知道哪一列是本期的“累计”：请把本期那一列的表头改为“累计”，另一列就按表头文字读取",
		"figures.xlsx 指标!F1：表头“6月份”和 E1 的“7月”都是期间，不知道哪一列是本期的“当月”：请把本期那一列的表头改为“当月”，另一列就按表头文字读取",
		"figures.xlsx 指标!H1：表头里有两列都是“全市增速”（另一列在 G1），请删去或改名一列",
	})
	// 名称 and a rate are a header; 名称 and 上期 alone are not.
	if b := newXL(t).sheet(MetricsSheet, []any{"名称", "单位", "当月增速"}, []any{"甲", "%", 1}).open(); len(b.Metrics) != 1 {
		t.Error("名称 + 当月增速 is a header")
	}
	_, lines = newXL(t).sheet(MetricsSheet, []any{"名称", "单位", "上期", "排名"}, []any{"甲", "%", 1, 1}).problems()
	sameLines(t, lines, []string{"figures.xlsx 工作表“指标”：找不到表头：应当有一行写着“名称”“数值”“单位”（可以再加“上期”“去年同期”“目标”“备注”），其下每行一个指标"})
}

// A ratio is a figure's 数值, 上期, 去年同期 or 目标, whatever its 单位.
func TestMetricProportions(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "数值", "单位", "上期", "去年同期", "目标", "增速"},
		[]any{"三次产业比例", "1.9：75.1：23.7", "%", "2.0:74.0:24.0", "2.1 : 73.9 : 24.0", "2:73:25"},
		[]any{"城乡收入比", "2.02:1", nil, nil, nil, nil, 1.5},
		[]any{"产值", "8:30", "亿元"},
	).open()
	m := metric(t, b, "三次产业比例")
	for what, c := range map[string]struct {
		v    Value
		want string
	}{
		"数值": {m.Value, "1.9:75.1:23.7"}, "上期": {m.Prev, "2.0:74.0:24.0"},
		"去年同期": {m.LastYear, "2.1:73.9:24.0"}, "目标": {m.Target, "2:73:25"},
		"城乡收入比":        {metric(t, b, "城乡收入比").Value, "2.02:1"},
		"unit ignored": {metric(t, b, "产值").Value, "8:30"},
	} {
		if c.v.Kind != Proportion || c.v.String() != c.want {
			t.Errorf("%s: %v %q, want a ratio %q", what, c.v.Kind, c.v.String(), c.want)
		}
	}
	wantNumber(t, "part", m.Value.Parts[1], "75.1", false, "75.1")
	if m.Value.Ref.Cell != "B2" || m.Value.Parts[0].Ref.Cell != "B2" {
		t.Errorf("refs %v %v", m.Value.Ref, m.Value.Parts[0].Ref)
	}
}

func TestExtraValue(t *testing.T) {
	m := metric(t, bureauWorkbook(t).open(), "规上工业增加值")
	for name, want := range map[string]string{
		"全市增速": "5.5%", " 全市增速（%）": "5.5%", "一季度增速": "4.1%", "一季度增速(%)": "4.1%", "全 市 平 均": "77.7",
	} {
		if v, ok := m.ExtraValue(name); !ok || v.String() != want {
			t.Errorf("ExtraValue(%q) = %q, %v; want %q", name, v.String(), ok, want)
		}
	}
	for _, name := range []string{"全市", "累计增速", "排名", ""} {
		if v, ok := m.ExtraValue(name); ok {
			t.Errorf("ExtraValue(%q) found %+v", name, v)
		}
	}
	two := &Metric{Extra: []Field{{"全市平均（亿元）", NumberOf("1")}, {"全省平均（亿元）", NumberOf("2")}, {"均值（万元）", NumberOf("3")}, {"均值（亿元）", NumberOf("4")}}}
	if v, ok := two.ExtraValue("全市平均"); !ok || v.String() != "1" {
		t.Errorf("without its unit: %q %v", v.String(), ok)
	}
	if v, ok := two.ExtraValue("均值"); ok {
		t.Errorf("均值 names two columns, found %q", v.String())
	}
	if _, ok := (*Metric)(nil).ExtraValue("全市增速"); ok {
		t.Error("nil metric")
	}
}

// The listing of `briefing figures` shows the rates, 当月, ranks and extra
// columns with their cells, and a rate-first figure without a value.
func TestBureauSummary(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		[]any{"名称", "单位", "当月", "累计", "累计增速", "排名", "全市增速", "备注"},
		[]any{"规上工业增加值", "亿元", 12.3, 80.5, 5.2, 3, 5.5, "快报"},
		[]any{"社零总额", "亿元", nil, nil, -7.7},
		[]any{"三次产业比例", "%", nil, "1.9:75.1:23.7"},
	).open()
	var out strings.Builder
	if err := b.WriteSummary(&out); err != nil {
		t.Fatal(err)
	}
	want := `
指标（3 项）
  规上工业增加值  80.5 亿元      指标!D2  当月 12.3（指标!C2），增速 5.2%（指标!E2），排名 3（指标!F2），全市增速 5.5%（指标!G2），备注：快报
  社零总额        （无数值）     指标!D3  增速 -7.7%（指标!E3）
  三次产业比例    1.9:75.1:23.7  指标!D4
`
	if got := out.String(); !strings.Contains(got, want) {
		t.Errorf("WriteSummary:\n%s\nwant within it:%s", got, want)
	}
	js, err := json.Marshal(b.Summary())
	if err != nil {
		t.Fatal(err)
	}
	var back BookSummary
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	m := back.Metrics[0]
	if m.Growth == nil || m.Growth.Text != "5.2%" || m.Growth.Number != "0.052" || m.Growth.Ref != "指标!E2" ||
		m.Month == nil || m.Month.Text != "12.3" || m.Rank == nil || m.Rank.Number != "3" || m.PrevGrowth != nil ||
		len(m.Extra) != 1 || m.Extra[0].Name != "全市增速" || m.Extra[0].Value.Text != "5.5%" {
		t.Errorf("metric JSON: %s", js)
	}
	if r := back.Metrics[1]; r.Value.Kind != "empty" || r.Extra != nil || r.Growth.Text != "-7.7%" {
		t.Errorf("rate-first JSON: %+v", r)
	}
	if p := back.Metrics[2].Value; p.Kind != "proportion" || strings.Join(p.Parts, "|") != "1.9|75.1|23.7" || p.Text != "1.9:75.1:23.7" {
		t.Errorf("ratio JSON: %+v", p)
	}
	for _, key := range []string{`"growth"`, `"month"`, `"rank"`, `"extra"`, `"parts"`} {
		if !strings.Contains(string(js), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}
