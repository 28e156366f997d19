package mdext

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestText(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"heading with emphasis", "## **重点**工作", "重点工作"},
		{"heading with code, link, image", "## 使用`go test`见[说明](u)与![图示](i.png)", "使用go test见说明与图示"},
		{"escapes and entities", `## \*星号\* &amp; &#20013;&#x6587; \&amp;`, "*星号* & 中文 &amp;"},
		{"escaped space disappears (extension.CJK)", `## 中\ 文`, "中文"},
		{"raw HTML is not text", "## 上<br>下", "上下"},
		{"autolink label", "## 见<https://a.example/x>", "见https://a.example/x"},
		{"soft break between CJK", "中文\n换行", "中文换行"},
		{"soft break after Latin", "English\n换行", "English 换行"},
		{"soft break after CJK before Latin", "中文\nword", "中文 word"},
		{"soft break at the end of a link", "[English\n](u)word", "English word"},
		{"hard break", "上一行\\\n下一行", "上一行\n下一行"},
		{"blocks are separated by newlines", "# 标题\n\n段落一\n\n- 项\n", "标题\n段落一\n项"},
		{"code block lines", "```\nx := 1\n```\n", "x := 1\n"},
		{"run-in heading text keeps its 。", "### 提高认识。\n正文", "提高认识。\n正文"},
	}
	md := Markdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			source := []byte(tt.src)
			doc := parse(md, tt.src)
			var n ast.Node = doc
			if h, ok := doc.FirstChild().(*ast.Heading); ok && doc.FirstChild().NextSibling() == nil {
				n = h
			}
			if got := Text(n, source); got != tt.want {
				t.Errorf("Text = %q, want %q", got, tt.want)
			}
		})
	}
	if Text(nil, nil) != "" {
		t.Error("Text(nil) is not empty")
	}
}

// Each *ast.Text leaf reads as the HTML writer shows it.
func TestTextLeaf(t *testing.T) {
	src := `a\*b\*c &lt;x&gt;`
	doc := parse(Markdown(), src)
	var leaves []string
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if tx, ok := n.(*ast.Text); ok && entering {
			leaves = append(leaves, Text(tx, []byte(src)))
		}
		return ast.WalkContinue, nil
	})
	got := ""
	for _, l := range leaves {
		got += l
	}
	if got != "a*b*c <x>" {
		t.Errorf("leaves %q join to %q", leaves, got)
	}
}

func TestUnescapeReferences(t *testing.T) {
	tests := map[string]string{
		"&amp;":       "&",
		"&copy;":      "©",
		"&#0;":        "\uFFFD",
		"&#x110000;":  "\uFFFD",
		"&#12345678;": "&#12345678;",
		"&nosuch;":    "&nosuch;",
		"& amp;":      "& amp;",
		"&;":          "&;",
		"&#;":         "&#;",
		"&#x;":        "&#x;",
		"a\\":         "a\\",
		"\\a":         "\\a",
		"\x00":        "\uFFFD",
	}
	for in, want := range tests {
		if got := unescape([]byte(in)); got != want {
			t.Errorf("unescape(%q) = %q, want %q", in, got, want)
		}
	}
}
