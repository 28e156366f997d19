package fill

import (
	"strings"
	"testing"
	"time"

	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

const bookFile = "figures.xlsx"

func ref(sheet, cell string) workbook.Ref {
	return workbook.Ref{File: bookFile, Sheet: sheet, Cell: cell}
}

// cellValue reads a cell as a test writes it: "" is empty, "5.2%" a
// percentage, "2022-12-05" a date, a number a number, anything else text.
func cellValue(s string, r workbook.Ref) workbook.Value {
	var v workbook.Value
	switch {
	case s == "":
	case strings.HasSuffix(s, "%"):
		v = workbook.PercentOf(strings.TrimSuffix(s, "%"))
	case len(s) == 10 && s[4] == '-' && s[7] == '-':
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			panic(err)
		}
		v = workbook.DateOf(t.Year(), t.Month(), t.Day())
	case isNumber(s):
		v = workbook.NumberOf(s)
	default:
		v = workbook.TextOf(s)
	}
	v.Ref = r
	return v
}

func isNumber(s string) bool {
	if s == "" {
		return false
	}
	dot := false
	for i, c := range s {
		switch {
		case c == '-' && i == 0 && len(s) > 1:
		case c == '.' && !dot && i > 0:
			dot = true
		case c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return true
}

// metrics of the test book: 名称, 数值, 单位, 上期, 去年同期, 目标.
var testMetrics = [][6]string{
	{"签约金额", "82.8", "亿元", "71.5", "65.2", "100"},
	{"上云企业数", "126", "家", "118", "95", "150"},
	{"招工任务人数", "12000", "人", "", "", ""},
	{"外出务工人员数", "9", "万人", "", "", ""},
	{"排名", "1", "位", "3", "2", ""},
	{"工业增速", "5.2%", "%", "4.8%", "6.0%", "6%"},
	{"利润", "2.1", "亿元", "-0.4", "-1.5", ""},
	{"亏损额", "-0.8", "亿元", "-1.2", "0.6", ""},
	{"亏损企业数", "12", "家", "12", "0", ""},
	{"新增企业数", "0", "家", "3", "0", "0"},
	{"产值", "9.0", "亿元", "9.0", "8.00", "12"},
	{"税收", "2.675", "亿元", "2.675", "2.674", ""},
	{"投资增速", "-3.5%", "%", "-5.1%", "-2.0%", ""},
	{"出口增速", "-1.2%", "%", "0.8%", "0.0%", ""},
	{"营收增速", "0.0%", "%", "2.5%", "-1.5%", ""},
	{"存款", "82800", "万元", "", "", ""},
	{"缺同期", "50", "家", "", "", ""},
}

// testBook is a small workbook built in code.
func testBook() *workbook.Book {
	b := &workbook.Book{File: bookFile}
	for i, m := range testMetrics {
		row := i + 2
		cell := func(col string) workbook.Ref { return ref(workbook.MetricsSheet, col+itoa(row)) }
		b.Metrics = append(b.Metrics, &workbook.Metric{
			Name: m[0], Unit: m[2], Ref: cell("A"),
			Value: cellValue(m[1], cell("B")), Prev: cellValue(m[3], cell("D")),
			LastYear: cellValue(m[4], cell("E")), Target: cellValue(m[5], cell("F")),
		})
	}
	info := [][2]string{
		{"县名", "鹤岭"},
		{"成文日期", "2022-12-05"},
		{"报告期", "2022年1－11月"},
		{"会议日期", "2022-03-18"},
		{"季报期", "2022年4－6月"},
		{"半年期", "2022年1－6月"},
		{"三季期", "2022年1－9月"},
		{"全年期", "2022年1－12月"},
		{"单月期", "2022年11月"},
		{"年份", "2022"},
		{"约数", "约50"},
		{"危险", "**重要** <script>alert(1)</script> [链接](http://x)"},
		{"怪名", "Infinity科技 {{值}} NaN <no value> 50%!"},
		{"多行", "甲\n乙"},
	}
	for i, kv := range info {
		b.Info = append(b.Info, workbook.InfoEntry{Key: kv[0], Value: cellValue(kv[1], ref(workbook.InfoSheet, "B"+itoa(i+2)))})
	}
	addTable(b, "企业", []string{"企业名称", "产业链", "产值（亿元）", "帮扶类型"}, []string{"", "", "亿元", ""}, [][]string{
		{"华晟电子", "电子信息", "3.6", "优势企业"},
		{"讯达易联", "电子信息", "2.35", "优势企业"},
		{"天恒锂电", "新能源", "4.2", "优势企业"},
		{"恒泰新能源", "新能源", "1.86", ""},
		{"春蚕茧丝", "茧丝绸", "0.09", "困难企业"},
		{"锂电池项目", "新能源", "", ""},
	})
	addTable(b, "联保", []string{"企业名称", "担保金额（万元）"}, []string{"", "万元"}, [][]string{
		{"恒泰新能源", "500"}, {"讯达易联", "500"}, {"云启航科技", "500"},
	})
	addTable(b, "县区", []string{"县区", "增速"}, nil, [][]string{
		{"甲县", "7.1%"}, {"鹤岭", "6.4%"}, {"乙县", "6.4%"}, {"丙县", "5.0%"},
	})
	addTable(b, "空表", []string{"企业名称", "产值"}, nil, nil)
	addTable(b, "项目", []string{"名称", "类别", "产值"}, nil, [][]string{
		{"华晟电子", "企业", "3.6"}, {"锂电池项目", "在建项目", "在建"}, {"天恒锂电", "企业", "4.2"},
	})
	return b
}

func addTable(b *workbook.Book, name string, cols, units []string, rows [][]string) {
	t := &workbook.Table{Name: name, Columns: cols, Units: units, Ref: workbook.Ref{File: bookFile, Sheet: name}}
	for i, r := range rows {
		row := workbook.Row{Table: t, Ref: ref(name, "A"+itoa(i+2))}
		for j, s := range r {
			row.Cells = append(row.Cells, cellValue(s, ref(name, string(rune('A'+j))+itoa(i+2))))
		}
		t.Rows = append(t.Rows, row)
	}
	b.Tables = append(b.Tables, t)
}

func itoa(n int) string {
	s := ""
	for {
		s = string(rune('0'+n%10)) + s
		n /= 10
		if n == 0 {
			return s
		}
	}
}

// read is the text a reader sees once the filled Markdown is parsed (values
// come out escaped: 82\.8 reads 82.8).
func read(md string) string {
	src := []byte(md)
	return mdext.Text(mdext.Markdown().Parser().Parse(gtext.NewReader(src)), src)
}

func fillString(t *testing.T, tmpl string) string {
	t.Helper()
	out, err := New(testBook()).Fill("测试.md", tmpl, 1)
	if err != nil {
		t.Fatalf("%s: %v", tmpl, err)
	}
	return read(out)
}

type fillCase struct{ tmpl, want string }

func runCases(t *testing.T, cases []fillCase) {
	t.Helper()
	for _, c := range cases {
		out, err := New(testBook()).Fill("测试.md", c.tmpl, 1)
		if err != nil {
			t.Errorf("%s: %v", c.tmpl, err)
			continue
		}
		if got := read(out); got != c.want {
			t.Errorf("%s = %q, want %q", c.tmpl, got, c.want)
		}
	}
}

// errCase is a template and what its error must say.
type errCase struct {
	tmpl string
	want []string
}

func runErrors(t *testing.T, cases []errCase) {
	t.Helper()
	for _, c := range cases {
		out, err := New(testBook()).Fill("测试.md", c.tmpl, 1)
		if err == nil {
			t.Errorf("%s: no error, output %q", c.tmpl, out)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.tmpl, err, w)
			}
		}
		for _, line := range strings.Split(err.Error(), "\n") {
			if !strings.HasPrefix(line, "测试.md ") && !strings.HasPrefix(line, "测试.md：") {
				t.Errorf("%s: a line of the error does not name the template: %q", c.tmpl, line)
			}
		}
		if strings.Contains(err.Error(), "fill.") || strings.Contains(err.Error(), "interface {}") {
			t.Errorf("%s: Go type names in %q", c.tmpl, err)
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
	if got, want := read(out), "**重要** <script>alert(1)</script> [链接](http://x)"; got != want {
		t.Errorf("escaped value reads %q, want %q", got, want)
	}
	// Names joined by functions are escaped too.
	b := testBook()
	b.Tables[1].Rows[0].Cells[0] = workbook.TextOf("*星号*科技")
	out, err = New(b).Fill("测试.md", `{{和 (列 (表 "联保") "企业名称")}}`, 1)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := read(out), "*星号*科技、讯达易联和云启航科技"; got != want {
		t.Errorf("joined names read %q, want %q", got, want)
	}
}

// TestLeftovers: what the template itself writes is checked for the signs
// of a failed filling; a workbook value that holds the same characters is
// data, and prints.
func TestLeftovers(t *testing.T) {
	if got, want := fillString(t, `{{信息 "怪名"}}`), "Infinity科技 {{值}} NaN <no value> 50%!"; got != want {
		t.Errorf("value with leftover-like text reads %q, want %q", got, want)
	}
	if got, want := fillString(t, `{{printf "%s公司" (信息 "怪名")}}`), "Infinity科技 {{值}} NaN <no value> 50%!公司"; got != want {
		t.Errorf("printf of a value reads %q, want %q", got, want)
	}
	if got, want := fillString(t, `Infinity公司，Information`), "Infinity公司，Information"; got != want {
		t.Errorf("template text %q", got)
	}
	runErrors(t, []errCase{
		{"第一行\n正文}}结束", []string{"测试.md 第2行第3列", "“}}”"}},
		{"增长NaN%", []string{"测试.md 第1行第3列", "“NaN”", "不是一个有效的数字"}},
		{"增长 +Inf%", []string{"第1行第4列", "“+Inf”"}},
		{`共{{printf "%d" "x"}}家`, []string{"测试.md 第1行第4列", "“%!”", "printf"}},
		{`共{{printf "%.1f" 2.5}}，{{printf "%d" "x"}}`, []string{"第1行第26列", "“%!”"}},
		{"{{.}}", []string{"第1行", "没有可写的值"}},
		{`{{表 "企业"}}`, []string{"第1行第3列", "不能直接写出一张表"}},
		{`{{首 (表 "企业")}}`, []string{"不能直接写出表中的一行"}},
		{`{{列 (表 "企业") "企业名称"}}`, []string{"不能直接写出一列值"}},
		{`{{全同 (列 (表 "联保") "担保金额")}}`, []string{"true 或 false", "{{if"}},
	})
}

func TestErrorsNameThePlace(t *testing.T) {
	runErrors(t, []errCase{
		{"第一行\n{{值 \"上云企业\"}}", []string{"测试.md 第2行第3列", "figures.xlsx 工作表“指标”中没有指标“上云企业”", "是否是 上云企业数？"}},
		{`{{信息 "县明"}}`, []string{"测试.md 第1行第3列", "工作表“报告信息”中没有项目“县明”", "是否是 县名"}},
		{`{{表 "企业表"}}`, []string{"没有工作表“企业表”", "是否是 企业"}},
		{`{{列 (表 "企业") "名称"}}`, []string{"figures.xlsx 工作表“企业”中没有列“名称”", "是否是 企业名称"}},
		{`{{with 首 (表 "企业")}}{{.产值}}{{end}}`, []string{"第1行第22列", "列名是“产值（亿元）”", `{{格 . "产值"}}`}},
		{`{{with 首 (表 "企业")}}{{.名称}}{{end}}`, []string{"没有列“名称”"}},
		{`{{range 表 "企业"}}{{格 . "产量"}}{{end}}`, []string{"第1行第19列", "没有列“产量”"}},
		{`{{range 表 "空表"}}{{.名字}}{{end}}`, []string{"没有列“名字”"}},
		{`{{.企业名称}}`, []string{"第1行第3列", "没有可取的行", "range 或 with"}},
		{`{{不存在的函数 1}}`, []string{"第1行", "没有名为“不存在的函数”的函数"}},
		{`{{顿好 (列 (表 "联保") "企业名称")}}`, []string{"没有名为“顿好”的函数", "是否是 顿号"}},
		{`{{值 "签约金额"`, []string{"第1行", "{{ 没有对应的 }}"}},
		{`{{if 有同期 "签约金额"}}`, []string{"缺少 {{end}}"}},
		{`{{值 "签约金额}}`, []string{"引号没有配对"}},
		{`{{日期 (信息 "县名")}}`, []string{"figures.xlsx 报告信息!B2：“鹤岭”不是日期，日期 需要日期"}},
		{`{{月份段 (信息 "县名")}}`, []string{"“鹤岭”不是报告期"}},
		{`{{季度 (信息 "报告期")}}`, []string{"报告期“2022年1－11月”不是一个季度"}},
		{`{{合计 (列 (表 "企业") "企业名称")}}`, []string{"figures.xlsx 企业!A2：“华晟电子”不是数字，合计 需要数字"}},
		{`{{保留 1 (信息 "约数")}}`, []string{"“约50”不是数字"}},
		{`{{计数 (不小于 (表 "企业") "企业名称" 1)}}`, []string{"“华晟电子”不是数字，不小于 需要数字"}},
		{`{{合计 (表 "企业")}}`, []string{"合计 需要一列值", "这里给的是表"}},
		{`{{顿号 (表 "企业")}}`, []string{"顿号 需要一列值", "这里给的是表"}},
		{`{{保留 1 (表 "企业")}}`, []string{"保留 需要数字，这里给的是表"}},
		{`{{格 (表 "企业") "企业名称"}}`, []string{"格 需要表中的一行", "这里给的是表"}},
		{`{{值 "签约金额" "x"}}`, []string{"指标“签约金额”没有“x”这一列"}},
		{`{{值 "签约金额" "当月" "x"}}`, []string{"值 最多有两个参数"}},
		{`{{同比}}`, []string{"函数“同比”至少需要1个参数，这里给了0个"}},
		{`{{值 (值 "签约金额")}}`, []string{"函数“值”的第1个参数应是文字（带英文引号的名称），这里给的是数字“82.8”"}},
		{`{{同比 "缺同期"}}`, []string{"figures.xlsx 指标!E18：指标“缺同期”的去年同期是空的", `{{if 有同期 "缺同期"}}`}},
		{`{{环比 "招工任务人数"}}`, []string{"指标!D4", "上期是空的"}},
		{`{{完成率 "排名"}}`, []string{"指标!F6", "目标是空的"}},
		{`{{完成率 "新增企业数"}}`, []string{"目标是0"}},
		{`{{同比 "签约金额" "增加"}}`, []string{"同比 不认识选项“增加”"}},
		{`{{同比 "签约金额" 11}}`, []string{"小数位数应在0到10之间"}},
		{`{{增减 (值 "工业增速") 5}}`, []string{"5.2% 是百分数而 5 不是"}},
		{`{{换算 "万元" "人" 5}}`, []string{"不能把“万元”换算为“人”"}},
		{`{{中文数 1.5}}`, []string{"中文数 只能写0到99999999之间的整数，这里是1.5"}},
		{`{{中文数 (值 "利润")}}`, []string{"中文数 只能写0到99999999之间的整数，这里是2.1"}},
		{`{{第 0}}`, []string{"第 需要从1起的序数"}},
		{`{{百分比 1 0}}`, []string{"分母是零"}},
		{`{{除 1 0}}`, []string{"除数是零"}},
		{`{{占比 "签约金额" "上云企业数"}}`, []string{"单位“亿元”", "单位“家”", "不能求占比"}},
		{`{{首 (表 "空表")}}`, []string{"首：表中没有任何一行"}},
		{`{{等 (列 (表 "空表") "企业名称") "家"}}`, []string{"名单是空的"}},
		{`{{平均 (列 (表 "空表") "产值")}}`, []string{"没有任何数值"}},
		{`{{排名 (表 "县区") "增速" "县区" "丁县"}}`, []string{"“县区”列中没有“丁县”"}},
		{`{{单位 (表 "企业") "企业名称"}}`, []string{"表头没有写单位"}},
		{`{{(值 "签约金额").名称}}`, []string{"第1行", "单个值没有“.名称”可取"}},
		{`{{if eq (值 "签约金额") 82.8}}是{{end}}`, []string{"第1行", "eq 不能比较这两个值", "等于"}},
		// Two workbook values: eq would compare where the cells are, not
		// what they hold.
		{`{{if eq (值 "签约金额") (值 "签约金额")}}同{{end}}`, []string{"第1行", "eq 不能比较这两个值", "等于"}},
		{`{{if ne (格 (index (表 "企业") 0) "企业名称") (格 (index (表 "企业") 1) "企业名称")}}异{{end}}`, []string{"第1行", "ne 不能比较这两个值"}},
		{`{{index (列 (表 "联保") "企业名称") 5}}`, []string{"第1行", "index 的序号超出了范围"}},
		{`{{保留 1 (信息 "多行")}}`, []string{"figures.xlsx 报告信息!B15：“甲 乙”不是数字"}},
	})
}

// TestEveryProblemAtOnce: the check reports every problem of a template,
// each at its place, and also in branches this month's data does not
// take; problems of the data only where the template surely goes.
func TestEveryProblemAtOnce(t *testing.T) {
	tmpl := "一、{{值 \"甲\"}}\n" + // 1
		"二、{{if false}}{{值 \"乙\"}}{{else}}{{表 \"丙\"}}{{end}}\n" + // 2
		"三、{{with 首 (表 \"企业\")}}{{.名称}}{{end}}\n" + // 3
		"四、{{同比 \"缺同期\"}}\n" + // 4
		"五、{{if 有同期 \"缺同期\"}}{{同比 \"缺同期\"}}{{end}}\n" + // 5: guarded, no problem
		"六、{{日期 (信息 \"县名\")}}{{保留 1 (信息 \"约数\")}}\n" + // 6: two on one line
		"七、{{range 表 \"企业\"}}{{格 . \"产量\"}}{{end}}\n" + // 7
		"八、正文}}\n" // 8: found only by executing, after the rest
	_, err := New(testBook()).Fill("测试.md", tmpl, 1)
	var es Errors
	if !errorsAs(err, &es) {
		t.Fatalf("error %v is not an Errors", err)
	}
	want := []string{
		"测试.md 第1行第5列：figures.xlsx 工作表“指标”中没有指标“甲”",
		"测试.md 第2行第17列：figures.xlsx 工作表“指标”中没有指标“乙”",
		"测试.md 第2行第34列：figures.xlsx 中没有工作表“丙”",
		"测试.md 第3行第24列：figures.xlsx 工作表“企业”中没有列“名称”（是否是 企业名称？）",
		"测试.md 第4行第5列：figures.xlsx 指标!E18：指标“缺同期”的去年同期是空的",
		"测试.md 第6行第5列：figures.xlsx 报告信息!B2：“鹤岭”不是日期，日期 需要日期",
		"测试.md 第6行第21列：figures.xlsx 报告信息!B12：“约50”不是数字，保留 需要数字",
		"测试.md 第7行第21列：figures.xlsx 工作表“企业”中没有列“产量”",
	}
	if len(es) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(es), len(want), err)
	}
	for i := range min(len(es), len(want)) {
		if !strings.HasPrefix(es[i].Error(), want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i+1, es[i], want[i])
		}
	}
	// With the names put right, the execution finds the leftover of line 8.
	fixed := strings.NewReplacer(`"甲"`, `"签约金额"`, `"乙"`, `"签约金额"`, `{{表 "丙"}}`, `{{计数 (表 "企业")}}`, `.名称`, `.企业名称`,
		"四、{{同比 \"缺同期\"}}", "四、", `(信息 "县名")`, `(信息 "成文日期")`, `(信息 "约数")`, `1.5`, `"产量"`, `"产值"`).Replace(tmpl)
	_, err = New(testBook()).Fill("测试.md", fixed, 1)
	if err == nil || err.Error() != "测试.md 第8行第5列：填充结果中出现“}}”：模板的 {{ 与 }} 没有配对" {
		t.Errorf("after fixing the names: %v", err)
	}
}

func errorsAs(err error, es *Errors) bool {
	e, ok := err.(Errors)
	if ok {
		*es = e
	}
	return ok
}

func TestFirstLineOffset(t *testing.T) {
	_, err := New(testBook()).Fill("report.md", "正文\n{{值 \"无\"}}", 12)
	if err == nil || !strings.Contains(err.Error(), "report.md 第13行第3列") {
		t.Errorf("error %v does not point at line 13", err)
	}
}

// TestUnused lists what no filled template used, after the check has
// walked every branch.
func TestUnused(t *testing.T) {
	f := New(testBook())
	if _, err := f.Fill("a.md", `{{值 "签约金额"}}{{if false}}{{同比 "上云企业数"}}{{end}}{{计数 (表 "企业")}}`, 1); err != nil {
		t.Fatal(err)
	}
	unused := strings.Join(f.Unused(), "\n")
	for _, w := range []string{"figures.xlsx 指标!A4：指标“招工任务人数”没有被任何模板使用", "figures.xlsx 工作表“联保”：表“联保”没有被任何模板使用"} {
		if !strings.Contains(unused, w) {
			t.Errorf("unused list lacks %q:\n%s", w, unused)
		}
	}
	for _, used := range []string{"“签约金额”", "“上云企业数”", "“企业”"} {
		if strings.Contains(unused, used) {
			t.Errorf("%s is used, yet listed:\n%s", used, unused)
		}
	}
}

// TestConditionsPassBadCells: a condition may be there to pass by cells
// that do not fit; the check does not hold them against the template,
// while the same cells used unconditionally are problems.
func TestConditionsPassBadCells(t *testing.T) {
	guarded := `{{range 表 "项目"}}{{if 等于 (格 . "类别") "企业"}}{{保留 1 (格 . "产值")}}；{{end}}{{end}}`
	if got := fillString(t, guarded); got != "3.6；4.2；" {
		t.Errorf("guarded: %q", got)
	}
	runErrors(t, []errCase{
		{`{{range 表 "项目"}}{{保留 1 (格 . "产值")}}；{{end}}`, []string{"测试.md 第1行第19列：figures.xlsx 项目!C3：“在建”不是数字，保留 需要数字"}},
		{`{{合计 (列 (表 "项目") "产值")}}`, []string{"测试.md 第1行第3列：figures.xlsx 项目!C3：“在建”不是数字，合计 需要数字"}},
	})
}

// TestEveryFunctionWithEveryKind gives every function each kind of
// argument, one to four of them: it never panics, and whatever goes wrong
// is said in Chinese at the template's place, with no Go in it.
func TestEveryFunctionWithEveryKind(t *testing.T) {
	args := []string{`"签约金额"`, `"企业名称"`, `(表 "企业")`, `(首 (表 "企业"))`, `(列 (表 "企业") "产值")`,
		`(值 "签约金额")`, `(值 "工业增速")`, `(信息 "成文日期")`, `(信息 "县名")`, `1`, `-2.5`, `0`, `true`, `(同比 "签约金额")`, `.`}
	book := testBook()
	n := 0
	for _, fn := range Funcs() {
		for k := 0; k <= 3; k++ {
			combos := [][]string{nil}
			for i := 0; i < k; i++ {
				var next [][]string
				for _, c := range combos {
					for j, a := range args {
						if (i+j+len(c))%3 == 0 || i == 0 { // a spread of the combinations, not all of them
							next = append(next, append(append([]string{}, c...), a))
						}
					}
				}
				combos = next
			}
			for _, c := range combos {
				tmpl := "{{" + strings.TrimSpace(fn+" "+strings.Join(c, " ")) + "}}"
				n++
				out, err := New(book).Fill("测试.md", tmpl, 1)
				if err == nil {
					if strings.ContainsAny(out, "\uE000\uE001\uE002") {
						t.Errorf("%s: marks left in %q", tmpl, out)
					}
					continue
				}
				msg := err.Error()
				for _, line := range strings.Split(msg, "\n") {
					if !strings.HasPrefix(line, "测试.md ") {
						t.Errorf("%s: %q does not name the place", tmpl, line)
					}
				}
				for _, goish := range []string{"fill.", "interface {}", "reflect", "runtime error", "goroutine", "<nil>", "%!"} {
					if strings.Contains(msg, goish) && !strings.Contains(tmpl, "printf") {
						t.Errorf("%s: %q", tmpl, msg)
					}
				}
			}
		}
	}
	t.Logf("%d templates", n)
}
