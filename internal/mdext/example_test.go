package mdext_test

import (
	"bytes"
	"fmt"
	"os"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"briefing/internal/mdext"
)

const seed = `# 关于2025年统计工作的报告

## 主要工作

### 提高思想认识，高位推动落实。
积极贯彻落实上级决策部署，**全年完成调查任务。**各乡镇密切配合。

### 强化统筹协调

#### 建立联席会议制度

## 下一步打算
`

func ExampleMarkdown() {
	if err := mdext.Markdown().Convert([]byte(seed), os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// <h1>关于2025年统计工作的报告</h1>
	// <h2>一、主要工作</h2>
	// <p><span class="run-in">（一）提高思想认识，高位推动落实。</span>积极贯彻落实上级决策部署，<strong>全年完成调查任务。</strong>各乡镇密切配合。</p>
	// <h3>（二）强化统筹协调</h3>
	// <h4>1.建立联席会议制度</h4>
	// <h2>二、下一步打算</h2>
}

// New is added to goldmark like any extension; heading attributes enable
// the {.run-in} and {.standalone} classes.
func ExampleNew() {
	md := goldmark.New(
		goldmark.WithExtensions(extension.CJK, extension.Table, mdext.New()),
		goldmark.WithParserOptions(parser.WithHeadingAttribute()),
	)
	src := "### 提高思想认识 {.run-in}\n积极贯彻。\n\n### 主要做法。 {.standalone}\n\n各部门配合。\n"
	if err := md.Convert([]byte(src), os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// <p><span class="run-in">（一）提高思想认识</span>积极贯彻。</p>
	// <h3 class="standalone">（二）主要做法。</h3>
	// <p>各部门配合。</p>
}

// A writer renders a heading as Number(h) followed by its inlines.
func ExampleNumber() {
	src := []byte("## 总体情况\n### 甲\n### （五）作者编号\n### 乙\n#### 丙\n##### 丁\n## 十、作者编号\n## 其他\n")
	doc := mdext.Markdown().Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			fmt.Printf("level %d  %q + %q\n", mdext.Level(h), mdext.Number(h), mdext.Text(h, src))
		}
	}
	// Output:
	// level 1  "一、" + "总体情况"
	// level 2  "（一）" + "甲"
	// level 2  "" + "（五）作者编号"
	// level 2  "（六）" + "乙"
	// level 3  "1." + "丙"
	// level 4  "（1）" + "丁"
	// level 1  "" + "十、作者编号"
	// level 1  "十一、" + "其他"
}

// A writer skips a run-in heading where it stands and sets it at the start
// of the paragraph that RunInHeading returns, as one paragraph.
func ExampleRunInHeading() {
	src := []byte("### 提高思想认识，高位推动落实。\n积极贯彻……\n\n### 强化保障\n\n加大投入。\n")
	doc := mdext.Markdown().Parser().Parse(text.NewReader(src))
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Heading:
			if !mdext.IsRunIn(n) {
				fmt.Printf("[heading] %s%s\n", mdext.Number(n), mdext.Text(n, src))
			}
		case *ast.Paragraph:
			lead := ""
			if h := mdext.RunInHeading(n); h != nil {
				lead = "[" + mdext.Number(h) + mdext.Text(h, src) + "]"
			}
			fmt.Printf("[paragraph] %s%s\n", lead, mdext.Text(n, src))
		}
	}
	// Output:
	// [paragraph] [（一）提高思想认识，高位推动落实。]积极贯彻……
	// [heading] （二）强化保障
	// [paragraph] 加大投入。
}

// Workbook values go through Escape before they enter the Markdown.
func ExampleEscape() {
	value := "**重要** <script> [链接](x) 1. | &amp;"
	fmt.Println(mdext.Escape(value))
	var buf bytes.Buffer
	src := "备注：" + mdext.Escape(value) + "。\n\n| 项目 | 值 |\n|---|---|\n| 备注 | " + mdext.Escape(value) + " |\n"
	if err := mdext.Markdown().Convert([]byte(src), &buf); err != nil {
		panic(err)
	}
	fmt.Print(buf.String())
	// Output:
	// \*\*重要\*\* \<script\> \[链接\]\(x\) 1\. \| \&amp\;
	// <p>备注：**重要** &lt;script&gt; [链接](x) 1. | &amp;amp;。</p>
	// <table>
	// <thead>
	// <tr>
	// <th>项目</th>
	// <th>值</th>
	// </tr>
	// </thead>
	// <tbody>
	// <tr>
	// <td>备注</td>
	// <td>**重要** &lt;script&gt; [链接](x) 1. | &amp;amp;</td>
	// </tr>
	// </tbody>
	// </table>
}

func ExampleChineseNumeral() {
	for _, n := range []int{3, 10, 11, 20, 21, 101, 110} {
		fmt.Print(mdext.ChineseNumeral(n), " ")
	}
	fmt.Println()
	// Output: 三 十 十一 二十 二十一 一百零一 一百一十
}
