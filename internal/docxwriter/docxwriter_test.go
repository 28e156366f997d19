package docxwriter_test

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/textwriter"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// cases are small documents, one for each kind of element; the golden
// file testdata/NAME.document.xml is each one's word/document.xml.
var cases = []struct {
	name string
	md   string
	meta document.Meta
}{
	{"正文", "开头一段，含<b>与&amp;“引号”。\n\n## 主要工作\n\n### 提高思想认识。\n\n积极**贯彻**落实*各项*措施。\n\n### 单独成行的二级标题\n\n#### 三级标题。\n\n正文。\n\n##### 四级标题\n\n1. 第一项\n2. 第二项\n\n- 无序项\n\n> **按：**按语一段。\n>\n> ### 按语中的标题\n\n    代码\t一行\n\n---\n\n最后一段。\n",
		document.Meta{Title: "关于某某工作的情况汇报", Addressee: "县人民政府", Org: "某某局", Date: "2022年12月5日",
			Time: time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC), Attachments: []string{"名单", "表"}}},
	{"表格", "产值如下：\n\n| 行业 | 产值（亿元） | 增速（%） | 说明 |\n| --- | --- | --- | :-: |\n| 电子信息 | 28.46 | 6.2 | 甲 |\n| 合计 | 82.35 | -6.2 | |\n",
		document.Meta{Title: "表格", Attachments: []string{"单一附件"}}},
	{"版头版记", "正文。\n",
		document.Meta{Title: "标题", Addressee: "县人民政府", Org: "鹤岭县工业和信息化局", Date: "2022年12月5日",
			Head: document.Head{Copy: "000012", Secret: "秘密★1年", Urgency: "特急", Issuers: []string{"鹤岭县工业和信息化局"}, Mark: "文件",
				Number: "鹤工信字〔2022〕15号", Signers: []string{"张三", "李四", "王五"}},
			Record: document.Record{CC: []string{"县委办公室", "县政府办公室"}, Printer: "鹤岭县工业和信息化局办公室", PrintDate: "2022年12月5日"}}},
	{"联合行文", "正文。\n",
		document.Meta{Title: "标题", Attachments: []string{"名单", "表"},
			Head: document.Head{Issuers: []string{"鹤岭县工业和信息化局", "鹤岭县财政局"}, Mark: "文件", Number: "鹤工信字〔2022〕15号"}}},
	{"简报", "正文。\n",
		document.Meta{Title: "标题", Layout: document.LayoutBrief,
			Brief: document.Brief{Name: "鹤岭经济运行", Issue: "第8期", Editor: "鹤岭县统计局编", Date: "2022年9月13日", Secret: "内部资料", Copy: "000050",
				To:      []document.Recipients{{Word: "报", Names: []string{"市统计局"}}, {Word: "发", Names: []string{"各乡镇"}}},
				Printed: "共印50份"}}},
}

// TestGolden compares word/document.xml of each case with its golden
// file (go test -update rewrites them).
func TestGolden(t *testing.T) {
	for _, c := range cases {
		d := doc(c.md, c.meta)
		if c.name == "联合行文" {
			src, root := parsed("## 名单\n\n附件正文。\n")
			d.Annexes = []document.Annex{{Number: 2, Title: "表", Source: src, Root: root}}
		}
		got := render(t, d, docxwriter.Options{})["word/document.xml"]
		path := filepath.Join("testdata", c.name+".document.xml")
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: word/document.xml differs from %s (go test -update rewrites it; look at the diff)", c.name, path)
		}
	}
}

// TestTextIsTheTextwriters: every case reads, white space aside, as the
// plain text does, in the same order.
func TestTextIsTheTextwriters(t *testing.T) {
	for _, c := range cases {
		d := doc(c.md, c.meta)
		got := squeeze(strings.Join(paragraphs(t, render(t, d, docxwriter.Options{})["word/document.xml"]), ""))
		if want := squeeze(string(textwriter.Bytes(d))); got != want {
			t.Errorf("%s: the document reads\n%s\nthe plain text\n%s", c.name, got, want)
		}
	}
}

// TestAttachmentPunctuation: a name's final punctuation is dropped, as
// GB/T 9704 §7.3.4 and the PDF want.
func TestAttachmentPunctuation(t *testing.T) {
	d := doc("正文。\n", document.Meta{Attachments: []string{"名单。"}})
	if got := paragraphs(t, render(t, d, docxwriter.Options{})["word/document.xml"]); got[1] != "附件：名单" {
		t.Errorf("附件说明 %q", got[1])
	}
}

// TestTitleLines: the title breaks where the PDF breaks it, and only
// when the lines spell it.
func TestTitleLines(t *testing.T) {
	d := doc("正文。\n", document.Meta{Title: "关于鹤岭县保障产业链供应链稳定工作的情况汇报"})
	for _, c := range []struct {
		lines []string
		want  int
	}{
		{[]string{"关于鹤岭县保障产业链", "供应链稳定工作的情况汇报"}, 1},
		{[]string{"关于别的", "标题"}, 0},
		{nil, 0},
	} {
		xmlText := string(render(t, d, docxwriter.Options{TitleLines: c.lines})["word/document.xml"])
		if n := strings.Count(xmlText, "<w:br/>"); n != c.want {
			t.Errorf("lines %q: %d line breaks, want %d", c.lines, n, c.want)
		}
	}
}

// TestPackage: the parts in their fixed order, with a fixed time, each
// well-formed XML, each named by the content types, each relationship's
// target in the package.
func TestPackage(t *testing.T) {
	d := doc(cases[0].md, cases[0].meta)
	b, err := docxwriter.Bytes(d, docxwriter.Options{Generator: "briefing test"})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		if !f.Modified.Equal(time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("%s: time %v", f.Name, f.Modified)
		}
	}
	want := "[Content_Types].xml _rels/.rels docProps/app.xml docProps/core.xml word/document.xml word/_rels/document.xml.rels " +
		"word/styles.xml word/settings.xml word/fontTable.xml word/footer1.xml word/footer2.xml"
	if strings.Join(names, " ") != want {
		t.Errorf("parts %v", names)
	}
	parts := unzip(t, b)
	for name, data := range parts {
		wellFormed(t, name, data)
		if !strings.HasSuffix(name, ".rels") && name != "[Content_Types].xml" && !strings.Contains(string(parts["[Content_Types].xml"]), `PartName="/`+name+`"`) {
			t.Errorf("%s has no content type", name)
		}
	}
	for _, target := range []string{"styles.xml", "settings.xml", "fontTable.xml", "footer1.xml", "footer2.xml"} {
		if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Target="`+target+`"`) {
			t.Errorf("no relationship to %s", target)
		}
	}
	if core := string(parts["docProps/core.xml"]); !strings.Contains(core, "<dc:title>关于某某工作的情况汇报</dc:title>") ||
		!strings.Contains(core, "2022-12-05T00:00:00Z") || !strings.Contains(core, "<dc:creator>某某局</dc:creator>") {
		t.Errorf("core properties: %s", core)
	}
}

// wellFormed fails the test when data is not well-formed XML.
func wellFormed(t *testing.T, name string, data []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(data))
	for {
		if _, err := dec.Token(); err != nil {
			if err.Error() != "EOF" {
				t.Errorf("%s: %v", name, err)
			}
			return
		}
	}
}

// TestSameBytes: the same document gives the same bytes.
func TestSameBytes(t *testing.T) {
	for _, c := range cases {
		a, _ := docxwriter.Bytes(doc(c.md, c.meta), docxwriter.Options{})
		b, _ := docxwriter.Bytes(doc(c.md, c.meta), docxwriter.Options{})
		if !bytes.Equal(a, b) {
			t.Errorf("%s: two renderings differ", c.name)
		}
	}
}

// TestEscaping: markup characters and characters XML does not allow
// leave the parts well-formed and the text as written.
func TestEscaping(t *testing.T) {
	text := "甲<w:p>&amp;乙\x01丙]]>丁\"'"
	d := doc("正文。\n", document.Meta{Title: text, Addressee: "<县>", Org: "&局"})
	parts := render(t, d, docxwriter.Options{})
	for name, data := range parts {
		wellFormed(t, name, data)
	}
	got := paragraphs(t, parts["word/document.xml"])
	if got[0] != "甲<w:p>&amp;乙\uFFFD丙]]>丁\"'" || got[1] != "<县>：" {
		t.Errorf("text %q", got[:2])
	}
}
