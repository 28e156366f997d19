package document

import (
	"strings"
	"testing"

	"briefing/internal/mdext"
)

// Each construct the writers cannot render is reported once, at the byte
// where it starts (marked ‸ in the cases), with its message.
func TestUnsupported(t *testing.T) {
	cases := []struct {
		name, md, msg string
	}{
		{"level 6 heading", "正文。\n\n‸###### 细目\n", "六级标题（######）公文没有对应的编号"},
		{"heading in an 按语", "> 编者按：\n>\n> ‸## 标题\n", "按语（>）中的标题（#）不按标题排版"},
		{"heading in a list item", "- ‸## 标题\n", "列表项中的标题（- ## ……）无法排版"},
		{"nested list", "- 甲\n  ‸- 子项\n", "列表中嵌套的列表"},
		{"nested ordered list", "1. 甲\n\n   ‸1. 子项\n", "列表中嵌套的列表"},
		{"task box", "‸- [ ] 未完成\n", "任务列表的方框（- [ ] 或 - [x]）公文中无法表示，会原样印出“[ ]”"},
		{"task box done", "‸- [x] 已完成\n", "会原样印出“[x]”"},
		{"table in a list item", "1. 如下表：\n\n   ‸| 甲 | 乙 |\n   | - | - |\n   | 1 | 2 |\n", "列表项中的表格"},
		{"block quote in a list item", "- 甲\n\n  ‸> 引文\n", "列表项中的引用（>）无法排成按语"},
		{"indented code block", "正文。\n\n    ‸缩进的一行\n", "行首缩进四个空格"},
		{"fenced code block", "‸```\nx := 1\n```\n", "用 ``` 或 ~~~ 围起的代码块"},
		{"HTML block", "‸<div>\n文字\n</div>\n", "HTML（<div>）不会被解释"},
		{"HTML comment", "‸<!-- 说明 -->\n", "HTML 注释（<!-- -->）会按原样印出；模板中的注释请写成 {{/* 注释 */}}"},
		{"inline HTML", "上标‸<sup>2</sup>", "HTML 标签（<sup>）不会被解释"},
		{"link", "见‸[通知](https://example.cn/a)。", "链接“通知”的网址（https://example.cn/a）在打印的公文中看不到"},
		{"footnote definition", "正文。\n\n‸[^1]: 注释\n", "脚注（[^1]: 注释）公文中无法表示"},
		{"link definition", "正文。\n\n‸[通知]: https://example.cn/a\n", "链接定义（[通知]: https://example.cn/a）不会印出"},
		{"strikethrough", "甲‸~~删去~~乙", "删除线（~~文字~~）在公文中无法表示"},
		{"strikethrough across emphasis", "甲‸~~**删去**~~乙", "删除线"},
		{"hard break: two spaces", "第一行‸  \n第二行", "段内换行"},
		{"hard break: backslash", "第一行‸\\\n第二行", "段内换行"},
		{"image on the web", "‸![示意图](https://example.cn/a.png)", "网络图片（https://example.cn/a.png）不会下载，只印出图片说明“示意图”"},
		{"image file missing", "‸![示意图](无此图.png)", "图片文件“无此图.png”不存在"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			at := strings.Index(c.md, "‸")
			d, _ := parse(strings.Replace(c.md, "‸", "", 1))
			got := Unsupported(d, ImageFiles(func(dest string) bool { return dest == "图.png" }))
			if len(got) != 1 {
				t.Fatalf("%d issues %+v, want 1", len(got), got)
			}
			if got[0].Offset != at || !strings.Contains(got[0].Msg, c.msg) {
				t.Errorf("issue %+v, want offset %d and a message with %q", got[0], at, c.msg)
			}
		})
	}
}

// A footnote is reported where it is referred to and where it is defined.
func TestUnsupportedFootnote(t *testing.T) {
	d, _ := parse("见[^1]。\n\n[^1]: 注释\n")
	got := Unsupported(d)
	if len(got) != 2 || got[0].Offset != 3 || !strings.HasPrefix(got[0].Msg, "脚注（[^1]）公文中无法表示") ||
		got[1].Offset != 12 || !strings.HasPrefix(got[1].Msg, "脚注（[^1]: 注释）") {
		t.Errorf("%+v", got)
	}
}

// What the writers render is not reported.
func TestUnsupportedNone(t *testing.T) {
	cases := map[string]string{
		"按语":                           "> **编者按：**本期刊发……\n>\n> 第二段。\n",
		"nested 按语":                    "> 甲\n>\n> > 乙\n",
		"list in 按语":                   "> 要求：\n>\n> 1. 甲\n> 2. 乙\n",
		"emphasis":                     "**一是加快推进智能制造。**目前……*楷体*，***粗***，__粗__。",
		"numbered and run-in headings": "## 主要工作\n\n### 提高思想认识，高位推动落实。\n\n积极贯彻。\n\n#### 细项\n\n##### 小项。\n正文。\n",
		"annex title":                  "# 附件\n\n## 一\n",
		"table":                        "| 企业 | 产值 |\n| --- | --: |\n| 甲 | 1.5 |\n",
		"ordered and bullet lists":     "1. 甲；\n2. 乙。\n\n- 丙\n- 丁\n",
		"images":                       "![图](图.png)\n\n![点](data:image/png;base64,iVBORw0KGgo=)\n",
		"code span, autolink":          "文号`〔2022〕5号`，见<https://example.cn>。",
		"link that is its address":     "[https://example.cn](https://example.cn)",
		"escaped values":               `82\.8亿元 \~\~不是删除线\~\~ \*不是强调\*`,
		"one ~ is a range":             "1~3月，4～6月",
		"tildes in a code span":        "`~~代码~~`",
		"thematic break":               "甲\n\n---\n\n乙\n",
		"soft breaks":                  "第一行\n第二行",
		"empty":                        "",
	}
	for name, md := range cases {
		d, _ := parse(md)
		if got := Unsupported(d, ImageFiles(func(dest string) bool { return dest == "图.png" })); len(got) > 0 {
			t.Errorf("%s: %+v", name, got)
		}
	}
}

// With 允许HTML, raw HTML is not reported; without a file lookup, image
// files are not looked up.
func TestUnsupportedOptions(t *testing.T) {
	d, _ := parse("上标<sup>2</sup>\n\n<div>\n文字\n</div>\n\n![图](无此图.png)\n")
	if got := Unsupported(d, AllowRawHTML(true)); len(got) > 0 {
		t.Errorf("%+v", got)
	}
	if got := Unsupported(d); len(got) != 2 {
		t.Errorf("%d issues, want the tag and the block: %+v", len(got), got)
	}
	if Unsupported(nil) != nil || Unsupported(&Document{}) != nil {
		t.Error("issues in no document")
	}
}

// Issues come in the order of the source.
func TestUnsupportedOrder(t *testing.T) {
	d, _ := parse("甲~~乙~~\n\n###### 丙\n\n- 丁\n  - 戊\n")
	got := Unsupported(d)
	if len(got) != 3 || got[0].Offset > got[1].Offset || got[1].Offset > got[2].Offset {
		t.Errorf("%+v", got)
	}
}

// TestUnsupportedInCompactTables: the rows of a large table, held
// compactly (mdext.TableRows), are checked as the writers see them.
func TestUnsupportedInCompactTables(t *testing.T) {
	md := "| 企业 | 产值 |\n| --- | --- |\n| 甲 | 1 |\n| ~~乙~~ | 2 |\n| 丙 | 3 |\n"
	old := mdext.CompactRows
	defer func() { mdext.CompactRows = old }()
	var got [2][]Issue
	for i, compact := range []int{0, 1} {
		mdext.CompactRows = compact
		doc, _ := parse(md)
		got[i] = Unsupported(doc)
	}
	if len(got[0]) != 1 || len(got[1]) != 1 || got[0][0] != got[1][0] {
		t.Errorf("strikethrough in a table: %v without compact rows, %v with", got[0], got[1])
	}
}
