package textwriter

import (
	"testing"

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
