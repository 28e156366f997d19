package pdfwriter

import (
	"bytes"
	"strings"
	"testing"
	"time"

	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/mdext"
	"briefing/internal/typeset"
)

func doc(t *testing.T, md string) *document.Document {
	t.Helper()
	src := []byte(md)
	return &document.Document{
		Name:   "测试",
		Source: src,
		Root:   mdext.Markdown().Parser().Parse(gtext.NewReader(src)),
		Meta: document.Meta{
			Title: "关于测试的情况汇报", Addressee: "县人民政府", Org: "某县工业和信息化局",
			Date: "2022年12月5日", Time: time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC),
		},
	}
}

const body = `## 主要工作

### 提高思想认识，高位推动落实。

积极贯彻**落实**国务院措施。

### 分类施策

县委县政府出台了文件。

| 企业 | 产值 |
| --- | --- |
| 甲 | 1.5 |
`

func TestBlocks(t *testing.T) {
	d := doc(t, body)
	blocks := Blocks(d, typeset.GBT9704())
	var kinds []typeset.Kind
	for _, b := range blocks {
		kinds = append(kinds, b.Kind)
	}
	want := []typeset.Kind{typeset.KindTitle, typeset.KindAddressee, typeset.KindHeading, typeset.KindParagraph,
		typeset.KindHeading, typeset.KindParagraph, typeset.KindTable, typeset.KindClosing}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Errorf("block %d is %v, want %v", i, kinds[i], want[i])
		}
	}
	// 一、 in 黑体.
	if r := blocks[2].Runs[0]; r.Text != "一、主要工作" || r.Role != typeset.RoleHei || r.Size != 16 {
		t.Errorf("level 1 heading %+v", r)
	}
	// The run-in lead in 楷体, then the paragraph in the body font, bold kept.
	p := blocks[3]
	if p.Lead != 1 || p.Runs[0].Text != "（一）提高思想认识，高位推动落实。" || p.Runs[0].Role != typeset.RoleKai || p.Indent != 2 {
		t.Errorf("run-in paragraph %+v", p)
	}
	if p.Runs[1].Role != typeset.RoleBody || p.Runs[2].Text != "落实" || !p.Runs[2].Bold {
		t.Errorf("paragraph runs %+v", p.Runs)
	}
	// A standalone level 2 heading in 楷体, numbered （二）.
	if r := blocks[4].Runs[0]; r.Text != "（二）分类施策" || r.Role != typeset.RoleKai {
		t.Errorf("level 2 heading %+v", r)
	}
	tab := blocks[6].Table
	if len(tab.Header) != 1 || len(tab.Rows) != 1 || tab.Columns[1].Align != typeset.AlignRight || tab.Rows[0][0].Runs[0].Size != 14 {
		t.Errorf("table %+v", tab)
	}
	if c := blocks[7].Closing; c.Org != "某县工业和信息化局" || c.Date != "2022年12月5日" {
		t.Errorf("closing %+v", c)
	}
}

func TestWriteIsDeterministicAndCarriesMetadata(t *testing.T) {
	var a, b bytes.Buffer
	if err := Write(&a, doc(t, body), Options{Fonts: fonts.Bundled()}); err != nil {
		t.Fatal(err)
	}
	if err := Write(&b, doc(t, body), Options{Fonts: fonts.Bundled()}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two writes of the same document differ")
	}
	pdf := a.String()
	for _, want := range []string{"/Lang (zh-CN)", "/CreationDate (D:20221205", "/Outlines", "/FontFile2", "/Differences [33 /uni"} {
		if !strings.Contains(pdf, want) {
			t.Errorf("PDF lacks %s", want)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1700000000")
	var a bytes.Buffer
	if err := Write(&a, doc(t, body), Options{Fonts: fonts.Bundled()}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.String(), "/CreationDate (D:20231114") {
		t.Error("SOURCE_DATE_EPOCH not used as the file date")
	}
}

func TestMissingGlyphSaysWhere(t *testing.T) {
	d := doc(t, "## 主要工作\n\n第一段。\n\n第二段有一个罕见字𠀀在这里。\n")
	err := Write(&bytes.Buffer{}, d, Options{Fonts: fonts.Bundled()})
	if err == nil {
		t.Fatal("no error for a character no font has")
	}
	for _, want := range []string{"“𠀀”", "U+20000", "正文第3段", "罕见字𠀀在这里"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("%q does not say %q", err, want)
		}
	}
}

// An 按语 (a block quote) is set as body paragraphs in 楷体: 3号, indent 2,
// justified; bold stays bold; a nested quote is part of it; a heading in it
// is a paragraph without its number. The body after it is 仿宋 again.
func TestBlockquote(t *testing.T) {
	d := doc(t, "> **编者按：**本期刊发。\n>\n> > 批示：抓好落实。\n>\n> ## 按语中的标题\n>\n> 1. 甲\n\n正文。\n")
	blocks := Blocks(d, typeset.GBT9704())[2:] // after title and 主送机关
	want := []string{"编者按：本期刊发。", "批示：抓好落实。", "按语中的标题", "1.甲", "正文。"}
	if len(blocks) != len(want)+1 {
		t.Fatalf("%d blocks, want %d and the closing", len(blocks), len(want)+1)
	}
	for i, w := range want {
		b, text := blocks[i], ""
		for _, r := range b.Runs {
			text += r.Text
			role := typeset.RoleKai
			if i == len(want)-1 {
				role = typeset.RoleBody
			}
			if r.Role != role || r.Size != 16 {
				t.Errorf("block %d: run %q is %s %.0f pt, want %s 16 pt", i, r.Text, r.Role, r.Size, role)
			}
		}
		if text != w || b.Kind != typeset.KindParagraph || b.Indent != 2 || b.Align != typeset.AlignJustify || b.Lead != 0 {
			t.Errorf("block %d is %+v, want the paragraph %q", i, b, w)
		}
	}
	if r := blocks[0].Runs[0]; r.Text != "编者按：" || !r.Bold || blocks[0].Runs[1].Bold {
		t.Errorf("the bold lead is %+v", blocks[0].Runs)
	}
}

// Emphasis is 楷体, as the HTML page sets <em>.
func TestEmphasisIsKai(t *testing.T) {
	runs := Blocks(doc(t, "甲*乙*丙\n"), typeset.GBT9704())[2].Runs
	if len(runs) != 3 || runs[1].Text != "乙" || runs[1].Role != typeset.RoleKai || runs[2].Role != typeset.RoleBody {
		t.Errorf("runs %+v", runs)
	}
}

// A long 按语 stays on the grid: 22 lines a page, 28 characters a full
// line, flush at both edges, no line-breaking violation.
func TestBlockquoteOnTheGrid(t *testing.T) {
	para := strings.Repeat("全县重点产业链企业克服疫情散发、原材料价格高位运行等多重困难，生产经营总体平稳。", 6)
	md := "> **编者按：**" + para + "\n>\n> " + para + "\n\n" + para + "\n\n> " + strings.Repeat(para, 3) + "\n"
	laid, err := Layout(doc(t, md), Options{Fonts: fonts.Bundled()})
	if err != nil {
		t.Fatal(err)
	}
	if len(laid.Pages) < 2 {
		t.Fatalf("%d pages: the test wants a full page", len(laid.Pages))
	}
	for _, v := range typeset.Check(laid) {
		t.Error(v)
	}
}
