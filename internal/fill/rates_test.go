package fill

import (
	"strings"
	"testing"

	"briefing/internal/workbook"
)

// bureauMetrics are figures as a statistics bureau publishes them: 名称,
// 数值, 单位, 当月, 增速, 当月增速, 上期增速, 去年同期, 排名, 上期排名, 目标,
// 全市增速.
var bureauMetrics = [][12]string{
	{"规上工业增加值", "", "亿元", "", "-7.7%", "3.2%", "-11.8%", "", "6", "8", "", "-5.4%"},
	{"固定资产投资", "35.6", "亿元", "", "14%", "", "9.5%", "", "1", "3", "60", "12.1%"},
	{"社会消费品零售总额", "28.4", "亿元", "4.1", "0.0%", "1.5%", "-2.1%", "", "3", "3", "", "0.0%"},
	{"一般公共预算收入", "8.64", "亿元", "", "23.5%", "", "", "", "", "", "", ""},
	{"出口总额", "1.6", "亿美元", "", "-1.0%", "", "2.0%", "", "", "", "", ""},
	{"工业用电量", "3.1", "亿千瓦时", "", "8.1%", "", "", "", "", "", "", ""},
	{"全社会用电量", "5.6", "亿千瓦时", "", "-0.6%", "", "", "", "", "", "", ""},
	{"居民用电量", "2.5", "亿千瓦时", "", "2.5%", "", "", "", "", "", "", ""},
	{"进出口总额", "1.2", "亿美元", "", "", "", "", "1.5", "", "", "", ""},
	{"规上工业增加值增速", "5.2%", "%", "", "", "", "", "6.0%", "", "", "", ""},
	{"税收", "500.5", "亿元", "", "", "", "", "", "", "", "", ""},
	{"存款余额", "498.2", "亿元", "", "", "", "", "", "", "", "", ""},
	{"签约项目数", "12", "个", "", "", "", "", "", "", "", "", ""},
	{"贷款余额", "500", "亿元", "", "", "", "", "", "", "", "", ""},
}

// bureauBook is a workbook laid out as a bureau publishes, for a report of
// 2022年1-7月.
func bureauBook() *workbook.Book {
	b := &workbook.Book{File: bookFile}
	for i, m := range bureauMetrics {
		row := itoa(i + 2)
		c := func(col, s string) workbook.Value { return cellValue(s, ref(workbook.MetricsSheet, col+row)) }
		b.Metrics = append(b.Metrics, &workbook.Metric{
			Name: m[0], Value: c("B", m[1]), Unit: m[2], Ref: ref(workbook.MetricsSheet, "A"+row),
			Month: c("D", m[3]), Growth: c("E", m[4]), MonthGrowth: c("F", m[5]), PrevGrowth: c("G", m[6]),
			LastYear: c("H", m[7]), Rank: c("I", m[8]), PrevRank: c("J", m[9]), Target: c("K", m[10]),
			Extra: []workbook.Field{{Name: "全市增速", Value: c("L", m[11])}},
		})
	}
	ratio := func(name, cur, last, prev string) {
		row := itoa(len(b.Metrics) + 2)
		v := func(col, s string) workbook.Value {
			if s == "" {
				return workbook.Value{Ref: ref(workbook.MetricsSheet, col+row)}
			}
			x := workbook.ProportionOf(s)
			x.Ref = ref(workbook.MetricsSheet, col+row)
			return x
		}
		b.Metrics = append(b.Metrics, &workbook.Metric{Name: name, Ref: ref(workbook.MetricsSheet, "A"+row),
			Value: v("B", cur), LastYear: v("H", last), Prev: v("C", prev)})
	}
	ratio("城乡收入比", "2.02:1", "2.05:1", "2.02:1")
	ratio("三次产业比例", "1.9:75.1:23.0", "2.0:74.3:23.7", "")
	b.Info = append(b.Info, workbook.InfoEntry{Key: "报告期", Value: cellValue("2022年1-7月", ref(workbook.InfoSheet, "B2"))})
	addTable(b, "县区", []string{"县区", "增速（%）"}, []string{"", "%"}, [][]string{
		{"甲县", "7.1%"}, {"鹤岭", "-0.4%"},
	})
	addTable(b, "园区", []string{"园区", "产值（亿元）"}, []string{"", "亿元"}, [][]string{
		{"开发区", "2.04"}, {"乡镇工业", "5.63"},
	})
	return b
}

// styled fills tmpl from the bureau book with a house style.
func styled(t *testing.T, style map[string]string, tmpl string) (string, Errors) {
	t.Helper()
	st, errs := ParseStyle(style)
	for k, err := range errs {
		t.Fatalf("写法 %s: %v", k, err)
	}
	f := New(bureauBook(), WithStyle(st))
	out, err := f.Fill("测试.md", tmpl, 1)
	if err != nil {
		t.Fatalf("%s: %v", tmpl, err)
	}
	return read(out), f.Warnings()
}

type styledCase struct {
	style      map[string]string
	tmpl, want string
}

func runStyled(t *testing.T, cases []styledCase) {
	t.Helper()
	for _, c := range cases {
		got, warnings := styled(t, c.style, c.tmpl)
		if got != c.want {
			t.Errorf("%s = %q, want %q", c.tmpl, got, c.want)
		}
		if len(warnings) > 0 {
			t.Errorf("%s: warnings %v", c.tmpl, warnings)
		}
	}
}

func TestPublishedRates(t *testing.T) {
	flat := map[string]string{"持平": "与上年持平"}
	runStyled(t, []styledCase{
		{nil, `{{增长 "规上工业增加值"}}`, "下降7.7%"},
		{nil, `{{同比 "规上工业增加值"}}`, "同比下降7.7%"},
		{nil, `{{增长 "固定资产投资"}}`, "增长14%"},          // the decimals the cell shows
		{nil, `{{增长 "一般公共预算收入"}}`, "增长23.5%"},      // never rounded silently
		{nil, `{{增长 "社会消费品零售总额"}}`, "持平"},          // zero
		{nil, `{{同比 "社会消费品零售总额"}}`, "同比持平"},        // zero after 同比
		{flat, `{{同比 "社会消费品零售总额"}}`, "与上年持平"},      // the house style
		{flat, `{{增长 "社会消费品零售总额"}}`, "与上年持平"},      //
		{nil, `{{同比 "规上工业增加值" "当月"}}`, "同比增长3.2%"}, // the month alone
		{nil, `{{增长 "社会消费品零售总额" "当月"}}`, "增长1.5%"}, //
		{nil, `{{增速 "规上工业增加值"}}`, "-7.7%"},         // the rate itself
		{nil, `{{增速 "规上工业增加值" "当月"}}`, "3.2%"},     //
		{nil, `{{绝对值 (增速 "规上工业增加值")}}`, "7.7%"},    //
		{nil, `{{增长 "进出口总额"}}`, "下降20.0%"},         // computed from 去年同期: one decimal
		{nil, `{{增速 "进出口总额"}}`, "-20.0%"},          //
		{nil, `{{增长 "规上工业增加值增速"}}`, "增长5.2%"},      // a figure that is a rate
		{nil, `{{同比 "规上工业增加值增速"}}`, "同比降低0.8个百分点"}, // 同比 without a 增速 column: as it always has
		{nil, `{{增长 "规上工业增加值" "上升/回落"}}`, "回落7.7%"},
		{nil, `{{同比 "固定资产投资" 1}}`, "同比增长14.0%"},
	})
}

func TestRespectively(t *testing.T) {
	runStyled(t, []styledCase{
		{nil, `工业用电量、居民用电量{{分别增长 "工业用电量" "居民用电量"}}`, "工业用电量、居民用电量分别增长8.1%、2.5%"},
		{nil, `{{分别增长 "工业用电量" "全社会用电量"}}`, "分别增长8.1%、下降0.6%"},
		{nil, `{{分别增长 "全社会用电量" "规上工业增加值"}}`, "分别下降0.6%、7.7%"},
		{nil, `{{分别增长 "工业用电量" "社会消费品零售总额" "居民用电量"}}`, "分别增长8.1%、持平、增长2.5%"},
		{nil, `{{分别增长 (列 (表 "县区") "增速")}}`, "分别增长7.1%、下降0.4%"},
		{nil, `{{顿号 (列 (表 "园区") "园区")}}分别完成产值{{带单位 (列 (表 "园区") "产值")}}`, "开发区、乡镇工业分别完成产值2.04亿元、5.63亿元"},
	})
}

func TestContrast(t *testing.T) {
	runStyled(t, []styledCase{
		{nil, `增速{{对比 "规上工业增加值" "全市增速" "高于全市平均水平"}}`, "增速低于全市平均水平2.3个百分点"},
		{nil, `{{对比 "固定资产投资" "全市" "增速高于全市平均水平"}}`, "增速高于全市平均水平1.9个百分点"},
		{nil, `{{对比 "固定资产投资" "全市" "增速低于全市平均水平"}}`, "增速高于全市平均水平1.9个百分点"},
		{nil, `{{对比 "社会消费品零售总额" "全市增速" "高出全市平均增长率"}}`, "与全市平均增长率持平"},
		{nil, `{{对比 "社会消费品零售总额" "全市增速" "增速高于全市平均水平"}}`, "增速与全市平均水平持平"},
		{nil, `{{对比 "规上工业增加值" "上期" "降幅较1-6月收窄"}}`, "降幅较1-6月收窄4.1个百分点"},
		{nil, `{{对比 "固定资产投资" "上期" "增幅较上月收窄"}}`, "增幅较上月扩大4.5个百分点"},
		{nil, `{{对比 "社会消费品零售总额" "上期" "降幅较上月收窄"}}`, "增速较上月由下降转为持平"},
		{nil, `{{对比 "出口总额" "上期" "增幅较上月扩大"}}`, "增速较上月由正转负"},
		{nil, `{{对比 "规上工业增加值" "上期" "增速较上月回落"}}`, "增速较上月回升4.1个百分点"},
		{nil, `{{对比 "出口总额" "上期" "增速较上月回升"}}`, "增速较上月回落3.0个百分点"},
		{nil, `{{对比 "规上工业增加值" "上期"}}`, "较上期提高4.1个百分点"},
		{nil, `{{对比 "固定资产投资" "时序进度" "超时序进度"}}`, "超时序进度1.0个百分点"},
		{nil, `{{对比 "规上工业增加值" "上期排名" "排名较上月前移"}}`, "排名较上月前移2位"},
		{nil, `{{对比 "社会消费品零售总额" "上期排名" "排名较上月前移"}}`, "排名与上月持平"},
		{nil, `{{对比 "固定资产投资" "目标" "较目标多"}}`, "较目标少24.4亿元"},
		{nil, `{{对比 "规上工业增加值" -7.7 "较全省回升"}}`, "与全省持平"},
		{nil, `{{对比 "规上工业增加值" -9.0 "较全省回升"}}`, "较全省回升1.3个百分点"},
	})
}

func TestRanksAndPeriods(t *testing.T) {
	rank := map[string]string{"名次": "第N", "首位": "是"}
	months := map[string]string{"期间": "1-N月份", "季度": "否"}
	runStyled(t, []styledCase{
		{nil, `居全市{{名次 "规上工业增加值"}}`, "居全市第6位"},
		{nil, `{{名次 "规上工业增加值" "第几位"}}`, "第六位"},
		{nil, `{{名次 "固定资产投资"}}，{{名次 "固定资产投资" "首位"}}`, "第1位，首位"},
		{rank, `居全市{{名次 "规上工业增加值"}}，{{名次 "固定资产投资"}}`, "居全市第6，首位"},
		{nil, `五县（市）{{名次 2}}`, "五县（市）第2位"},
		{nil, `{{期间}}，{{上期间}}，{{月数}}个月，{{时序进度}}`, "1－7月，上半年，7个月，58.3%"},
		{months, `{{期间}}，{{上期间}}`, "1-7月份，1-6月份"},
		{map[string]string{"期间": "1至N月份"}, `{{期间}}`, "1至7月份"},
		{map[string]string{"期间": "前N个月"}, `{{期间}}`, "前7个月"},
		{map[string]string{"期间": "前几个月"}, `{{期间}}`, "前七个月"},
		{map[string]string{"期间": "1－N月"}, `{{月份段 (信息 "报告期")}}份`, "1－7月份"},
		{months, `{{月份段 (信息 "报告期")}}份`, "1-7月份"},
	})
}

func TestRatios(t *testing.T) {
	runStyled(t, []styledCase{
		{nil, `三次产业比例为{{比例 "三次产业比例"}}`, "三次产业比例为1.9:75.1:23.0"},
		{nil, `城乡收入比{{比例变化 "城乡收入比"}}`, "城乡收入比由2.05:1缩小为2.02:1"},
		{nil, `{{比例变化 "城乡收入比" "上期"}}`, "保持2.02:1不变"},
		{nil, `{{比例变化 "三次产业比例"}}`, "由2.0:74.3:23.7调整为1.9:75.1:23.0"},
		// shares that sum to exactly 100: 33.3+33.3+33.3 would be 99.9
		{nil, `{{比例 "工业用电量" "工业用电量" "工业用电量"}}`, "33.4:33.3:33.3"},
		{nil, `{{比例 "工业用电量" "全社会用电量" "居民用电量"}}`, "27.7:50.0:22.3"},
		{nil, `{{比例 "工业用电量" "全社会用电量" 0}}`, "36:64"},
		{nil, `{{比值 "全社会用电量" "居民用电量"}}`, "2.24:1"},
	})
}

func TestApprox(t *testing.T) {
	runStyled(t, []styledCase{
		{nil, `{{超 "税收"}}`, "超500亿元"},
		{nil, `{{逾 "税收" 10}}`, "逾500亿元"},
		{nil, `{{近 "存款余额"}}`, "近500亿元"},
		{nil, `{{近 "存款余额" 10}}`, "近500亿元"},
		{nil, `{{超 "签约项目数" 10}}`, "超10个"},
		{nil, `{{超 "贷款余额"}}`, "500亿元"},
		{nil, `{{超 82.8}}`, "超80"},
	})
}

func TestColumnsAndArithmetic(t *testing.T) {
	runStyled(t, []styledCase{
		{nil, `{{值 "规上工业增加值" "全市增速"}}；{{带单位 "固定资产投资" "目标"}}；{{值 "社会消费品零售总额" "当月"}}`, "-5.4%；60亿元；4.1"},
		{nil, `{{乘 (增速 "固定资产投资") 2}}；{{减 (增速 "固定资产投资") (值 "固定资产投资" "全市增速")}}`, "28%；1.9%"},
		{nil, `{{define "句"}}{{.}}{{同比 .}}{{end}}{{template "句" "规上工业增加值"}}。`, "规上工业增加值同比下降7.7%。"},
		{nil, `工业{{不检查}}增长。`, "工业增长。"},
	})
}

func TestRateProblems(t *testing.T) {
	cases := []struct{ tmpl, want string }{
		{`{{加 1 (增速 "固定资产投资")}}`, "加：14% 是百分数而 1 不是，不能相加"},
		{`{{对比 "规上工业增加值" "全省"}}`, "指标“规上工业增加值”没有“全省”这一列（可比较：上期、去年同期、目标、时序进度、排名、全市增速）"},
		{`{{对比 "规上工业增加值" "全市增速" "与全市相比"}}`, "短语“与全市相比”中没有可以随数据变化的动词"},
		{`{{名次 "一般公共预算收入"}}`, "指标“一般公共预算收入”的排名是空的"},
		{`{{同比 "固定资产投资" "当月"}}`, "指标“固定资产投资”没有当月数"},
		{`{{分别增长 "工业用电量"}}`, "分别增长 至少需要两个指标"},
		{`{{template "没有"}}`, "没有名为“没有”的短语"},
	}
	for _, c := range cases {
		_, err := New(bureauBook()).Fill("测试.md", c.tmpl, 1)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want %q", c.tmpl, err, c.want)
		}
	}
}

func TestDroppedDigitWarns(t *testing.T) {
	f := New(bureauBook())
	out, err := f.Fill("测试.md", "收入{{增长 \"一般公共预算收入\" 0}}，投资{{增长 \"固定资产投资\" 0}}。", 1)
	if err != nil {
		t.Fatal(err)
	}
	if got := read(out); got != "收入增长24%，投资增长14%。" {
		t.Errorf("got %q", got)
	}
	ws := f.Warnings()
	if len(ws) != 1 || ws[0].Error() != "测试.md 第1行第5列：保留0位小数会把工作簿中的23.5%写成24%，舍去了不为0的数字；去掉小数位数这个选项，就按单元格显示的位数写" {
		t.Errorf("warnings %v", ws)
	}
}

func TestStyleErrors(t *testing.T) {
	_, errs := ParseStyle(map[string]string{"期间": "1~N旬", "颜色": "红", "首位": "也许"})
	for _, k := range []string{"期间", "颜色", "首位"} {
		if errs[k] == nil {
			t.Errorf("写法 %s: no error", k)
		}
	}
	if !strings.Contains(errs["期间"].Error(), "可用：1-N月") || !strings.Contains(errs["颜色"].Error(), "不认识的写法") {
		t.Errorf("messages: %v", errs)
	}
}
