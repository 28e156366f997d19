package workbook

import (
	"os"
	"strings"
	"testing"
)

// readmeBlock is the first ``` block of README.md after the heading.
func readmeBlock(t *testing.T, heading string) []string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(data), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("README.md has no heading %q", heading)
	}
	_, block, _ := strings.Cut(after, "```\n")
	block, _, _ = strings.Cut(block, "```")
	return strings.Split(strings.TrimSuffix(block, "\n"), "\n")
}

// The example of the bureau's sheet in README.md reads as the README says.
func TestReadmeBureauSheet(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		[]any{"序号", "名称", "单位", "7月", "1-7月", "当月增速（%）", "累计增速（%）", "上期增速", "全市增速", "排名"},
		[]any{1, "规上工业增加值", "亿元", 12.3, 80.5, 6.1, 5.2, 4.8, 5.5, 3},
		[]any{2, "社会消费品零售总额", "亿元", nil, nil, 14, -7.7, 23.5, "持平"},
		[]any{3, "三次产业比例", "%", nil, "1.9:75.1:23.7"},
	).format(MetricsSheet, "H3", "0.00").open()
	m := metric(t, b, "规上工业增加值")
	for what, c := range map[string]struct {
		v    Value
		want string
	}{
		"当月": {m.Month, "12.3"}, "数值": {m.Value, "80.5"}, "当月增速": {m.MonthGrowth, "6.1%"}, "增速": {m.Growth, "5.2%"},
		"上期增速": {m.PrevGrowth, "4.8%"}, "排名": {m.Rank, "3"},
	} {
		if c.v.String() != c.want {
			t.Errorf("%s: %q, want %q", what, c.v.String(), c.want)
		}
	}
	if v, _ := m.ExtraValue("全市增速"); v.String() != "5.5%" || len(m.Extra) != 1 {
		t.Errorf("全市增速 %q, extras %v", v.String(), m.Extra)
	}
	r := metric(t, b, "社会消费品零售总额")
	if !r.Value.IsEmpty() || r.Growth.String() != "-7.7%" || r.MonthGrowth.String() != "14%" || r.PrevGrowth.String() != "23.50%" {
		t.Errorf("rate-first: %q %q %q", r.Growth.String(), r.MonthGrowth.String(), r.PrevGrowth.String())
	}
	if v, _ := r.ExtraValue("全市增速"); v.Kind != Text || v.Text != "持平" {
		t.Errorf("持平: %+v", v)
	}
	if v := metric(t, b, "三次产业比例").Value; v.Kind != Proportion || v.String() != "1.9:75.1:23.7" {
		t.Errorf("ratio: %+v", v)
	}
}

// The example of the checks sheet in README.md gives the warnings the
// README shows.
func TestReadmeChecks(t *testing.T) {
	b := newXL(t).sheet(MetricsSheet,
		[]any{"序号", "名称", "数值", "单位", "增速"},
		[]any{1, "一产占比", 10.5, "%"},
		[]any{2, "三产占比", 39.3, "%"},
		[]any{3, "二产占比", nil, "%", 1.2},
		[]any{4, "规上工业总产值", 7.9, "亿元"},
		[]any{5, "开发区产值", 2.04, "亿元"},
		[]any{6, "乡镇工业产值", 5.63, "亿元"},
		[]any{7, "城乡收入比", "2.02:1"},
		[]any{8, "三次产业比例", "1.9:75.1:23.7", "%"},
	).sheet(ChecksSheet,
		[]any{"校验项", "合计", "各项", "说明"},
		[]any{"产业占比", 100, "一产占比、二产占比、三产占比", "三次产业占比之和为 100%"},
		[]any{"产值构成", "规上工业总产值", "开发区产值、乡镇工业产值"},
		[]any{"三次产业构成", 100, "三次产业比例"},
		[]any{"企业产值", "重点企业", "产值（亿元）"},
		[]any{"重点企业合计", "重点企业", nil, "每个数字列都核对"},
	).sheet("重点企业",
		[]any{"乡镇", "企业数", "产值（亿元）", "占比（%）"},
		[]any{"合 计", 12, 12.5, 100},
		[]any{"城关镇", 5, 6.1, 48.8},
		[]any{"河口镇", 4, 3.2, 25.6},
		[]any{"小计", 9, 9.3},
		[]any{"白沙镇", 3, 3.1, 25.6},
		[]any{"新区"},
	).open()
	var got []string
	for _, p := range b.Verify() {
		got = append(got, p.String())
	}
	sameLines(t, got, readmeBlock(t, "### 校验"))
}
