package textwriter

import (
	"testing"

	"github.com/yuin/goldmark/ast"
	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

func TestText(t *testing.T) {
	src := []byte("开头。\n\n## 主要工作\n\n### 提高认识。\n\n积极\\*贯彻。\n\n1. 甲\n2. 乙\n\n| 企业 | 产值 |\n| --- | --- |\n| 甲 | 1 |\n")
	doc := &document.Document{Source: src, Root: mdext.Markdown().Parser().Parse(gtext.NewReader(src)),
		Meta: document.Meta{Title: "标题", Addressee: "县政府", Org: "某局", Date: "2022年12月5日", Attachments: []string{"名单", "表"}}}
	want := "标题\n县政府：\n开头。\n一、主要工作\n（一）提高认识。积极*贯彻。\n1.甲\n2.乙\n企业\t产值\n甲\t1\n附件：1. 名单\n2. 表\n某局\n2022年12月5日\n"
	if got := string(Bytes(doc)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// An 按语 is plain paragraphs, one a line, its text unchanged; a heading in
// it has no number, and the numbering of the body is the template's.
func TestBlockquote(t *testing.T) {
	src := []byte("> **编者按：**本期刊发。\n>\n> > 批示：*抓好落实。*\n>\n> ### 按语中的标题。\n> 接着一段。\n\n正文。\n")
	doc := &document.Document{Source: src, Root: mdext.Markdown().Parser().Parse(gtext.NewReader(src))}
	want := "编者按：本期刊发。\n批示：抓好落实。\n按语中的标题。\n接着一段。\n正文。\n"
	if got := string(Bytes(doc)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func parsed(md string) ([]byte, ast.Node) {
	src := []byte(md)
	return src, mdext.Markdown().Parser().Parse(gtext.NewReader(src))
}

// The frame of a 公文 reads as the PDF sets it: corner lines, the joint
// 标志 body by body and then 文件, the 签发人 two a line with the 发文字号
// before the last, the annexes, the 版记.
func TestGongwenFrame(t *testing.T) {
	src, root := parsed("正文。\n")
	asrc, aroot := parsed("## 名单\n\n附件正文。\n")
	doc := &document.Document{Source: src, Root: root,
		Annexes: []document.Annex{{Number: 2, Title: "表", Source: asrc, Root: aroot}},
		Meta: document.Meta{Title: "标题", Attachments: []string{"名单", "表"},
			Head: document.Head{Copy: "000012", Secret: "秘密★1年", Issuers: []string{"甲局", "乙局"}, Mark: "文件",
				Number: "甲字〔2022〕1号", Signers: []string{"张三", "李四", "王五"}},
			Record: document.Record{CC: []string{"县委办", "县政府办"}, Printer: "甲局办公室", PrintDate: "2022年12月5日"}}}
	want := "000012\n秘密★1年\n甲局\n乙局\n文件\n签发人：张三　李四\n甲字〔2022〕1号　王五\n标题\n正文。\n附件：1. 名单\n2. 表\n" +
		"附件2\n表\n一、名单\n附件正文。\n抄送：县委办，县政府办。\n甲局办公室　2022年12月5日印发\n"
	if got := string(Bytes(doc)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// The frame of a 简报: 报头 and 报尾.
func TestBriefFrame(t *testing.T) {
	src, root := parsed("正文。\n")
	doc := &document.Document{Source: src, Root: root, Meta: document.Meta{Title: "标题", Layout: document.LayoutBrief,
		Brief: document.Brief{Name: "经济运行", Issue: "第8期", Editor: "统计局编", Date: "2022年9月13日", Copy: "000050",
			To: []document.Recipients{{Word: "报", Names: []string{"市统计局"}}, {Word: "发", Names: []string{"各乡镇"}}}, Printed: "共印50份"}}}
	want := "000050\n经济运行\n第8期\n统计局编　2022年9月13日\n标题\n正文。\n报：市统计局。\n发：各乡镇。　共印50份\n"
	if got := string(Bytes(doc)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
