package mdext

import (
	"testing"

	"github.com/yuin/goldmark/ast"
)

func TestRunIn(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		runIn bool // of the first heading
	}{
		{"seed: 。 then a paragraph", "### 提高思想认识，高位推动落实。\n积极贯彻……\n", true},
		{"blank line between", "### 提高思想认识，高位推动落实。\n\n积极贯彻……\n", true},
		{"！", "### 必须抓紧！\n正文\n", true},
		{"？", "### 如何落实？\n正文\n", true},
		{"；", "### 一是加强领导；\n正文\n", true},
		{"：", "### 主要做法如下：\n正文\n", true},
		{"。 inside closing quotes", "### 他说：“要落实。”\n正文\n", true},
		{"trailing spaces", "### 落实。   \n正文\n", true},
		{"no final punctuation", "### 主要工作\n正文\n", false},
		{"ends with a parenthesis", "### 实施方案（试行）\n正文\n", false},
		{"ends with ，", "### 首先，\n正文\n", false},
		{"ASCII period is not sentence punctuation", "### Summary.\n正文\n", false},
		{"{.run-in} without punctuation", "### 提高思想认识 {.run-in}\n正文\n", true},
		{"{.standalone} with punctuation", "### 提高思想认识。 {.standalone}\n正文\n", false},
		{"both classes: standalone wins", "### 认识。 {.run-in .standalone}\n正文\n", false},
		{"class among others", "### 认识 {.x .run-in #id}\n正文\n", true},
		{"followed by a list", "### 主要做法如下：\n- 一\n- 二\n", false},
		{"followed by an ordered list", "### 主要做法如下：\n\n1. 一\n", false},
		{"followed by a table", "### 情况如下：\n\n| 项 | 值 |\n|---|---|\n| a | 1 |\n", false},
		{"followed by a heading", "### 落实。\n### 下一\n", false},
		{"followed by nothing", "### 落实。\n", false},
		{"{.run-in} followed by a list", "### 认识 {.run-in}\n\n- 一\n", false},
		{"followed by a block quote", "### 落实。\n> 引文\n", false},
		{"level 1 too", "## 总体情况。\n正文\n", true},
		{"# title", "# 报告。\n正文\n", true},
		{"emphasis in the heading", "### **提高**认识。\n正文\n", true},
	}
	md := Markdown()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := parse(md, tt.src)
			h := headings(doc)[0]
			if got := IsRunIn(h); got != tt.runIn {
				t.Errorf("IsRunIn = %v, want %v (src %q)", got, tt.runIn, tt.src)
			}
			p, isPara := h.NextSibling().(*ast.Paragraph)
			if isPara {
				want := h
				if !tt.runIn {
					want = nil
				}
				if got := RunInHeading(p); got != want {
					t.Errorf("RunInHeading(next paragraph) = %v, want %v", got, want)
				}
			}
		})
	}
}

func TestRunInOff(t *testing.T) {
	doc := parse(Markdown(WithRunIn(false)), "### 落实。\n正文\n### 认识 {.run-in}\n正文\n")
	for _, h := range headings(doc) {
		if IsRunIn(h) {
			t.Errorf("WithRunIn(false): heading %q runs in", Text(h, nil))
		}
	}
}

// A paragraph that does not follow a heading, or the second paragraph
// after one, has no run-in heading.
func TestRunInHeadingOnlyFirstParagraph(t *testing.T) {
	src := "开头段落。\n\n### 落实。\n第一段。\n\n第二段。\n"
	doc := parse(Markdown(), src)
	var paras []*ast.Paragraph
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if p, ok := n.(*ast.Paragraph); ok {
			paras = append(paras, p)
		}
	}
	if len(paras) != 3 {
		t.Fatalf("%d paragraphs, want 3", len(paras))
	}
	if RunInHeading(paras[0]) != nil || RunInHeading(paras[1]) == nil || RunInHeading(paras[2]) != nil {
		t.Errorf("RunInHeading: %v %v %v; want only the second paragraph led",
			RunInHeading(paras[0]), RunInHeading(paras[1]), RunInHeading(paras[2]))
	}
}

// What a writer prints for a run-in heading and its paragraph: the number,
// the heading text with its final 。, then the paragraph, as one paragraph.
func TestRunInSeed(t *testing.T) {
	src := "## 主要工作\n\n### 提高思想认识，高位推动落实。\n积极贯彻落实上级决策部署。\n\n### 强化统筹协调\n\n各部门密切配合。\n"
	source := []byte(src)
	doc := parse(Markdown(), src)
	var lines []string
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if !IsRunIn(n) {
				lines = append(lines, Number(n)+Text(n, source))
			}
		case *ast.Paragraph:
			line := Text(n, source)
			if h := RunInHeading(n); h != nil {
				line = Number(h) + Text(h, source) + line
			}
			lines = append(lines, line)
		}
	}
	want := []string{
		"一、主要工作",
		"（一）提高思想认识，高位推动落实。积极贯彻落实上级决策部署。",
		"（二）强化统筹协调",
		"各部门密切配合。",
	}
	if len(lines) != len(want) {
		t.Fatalf("got %q, want %q", lines, want)
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d = %q, want %q", i, lines[i], want[i])
		}
	}

	wantHTML := "<h2>一、主要工作</h2>\n" +
		"<p><span class=\"run-in\">（一）提高思想认识，高位推动落实。</span>积极贯彻落实上级决策部署。</p>\n" +
		"<h3>（二）强化统筹协调</h3>\n" +
		"<p>各部门密切配合。</p>\n"
	if got := render(t, Markdown(), src); got != wantHTML {
		t.Errorf("HTML\n got  %q\n want %q", got, wantHTML)
	}
}

// Inline markup in a run-in heading and its paragraph is kept.
func TestRunInWithEmphasisAndInlines(t *testing.T) {
	src := "### **提高**思想认识。\n积极*贯彻*。\n"
	want := "<p><span class=\"run-in\">（一）<strong>提高</strong>思想认识。</span>积极<em>贯彻</em>。</p>\n"
	if got := render(t, Markdown(), src); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
