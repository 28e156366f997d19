package fill

import (
	"strings"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/mdext"

	"briefing/internal/workbook"
)

func num(s string) workbook.Value {
	return workbook.Value{Kind: workbook.Number, Num: decimal.RequireFromString(s), Text: s}
}

func text(s string) workbook.Value { return workbook.Value{Kind: workbook.Text, Text: s} }

func date(y int, m time.Month, d int) workbook.Value {
	return workbook.Value{Kind: workbook.Date, Date: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// testBook is a small workbook built in code.
func testBook() *workbook.Book {
	b := &workbook.Book{File: "figures.xlsx"}
	metric := func(name, value, unit string) {
		m := &workbook.Metric{Name: name, Value: num(value), Unit: unit,
			Ref: workbook.Ref{File: b.File, Sheet: workbook.MetricsSheet, Cell: "A2"}}
		b.Metrics = append(b.Metrics, m)
	}
	metric("签约金额", "82.8", "亿元")
	metric("上云企业数", "126", "家")
	metric("招工任务人数", "12000", "人")
	metric("外出务工人员数", "9", "万人")
	metric("排名", "1", "位")
	b.Metrics = append(b.Metrics, &workbook.Metric{Name: "空值", Ref: workbook.Ref{File: b.File, Sheet: workbook.MetricsSheet, Cell: "A7"},
		Value: workbook.Value{Ref: workbook.Ref{File: b.File, Sheet: workbook.MetricsSheet, Cell: "B7"}}})
	b.Info = []workbook.InfoEntry{
		{Key: "县名", Value: text("鹤岭")},
		{Key: "成文日期", Value: date(2022, 12, 5)},
		{Key: "报告期", Value: text("2022年1－11月")},
		{Key: "会议日期", Value: date(2022, 3, 18)},
		{Key: "危险", Value: text("**重要** <script>alert(1)</script> [链接](http://x)")},
	}
	t := &workbook.Table{Name: "企业", Columns: []string{"企业名称", "产业链", "产值"}}
	for _, r := range [][3]string{{"华晟电子", "电子信息", "3.6"}, {"讯达易联", "电子信息", "2.35"}, {"天恒锂电", "新能源", "4.2"}, {"春蚕茧丝", "茧丝绸", "0.09"}} {
		t.Rows = append(t.Rows, workbook.Row{Table: t, Cells: []workbook.Value{text(r[0]), text(r[1]), num(r[2])}})
	}
	b.Tables = append(b.Tables, t)
	return b
}

// fillString fills tmpl and returns the text a reader sees once the filled
// Markdown is parsed (values come out escaped: 82\.8 reads 82.8).
func fillString(t *testing.T, tmpl string) string {
	t.Helper()
	out, err := New(testBook()).Fill("测试.md", tmpl, 1)
	if err != nil {
		t.Fatalf("%s: %v", tmpl, err)
	}
	src := []byte(out)
	return mdext.Text(mdext.Markdown().Parser().Parse(gtext.NewReader(src)), src)
}

func TestFunctions(t *testing.T) {
	cases := []struct{ tmpl, want string }{
		{`{{值 "签约金额"}}{{单位 "签约金额"}}`, "82.8亿元"},
		{`{{信息 "县名"}}县`, "鹤岭县"},
		{`{{日期 (信息 "成文日期")}}`, "2022年12月5日"},
		{`{{月 (信息 "会议日期")}}份`, "3月份"},
		{`{{月份段 (信息 "报告期")}}`, "1－11月"},
		{`{{年 (信息 "报告期")}}年`, "2022年"},
		{`{{顿号 (列 (表 "企业") "企业名称")}}`, "华晟电子、讯达易联、天恒锂电、春蚕茧丝"},
		{`{{和 (列 (表 "企业") "企业名称")}}`, "华晟电子、讯达易联、天恒锂电和春蚕茧丝"},
		{`{{计数 (表 "企业")}}家`, "4家"},
		{`{{中文数 (计数 (表 "企业"))}}家`, "四家"},
		{`{{合计 (列 (表 "企业") "产值")}}`, "10.24"},
		{`{{计数 (不小于 (表 "企业") "产值" 1)}}`, "3"},
		{`{{(最大 (筛选 (表 "企业") "产业链" "电子信息") "产值").企业名称}}`, "华晟电子"},
		{`{{占比 "招工任务人数" "外出务工人员数" 0}}％`, "13％"},
		{`{{占比 "招工任务人数" "外出务工人员数" 2}}`, "13.33"},
		{`第{{中文数 (值 "排名")}}`, "第一"},
		{`{{保留 1 2.25}}`, "2.3"},
		{`{{保留 2 2.675}}`, "2.68"},
		{`{{if 全同 (列 (表 "企业") "产业链")}}同{{else}}异{{end}}`, "异"},
	}
	for _, c := range cases {
		if got := fillString(t, c.tmpl); got != c.want {
			t.Errorf("%s = %q, want %q", c.tmpl, got, c.want)
		}
	}
}

func TestChineseNumeral(t *testing.T) {
	cases := map[int64]string{0: "零", 1: "一", 8: "八", 10: "十", 11: "十一", 20: "二十", 101: "一百零一",
		110: "一百一十", 1001: "一千零一", 1010: "一千零一十", 9999: "九千九百九十九", 10000: "一万",
		10001: "一万零一", 100000: "十万", 120000: "十二万", 1000000: "一百万"}
	for n, want := range cases {
		got, err := chineseNumeral(Number{decimal.NewFromInt(n)})
		if err != nil || got != want {
			t.Errorf("中文数 %d = %q, %v; want %q", n, got, err, want)
		}
	}
}

// TestValuesAreLiteral: a workbook value holding Markdown or HTML is escaped,
// so that it prints literally once the filled Markdown is parsed.
func TestValuesAreLiteral(t *testing.T) {
	out, err := New(testBook()).Fill("测试.md", `{{信息 "危险"}}`, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"**重要**", "<script>", "[链接](http://x)"} {
		if strings.Contains(out, bad) {
			t.Errorf("value not escaped: %q contains %q", out, bad)
		}
	}
	if got, want := fillString(t, `{{信息 "危险"}}`), "**重要** <script>alert(1)</script> [链接](http://x)"; got != want {
		t.Errorf("escaped value reads %q, want %q", got, want)
	}
}

func TestErrorsNameThePlace(t *testing.T) {
	cases := []struct {
		tmpl string
		want []string
	}{
		{"第一行\n{{值 \"上云企业\"}}", []string{"测试.md 第2行第3列", "指标“上云企业”不存在", "figures.xlsx 工作表“指标”", "是否是 上云企业数？"}},
		{`{{值 "空值"}}`, []string{"figures.xlsx 指标!B7", "为空"}},
		{`{{信息 "县"}}`, []string{"报告信息“县”不存在"}},
		{`{{表 "企"}}`, []string{"表“企”不存在"}},
		{`{{列 (表 "企业") "名称"}}`, []string{"没有“名称”这一列", "企业名称"}},
		{`{{不存在的函数 1}}`, []string{"第1行", "没有名为“不存在的函数”的函数"}},
		{`{{值 "签约金额"`, []string{"第1行"}},
		{`{{日期 (信息 "县名")}}`, []string{"“鹤岭”不是日期"}},
		{`{{合计 (列 (表 "企业") "企业名称")}}`, []string{"“华晟电子”不是数字"}},
	}
	for _, c := range cases {
		_, err := New(testBook()).Fill("测试.md", c.tmpl, 1)
		if err == nil {
			t.Errorf("%s: no error", c.tmpl)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.tmpl, err, w)
			}
		}
	}
}

func TestFirstLineOffset(t *testing.T) {
	_, err := New(testBook()).Fill("report.md", "正文\n{{值 \"无\"}}", 12)
	if err == nil || !strings.Contains(err.Error(), "report.md 第13行") {
		t.Errorf("error %v does not point at line 13", err)
	}
}
