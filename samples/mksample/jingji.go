package main

import (
	"fmt"
	"time"

	"github.com/xuri/excelize/v2"
)

// The 经济运行 samples: the figures of a county's monthly 经济运行情况 for
// two months in a row, laid out as a county statistics bureau publishes
// them: the month (当月) and the running total (累计) side by side, signed
// growth rates, the rates of the previous period and of the city, ranks.
// The second month is the test of the template language: a rate turns
// negative, one is exactly 0, a falling rate recovers past 0, a rank
// becomes 1, the list of new projects grows, and the clerk updated a part
// of 规上工业总产值 without its total, which the 校验 sheet catches.

// bureauMonth is one month's workbook.
type bureauMonth struct {
	file    string
	month   int
	written time.Time
	// metrics: 指标名称, 计量单位, 当月, 累计, 当月增速, 累计增速,
	// 上期累计增速, 全市增速, 全市排名, 上期排名, 年度目标, 去年同期.
	metrics    [][]any
	industries [][]any // 行业, 产值（亿元）, 增速（%）
	projects   [][]any // 项目名称, 总投资（亿元）, 开工日期
	monthly    [][]any // 月份, 规上工业产值（亿元）, 增速（%）: each month alone, for the chart
	counties   [][]any // 县, 规上工业增加值增速（%）: the counties of the city, for the ranking chart
}

var bureauMonths = []bureauMonth{
	{
		file: "经济运行-2022年7月.xlsx", month: 7, written: date(2022, 8, 12),
		metrics: [][]any{
			{"规上工业增加值", "%", nil, nil, 4.1, -0.5, -3.2, -1.4, 6, 8, nil, nil},
			{"规上工业总产值", "亿元", 12.36, 82.35, 5.3, -6.2, -8.0, -4.1, nil, nil, nil, nil},
			{"开发区工业产值", "亿元", nil, 62.04, nil, -4.8, nil, nil, nil, nil, nil, nil},
			{"乡镇工业产值", "亿元", nil, 20.31, nil, -10.1, nil, nil, nil, nil, nil, nil},
			{"固定资产投资", "亿元", nil, 36.4, nil, 14, 9.5, 12.1, 2, 3, 60, nil},
			{"工业投资", "亿元", nil, 15.2, nil, 22.6, nil, nil, nil, nil, nil, nil},
			{"房地产开发投资", "亿元", nil, 8.7, nil, -15.3, nil, nil, nil, nil, nil, nil},
			{"社会消费品零售总额", "亿元", 6.83, 45.62, 4.1, 3.5, 2.9, 3.1, 5, 5, nil, nil},
			{"一般公共预算收入", "亿元", nil, 8.64, nil, 23.5, nil, nil, nil, nil, 14.2, nil},
			{"税收收入", "亿元", nil, 6.12, nil, 18.4, nil, nil, nil, nil, nil, nil},
			{"金融机构存款余额", "亿元", nil, 503.6, nil, 9.8, nil, nil, nil, nil, nil, nil},
		},
		industries: [][]any{
			{"电子信息", 28.46, 6.2}, {"新能源新材料", 21.37, 12.5}, {"食品加工", 11.02, -3.4},
			{"纺织服装", 8.15, -11.2}, {"其他行业", 13.35, -22.6}, {"合计", 82.35, -6.2},
		},
		projects: [][]any{
			{"华晟电子智能终端扩建项目", 5.2, date(2022, 7, 5)},
			{"天恒锂电正极材料二期项目", 8.6, date(2022, 7, 12)},
			{"鹤岭冷链物流园项目", 2.3, date(2022, 7, 20)},
		},
		monthly: [][]any{
			{"1-2月", 21.6, -8.5}, {"3月", 12.1, -10.2}, {"4月", 10.9, -12.6},
			{"5月", 12.5, -6.4}, {"6月", 12.89, 2.1}, {"7月", 12.36, 5.3},
		},
		counties: [][]any{
			{"云溪", 3.8}, {"青川", 2.6}, {"石山", 1.9}, {"松阳", 0.7},
			{"梅江", 0.2}, {"鹤岭", -0.5}, {"桃源", -1.8}, {"柳泉", -3.6},
		},
	},
	{
		file: "经济运行-2022年8月.xlsx", month: 8, written: date(2022, 9, 13),
		metrics: [][]any{
			{"规上工业增加值", "%", nil, nil, 9.8, 1.2, -0.5, 1.2, 4, 6, nil, nil},
			{"规上工业总产值", "亿元", 13.02, 95.37, 8.2, -4.3, -6.2, -2.6, nil, nil, nil, nil},
			{"开发区工业产值", "亿元", nil, 72.15, nil, -2.9, nil, nil, nil, nil, nil, nil},
			{"乡镇工业产值", "亿元", nil, 23.38, nil, 0.6, nil, nil, nil, nil, nil, nil},
			{"固定资产投资", "亿元", nil, 41.9, nil, 15.8, 14, 11.6, 1, 2, 60, nil},
			{"工业投资", "亿元", nil, 17.6, nil, 19.4, nil, nil, nil, nil, nil, nil},
			{"房地产开发投资", "亿元", nil, 9.8, nil, -12.7, nil, nil, nil, nil, nil, nil},
			{"社会消费品零售总额", "亿元", 6.02, 51.64, -9.6, -0.8, 3.5, 1.9, 7, 5, nil, nil},
			{"一般公共预算收入", "亿元", nil, 9.71, nil, 0, nil, nil, nil, nil, 14.2, nil},
			{"税收收入", "亿元", nil, 6.95, nil, -2.3, nil, nil, nil, nil, nil, nil},
			{"金融机构存款余额", "亿元", nil, 512.8, nil, 10.1, nil, nil, nil, nil, nil, nil},
		},
		industries: [][]any{
			{"电子信息", 32.85, 7.1}, {"新能源新材料", 24.92, 13.8}, {"食品加工", 12.71, -1.2},
			{"纺织服装", 9.33, -9.5}, {"其他行业", 15.56, -17.3}, {"合计", 95.37, -4.3},
		},
		projects: [][]any{
			{"华晟电子智能终端扩建项目", 5.2, date(2022, 7, 5)},
			{"天恒锂电正极材料二期项目", 8.6, date(2022, 7, 12)},
			{"鹤岭冷链物流园项目", 2.3, date(2022, 7, 20)},
			{"康瑞医疗中药提取车间项目", 1.8, date(2022, 8, 3)},
			{"绿源食品深加工项目", 1.2, date(2022, 8, 16)},
		},
		monthly: [][]any{
			{"1-2月", 21.6, -8.5}, {"3月", 12.1, -10.2}, {"4月", 10.9, -12.6},
			{"5月", 12.5, -6.4}, {"6月", 12.89, 2.1}, {"7月", 12.36, 5.3}, {"8月", 13.02, 8.2},
		},
		counties: [][]any{
			{"云溪", 4.1}, {"青川", 2.9}, {"石山", 1.6}, {"鹤岭", 1.2},
			{"松阳", 0.9}, {"梅江", -0.3}, {"桃源", -1.1}, {"柳泉", -2.7},
		},
	},
}

// quarterly are the figures published each quarter (上半年): the same in
// both months.
var quarterly = [][]any{
	{"城乡居民收入比", nil, nil, "2.02:1", nil, nil, nil, nil, nil, nil, nil, "2.05:1"},
	{"第一产业增加值", "亿元", nil, 2.86, nil, 3.9, nil, nil, nil, nil, nil, nil},
	{"第二产业增加值", "亿元", nil, 41.73, nil, -1.8, nil, nil, nil, nil, nil, nil},
	{"第三产业增加值", "亿元", nil, 40.55, nil, 4.6, nil, nil, nil, nil, nil, nil},
}

// checks is the 校验 sheet: what the figures must add up to.
var checks = [][]any{
	{"规上工业总产值构成", "规上工业总产值", "开发区工业产值、乡镇工业产值", "开发区与乡镇工业产值之和等于全县规上工业总产值"},
	{"分行业产值合计", "分行业", "产值", "分行业表的合计行等于各行业之和"},
}

// buildBureau writes one month's workbook.
func buildBureau(m bureauMonth) (*excelize.File, error) {
	w, err := newBook()
	if err != nil {
		return nil, err
	}
	period := fmt.Sprintf("2022年1-%d月", m.month)
	info := [][]any{
		{"县名", "鹤岭"}, {"报告期", period}, {"季度数据期", "2022年1-6月"},
		{"发文机关", "鹤岭县统计局"}, {"主送机关", "县人民政府"}, {"成文日期", m.written},
		{"期号", m.month},
	}
	if err := w.sheet("报告信息", []any{"项目", "内容"}, info, 20, 30); err != nil {
		return nil, err
	}
	if err := w.bureauMetrics(m, period); err != nil {
		return nil, err
	}
	if err := w.sheet("分行业", []any{"行业", "产值（亿元）", "增速（%）"}, m.industries, 16, 14, 12); err != nil {
		return nil, err
	}
	if err := w.sheet("新开工项目", []any{"项目名称", "总投资（亿元）", "开工日期"}, m.projects, 30, 16, 16); err != nil {
		return nil, err
	}
	if err := w.sheet("月度", []any{"月份", "规上工业产值（亿元）", "增速（%）"}, m.monthly, 10, 20, 12); err != nil {
		return nil, err
	}
	if err := w.sheet("全市各县", []any{"县", "规上工业增加值增速（%）"}, m.counties, 10, 24); err != nil {
		return nil, err
	}
	if err := w.sheet("校验", []any{"校验项", "合计", "各项", "说明"}, checks, 20, 18, 32, 40); err != nil {
		return nil, err
	}
	return w.finish("报告信息", "鹤岭县"+period+"经济运行情况 数据")
}

// bureauMetrics writes the 指标 sheet as the bureau publishes it: a title
// row, then a header whose value columns are named by the period.
func (w *workbookWriter) bureauMetrics(m bureauMonth, period string) error {
	header := []any{"指标名称", "计量单位", fmt.Sprintf("%d月", m.month), fmt.Sprintf("1-%d月", m.month),
		"当月增速(%)", "累计增速(%)", "上期累计增速(%)", "全市增速(%)", "全市排名", "上期排名", "年度目标", "去年同期"}
	rows := append(append([][]any{}, m.metrics...), quarterly...)
	if err := w.sheet("指标", header, rows, 20, 10, 10, 10, 12, 12, 14, 12, 10, 10, 10, 10); err != nil {
		return err
	}
	return w.title("指标", "鹤岭县"+period+"主要经济指标", len(header))
}
