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
	for _, want := range []string{"/Lang (zh-CN)", "/CreationDate (D:20221205", "/Outlines", "/FontFile2", "/ToUnicode"} {
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
