package workbook

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"time"
)

// Formulas without a saved value are calculated in the order they read
// each other; a circular reference is an error naming its cells, never a
// number; what cannot be calculated says why, at its cell.
func TestCalculate(t *testing.T) {
	circle := make([][2]string, 3000)
	for i := range circle {
		circle[i] = [2]string{fmt.Sprint("环", i), fcell(fmt.Sprint("B", i+3, "+1"))}
	}
	circle[2999][1] = fcell("B2+1")
	calcSheet := func(data string) xsheet { return xsheet{name: "计算", data: data} }
	for _, c := range []struct {
		name   string
		extra  string // workbook.xml after <sheets>
		rows   [][2]string
		other  string            // the sheet 计算's <sheetData>
		values map[string]string // figures and their value
		want   []string          // problems
	}{
		{name: "in order", rows: [][2]string{{"甲", fcell("B3*2")}, {"乙", fcell("B4+1")}, {"丙", vcell("5")}},
			values: map[string]string{"甲": "12", "乙": "6", "丙": "5"}},
		{name: "empty saved value", rows: [][2]string{{"甲", `<c r="B#"><f>B3*2</f><v/></c>`}, {"乙", `<c r="B#" t="n"><f>B4+1</f><v>  </v></c>`}, {"丙", vcell("5")}},
			values: map[string]string{"甲": "12", "乙": "6"}},
		{name: "empty text result", rows: [][2]string{{"甲", `<c r="B#" t="str"><f>""</f><v></v></c>`}},
			want: []string{"figures.xlsx 指标!B2：“甲” 的数值是空的；没有数就删掉这一行，或在备注里说明"}},
		{name: "saved values not trusted", extra: `<calcPr fullCalcOnLoad="1"/>`, rows: [][2]string{{"甲", `<c r="B#"><f>B3*2</f><v>0</v></c>`}, {"乙", vcell("5")}},
			values: map[string]string{"甲": "10"}},
		{name: "circle of two", rows: [][2]string{{"签约金额", fcell("B3+1")}, {"乙", fcell("B2+1")}},
			want: []string{"figures.xlsx 指标!B2：公式循环引用：B2 → B3 → B2，无法计算；请在 Excel 中改正公式后保存"}},
		{name: "self", rows: [][2]string{{"甲", vcell("1")}, {"乙", fcell("B3*2")}},
			want: []string{"figures.xlsx 指标!B3：公式循环引用：B3 → B3，无法计算；请在 Excel 中改正公式后保存"}},
		{name: "sum over itself", rows: [][2]string{{"甲", vcell("1")}, {"乙", vcell("2")}, {"合计", fcell("SUM(B2:B4)")}},
			want: []string{"figures.xlsx 指标!B4：公式循环引用：B4 → B4，无法计算；请在 Excel 中改正公式后保存"}},
		{name: "long circle", rows: circle,
			want: []string{"figures.xlsx 指标!B2：公式循环引用：B2 → B3 → B4 → B5 → B6 → …… → B2（循环共 3000 个单元格），无法计算；请在 Excel 中改正公式后保存"}},
		{name: "reads a circle", rows: [][2]string{{"甲", fcell("B3+1")}, {"乙", fcell("B4+1")}, {"丙", fcell("B3+1")}, {"丁", fcell("B2+B4")}},
			want: []string{
				"figures.xlsx 指标!B2：这个公式用到了循环引用中的单元格，无法计算（这个工作表共有 2 个这样的公式）",
				"figures.xlsx 指标!B3：公式循环引用：B3 → B4 → B3，无法计算；请在 Excel 中改正公式后保存",
			}},
		{name: "circle across sheets", rows: [][2]string{{"甲", fcell("计算!A1*2")}}, other: `<row r="1"><c r="A1"><f>指标!B2/2</f></c></row>`,
			want: []string{"figures.xlsx 指标!B2：公式循环引用：B2 → 计算!A1 → B2，无法计算；请在 Excel 中改正公式后保存"}},
		{name: "quoted sheet", rows: [][2]string{{"甲", fcell("'计算'!A1*2")}}, other: `<row r="1"><c r="A1"><v>3</v></c></row>`,
			values: map[string]string{"甲": "6"}},
		{name: "missing sheet", rows: [][2]string{{"甲", fcell("无此表!A1*2")}},
			want: []string{"figures.xlsx 指标!B2：公式“=无此表!A1*2”没有保存计算结果，程序也算不出来（引用的工作表“无此表”不存在）；请用 Excel 或 WPS 打开这个文件，保存一次后再试"}},
		{name: "INDIRECT", rows: [][2]string{{"甲", fcell(`INDIRECT("B3")`)}, {"乙", vcell("1")}},
			want: []string{"figures.xlsx 指标!B2：公式“=INDIRECT(\"B3\")”没有保存计算结果，程序也算不出来（用到了函数“INDIRECT”，它引用哪些单元格要算了才知道）；请用 Excel 或 WPS 打开这个文件，保存一次后再试"}},
		{name: "defined names", extra: `<definedNames><definedName name="基数">计算!$A$1</definedName><definedName name="税率">0.17</definedName></definedNames>`,
			rows: [][2]string{{"甲", fcell("基数*2")}, {"乙", fcell("B2*税率")}}, other: `<row r="1"><c r="A1"><v>3</v></c></row>`,
			values: map[string]string{"甲": "6"},
			want:   []string{"figures.xlsx 指标!B3：公式“=B2*税率”没有保存计算结果，程序也算不出来（用到的名称“税率”不是一个单元格区域，程序不支持）；请用 Excel 或 WPS 打开这个文件，保存一次后再试"}},
		{name: "errors carry", rows: [][2]string{{"甲", fcell("B3+1")}, {"乙", fcell("1/0")}, {"丙", fcell("IFERROR(B3,7)")}, {"丁", fcell("ISNA(计算!A2)")}},
			other:  `<row r="1"><c r="A1" t="inlineStr"><is><t>值</t></is></c></row><row r="2"><c r="A2" t="e"><v>#N/A</v></c></row>`,
			values: map[string]string{"丙": "7"},
			want: []string{
				"figures.xlsx 指标!B2：公式结果是错误值 #DIV/0!，请先改正公式",
				"figures.xlsx 指标!B3：公式结果是错误值 #DIV/0!，请先改正公式",
				"figures.xlsx 指标!B5：“TRUE” 不是数字",
				"figures.xlsx 计算!A2：单元格里是错误值 #N/A，请改为正确的内容",
			}},
		{name: "reads a formula not calculated", rows: [][2]string{{"甲", fcell("B3+1")}, {"乙", fcell(`CUBEVALUE("x")`)}},
			want: []string{
				"figures.xlsx 指标!B2：这个公式用到的单元格没有算出来（见其他问题），无法计算",
				"figures.xlsx 指标!B3：公式“=CUBEVALUE(\"x\")”没有保存计算结果，程序也算不出来（程序不支持函数“CUBEVALUE”）；请用 Excel 或 WPS 打开这个文件，保存一次后再试",
			}},
	} {
		t.Run(c.name, func(t *testing.T) {
			sheets := []xsheet{{name: MetricsSheet, data: metricRows(c.rows...)}}
			if c.other != "" {
				sheets = append(sheets, calcSheet(c.other))
			}
			b, err := Read(bytes.NewReader(pkg(t, c.extra, sheets...)), "figures.xlsx")
			if c.want == nil && err != nil {
				t.Fatal(err)
			}
			if c.want != nil {
				sameLines(t, lines(t, err), c.want)
			}
			for name, v := range c.values {
				if m, ok := b.Metric(name); !ok || m.Value.String() != v {
					t.Errorf("%s: %+v, want %s", name, m, v)
				}
			}
		})
	}
}

// A shared formula's other cells shift its relative references.
func TestSharedFormula(t *testing.T) {
	table := `<row r="1"><c r="A1" t="inlineStr"><is><t>产值</t></is></c><c r="B1" t="inlineStr"><is><t>两倍</t></is></c><c r="C1" t="inlineStr"><is><t>占比</t></is></c></row>` +
		`<row r="2"><c r="A2"><v>1</v></c><c r="B2"><f t="shared" ref="B2:B4" si="0">A2*2</f><v></v></c><c r="C2"><f t="shared" ref="C2:C4" si="1">A2/'表 一'!$A$5</f><v></v></c></row>` +
		`<row r="3"><c r="A3"><v>2</v></c><c r="B3"><f t="shared" si="0"/><v></v></c><c r="C3"><f t="shared" si="1"/><v></v></c></row>` +
		`<row r="4"><c r="A4"><v>3</v></c><c r="B4"><f t="shared" si="0"/></c><c r="C4"><f t="shared" si="1"/></c></row>` +
		`<row r="5"><c r="A5"><v>6</v></c></row>`
	b, err := Read(bytes.NewReader(pkg(t, "", xsheet{name: "表 一", data: table})), "figures.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := b.Table("表 一")
	var got []string
	for _, r := range tb.Rows {
		got = append(got, r.Cells[0].String()+" "+r.Cells[1].String()+" "+r.Cells[2].String())
	}
	if strings.Join(got, "|") != "1 2 0.166666666666667|2 4 0.333333333333333|3 6 0.5|6  " {
		t.Errorf("rows %q", got)
	}
	for _, c := range []struct{ formula, dr, dc, want string }{
		{"A2*2", "1", "0", "A3*2"},
		{"$A2+A$2+$A$2+'表 一'!B2", "2", "1", "$A4+B$2+$A$2+'表 一'!C4"},
		{"SUM(A:A)+SUM(2:3)+SUM($A:B)", "1", "1", "SUM(B:B)+SUM(3:4)+SUM($A:C)"},
	} {
		f := &formulaCell{sheet: 0, row: 1 + atoi(c.dr), col: 1 + atoi(c.dc), si: 0}
		x := &xlsxReader{shared: map[sharedKey]sharedFormula{{0, 0}: {row: 1, col: 1, text: c.formula}}}
		if p := x.expandShared(f); p != "" || f.text != c.want {
			t.Errorf("%s moved by %s, %s: %q %s, want %q", c.formula, c.dr, c.dc, f.text, p, c.want)
		}
	}
}

func atoi(s string) int {
	n := 0
	fmt.Sscan(s, &n)
	return n
}

// chainBook is a workbook of n formulas without saved values, each reading
// the next (A1 = A2 + 1 …), the last reading a number: A1 is n.
func chainBook(tb testing.TB, n int) []byte {
	return pkg(tb, "", xsheet{name: "链", write: func(w io.Writer) {
		io.WriteString(w, `<row r="1"><c r="A1" t="inlineStr"><is><t>值</t></is></c></row>`)
		for i := 2; i <= n+1; i++ {
			fmt.Fprintf(w, `<row r="%d"><c r="A%d"><f>A%d+1</f><v></v></c></row>`, i, i, i+1)
		}
		fmt.Fprintf(w, `<row r="%d"><c r="A%d"><v>0</v></c></row>`, n+2, n+2)
	}})
}

// A chain of 100,000 formulas (a 767 KB workbook once, and a fatal stack
// overflow) is refused at the default limit, and calculated without
// recursion when allowed: this test would crash the test binary
// otherwise, as Go cannot recover from a stack overflow.
func TestLongChain(t *testing.T) {
	data := chainBook(t, 100_000)
	start := time.Now()
	_, err := Read(bytes.NewReader(data), "chain.xlsx")
	sameLines(t, lines(t, err), []string{"chain.xlsx：有 100000 个公式没有保存计算结果，超过程序自己计算的上限 50000 个：请用 Excel 或 WPS 打开这个文件，保存一次后再试"})
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("refused in %v", d)
	}
	if testing.Short() {
		return
	}
	b, err := Read(bytes.NewReader(data), "chain.xlsx", WithMaxFormulas(100_000), withFormulaCells(150_000))
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := b.Table("链")
	if v := tb.Rows[0].Cells[0]; v.String() != "100000" || len(tb.Rows) != 100_001 {
		t.Errorf("A2 is %q, %d rows", v.String(), len(tb.Rows))
	}
}

// The budgets of calculation are refused with the limit and what to do.
func TestCalculateLimits(t *testing.T) {
	_, err := Read(bytes.NewReader(chainBook(t, 20)), "chain.xlsx", WithMaxFormulas(10))
	sameLines(t, lines(t, err), []string{"chain.xlsx：有 20 个公式没有保存计算结果，超过程序自己计算的上限 10 个：请用 Excel 或 WPS 打开这个文件，保存一次后再试"})
	_, err = Read(bytes.NewReader(chainBook(t, 20)), "chain.xlsx", withFormulaCells(10))
	sameLines(t, lines(t, err), []string{"chain.xlsx：没有保存计算结果的公式一共引用了超过 10 个单元格，超过程序自己计算的上限：请用 Excel 或 WPS 打开这个文件，保存一次后再试"})
	whole := metricRows([2]string{"甲", fcell("SUM(计算!A1:XFD1048575)")})
	_, err = Read(bytes.NewReader(pkg(t, "", xsheet{name: MetricsSheet, data: whole}, xsheet{name: "计算"})), "figures.xlsx")
	sameLines(t, lines(t, err), []string{"figures.xlsx：没有保存计算结果的公式一共引用了超过 200000 个单元格，超过程序自己计算的上限：请用 Excel 或 WPS 打开这个文件，保存一次后再试"})
	// A whole column counts as far as the sheet has cells.
	column := metricRows([2]string{"甲", fcell("SUM(计算!A:A)")})
	b, err := Read(bytes.NewReader(pkg(t, "", xsheet{name: MetricsSheet, data: column}, xsheet{name: "计算", data: `<row r="3"><c r="A3"><v>4</v></c></row>`})), "figures.xlsx", withFormulaCells(10))
	if err != nil {
		t.Fatal(err)
	}
	if m, _ := b.Metric("甲"); m.Value.String() != "4" {
		t.Errorf("甲 %+v", m.Value)
	}
	// One cell far down a sheet would make excelize hold a million rows.
	far := metricRows([2]string{"甲", fcell("计算!A1000000")})
	_, err = Read(bytes.NewReader(pkg(t, "", xsheet{name: MetricsSheet, data: far}, xsheet{name: "计算", data: `<row r="1000000"><c r="A1000000"><v>4</v></c></row>`})), "figures.xlsx")
	sameLines(t, lines(t, err), []string{"figures.xlsx：没有保存计算结果的公式和它们引用的单元格分布太广（程序要为它们准备 1000005 行和单元格，上限是 400000），程序算不过来：请用 Excel 或 WPS 打开这个文件，保存一次后再试"})
}

// The tester's workbook, and the README's example: B2 = D2 + 1 and
// D2 = B2 + 1 without saved values once printed “签约金额2亿元”.
func TestReadmeCircle(t *testing.T) {
	data := `<row r="1">` + inline("A1", "名称") + inline("B1", "数值") + inline("C1", "单位") + inline("D1", "备注") + `</row>` +
		`<row r="2">` + inline("A2", "签约金额") + `<c r="B2"><f>D2+1</f></c>` + inline("C2", "亿元") + `<c r="D2"><f>B2+1</f></c></row>`
	_, err := Read(bytes.NewReader(pkg(t, "", xsheet{name: MetricsSheet, data: data})), "figures.xlsx")
	want := "figures.xlsx 指标!B2：公式循环引用：B2 → D2 → B2，无法计算；请在 Excel 中改正公式后保存"
	sameLines(t, lines(t, err), []string{want})
	readme, _ := os.ReadFile("../../README.md")
	if !strings.Contains(string(readme), "`"+want+"`") {
		t.Error("README.md does not show the message")
	}
}
