package htmlwriter_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"briefing/internal/build"
	"briefing/internal/fonts"
)

// payloads are the classic ways a cell could try to become markup or run a
// script in the page. Each one that ran would set window.__xss.
var payloads = []string{
	`<script>window.__xss=1</script>`,
	`<img src=x onerror="window.__xss=1">`,
	`[点我](javascript:window.__xss=1)`,
	`"><svg onload="window.__xss=1">`,
	`'><svg/onload=window.__xss=1>`,
	`&lt;script&gt;window.__xss=1&lt;/script&gt; &amp; &#60;b&#62; &#x3C;i&#x3E;`,
	`<a href="javascript:window.__xss=1">链接</a>`,
	`![图](x" onerror="window.__xss=1)`,
	`[链接](https://example.com/ "标题") <https://example.com/> www.example.com`,
	`**粗体** _斜体_ ~~删除~~ ` + "`代码`",
	`<style>body{display:none}</style>`,
	`<iframe src="javascript:window.__xss=1"></iframe>`,
	`</title><script>window.__xss=1</script>`,
	`</textarea></style></script><script>window.__xss=1</script>`,
	`<!-- 注释 --><![CDATA[x]]><?php x ?>`,
	`<details open ontoggle="window.__xss=1">`,
	`<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>`,
	`javascript:window.__xss=1`,
	`{{信息 "县名"}}`,
	`\<script\> \*`,
	`| 表 | 格 |`,
	`# 标题`,
	`1. 列表`,
	`> 引用`,
}

// payload is the i-th cell value: one of payloads, cycled.
func payload(i int) string { return payloads[i%len(payloads)] }

// xssReport writes a report directory and its workbook, whose every value
// the report prints is fill(i), and returns the directory. The report
// prints values in the title, the 主送机关, the 发文机关, a 附件, headings
// (standing and run-in), sentences, a list joined with 、, single cells
// and a Markdown table.
func xssReport(t *testing.T, fill func(i int) string) string {
	t.Helper()
	dir := t.TempDir()
	f := excelize.NewFile()
	defer f.Close()
	rows := func(sheet string, rows ...[]any) {
		if sheet != "Sheet1" {
			if _, err := f.NewSheet(sheet); err != nil {
				t.Fatal(err)
			}
		}
		for i, r := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			if err := f.SetSheetRow(sheet, cell, &r); err != nil {
				t.Fatal(err)
			}
		}
	}
	n := 0
	next := func() string { n++; return fill(n - 1) }
	info := [][]any{{"项目", "内容"}}
	for _, k := range []string{"县名", "主送机关", "发文机关", "附件", "标题句", "说明"} {
		info = append(info, []any{k, next()})
	}
	info = append(info, []any{"成文日期", "2022年12月5日"})
	rows("Sheet1", info...)
	if err := f.SetSheetName("Sheet1", "报告信息"); err != nil {
		t.Fatal(err)
	}
	rows("指标", []any{"名称", "数值", "单位"}, []any{"金额", 82.8, "亿元"})
	list := [][]any{{"名称", "说明", "金额（万元）"}}
	for i := 0; i < len(payloads); i++ {
		list = append(list, []any{next(), next(), 500 + i})
	}
	rows("名单", list...)
	book := filepath.Join(dir, "数据.xlsx")
	if err := f.SaveAs(book); err != nil {
		t.Fatal(err)
	}
	report := `---
标题: '关于{{信息 "县名"}}县的情况汇报'
主送机关: '{{信息 "主送机关"}}'
发文机关: '{{信息 "发文机关"}}'
成文日期: '{{信息 "成文日期"}}'
附件:
  - '{{信息 "附件"}}'
  - 名单
数据: 数据.xlsx
---
{{信息 "县名"}}县：{{信息 "说明"}}，共{{值 "金额"}}{{单位 "金额"}}。

## {{信息 "县名"}}

### {{信息 "标题句"}}。

名单中有{{顿号 (列 (表 "名单") "名称")}}，首个是{{(首 (表 "名单")).名称}}，说明为{{格 (首 (表 "名单")) "说明"}}。

### 名单

| 名称 | 说明 | 金额（万元） |
| --- | --- | --: |
{{range (表 "名单")}}| {{.名称}} | {{格 . "说明"}} | {{格 . "金额（万元）"}} |
{{end}}
1. {{信息 "说明"}}
2. *{{信息 "县名"}}*和**{{信息 "主送机关"}}**
`
	if err := os.WriteFile(filepath.Join(dir, "report.md"), []byte(report), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func renderReport(t *testing.T, dir string) *build.Result {
	t.Helper()
	res, err := build.Render(build.Options{Report: dir, Fonts: fonts.Bundled(), Formats: []string{"html"}})
	if err != nil {
		t.Fatalf("building the report: %v", err)
	}
	return res
}

// xssPage is the page of the report filled with the payloads.
func xssPage(t *testing.T) []byte {
	t.Helper()
	return fileOf(t, renderReport(t, xssReport(t, payload)), "html")
}

// skeleton is the page without its text: every element with its
// attributes, in order. Attributes whose value is a report's text (the
// author's name) show only their name. The writer's own <span class="nb">,
// which keeps “元/天·人” on one line wherever such text comes from, is
// left out.
func skeleton(n *html.Node) []string {
	var out []string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		if n.Type == html.ElementNode && n.Data == "span" && len(n.Attr) == 1 && hasClass(n, "nb") {
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, depth)
			}
			return
		}
		if n.Type == html.ElementNode {
			var attrs []string
			for _, a := range n.Attr {
				v := a.Val
				if n.Data == "meta" && a.Key == "content" {
					if name, _ := attr(n, "name"); name == "author" || name == "description" {
						v = "…"
					}
				}
				attrs = append(attrs, a.Key+"="+v)
			}
			out = append(out, fmt.Sprintf("%s<%s %s>", strings.Repeat(" ", depth), n.Data, strings.Join(attrs, " ")))
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(n, 0)
	return out
}

// TestValuesStayText fills a report from a workbook whose cells hold the
// classic XSS payloads and checks that none became markup: the page has
// exactly the elements and attributes of the same report filled with plain
// words, it is valid, and each payload reads as itself.
func TestValuesStayText(t *testing.T) {
	plain := fileOf(t, renderReport(t, xssReport(t, func(i int) string { return fmt.Sprintf("文字%d", i) })), "html")
	page := xssPage(t)
	checkValid(t, page)

	got, want := skeleton(parseHTML(t, page)), skeleton(parseHTML(t, plain))
	if !slices.Equal(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("a value became markup: element %d is\n%s\nwith the payloads, and\n%s\nwith plain words", i, got[i], want[i])
			}
		}
		t.Fatalf("a value became markup: %d elements with the payloads, %d with plain words", len(got), len(want))
	}

	root := parseHTML(t, page)
	text := textOf(root)
	for _, p := range payloads {
		// A value reads as itself; a line break inside a sentence reads
		// as a space between Latin characters, nothing between CJK ones.
		if !strings.Contains(text, p) {
			t.Errorf("the payload %q does not read as itself in the page", p)
		}
	}
	for _, n := range all(root, func(*html.Node) bool { return true }) {
		for _, a := range n.Attr {
			if strings.HasPrefix(a.Key, "on") || a.Key == "href" || a.Key == "src" || a.Key == "style" {
				t.Errorf("<%s> has the attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
		switch n.Data {
		case "script", "img", "svg", "math", "iframe", "a", "details", "textarea", "object", "embed":
			t.Errorf("the page has a <%s> element", n.Data)
		}
	}
	if styles := all(root, tagIs("style")); len(styles) != 1 {
		t.Errorf("the page has %d <style> elements", len(styles))
	}
}

// TestMetaValuesReadAsThemselves checks the values printed in the front
// matter — title, 主送机关, 发文机关, 附件 — which the report does not parse
// as Markdown: they must read as the workbook's cells too.
func TestMetaValuesReadAsThemselves(t *testing.T) {
	res := renderReport(t, xssReport(t, payload))
	m := res.Document.Meta
	for _, v := range []struct{ what, got, want string }{
		{"标题", m.Title, "关于" + payload(0) + "县的情况汇报"},
		{"主送机关", m.Addressee, payload(1)},
		{"发文机关", m.Org, payload(2)},
		{"附件", strings.Join(m.Attachments, "|"), payload(3) + "|名单"},
	} {
		if v.got != v.want {
			t.Errorf("%s is %q, not %q: package report leaves the Markdown escapes of package fill in front-matter values, which are never parsed as Markdown", v.what, v.got, v.want)
		}
	}
	page := fileOf(t, res, "html")
	root := parseHTML(t, page)
	if titles := all(root, tagIs("title")); len(titles) != 1 || textOf(titles[0]) != m.Title {
		t.Errorf("the <title> is not the title as text")
	}
	if h1 := all(root, func(n *html.Node) bool { return hasClass(n, "title") }); len(h1) != 1 || textOf(h1[0]) != m.Title {
		t.Errorf("the <h1> is not the title as text")
	}
}
