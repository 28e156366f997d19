package pdfwriter

import (
	"bytes"
	"strings"
	"testing"

	"briefing/internal/document"
	"briefing/internal/typeset"
)

// glyphText is the text of a line.
func glyphText(l typeset.Line) string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.R)
	}
	return b.String()
}

// kindLines are the lines of kind k on page p.
func kindLines(p typeset.Page, k typeset.Kind) []typeset.Line {
	var out []typeset.Line
	for _, l := range p.Lines {
		if l.Kind == k {
			out = append(out, l)
		}
	}
	return out
}

func within(got, want float64) bool { return got > want-0.5 && got < want+0.5 }

// TestGongwenFrame lays out a 公文 with its whole frame in the bundled
// fonts and measures it against GB/T 9704, to 0.5 mm.
func TestGongwenFrame(t *testing.T) {
	laid, err := Layout(gongwen(12), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range typeset.Check(laid) {
		t.Error(v)
	}
	p1 := laid.Pages[0]
	head := kindLines(p1, typeset.KindHead)
	got := []string{}
	for _, l := range head {
		got = append(got, strings.ReplaceAll(glyphText(l), " ", ""))
	}
	want := []string{"000012", "秘密★1年", "特急", "鹤岭县工业和信息化局", "鹤岭县财政局", "文件", "签发人：张三李四", "鹤工信字〔2022〕15号王五"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("版头 lines %q, want %q", got, want)
	}
	issuer := head[3]
	size := issuer.Glyphs[0].Style.Size
	if top := (issuer.Baseline - typeset.EmAscent*size) / typeset.MM; !within(top, 72) {
		t.Errorf("the 标志's top edge is %.2f mm from the top of the paper, not 72", top)
	}
	for _, l := range head[3:6] {
		if g := l.Glyphs[0]; g.Style.Color != typeset.Red || g.Style.Role != typeset.RoleTitle {
			t.Errorf("%q in %v, role %s", glyphText(l), g.Style.Color, g.Style.Role)
		}
	}
	rule := p1.Rules[0]
	numBottom := head[7].Baseline + (1-typeset.EmAscent)*16
	if d := (rule.Y0 - rule.Width/2 - numBottom) / typeset.MM; !within(d, 4) {
		t.Errorf("the red rule is %.2f mm under the 发文字号, not 4", d)
	}
	if w := (rule.X1 - rule.X0) / typeset.MM; !within(w, 156) || rule.Color != typeset.Red || !within(rule.Width/typeset.MM, 0.5) {
		t.Errorf("red rule %.2f mm wide, %v, %.2f mm thick", w, rule.Color, rule.Width/typeset.MM)
	}
	checkRecord(t, laid, []float64{0.35, 0.25, 0.35})
	checkAnnexes(t, laid, []string{"附件1", "附件2"})
}

// checkRecord measures the 版记 or 报尾 on the last page: its rules'
// thickness, full width, the last on the bottom edge of the 版心 (262 mm
// from the top), the text in 4号 between the rules.
func checkRecord(t *testing.T, laid *typeset.Document, widths []float64) {
	t.Helper()
	last := laid.Pages[len(laid.Pages)-1]
	if !last.Record {
		t.Fatalf("the last page does not carry the 版记")
	}
	rules := last.Rules[len(last.Rules)-len(widths):]
	for i, r := range rules {
		if !within(r.Width/typeset.MM, widths[i]) || !within((r.X1-r.X0)/typeset.MM, 156) || r.Color != (typeset.Color{}) {
			t.Errorf("rule %d: %.2f mm thick, %.1f mm wide, %v", i+1, r.Width/typeset.MM, (r.X1-r.X0)/typeset.MM, r.Color)
		}
	}
	if y := rules[len(rules)-1].Y0 / typeset.MM; !within(y, 262) {
		t.Errorf("the last rule is %.2f mm from the top, not on the bottom edge of the 版心 (262 mm)", y)
	}
	for _, l := range kindLines(last, typeset.KindRecord) {
		if l.Baseline < rules[0].Y0 || l.Baseline > rules[len(rules)-1].Y0 || l.Glyphs[0].Style.Size != 14 {
			t.Errorf("%q outside the rules or not in 4号", glyphText(l))
		}
	}
}

// checkAnnexes: each annex starts a page, its label on line 1 at the left
// in 3号黑体, its title on line 3; the page numbers go on.
func checkAnnexes(t *testing.T, laid *typeset.Document, labels []string) {
	t.Helper()
	g := laid.Geometry
	var found []string
	for _, p := range laid.Pages {
		for _, l := range kindLines(p, typeset.KindAnnex) {
			found = append(found, glyphText(l))
			if p.Lines[0].Kind != typeset.KindAnnex || l.Baseline != g.Baseline(0) || l.Glyphs[0].X != g.Left || l.Glyphs[0].Style.Role != typeset.RoleHei {
				t.Errorf("page %d: %q is not at the top left of the page in 黑体", p.Number, glyphText(l))
			}
			title := kindLines(p, typeset.KindAnnexTitle)[0]
			if top := title.Baseline - typeset.EmAscent*title.Glyphs[0].Style.Size; !within(top/typeset.MM, g.SlotTop(2)/typeset.MM) {
				t.Errorf("page %d: the annex's title is not on line 3", p.Number)
			}
		}
		if p.Folio == nil && !typeset.Unnumbered(laid, p.Number-1) {
			t.Errorf("page %d has no number", p.Number)
		}
	}
	if strings.Join(found, " ") != strings.Join(labels, " ") {
		t.Errorf("annex labels %q, want %q", found, labels)
	}
}

// TestBriefFrame: the 报头 of a 简报 and its 报尾 at the foot of the last
// page, between a rule and a closing rule.
func TestBriefFrame(t *testing.T) {
	laid, err := Layout(brief(4), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range typeset.Check(laid) {
		t.Error(v)
	}
	head := kindLines(laid.Pages[0], typeset.KindBriefHead)
	if len(head) != 4 || glyphText(head[1]) != "鹤岭经济运行" || head[1].Glyphs[0].Style.Color != typeset.Red {
		t.Fatalf("报头 %d lines", len(head))
	}
	checkRecord(t, laid, []float64{0.35, 0.35})
	foot := kindLines(laid.Pages[len(laid.Pages)-1], typeset.KindRecord)
	if l := glyphText(foot[len(foot)-1]); !strings.HasSuffix(l, "共印50份") {
		t.Errorf("the 报尾's last line is %q", l)
	}
}

// TestFrameMissingGlyph: a character no font has in the frame is named
// with the part of the frame it is in.
func TestFrameMissingGlyph(t *testing.T) {
	for _, c := range []struct {
		edit func(*document.Document)
		part string
	}{
		{func(d *document.Document) { d.Meta.Head.Issuers[1] = "鹤岭县\U000F0000局" }, "版头"},
		{func(d *document.Document) { d.Meta.Record.Printer = "鹤岭县\U000F0000局" }, "版记"},
		{func(d *document.Document) { d.Annexes[1].Title = "\U000F0000表" }, "附件的标题"},
	} {
		d := gongwen(2)
		c.edit(d)
		err := Write(&bytes.Buffer{}, d, Options{})
		if err == nil || !strings.Contains(err.Error(), c.part) || !strings.Contains(err.Error(), "U+F0000") {
			t.Errorf("error %v, want one naming %s", err, c.part)
		}
	}
}
