package mdext

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"
)

// escapeCases are workbook values and the text each must read as.
var escapeCases = []struct{ value, want string }{
	{"**重要**", ""},
	{"# 标题", ""},
	{"## 一、标题 {.run-in}", ""},
	{"<script>alert('x')</script>", ""},
	{"<b>粗</b>", ""},
	{"<!-- 注释 -->", ""},
	{"[链接](http://example.com)", ""},
	{"![图](a.png)", ""},
	{"<http://example.com>", ""},
	{"https://example.com/a_b_c", ""},
	{"`code`", ""},
	{"```", ""},
	{"1. 第一项", ""},
	{"1) 第一项", ""},
	{"- 列表", ""},
	{"+ 列表", ""},
	{"* 列表", ""},
	{"> 引用", ""},
	{"***", ""},
	{"---", ""},
	{"===", ""},
	{"a|b|c", ""},
	{"| 表 |", ""},
	{"&amp; &lt; &#20013; &copy;", ""},
	{"C:\\路径\\", ""},
	{"\\*已转义\\*", ""},
	{"_下划线_ __粗__", ""},
	{"~~删除~~", ""},
	{"[^1] [a]: http://x", ""},
	{"12.5%", ""},
	{"中文**强调**与English混排", ""},
	{"（一）提高认识，", ""},
	{"    缩进四格", ""},
	{"\t制表符", ""},
	{"尾随两格  ", ""},
	{"", ""},
	{"普通文字，没有符号。", ""},
	{"第一行\n第二行", "第一行第二行"},
	{"line one\nline two", "line one line two"},
	{"中文\r\n  English", "中文 English"},
	{"数据：\n\n# 标题", "数据： # 标题"},
	{"合计\n", "合计"},
}

func want(c struct{ value, want string }) string {
	if c.want == "" && !strings.ContainsAny(c.value, "\r\n") {
		return c.value
	}
	return c.want
}

// onlyKinds reports the first node of doc whose kind is not in allowed.
func onlyKinds(doc ast.Node, allowed ...ast.NodeKind) string {
	bad := ""
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		for _, k := range allowed {
			if n.Kind() == k {
				return ast.WalkContinue, nil
			}
		}
		bad = n.Kind().String()
		return ast.WalkStop, nil
	})
	return bad
}

func htmlText(s string) string { return string(util.EscapeHTML([]byte(s))) }

func TestEscapeInSentence(t *testing.T) {
	md := Markdown()
	for _, c := range escapeCases {
		w := "数据为" + want(c) + "。"
		src := "数据为" + Escape(c.value) + "。\n"
		doc := parse(md, src)
		if bad := onlyKinds(doc, ast.KindDocument, ast.KindParagraph, ast.KindText); bad != "" {
			t.Errorf("value %q: %s made of %q", c.value, bad, src)
		}
		if got := Text(doc, []byte(src)); got != w {
			t.Errorf("value %q: text %q, want %q", c.value, got, w)
		}
		if got, wantHTML := render(t, md, src), "<p>"+htmlText(w)+"</p>\n"; got != wantHTML {
			t.Errorf("value %q: HTML %q, want %q", c.value, got, wantHTML)
		}
	}
}

func TestEscapeAtLineStart(t *testing.T) {
	md := Markdown()
	for _, c := range escapeCases {
		if want(c) == "" {
			continue
		}
		for _, src := range []string{
			Escape(c.value) + "\n",            // a paragraph of its own
			"上一行\n" + Escape(c.value) + "\n",  // a continuation line (=== and --- would make a heading)
			"- 项目\n" + Escape(c.value) + "\n", // a lazy continuation line in a list item
		} {
			doc := parse(md, src)
			if bad := onlyKinds(doc, ast.KindDocument, ast.KindParagraph, ast.KindText,
				ast.KindList, ast.KindListItem, ast.KindTextBlock); bad != "" {
				t.Errorf("value %q: %s made of %q", c.value, bad, src)
			}
			if got := Text(doc, []byte(src)); !strings.HasSuffix(got, want(c)) {
				t.Errorf("value %q: text %q does not end with %q", c.value, got, want(c))
			}
		}
	}
}

func TestEscapeInTableCell(t *testing.T) {
	md := Markdown()
	for _, c := range escapeCases {
		src := "| 项目 | 值 |\n|---|---|\n| 甲 | " + Escape(c.value) + " |\n"
		source := []byte(src)
		doc := parse(md, src)
		if bad := onlyKinds(doc, ast.KindDocument, east.KindTable, east.KindTableHeader,
			east.KindTableRow, east.KindTableCell, ast.KindText); bad != "" {
			t.Errorf("value %q: %s made of %q", c.value, bad, src)
			continue
		}
		var cells []string
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if cell, ok := n.(*east.TableCell); ok && entering {
				cells = append(cells, Text(cell, source))
				return ast.WalkSkipChildren, nil
			}
			return ast.WalkContinue, nil
		})
		if len(cells) != 4 || cells[2] != "甲" || cells[3] != want(c) {
			t.Errorf("value %q: cells %q, want [项目 值 甲 %q]", c.value, cells, want(c))
		}
		if html := render(t, md, src); !strings.Contains(html, "<td>"+htmlText(want(c))+"</td>") {
			t.Errorf("value %q: cell not in HTML %q", c.value, html)
		}
	}
}

func TestEscapeAddsNoSpace(t *testing.T) {
	tests := map[string]string{
		"中文**强调**":   `中文\*\*强调\*\*`,
		"（一）[链接]":    `（一）\[链接\]`,
		"第一行\n第二行":   "第一行第二行",
		"合计：100%":    `合计：100\%`,
		"  前后  ":     "&#32;&#32;前后&#32;&#32;",
		"a\\b":       `a\\b`,
		"1. 第一":      `1\. 第一`,
		"普通文字":       "普通文字",
		"全角＊＊不是语法＊＊": "全角＊＊不是语法＊＊",
		"坏\xb8字节":    "坏\uFFFD字节",
	}
	for v, w := range tests {
		if got := Escape(v); got != w {
			t.Errorf("Escape(%q) = %q, want %q", v, got, w)
		}
	}
	for _, c := range escapeCases {
		if got := Escape(c.value); strings.Count(got, " ") > strings.Count(c.value, " ")+strings.Count(c.value, "\n") {
			t.Errorf("Escape(%q) = %q adds a space", c.value, got)
		}
	}
}

// Random values without line breaks read back exactly, in a sentence and
// in a table cell.
func TestEscapeRandom(t *testing.T) {
	rng := rand.New(rand.NewSource(9704))
	var alphabet []rune
	for r := rune(' '); r < 0x7f; r++ {
		alphabet = append(alphabet, r)
	}
	alphabet = append(alphabet, []rune("中文一二（）《》，。：；！？、“”‘’…—\t　·ｱ")...)
	md := Markdown()
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for n := rng.Intn(16); n >= 0; n-- {
			b.WriteRune(alphabet[rng.Intn(len(alphabet))])
		}
		checkEscapeRoundTrip(t, md, b.String())
	}
}

func FuzzEscape(f *testing.F) {
	for _, c := range escapeCases {
		f.Add(c.value)
	}
	md := Markdown()
	f.Fuzz(func(t *testing.T, v string) {
		if !utf8.ValidString(v) || strings.ContainsAny(v, "\x00\r\n") {
			return
		}
		checkEscapeRoundTrip(t, md, v)
	})
}

func checkEscapeRoundTrip(t *testing.T, md goldmark.Markdown, v string) {
	t.Helper()
	src := "前" + Escape(v) + "后\n"
	doc := parse(md, src)
	if bad := onlyKinds(doc, ast.KindDocument, ast.KindParagraph, ast.KindText); bad != "" {
		t.Fatalf("value %q: %s made of %q", v, bad, src)
	}
	if got := Text(doc, []byte(src)); got != "前"+v+"后" {
		t.Fatalf("value %q: sentence reads %q (source %q)", v, got, src)
	}
	src = "| 值 |\n|---|\n| " + Escape(v) + " |\n"
	doc = parse(md, src)
	var cells []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if cell, ok := n.(*east.TableCell); ok && entering {
			cells = append(cells, Text(cell, []byte(src)))
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	if len(cells) != 2 || cells[1] != v {
		t.Fatalf("value %q: table cells %q (source %q)", v, cells, src)
	}
}
