package chart

import (
	"flag"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// book is a workbook with the tables the charts of the tests read.
func book() *workbook.Book {
	b := &workbook.Book{File: "测试.xlsx"}
	table := func(name string, cols, units []string, rows ...[]any) {
		t := &workbook.Table{Name: name, Columns: cols, Units: units, Ref: workbook.Ref{File: b.File, Sheet: name}}
		for i, r := range rows {
			row := workbook.Row{Table: t}
			for j, c := range r {
				ref := workbook.Ref{File: b.File, Sheet: name, Cell: string(rune('A'+j)) + itoa(i+2)}
				v := workbook.Value{Ref: ref}
				switch c := c.(type) {
				case nil:
				case float64:
					v.Kind, v.Num, v.Text = workbook.Number, decimal.NewFromFloat(c), decimal.NewFromFloat(c).String()
				case string:
					v.Kind, v.Text = workbook.Text, c
				}
				row.Cells = append(row.Cells, v)
			}
			row.Ref = row.Cells[0].Ref
			t.Rows = append(t.Rows, row)
		}
		b.Tables = append(b.Tables, t)
	}
	table("月度", []string{"月份", "规上工业增加值", "增速", "工业投资", "房地产投资"}, []string{"", "亿元", "%", "亿元", "亿元"},
		[]any{"1月", 10.2, 5.1, 3.1, 1.2}, []any{"2月", 9.4, 3.2, 2.8, 1.1}, []any{"3月", 12.8, -1.5, 3.4, -0.4},
		[]any{"4月", 11.6, -4.2, 3.0, 0.9}, []any{"5月", nil, nil, nil, nil}, []any{"6月", 13.1, 2.4, 3.9, 1.3}, []any{"7月", 12.4, 4.1, 4.2, 1.5})
	table("各县", []string{"县", "增速"}, []string{"", "%"},
		[]any{"云溪", 3.2}, []any{"鹤岭", 4.1}, []any{"青川", -1.2}, []any{"石山", 6.5}, []any{"松阳", 0.8}, []any{"合计", 2.9})
	table("分行业", []string{"行业", "产值", "增速"}, []string{"", "亿元", "%"},
		[]any{"电子信息", 28.46, 6.2}, []any{"新能源新材料", 21.37, 12.5}, []any{"食品加工", 11.02, -3.4},
		[]any{"纺织服装", 8.15, -11.2}, []any{"其他行业", 13.35, "不详"}, []any{"合计", 82.35, -6.2})
	table("零", []string{"项", "值"}, []string{"", "亿元"}, []any{"甲", 0.0}, []any{"乙", 0.0})
	table("空", []string{"项", "值"}, []string{"", "亿元"}, []any{"甲", nil}, []any{"乙", nil})
	table("只合计", []string{"项", "值"}, []string{"", "亿元"}, []any{"", 1.0}, []any{"合计", 1.0})
	var many [][]any
	for i := range 30 {
		many = append(many, []any{"乡镇" + itoa(i+1), float64(i)})
	}
	table("乡镇", []string{"乡镇", "产值"}, []string{"", "亿元"}, many...)
	return b
}

func itoa(i int) string { return strconv.Itoa(i) }

// kinds are a chart of each kind.
var kindBodies = map[string]string{
	"柱":   "类型：柱\n标题：工业投资和房地产投资\n表：月度\n分类：月份\n柱：工业投资、房地产投资\n数据来源：县统计局",
	"堆积柱": "类型：堆积柱\n标题：投资构成\n表：月度\n分类：月份\n柱：工业投资、房地产投资",
	"线":   "类型：线\n标题：增速走势\n表：月度\n分类：月份\n线：增速",
	"柱线":  "类型：柱线\n标题：规上工业增加值逐月走势\n表：月度\n分类：月份\n柱：规上工业增加值\n线：增速\n数据来源：鹤岭县统计局",
	"条":   "类型：条\n标题：各县增速排名\n表：各县\n分类：县\n数值：增速\n突出：鹤岭",
	"饼":   "类型：饼\n标题：分行业产值构成\n表：分行业\n分类：行业\n数值：产值",
	"环":   "类型：环\n标题：分行业产值构成\n表：分行业\n分类：行业\n数值：产值",
}

func resolve(t *testing.T, body string) *Chart {
	t.Helper()
	s, errs := Parse(body)
	if len(errs) > 0 {
		t.Fatalf("Parse: %v", errs[0])
	}
	ch, errs := Resolve(s, book())
	if len(errs) > 0 {
		t.Fatalf("Resolve: %v", errs[0])
	}
	return ch
}

// TestGolden draws a chart of each kind and compares its drawing commands
// and its SVG with the golden files; twice, to see that they are stable.
func TestGolden(t *testing.T) {
	for kind, body := range kindBodies {
		t.Run(kind, func(t *testing.T) {
			ch := resolve(t, body)
			w, h := 442.2, float64(ch.Lines(28.95))*28.95
			rec := Draw(ch, w, h, Plain)
			again := Draw(resolve(t, body), w, h, Plain)
			if rec.String() != again.String() {
				t.Fatal("the same chart drawn twice differs")
			}
			svg := rec.SVG("c1", "图1 "+ch.Title, "", "FangSong,serif", "SimHei,sans-serif")
			for _, g := range []struct{ file, got string }{{kind + ".txt", rec.String()}, {kind + ".svg", svg}} {
				path := filepath.Join("testdata", g.file)
				if *update {
					if err := os.WriteFile(path, []byte(g.got), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				want, err := os.ReadFile(path)
				if err != nil {
					t.Fatalf("%v (go test ./internal/chart -update writes it)", err)
				}
				if string(want) != g.got {
					t.Errorf("%s differs from the golden file (go test ./internal/chart -update, then look at the charts)", g.file)
				}
			}
		})
	}
}

func TestData(t *testing.T) {
	ch := resolve(t, kindBodies["柱线"])
	if ch.Unit != "亿元、%" {
		t.Errorf("unit %q", ch.Unit)
	}
	if !math.IsNaN(ch.Series[0].Values[4]) {
		t.Errorf("an empty cell is %v, want a gap", ch.Series[0].Values[4])
	}
	r := resolve(t, kindBodies["条"])
	if strings.Join(r.Categories, " ") != "石山 鹤岭 云溪 松阳 青川" || r.Highlight != 1 {
		t.Errorf("ranking %v, highlight %d", r.Categories, r.Highlight)
	}
	p := resolve(t, kindBodies["饼"])
	if len(p.Categories) != 5 {
		t.Errorf("the 合计 row is drawn: %v", p.Categories)
	}
}

func TestErrors(t *testing.T) {
	for _, c := range []struct{ body, want string }{
		{"类型：柱\n标题：甲\n表：月报\n分类：月份\n柱：增速", "1 3:画图表时，测试.xlsx 中没有工作表“月报”（是否是 月度？）"},
		{"类型：柱\n标题：甲\n表：月度\n分类：月份\n柱：增长", "1 5:画图表时，测试.xlsx 工作表“月度”中没有列“增长”（是否是 增速？）"},
		{"类型：柱\n标题：甲\n表：分行业\n分类：行业\n柱：增速", "0 测试.xlsx 分行业!C6:图表要画的“不详”不是数字"},
		{"类型：柱\n标题：甲\n表：月度\n分类：月份\n柱：规上工业增加值、增速", "1 5:图表同一坐标轴上的列单位不一致"},
		{"类型：柱线\n标题：甲\n表：月度\n分类：月份\n柱：规上工业增加值\n线：增速\n单位：万元、%", "1 7:图表写的单位“万元、%”与数据的单位不符"},
		{"类型：扇\n标题：甲\n表：月度", "1 1:图表的类型“扇”不认识"},
		{"类型：柱\n标题：甲\n表：月度\n分类：月份\n柱：增速\n颜色：红", "1 6:图表中的“颜色：红”看不懂"},
		{"类型：条\n标题：甲\n表：各县\n分类：县\n数值：增速\n突出：梅江", "1 6:图表要突出的“梅江”不在分类中"},
		// A cell that is not a number is named at the line of its column.
		{"类型：柱线\n标题：甲\n表：分行业\n分类：行业\n柱：产值\n线：增速", "1 6:图表要画的“不详”不是数字"},
		{"类型：饼\n标题：甲\n表：各县\n分类：县\n数值：增速", "1 3:饼图画的是各部分的占比，“青川”的增速是负数（-1.2），不能画"},
		{"类型：环\n标题：甲\n表：零\n分类：项\n数值：值", "1 3:环图画的是各部分的占比，而“值”的合计是零，画不出占比"},
		{"类型：柱\n标题：甲\n表：空\n分类：项\n柱：值", "1 5:图表没有数据：“值”的单元格都是空的"},
		{"类型：柱\n标题：甲\n表：只合计\n分类：项\n柱：值", "1 3:图表没有数据：表“只合计”中除合计行外没有一行填了分类（“项”列）"},
		{"类型：柱\n标题：甲\n表：乡镇\n分类：乡镇\n柱：产值", "1 3:图表的分类太多：表“乡镇”有30个分类，柱图最多画24个"},
	} {
		s, errs := Parse(c.body)
		if len(errs) == 0 {
			_, errs = Resolve(s, book())
		}
		if len(errs) == 0 {
			t.Errorf("%q: no error", c.body)
			continue
		}
		e := errs[0]
		got := map[bool]string{true: "1 ", false: "0 "}[e.Line > 0]
		if e.Line > 0 {
			got += itoa(e.Line) + ":" + e.Msg
		} else {
			got += e.Error()
		}
		if c.want[:2] == "0 " {
			got = "0 " + e.Cell + ":" + e.Msg
		}
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("got  %s\nwant %s", got, c.want)
		}
	}
}

// TestMissing: a character no font sets is named, with the chart's
// caption; spaces need no font.
func TestMissing(t *testing.T) {
	s, _ := Parse(kindBodies["柱"])
	ch, errs := Resolve(s, book())
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	rec := Draw(ch, 442.2, 266, Plain)
	if err := rec.Missing(func(rune, bool) bool { return true }, "图1　甲"); err != nil {
		t.Errorf("every character set: %v", err)
	}
	noHan := func(r rune, _ bool) bool { return r < 0x3000 }
	if err := rec.Missing(noHan, "图1　甲"); err == nil || !strings.Contains(err.Error(), "无法排版。它出现在图1　甲") {
		t.Errorf("a character without a font: %v", err)
	}
}

// TestParseReadsEscapes: a value the template language wrote into the
// block (escaped for Markdown, spaces at its ends as references) reads as
// itself.
func TestParseReadsEscapes(t *testing.T) {
	s, errs := Parse("类型：柱\n标题：甲\\*乙&#32;（2022）\n表：月度\n分类：月份\n柱：增速")
	if len(errs) > 0 {
		t.Fatal(errs[0])
	}
	if s.Title != "甲*乙 （2022）" {
		t.Errorf("title %q", s.Title)
	}
}
