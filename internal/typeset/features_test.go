package typeset

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// han is n ideographs that no rule holds together.
func han(n int) string {
	const pool = "县委政府工作报告经济发展产业项目建设推进企业服务保障稳定质量效益创新协调绿色开放共享"
	r := []rune(pool)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteRune(r[i%len(r)])
	}
	return b.String()
}

type bodyText struct {
	page, slot int
	line       Line
}

// bodyOf is the lines of body text of d, with their grid line.
func bodyOf(d *Document) []bodyText {
	g := d.Geometry
	var out []bodyText
	for _, p := range d.Pages {
		for _, l := range p.Lines {
			if len(l.Glyphs) == 0 || l.Glyphs[0].Style.Size != g.BodySize {
				continue
			}
			slot := int(math.Round((l.Baseline - g.Baseline(0)) / g.Pitch()))
			out = append(out, bodyText{p.Number, slot, l})
		}
	}
	return out
}

func rightEdge(l Line) float64 {
	last := l.Glyphs[len(l.Glyphs)-1]
	return last.X + last.Cut + last.Width
}

// A mark that would start a line is squeezed into the line before when
// the line has another mark to give half its width (先挤进), else a
// character goes down with it (后推出); the line is flush either way.
func TestSqueezeThenPush(t *testing.T) {
	g := GBT9704()
	right := g.Left + g.Width
	// Line 2 holds 28 ideographs and the 29th character is “，”.
	push := han(26) + han(28) + "，" + han(10) + "。"
	squeeze := han(26) + han(13) + "、" + han(14) + "，" + han(10) + "。"
	for _, c := range []struct {
		name, text string
		glyphs     int // on line 2
	}{
		{"push", push, 27},
		{"squeeze", squeeze, 29},
	} {
		d := layout(t, []Block{para(c.text)})
		clean(t, d)
		ls := bodyOf(d)
		l2 := ls[1].line
		if len(l2.Glyphs) != c.glyphs {
			t.Errorf("%s: line 2 %q has %d glyphs, want %d", c.name, text(l2), len(l2.Glyphs), c.glyphs)
		}
		if math.Abs(rightEdge(l2)-right) > 0.05 {
			t.Errorf("%s: line 2 ends at %.3f, want %.3f", c.name, rightEdge(l2), right)
		}
		if strings.HasPrefix(text(ls[2].line), "，") {
			t.Errorf("%s: line 3 starts with ，", c.name)
		}
		if c.name == "squeeze" {
			last := l2.Glyphs[len(l2.Glyphs)-1]
			if last.R != '，' || last.Width != 8 {
				t.Errorf("squeeze: line 2 ends with %q %.1f wide, want ， 8", last.R, last.Width)
			}
			for _, gl := range l2.Glyphs {
				if gl.R == '、' && gl.Width != 8 {
					t.Errorf("squeeze: 、 is %.1f wide, want 8", gl.Width)
				}
			}
		}
	}
}

// A normal line of Chinese has 28 cells: punctuation in the middle of a
// line keeps its full width when nothing needs the room.
func TestNoGratuitousSqueeze(t *testing.T) {
	line := "经济发展，产业项目、建设推进；企业服务质量效益创新协调绿" // 28, marks inside
	d := layout(t, []Block{para(string([]rune(line)[2:]) + strings.Repeat(line, 10) + "经济发展。")})
	clean(t, d)
	for _, b := range bodyOf(d)[1:] {
		if b.line.Final {
			continue
		}
		for _, gl := range b.line.Glyphs {
			if gl.Width != 16 {
				t.Errorf("%q set %.1f wide in %q", gl.R, gl.Width, text(b.line))
			}
		}
		if got := text(b.line); got != line {
			t.Errorf("line %q, want %q", got, line)
		}
	}
}

// Numbers, ——, ……, 《…》 and 元/天·人 at every place of a line.
func TestUnbreakables(t *testing.T) {
	for _, c := range []struct{ piece, whole string }{
		{"82.8亿元", "82.8"}, {"——确保", "——"}, {"早投产……", "产……"}, {"《关于全力稳住经济发展的若干措施》", ""},
		{"60元/天·人", "元/天·人"}, {"（含）", "（含）"}, {"“5020”", "“5020”"}, {"1－11月", "1－11"},
		{"35.6%", "35.6%"}, {"-12.5℃", "-12.5℃"}, {"20,000元", "20,000"},
	} {
		for shift := 0; shift < 30; shift++ {
			txt := han(26+shift) + c.piece + han(40) + "。"
			d := layout(t, []Block{para(txt)})
			if v := Check(d); len(v) > 0 {
				dump(t, d)
				t.Fatalf("%s at %d: %v", c.piece, shift, v)
			}
			found := false
			for _, b := range bodyOf(d) {
				found = found || strings.Contains(text(b.line), c.whole)
			}
			if !found {
				dump(t, d)
				t.Fatalf("%q split at shift %d", c.whole, shift)
			}
		}
	}
}

// 孤字: a paragraph whose natural last line would hold one character,
// with or without a mark, gets two or more.
func TestOrphans(t *testing.T) {
	for lines := 1; lines < 4; lines++ {
		for _, tail := range []string{"", "。", "”。", "……"} {
			full := han(26 + 28*(lines-1))
			for _, extra := range []string{han(1), ""} {
				txt := full + extra + tail
				if txt == full {
					continue
				}
				d := layout(t, []Block{para(txt)})
				clean(t, d)
				ls := bodyOf(d)
				last := ls[len(ls)-1].line
				n := 0
				for _, r := range text(last) {
					if unicode.Is(unicode.Han, r) {
						n++
					}
				}
				if len(ls) > 1 && n < 2 {
					t.Errorf("%d lines + %q: last line %q", lines, extra+tail, text(last))
				}
			}
		}
	}
	// Exactly full: no empty or one-character line after it.
	d := layout(t, []Block{para(han(26 + 28))})
	clean(t, d)
	if ls := bodyOf(d); len(ls) != 2 || len([]rune(text(ls[1].line))) != 28 {
		t.Errorf("26+28 characters: %d lines", len(ls))
	}
}

// A Latin word and a number longer than a line still break, inside the
// word or number, and every line stays inside the measure.
func TestLongRuns(t *testing.T) {
	txt := han(10) + strings.Repeat("abcdefghij", 9) + han(20) + strings.Repeat("1234567890", 7) + han(10) + "。"
	d := layout(t, []Block{para(txt)})
	for _, v := range Check(d) {
		if v.Rule != "split-number" && v.Rule != "chars-per-line" {
			t.Errorf("%v", v)
		}
	}
	if got := squash(plain(d)); got != txt {
		t.Errorf("text changed")
	}
	if len(bodyOf(d)) < 4 {
		t.Errorf("%d lines", len(bodyOf(d)))
	}
}

// A heading never takes the last line of a page, and the page stays full:
// the paragraph before it takes a line more.
func TestHeadingAtFootOfPage(t *testing.T) {
	// 21 lines of ideographs put the heading on line 22.
	blocks := []Block{para(han(26 + 28*20)), heading("一、主要工作", 1), para(han(100) + "。")}
	d := layout(t, blocks)
	clean(t, d)
	var h bodyText
	for _, b := range bodyOf(d) {
		if text(b.line) == "一、主要工作" {
			h = b
		}
	}
	if h.slot == d.Geometry.Lines-1 {
		t.Errorf("heading on the last line of page %d", h.page)
	}
	if n := len(d.Pages[0].Lines); n != 22 {
		t.Errorf("page 1 has %d lines", n)
	}
	// With commas the paragraph may rather lose a line; either way the
	// heading has company on its page.
	blocks[0] = para(strings.Repeat(han(9)+"，", 58))
	d = layout(t, blocks)
	clean(t, d)
	for _, p := range d.Pages {
		if n := len(p.Lines); n > 0 && text(p.Lines[n-1]) == "一、主要工作" {
			t.Errorf("heading ends page %d", p.Number)
		}
	}
}

// 孤行: a page never starts with a paragraph's last line.
func TestWidows(t *testing.T) {
	for shift := 0; shift < 28; shift++ {
		// Line 1 of page 2 would be the last line of the third paragraph.
		blocks := []Block{para(han(26 + 28*9 + shift)), para(han(26 + 28*8 + 10)), para(han(26+28*2+5+shift) + "。"), para(han(60) + "。")}
		d := layout(t, blocks)
		clean(t, d)
	}
}

// When no paragraph can take a line more or less (two-line paragraphs of
// ideographs with short last lines), the last resort leaves page 1 a line
// short and starts the paragraph on page 2.
func TestWidowLastResort(t *testing.T) {
	blocks := []Block{para(han(10))}
	for i := 0; i < 11; i++ {
		blocks = append(blocks, para(han(26+5)))
	}
	d := layout(t, blocks)
	for _, v := range Check(d) {
		if v.Rule != "lines-per-page" {
			t.Errorf("%v", v)
		}
	}
	if n := len(d.Pages[0].Lines); n != 21 {
		t.Errorf("page 1 has %d lines, want 21", n)
	}
	if len(d.Pages) != 2 || len(d.Pages[1].Lines) != 2 {
		t.Errorf("page 2: %+v", d.Pages[1:])
	}
}

func TestTitle(t *testing.T) {
	g := GBT9704()
	center := g.Left + g.Width/2
	for _, c := range []struct {
		title string
		lines []string
	}{
		{reportName, []string{reportName}},
		{"关于县重点产业重大项目推进落实机制和产业链供应链稳定工作情况的汇报",
			[]string{"关于县重点产业重大项目推进落实机制", "和产业链供应链稳定工作情况的汇报"}},
		{"关于进一步加强和改进全县安全生产监督管理工作的实施意见", []string{"关于进一步加强和改进全县", "安全生产监督管理工作的实施意见"}},
		{"关于印发全县营商环境优化提升行动方案的通知", []string{"关于印发全县营商环境", "优化提升行动方案的通知"}},
		{"关于二〇二二年全县工业经济运行和产业链供应链稳定畅通工作情况及下一步工作打算的报告",
			[]string{"关于二〇二二年全县工业经济", "运行和产业链供应链稳定畅通", "工作情况及下一步工作打算的报告"}},
	} {
		blocks := []Block{
			{Kind: KindTitle, Runs: []Run{{Text: c.title, Style: Style{Role: RoleTitle, Size: 22}}}},
			{Kind: KindAddressee, Runs: body("县委、县政府：")},
			para(han(40) + "。"),
		}
		d := layout(t, blocks)
		clean(t, d)
		ls := d.Pages[0].Lines
		for i, want := range c.lines {
			l := ls[i]
			if text(l) != want {
				t.Errorf("title line %d = %q, want %q", i+1, text(l), want)
			}
			if mid := (l.Glyphs[0].X + rightEdge(l)) / 2; math.Abs(mid-center) > 0.01 {
				t.Errorf("title line %d centred at %.2f, want %.2f", i+1, mid, center)
			}
			if top := l.Baseline - EmAscent*22; math.Abs(top-g.SlotTop(i)) > 1e-6 {
				t.Errorf("title line %d top %.2f, want grid line %d at %.2f", i+1, top, i, g.SlotTop(i))
			}
		}
		// A blank grid line, then 主送机关 flush left.
		a := ls[len(c.lines)]
		if text(a) != "县委、县政府：" || a.Glyphs[0].X != g.Left || math.Abs(a.Baseline-g.Baseline(len(c.lines)+1)) > 1e-6 {
			t.Errorf("主送机关 %q at x %.2f, baseline %.2f", text(a), a.Glyphs[0].X, a.Baseline)
		}
	}
}

// The closing of an unsealed document (GB/T 9704 §7.3.5.2).
func TestClosing(t *testing.T) {
	g := GBT9704()
	right, zi := g.Left+g.Width, g.CharWidth()
	for _, c := range []struct{ org, date string }{
		{"某某县工业和信息化局", "2022年12月5日"}, // date shorter: 署名 2 字 from the right
		{"某县政府", "2022年12月25日"},      // date longer: the date 2 字 from the right
	} {
		blocks := []Block{para(han(60) + "。"), {Kind: KindClosing, Closing: &Closing{Org: c.org, Date: c.date}}}
		d := layout(t, blocks)
		clean(t, d)
		ls := bodyOf(d)
		org, date := ls[len(ls)-2], ls[len(ls)-1]
		if text(org.line) != c.org || text(date.line) != c.date {
			t.Fatalf("closing %q / %q", text(org.line), text(date.line))
		}
		if org.slot != ls[len(ls)-3].slot+2 || date.slot != org.slot+1 || org.page != date.page {
			t.Errorf("closing on lines %d, %d after the body's %d", org.slot, date.slot, ls[len(ls)-3].slot)
		}
		ox, dx := org.line.Glyphs[0].X, date.line.Glyphs[0].X
		if math.Abs(dx-ox-2*zi) > 0.01 {
			t.Errorf("%s: the date starts %.2f right of the 署名, want 2 字", c.org, dx-ox)
		}
		edge := rightEdge(org.line)
		if len([]rune(c.date)) > len([]rune(c.org)) {
			edge = rightEdge(date.line)
		}
		if math.Abs(right-edge-2*zi) > 0.01 {
			t.Errorf("%s: %.2f from the right, want 2 字", c.org, right-edge)
		}
	}
	// At the foot of a page the closing takes body lines with it.
	blocks := []Block{para(han(26 + 28*19 + 10)), {Kind: KindClosing, Closing: &Closing{Org: "某某县工业和信息化局", Date: "2022年12月5日"}}}
	d := layout(t, blocks)
	if v := violations(d, "lines-per-page"); len(v) > 0 { // 21 + 3 lines do not fit 22
		t.Errorf("%v", v)
	}
	p := d.Pages[len(d.Pages)-1]
	if len(d.Pages) != 2 || len(p.Lines) < 3 {
		t.Errorf("closing alone: %d pages, last with %d lines", len(d.Pages), len(p.Lines))
	}
}

func TestAttachments(t *testing.T) {
	g := GBT9704()
	right := g.Left + g.Width
	long := "县产业链供应链重点企业名单及二〇二二年一月至十一月产值和税收情况统计表"
	d := layout(t, []Block{
		para(han(40) + "。"),
		{Kind: KindAttachments, Attachments: []string{"重点项目推进情况表。", long}},
	})
	clean(t, d)
	ls := bodyOf(d)[2:]
	if text(ls[0].line) != "附件：1. 重点项目推进情况表" {
		t.Errorf("first: %q", text(ls[0].line))
	}
	if ls[0].slot != 3 {
		t.Errorf("附件说明 on line %d, want 3 (one blank line under the body's 2)", ls[0].slot)
	}
	if x := ls[0].line.Glyphs[0].X; math.Abs(x-(g.Left+2*g.cell())) > 0.01 {
		t.Errorf("附件 at %.2f, want 2 字 in", x)
	}
	one := ls[0].line.Glyphs[3].X
	name := ls[1].line.Glyphs[3].X // “2. ” is three glyphs
	if x := ls[1].line.Glyphs[0].X; ls[1].line.Glyphs[0].R != '2' || math.Abs(x-one) > 0.01 {
		t.Errorf("2. at %.2f, want under 1. at %.2f", x, one)
	}
	if !strings.HasPrefix(text(ls[2].line), "情况") && len(ls) != 3 {
		t.Errorf("runover %q", text(ls[2].line))
	}
	if x := ls[2].line.Glyphs[0].X; math.Abs(x-name) > 0.01 {
		t.Errorf("runover at %.2f, want under the name at %.2f", x, name)
	}
	if math.Abs(rightEdge(ls[1].line)-right) > 0.05 {
		t.Errorf("non-final attachment line not flush")
	}
	d = layout(t, []Block{{Kind: KindAttachments, Attachments: []string{"重点项目推进情况表"}}})
	if got := text(d.Pages[0].Lines[0]); got != "附件：重点项目推进情况表" {
		t.Errorf("one attachment: %q", got)
	}
}

func TestFolios(t *testing.T) {
	g := GBT9704()
	d := layout(t, []Block{para(han(26 + 28*60))})
	if len(d.Pages) != 3 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	clean(t, d)
	for _, p := range d.Pages {
		f := p.Folio
		if f == nil {
			t.Fatalf("page %d: no folio", p.Number)
		}
		want := "— " + string(rune('0'+p.Number)) + " —"
		got := ""
		for _, gl := range f.Glyphs {
			got += string(gl.R)
		}
		if strings.ReplaceAll(got, " ", "") != strings.ReplaceAll(want, " ", "") {
			t.Errorf("page %d: %q", p.Number, got)
		}
		if math.Abs(f.Baseline-EmAscent*14-(g.Top+g.Height+7*MM)) > 1e-6 {
			t.Errorf("page %d: folio top %.2f", p.Number, f.Baseline-EmAscent*14)
		}
		if p.Number%2 == 1 {
			if in := g.Left + g.Width - rightEdge(*f); math.Abs(in-g.CharWidth()) > 1e-6 {
				t.Errorf("page %d: %.2f in from the right", p.Number, in)
			}
		} else if in := f.Glyphs[0].X - g.Left; math.Abs(in-g.CharWidth()) > 1e-6 {
			t.Errorf("page %d: %.2f in from the left", p.Number, in)
		}
	}
}

func TestMarks(t *testing.T) {
	blocks := seedReport(t)
	d := layout(t, blocks)
	var marks []Mark
	for _, p := range d.Pages {
		for _, m := range p.Marks {
			marks = append(marks, m)
			found := false
			for _, l := range p.Lines {
				found = found || math.Abs(l.Baseline-EmAscent*16-m.Y) < 1e-6 && strings.HasPrefix(text(l), m.Title[:6])
			}
			if !found {
				t.Errorf("mark %q: no line at %.2f on page %d", m.Title, m.Y, p.Number)
			}
		}
	}
	if len(marks) != 17 {
		t.Errorf("%d marks", len(marks))
	}
	if m := marks[0]; m.Title != "一、主要工作" || m.Level != 1 {
		t.Errorf("first mark %+v", m)
	}
	if m := marks[1]; m.Title != "（一）提高思想认识，高位推动落实。" || m.Level != 2 {
		t.Errorf("second mark %+v", m)
	}
}

func TestPageBreak(t *testing.T) {
	d := layout(t, []Block{para(han(80) + "。"), {Kind: KindPageBreak}, para(han(80) + "。"), {Kind: KindPageBreak}})
	clean(t, d)
	if len(d.Pages) != 2 || !d.Pages[0].PageBreak || len(d.Pages[1].Lines) != 3 {
		t.Errorf("%d pages", len(d.Pages))
	}
}

func table(rows int, size float64) *Table {
	st := Style{Role: RoleBody, Size: size}
	cell := func(s string) Cell { return Cell{Runs: []Run{{Text: s, Style: st}}} }
	tb := &Table{
		Columns: []Column{{}, {Align: AlignRight}, {Align: AlignRight}},
		Header:  [][]Cell{{cell("企业"), cell("产值（亿元）"), cell("增长")}},
	}
	for i := 0; i < rows; i++ {
		name := "某某电子有限公司"
		if i%7 == 3 {
			name = "某某新能源新材料科技股份有限公司（含下属分公司和控股子公司）"
		}
		tb.Rows = append(tb.Rows, []Cell{cell(name), cell("82.8"), cell("12.5%")})
	}
	return tb
}

func TestTables(t *testing.T) {
	g := GBT9704()
	for _, size := range []float64{16, 12} {
		blocks := []Block{para(han(200) + "。"), heading("一、主要企业", 1), {Kind: KindTable, Table: table(60, size)}, para(han(100) + "。")}
		d := layout(t, blocks)
		clean(t, d)
		pages := 0
		for _, p := range d.Pages {
			var cells []Line
			for _, l := range p.Lines {
				if l.Kind == KindTable {
					cells = append(cells, l)
				}
			}
			if len(cells) == 0 {
				continue
			}
			pages++
			if text(cells[0]) != "企业" {
				t.Errorf("size %v page %d starts the table with %q", size, p.Number, text(cells[0]))
			}
			if len(p.Rules) == 0 {
				t.Errorf("size %v page %d: no rules", size, p.Number)
			}
			for _, r := range p.Rules {
				if r.Y1 > g.Top+g.Height+(g.Pitch()-g.BodySize)/2+0.01 {
					t.Errorf("size %v page %d: rule below the 版心 at %.2f", size, p.Number, r.Y1)
				}
			}
		}
		if pages < 2 {
			t.Errorf("size %v: the table spans %d pages", size, pages)
		}
		// Every row whole on one page: count rows per page by their names.
		rows := 0
		for _, p := range d.Pages {
			for _, l := range p.Lines {
				if l.Kind == KindTable && text(l) == "82.8" {
					rows++
				}
			}
		}
		if rows != 60 {
			t.Errorf("size %v: %d rows", size, rows)
		}
		// The paragraph after the table is back on the grid (Check) and
		// the right column ends at the same x in every row.
		var edges []float64
		for _, p := range d.Pages {
			for _, l := range p.Lines {
				if l.Kind == KindTable && text(l) == "12.5%" {
					edges = append(edges, rightEdge(l))
				}
			}
		}
		for _, e := range edges {
			if math.Abs(e-edges[0]) > 1e-6 {
				t.Errorf("size %v: right column ends at %.2f and %.2f", size, e, edges[0])
			}
		}
	}
}
