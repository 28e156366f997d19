package htmlwriter

import (
	"math"
	"testing"

	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/document"
	"briefing/internal/mdext"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

// TestPlanMatchesPDF: the page puts the 发文字号 (or 期号) and the title on
// the grid lines where the PDF sets them, and sizes the 标志 as the PDF
// does.
func TestPlanMatchesPDF(t *testing.T) {
	heads := []document.Head{
		{Copy: "000012", Secret: "秘密★1年", Urgency: "特急", Issuers: []string{"鹤岭县工业和信息化局", "鹤岭县财政局"}, Mark: "文件",
			Number: "鹤工信字〔2022〕15号", Signers: []string{"张三", "李四", "王五"}},
		{Issuers: []string{"鹤岭县工业和信息化局"}, Mark: "文件", Number: "鹤工信字〔2022〕15号"},
		{Secret: "机密", Issuers: []string{"甲局", "乙局", "丙局"}, Number: "甲发〔2022〕1号", Signers: []string{"张三"}},
	}
	for _, h := range heads {
		m := document.Meta{Title: "关于测试的汇报", Head: h}
		checkPlan(t, m, gongwenPlan(h), typeset.KindHead)
	}
	b := document.Brief{Name: "鹤岭经济运行", Issue: "第8期", Editor: "鹤岭县统计局", Date: "2022年8月12日", Copy: "000050"}
	checkPlan(t, document.Meta{Title: "关于测试的汇报", Layout: document.LayoutBrief, Brief: b}, briefPlan(b), typeset.KindBriefHead)
}

// checkPlan lays out a document with meta m and compares its head with p.
func checkPlan(t *testing.T, m document.Meta, p plan, kind typeset.Kind) {
	t.Helper()
	doc := parseDocument("正文。\n", m)
	laid, err := pdfwriter.Layout(doc, pdfwriter.Options{})
	if err != nil {
		t.Fatal(err)
	}
	g := laid.Geometry
	slot := func(l typeset.Line) int {
		size := l.Glyphs[0].Style.Size
		return int(math.Round((l.Baseline - typeset.EmAscent*size - g.Top) / g.Pitch()))
	}
	var title, size = -1, 0.0
	for _, l := range laid.Pages[0].Lines {
		switch {
		case l.Kind == typeset.KindTitle && title < 0:
			title = slot(l)
		case l.Kind == kind && l.Glyphs[0].Style.Color == typeset.Red && size == 0:
			size = l.Glyphs[0].Style.Size
		}
	}
	if title != p.title || size != p.size {
		t.Errorf("%+v: the page puts the title on line %d and sets the 标志 in %.1f pt; the PDF on line %d in %.1f pt", m.Head, p.title+1, p.size, title+1, size)
	}
}

// parseDocument parses md as package report does, with meta.
func parseDocument(md string, meta document.Meta) *document.Document {
	src := []byte(md)
	return &document.Document{Name: "测试", Source: src, Meta: meta, Root: mdext.Markdown().Parser().Parse(gtext.NewReader(src))}
}
