package workbook

import (
	"bytes"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"
)

// handBook is a Book built in code, the way other packages' tests build one.
func handBook() *Book {
	b := &Book{File: "figures.xlsx"}
	for _, m := range []struct{ name, value, unit string }{
		{"上云企业数", "126", "家"},
		{"签约金额", "82.8", "亿元"},
		{"GDP增速", "5.2", "%"},
		{"规上工业增加值", "40.1", "亿元"},
	} {
		v := NumberOf(m.value)
		if m.unit == "%" {
			v = PercentOf(m.value)
		}
		b.Metrics = append(b.Metrics, &Metric{Name: m.name, Value: v, Unit: m.unit})
	}
	b.Info = []InfoEntry{{Key: "县名", Value: TextOf("鹤岭")}, {Key: "成文日期", Value: DateOf(2022, time.December, 5)}}
	b.Tables = append(b.Tables, NewTable("重点企业", []string{"企业名称", "产值（亿元）", "产值(万元)"},
		[]Value{TextOf("华晟电子"), NumberOf("3.6"), NumberOf("36000")},
	), NewTable("专精特新", []string{"企业名称"}))
	return b
}

func TestLookups(t *testing.T) {
	b := handBook()
	for _, name := range []string{"上云企业数", " 上云企业数　", "ＧＤＰ增速", "gdp增速"} {
		if _, ok := b.Metric(name); !ok {
			t.Errorf("Metric(%q) not found", name)
		}
	}
	if _, ok := b.Metric("上云企业"); ok {
		t.Error("a prefix must not match")
	}
	if v, ok := b.InfoValue("成文日期"); !ok || v.String() != "2022年12月5日" {
		t.Errorf("InfoValue: %+v", v)
	}
	tb, ok := b.Table("重点企业 ")
	if !ok {
		t.Fatal("Table")
	}
	for col, want := range map[string]int{
		"企业名称": 0, "产值（亿元）": 1, "产值(亿元)": 1, "产值(万元)": 2, "产值": -1, "没有": -1,
	} {
		if got := tb.Column(col); got != want {
			t.Errorf("Column(%q) = %d, want %d", col, got, want)
		}
	}
	if v, ok := tb.Rows[0].Get("产值（亿元）"); !ok || v.String() != "3.6" {
		t.Errorf("Get: %+v", v)
	}
	one := NewTable("t", []string{"投资（亿元）"}, []Value{NumberOf("1")})
	if one.Column("投资") != 0 {
		t.Error("a unique name without its unit is found")
	}
	if _, ok := (Row{Cells: []Value{NumberOf("1")}}).Get("x"); ok {
		t.Error("a row without a table has no columns")
	}
	var nilBook *Book
	if _, ok := nilBook.Metric("x"); ok || nilBook.Suggest("x") != "" {
		t.Error("nil book")
	}

	// Read-only use from several goroutines at once.
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 100; j++ {
				b.Metric("签约金额")
				b.Suggest("签约")
				tb.Column("产值")
			}
		}()
	}
	wg.Wait()
}

func TestSuggest(t *testing.T) {
	b := handBook()
	for name, want := range map[string]string{
		"上云企业":      "上云企业数", // contained
		"上云企业数量":    "上云企业数", // contains
		"上云企业树":     "上云企业数", // one character wrong
		"签约总金额":     "签约金额",
		"规上工业增加值增速": "规上工业增加值",
		"重点企":       "重点企业",
		"县":         "", // too short to contain
		"完全无关的名字":   "",
		"成文时间":      "", // two of four characters differ: not close
	} {
		if got := b.Suggest(name); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", name, got, want)
		}
	}
	if got := b.SuggestMetric("重点企"); got != "" {
		t.Errorf("SuggestMetric looked at tables: %q", got)
	}
	tb, _ := b.Table("重点企业")
	if got := tb.Suggest("企业名"); got != "企业名称" {
		t.Errorf("Table.Suggest = %q", got)
	}
	if got := b.MissingMetric("上云企业"); got != "figures.xlsx 工作表“指标”中没有指标“上云企业”（是否是 上云企业数？）" {
		t.Errorf("MissingMetric: %s", got)
	}
	if got := b.MissingInfo("发文机关"); got != "figures.xlsx 工作表“报告信息”中没有项目“发文机关”" {
		t.Errorf("MissingInfo: %s", got)
	}
	if got := b.MissingTable("专精特"); got != "figures.xlsx 中没有工作表“专精特”（是否是 专精特新？）" {
		t.Errorf("MissingTable: %s", got)
	}
	if got := tb.MissingColumn("企业名"); got != "表格“重点企业”中没有列“企业名”（是否是 企业名称？）" {
		t.Errorf("MissingColumn: %s", got)
	}
}

func TestSummary(t *testing.T) {
	x := newXL(t).sheet(MetricsSheet,
		metricsHeader,
		[]any{"签约金额", 82.8, "亿元", 71.5, nil, 100, "1－11月累计"},
		[]any{"增速", "5.2%", "%"},
	).sheet(InfoSheet, []any{"县名", "鹤岭"}, []any{"成文日期", "2022-12-5"}).
		sheet("重点企业", []any{"重点企业名单"}, []any{"企业名称", "产值（亿元）"}, []any{"华晟电子", 3.6}).
		merge("重点企业", "A1", "B1")
	b := x.open()
	var out bytes.Buffer
	if err := b.WriteSummary(&out); err != nil {
		t.Fatal(err)
	}
	want := `工作簿 figures.xlsx

指标（2 项）
  签约金额  82.8 亿元  指标!B2  上期 71.5，目标 100，备注：1－11月累计
  增速      5.2%       指标!B3

报告信息（2 项）
  县名      鹤岭（文字）           报告信息!B1
  成文日期  2022年12月5日（日期）  报告信息!B2

表格（1 张）
  重点企业：1 行，2 列（工作表“重点企业”）
    标题：重点企业名单
    列：企业名称、产值（亿元）
`
	if out.String() != want {
		t.Errorf("WriteSummary:\n%s\nwant:\n%s", out.String(), want)
	}

	js, err := json.MarshalIndent(b.Summary(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	var back BookSummary
	if err := json.Unmarshal(js, &back); err != nil {
		t.Fatal(err)
	}
	m := back.Metrics[1]
	if m.Name != "增速" || m.Value.Kind != "number" || m.Value.Number != "0.052" || !m.Value.Ratio || m.Value.Text != "5.2%" || m.Value.Ref != "指标!B3" || m.Prev != nil {
		t.Errorf("metric JSON: %+v", m)
	}
	if back.Metrics[0].Prev == nil || back.Metrics[0].Prev.Number != "71.5" || back.Metrics[0].LastYear != nil {
		t.Errorf("上期 JSON: %+v", back.Metrics[0])
	}
	if d := back.Info[1].Value; d.Kind != "date" || d.Date != "2022-12-05" || d.Text != "2022年12月5日" {
		t.Errorf("date JSON: %+v", d)
	}
	tb := back.Tables[0]
	if tb.Name != "重点企业" || tb.Rows != 1 || tb.Columns[1].Unit != "亿元" || tb.Columns[1].Ref != "重点企业!B2" || tb.Title != "重点企业名单" {
		t.Errorf("table JSON: %+v", tb)
	}
	for _, key := range []string{`"file"`, `"metrics"`, `"info"`, `"tables"`, `"columns"`, `"target"`} {
		if !strings.Contains(string(js), key) {
			t.Errorf("JSON lacks %s", key)
		}
	}
}
