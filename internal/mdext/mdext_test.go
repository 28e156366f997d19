package mdext

import (
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// The extension works beside the whole of GFM (tables, strikethrough,
// linkify, task lists), inside table cells too.
func TestWithGFM(t *testing.T) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.CJK, New()),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	)
	src := "## 情况\n\n| 项目 | 说明 |\n|---|---|\n| 甲 | **完成。**超额 |\n\n~~删除~~与**《方案》**见 www.example.com\n\n- [x] **完成。**好\n"
	want := "<h2>一、情况</h2>\n" +
		"<table>\n<thead>\n<tr>\n<th>项目</th>\n<th>说明</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>甲</td>\n<td><strong>完成。</strong>超额</td>\n</tr>\n</tbody>\n</table>\n" +
		"<p><del>删除</del>与<strong>《方案》</strong>见 <a href=\"http://www.example.com\">www.example.com</a></p>\n" +
		"<ul>\n<li><input checked=\"\" disabled=\"\" type=\"checkbox\"> <strong>完成。</strong>好</li>\n</ul>\n"
	if got := render(t, md, src); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// One Markdown serves many goroutines: the parsers, the transformer and the
// renderer keep no state between documents.
func TestConcurrentUse(t *testing.T) {
	md := Markdown()
	src := "## 甲\n### 认识。\n**重要。**正文\n## 乙\n"
	want := render(t, md, src)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if got := render(t, md, src); got != want {
					t.Errorf("concurrent render %q, want %q", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

// Whatever the input, parsing, rendering and Text do not panic, and every
// heading's number and run-in flag are consistent.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"## 甲\n### 认识。\n**重要。**正文\n",
		"\uFE00**x**", "\U000E0100*x*", "〇\uFE00**“数”**字", "### x {.run-in}\n\n- a\n",
		"| a |\n|---|\n| **b。**c |\n", "##### (1)甲\n#### 1.乙\n", "&#x4E2D;\\*",
	} {
		f.Add(s)
	}
	md := Markdown()
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			// goldmark's HTML renderer with extension.CJK panics in
			// util.ToRune on some invalid UTF-8 (yuin/goldmark issue 597);
			// Escape keeps workbook values valid.
			return
		}
		render(t, md, src)
		doc := parse(md, src)
		_ = Text(doc, []byte(src))
		for _, h := range headings(doc) {
			if Number(h) != "" && Level(h) == 0 {
				t.Fatalf("level-0 heading numbered %q", Number(h))
			}
			if IsRunIn(h) && RunInHeading(h.NextSibling().(*ast.Paragraph)) != h {
				t.Fatalf("run-in heading does not lead its paragraph")
			}
		}
	})
}
