package mdext

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestChineseNumeral(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{1, "一"}, {2, "二"}, {9, "九"}, {10, "十"}, {11, "十一"}, {12, "十二"},
		{19, "十九"}, {20, "二十"}, {21, "二十一"}, {30, "三十"}, {99, "九十九"},
		{100, "一百"}, {101, "一百零一"}, {110, "一百一十"}, {111, "一百一十一"},
		{120, "一百二十"}, {999, "九百九十九"}, {1000, "一千"}, {1001, "一千零一"},
		{1010, "一千零一十"}, {1020, "一千零二十"}, {1100, "一千一百"}, {2024, "二千零二十四"},
		{10000, "一万"}, {10001, "一万零一"}, {10010, "一万零一十"}, {10100, "一万零一百"},
		{11000, "一万一千"}, {100000, "十万"}, {110000, "十一万"}, {1234567, "一百二十三万四千五百六十七"},
		{0, "0"}, {-3, "-3"}, {100000000, "100000000"},
	}
	for _, tt := range tests {
		if got := ChineseNumeral(tt.n); got != tt.want {
			t.Errorf("ChineseNumeral(%d) = %q, want %q", tt.n, got, tt.want)
		}
	}
	// Reading back what ChineseNumeral writes gives the number.
	for n := 1; n < 30000; n++ {
		s := ChineseNumeral(n)
		if v, rest, ok := leadingChinese(s); !ok || rest != "" || v != n {
			t.Fatalf("leadingChinese(%q) = %d, %q, %v; want %d", s, v, rest, ok, n)
		}
	}
}

func TestAuthorNumber(t *testing.T) {
	tests := []struct {
		text         string
		value, level int
		ok           bool
	}{
		{"一、总体情况", 1, 1, true},
		{"十一、其他", 11, 1, true},
		{"二十、附则", 20, 1, true},
		{"一百零一、多", 101, 1, true},
		{"（一）提高认识", 1, 2, true},
		{"(二)加强领导", 2, 2, true},
		{"（十二)混合括号", 12, 2, true},
		{"1.资金", 1, 3, true},
		{"2．全角句点", 2, 3, true},
		{"３、全角数字", 3, 3, true},
		{"12. 有空格", 12, 3, true},
		{"（1）细项", 1, 4, true},
		{"(10)细项", 10, 4, true},
		{"1.5亿元投资", 0, 0, false},
		{"2024年工作", 0, 0, false},
		{"一是加强", 0, 0, false},
		{"一带一路、", 0, 0, false},
		{"千方百计、", 0, 0, false},
		{"（注）说明", 0, 0, false},
		{"（1", 0, 0, false},
		{"主要工作", 0, 0, false},
		{"", 0, 0, false},
	}
	for _, tt := range tests {
		v, l, ok := authorNumber(tt.text)
		if v != tt.value || l != tt.level || ok != tt.ok {
			t.Errorf("authorNumber(%q) = %d, %d, %v; want %d, %d, %v", tt.text, v, l, ok, tt.value, tt.level, tt.ok)
		}
	}
}

func TestLevel(t *testing.T) {
	for hl, want := range []int{0, 0, 1, 2, 3, 4, 0} {
		if got := Level(ast.NewHeading(hl)); got != want {
			t.Errorf("Level(h%d) = %d, want %d", hl, got, want)
		}
	}
	if Level(nil) != 0 || Number(nil) != "" || IsRunIn(nil) || RunInHeading(nil) != nil {
		t.Error("nil heading or paragraph is not level 0, unnumbered, standalone")
	}
}

// numbers parses src and lists each heading as "number|text".
func numbers(t *testing.T, src string, opts ...Option) []string {
	t.Helper()
	doc := parse(Markdown(opts...), src)
	var out []string
	for _, h := range headings(doc) {
		out = append(out, Number(h)+"|"+Text(h, []byte(src)))
	}
	return out
}

func TestNumbering(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"levels", "# 标题\n## 甲\n### 乙\n### 丙\n#### 丁\n##### 戊\n##### 己\n#### 庚\n## 辛\n### 壬\n",
			[]string{"|标题", "一、|甲", "（一）|乙", "（二）|丙", "1.|丁", "（1）|戊", "（2）|己", "2.|庚", "二、|辛", "（一）|壬"}},
		{"a dropped part leaves no gap", "## 甲\n\n## 丙\n\n### 丁\n",
			[]string{"一、|甲", "二、|丙", "（一）|丁"}},
		{"deeper counters restart under a new higher heading",
			"## 甲\n### a\n#### x\n#### y\n### b\n#### z\n## 乙\n#### w\n",
			[]string{"一、|甲", "（一）|a", "1.|x", "2.|y", "（二）|b", "1.|z", "二、|乙", "1.|w"}},
		{"levels may be skipped", "## 甲\n##### 细\n", []string{"一、|甲", "（1）|细"}},
		{"author numbered: kept, and the count follows it",
			"## 一、总体\n## 主要做法\n## 四、下一步\n## 保障\n",
			[]string{"|一、总体", "二、|主要做法", "|四、下一步", "五、|保障"}},
		{"author numbered at lower levels",
			"## 甲\n### （三）乙\n### 丙\n#### 5.丁\n#### 戊\n##### (2)己\n##### 庚\n",
			[]string{"一、|甲", "|（三）乙", "（四）|丙", "|5.丁", "6.|戊", "|(2)己", "（3）|庚"}},
		{"an author number in emphasis is still the author's", "## **一、总体**\n## 其他\n",
			[]string{"|一、总体", "二、|其他"}},
		{"not a number: 1.5亿 and 2024年", "#### 1.5亿元投资\n#### 2024年工作\n",
			[]string{"1.|1.5亿元投资", "2.|2024年工作"}},
		{"# restarts all counters; ###### is not numbered",
			"# 报告\n## 甲\n### 乙\n###### 注\n### 丙\n# 附件\n## 子\n",
			[]string{"|报告", "一、|甲", "（一）|乙", "|注", "（二）|丙", "|附件", "一、|子"}},
		{"empty headings are neither numbered nor counted", "## 甲\n##\n## 乙\n",
			[]string{"一、|甲", "|", "二、|乙"}},
		{"setext headings", "总标题\n===\n\n一级\n---\n", []string{"|总标题", "一、|一级"}},
		{"headings in containers count in document order", "## 甲\n> ## 乙\n- ## 丙\n", []string{"一、|甲", "二、|乙", "三、|丙"}},
		{"attributes are not text", "## 甲 {#id .cls}\n", []string{"一、|甲"}},
		{"an author's mdext-number attribute is overwritten", "## 甲 {mdext-number=\"九、\"}\n", []string{"一、|甲"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := numbers(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("src %q\n  got  %q\n  want %q", tt.src, got, tt.want)
			}
		})
	}
}

func TestNumberingBeyondTen(t *testing.T) {
	var b strings.Builder
	for i := 1; i <= 25; i++ {
		fmt.Fprintf(&b, "## 第%d部分\n### 小节\n", i)
	}
	got := numbers(t, b.String())
	want := map[int]string{
		0: "一、|第1部分", 1: "（一）|小节", 18: "十、|第10部分", 20: "十一、|第11部分",
		38: "二十、|第20部分", 40: "二十一、|第21部分", 48: "二十五、|第25部分", 49: "（一）|小节",
	}
	for i, w := range want {
		if got[i] != w {
			t.Errorf("heading %d = %q, want %q", i, got[i], w)
		}
	}
	var sub strings.Builder
	sub.WriteString("## 甲\n")
	for i := 1; i <= 12; i++ {
		fmt.Fprintf(&sub, "### 项%d\n#### 细\n", i)
	}
	got = numbers(t, sub.String())
	if got[21] != "（十一）|项11" || got[23] != "（十二）|项12" || got[24] != "1.|细" {
		t.Errorf("second level beyond ten: %q", got[21:])
	}
}

func TestNumberingOff(t *testing.T) {
	got := numbers(t, "## 甲\n### 乙\n", WithNumbering(false))
	if want := []string{"|甲", "|乙"}; strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("WithNumbering(false): %q, want %q", got, want)
	}
}

func TestNumberHTML(t *testing.T) {
	src := "# 报告\n## 甲\n### 乙\n#### 丙\n##### 丁\n"
	want := "<h1>报告</h1>\n<h2>一、甲</h2>\n<h3>（一）乙</h3>\n<h4>1.丙</h4>\n<h5>（1）丁</h5>\n"
	if got := render(t, Markdown(), src); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
	want = "<h1>报告</h1>\n<h2>甲</h2>\n<h3>乙</h3>\n<h4>丙</h4>\n<h5>丁</h5>\n"
	if got := render(t, Markdown(WithHTML(false)), src); got != want {
		t.Errorf("WithHTML(false): got %q\nwant %q", got, want)
	}
	// Heading attributes are rendered; the extension's own are not.
	if got, want := render(t, Markdown(), "## 甲 {#a .b}\n"), "<h2 id=\"a\" class=\"b\">一、甲</h2>\n"; got != want {
		t.Errorf("attributes: got %q, want %q", got, want)
	}
}
