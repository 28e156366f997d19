package typeset

import (
	"math"
	"strings"
	"testing"
)

func runs(text string, role Role, size float64) []Run {
	return []Run{{Text: text, Style: Style{Role: role, Size: size}}}
}

func red(text string) []Run {
	return []Run{{Text: text, Style: Style{Role: RoleTitle, Size: 22, Color: Red}}}
}

// headBlock is a 版头 with 份号, 密级, one or more bodies, 发文字号 and
// signers.
func headBlock(issuers []string, signers ...string) Block {
	h := &Head{
		Corner: [][]Run{runs("000012", RoleHei, 16), runs("秘密★1年", RoleHei, 16)},
		Mark:   red("文件"), Number: runs("鹤工信字〔2022〕15号", RoleBody, 16),
	}
	for _, i := range issuers {
		h.Issuers = append(h.Issuers, red(i))
	}
	if len(signers) > 0 {
		h.Label = runs("签发人：", RoleBody, 16)
	}
	for _, s := range signers {
		h.Signers = append(h.Signers, runs(s, RoleKai, 16))
	}
	return Block{Kind: KindHead, Head: h}
}

// footBlock is a 版记: 抄送 and 印发, duplex.
func footBlock(cc string) Block {
	return Block{Kind: KindRecord, Foot: &Foot{Style: Style{Role: RoleBody, Size: FootSize}, Last: ThickRule, Duplex: true,
		Rows: []FootRow{{Label: "抄送：", Text: cc, Rule: ThickRule}, {Text: "鹤岭县工业和信息化局办公室", Right: "2022年12月5日印发", Rule: ThinRule}}}}
}

func titleBlock() Block {
	return Block{Kind: KindTitle, Align: AlignCenter, Runs: runs("关于鹤岭县工业经济运行情况的汇报", RoleTitle, 22)}
}

// linesOf returns the lines of kind k on page p.
func linesOf(p Page, k Kind) []Line {
	var out []Line
	for _, l := range p.Lines {
		if l.Kind == k {
			out = append(out, l)
		}
	}
	return out
}

// texts is the text of each line.
func texts(ls []Line) []string {
	var out []string
	for _, l := range ls {
		out = append(out, text(l))
	}
	return out
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

// TestHead measures the 版头 against GB/T 9704 §7.2 within 0.5 mm.
func TestHead(t *testing.T) {
	g := GBT9704()
	d := layout(t, append([]Block{headBlock([]string{"鹤岭县工业和信息化局"}), titleBlock()}, report(strings.Split(redact(han(600)), "\n"))...))
	clean(t, d)
	head := linesOf(d.Pages[0], KindHead)
	if text(head[0]) != "000012" || text(head[1]) != "秘密★1年" || head[0].Baseline != g.Baseline(0) || head[1].Baseline != g.Baseline(1) {
		t.Errorf("corner lines %q %q at %.2f, %.2f", text(head[0]), text(head[1]), head[0].Baseline, head[1].Baseline)
	}
	mark := head[2]
	size := mark.Glyphs[0].Style.Size
	if top := mark.Baseline - EmAscent*size; !near(top, (37+35)*MM, 0.5*MM) {
		t.Errorf("the 标志's top edge is %.2f mm from the paper's top, not 72", top/MM)
	}
	if text(mark) != "鹤岭县工业和信息化局文件" || mark.Glyphs[0].Style.Color != Red {
		t.Errorf("标志 %q in %v", text(mark), mark.Glyphs[0].Style.Color)
	}
	w := mark.Glyphs[len(mark.Glyphs)-1].X + size - mark.Glyphs[0].X
	if w > g.Width || size > IssuerMaxSize || size < 22 || !near(mark.Glyphs[0].X-g.Left, g.right()-mark.Glyphs[0].X-w, 0.1) {
		t.Errorf("标志 in %.1f pt, %.1f mm wide, not centred", size, w/MM)
	}
	num := head[3]
	rule := d.Pages[0].Rules[0]
	if !near(rule.Y0-(num.Baseline+(1-EmAscent)*16), RuleGap+rule.Width/2, 0.5*MM) || rule.Color != Red ||
		!near(rule.X1-rule.X0, 156*MM, 0.01) || rule.Width != RedRuleWidth {
		t.Errorf("red rule %+v under the 发文字号 at %.2f", rule, num.Baseline)
	}
	if r, in := (&checker{g: g}).offGrid(num.Baseline); !in || !near(r, 0, 0.01) {
		t.Errorf("发文字号 off the grid")
	}
	// Two blank grid lines under the 标志 and under the rule.
	if k := int(math.Round((num.Baseline - g.Baseline(0)) / g.Pitch())); g.SlotTop(k-2) < mark.Baseline+(1-EmAscent)*size || g.SlotTop(k-3) >= mark.Baseline+(1-EmAscent)*size {
		t.Errorf("发文字号 on line %d is not two blank lines under the 标志", k+1)
	}
	title := linesOf(d.Pages[0], KindTitle)[0]
	if top := title.Baseline - EmAscent*22; top < rule.Y0+2*g.Pitch() || top > rule.Y0+3*g.Pitch() {
		t.Errorf("the title's top %.1f mm is not two blank lines under the rule at %.1f mm", top/MM, rule.Y0/MM)
	}
}

// TestJointHead: several bodies one under another, spread to one width,
// the Mark beside them centred on them, after the last body in reading
// order; the 发文字号 on the line of the last 签发人.
func TestJointHead(t *testing.T) {
	g := GBT9704()
	for _, issuers := range [][]string{{"鹤岭县工业和信息化局", "鹤岭县财政局"}, {"鹤岭县工业和信息化局", "鹤岭县财政局", "鹤岭县统计局"}} {
		d := layout(t, []Block{headBlock(issuers, "张三", "李四", "王五"), titleBlock(), para(han(40))})
		clean(t, d)
		head := linesOf(d.Pages[0], KindHead)
		n := len(issuers)
		bodies, mark := head[2:2+n], head[2+n]
		if !near(bodies[0].Baseline-EmAscent*bodies[0].Glyphs[0].Style.Size, (37+35)*MM, 0.5*MM) {
			t.Errorf("%d bodies: top at %.2f mm", n, (bodies[0].Baseline-EmAscent*bodies[0].Glyphs[0].Style.Size)/MM)
		}
		s, S := bodies[0].Glyphs[0].Style.Size, mark.Glyphs[0].Style.Size
		blockTop, blockBottom := bodies[0].Baseline-EmAscent*s, bodies[n-1].Baseline+(1-EmAscent)*s
		if markMid := mark.Baseline - EmAscent*S + S/2; !near(markMid, (blockTop+blockBottom)/2, 0.5*MM) {
			t.Errorf("%d bodies: 文件 centred at %.2f mm, the bodies at %.2f mm", n, markMid/MM, (blockTop+blockBottom)/2/MM)
		}
		for _, b := range bodies[1:] {
			l, r := b.Glyphs[0].X, b.Glyphs[len(b.Glyphs)-1].X
			if !near(l, bodies[0].Glyphs[0].X, 0.01) || !near(r, bodies[0].Glyphs[len(bodies[0].Glyphs)-1].X, 0.01) {
				t.Errorf("body %q not spread to the first's width", text(b))
			}
		}
		// typocheck groups glyphs whose baselines lie within 0.3 em:
		// 文件 must read after the last body.
		if d := bodies[n-1].Baseline - mark.Baseline; d > 0.3*s || d < -0.3*S {
			t.Errorf("%d bodies: 文件's baseline %.2f pt from the last body's", n, d)
		}
		rows := head[3+n:]
		if len(rows) != 2 || text(rows[0]) != "签发人：张三李四" || text(rows[1]) != "鹤工信字〔2022〕15号王五" {
			t.Fatalf("signer rows %q", texts(rows))
		}
		one := g.CharWidth()
		if last := rows[0].Glyphs[len(rows[0].Glyphs)-1]; !near(g.right()-last.X-last.Width, one, 0.01) {
			t.Errorf("签发人 block %.2f pt from the right", g.right()-last.X-last.Width)
		}
		if !near(rows[1].Glyphs[0].X-g.Left, one, 0.01) || !near(rows[1].Glyphs[len(rows[1].Glyphs)-2].X, rows[0].Glyphs[4].X, 0.01) {
			t.Errorf("发文字号 not 1 字 from the left, or 王五 not under 张三")
		}
	}
}

// TestRecord: the 版记's rules, its last rule on the bottom edge of the
// 版心; a 版记 that fits stays on the last page.
func TestRecord(t *testing.T) {
	g := GBT9704()
	d := layout(t, []Block{titleBlock(), para(han(100)), footBlock("县委办公室，县人大常委会办公室，县政协办公室，县发展和改革局，县财政局，县统计局。")})
	clean(t, d)
	if len(d.Pages) != 1 || !d.Pages[0].Record || d.Pages[0].Folio == nil {
		t.Fatalf("%d pages; the 版记's page numbered: %v", len(d.Pages), d.Pages[0].Folio != nil)
	}
	rules := d.Pages[0].Rules
	if len(rules) != 3 || rules[0].Width != ThickRule || rules[1].Width != ThinRule || rules[2].Width != ThickRule {
		t.Fatalf("rules %+v", rules)
	}
	if !near(rules[2].Y0, (297-35)*MM, 0.5*MM) {
		t.Errorf("the last rule at %.2f mm, not on the bottom edge of the 版心 (262 mm)", rules[2].Y0/MM)
	}
	lines := linesOf(d.Pages[0], KindRecord)
	if len(lines) != 3 || !strings.HasPrefix(text(lines[0]), "抄送：") || text(lines[2]) != "鹤岭县工业和信息化局办公室2022年12月5日印发" {
		t.Fatalf("版记 lines %q", texts(lines))
	}
	cc0, cc1 := lines[0].Glyphs, lines[1].Glyphs
	if !near(cc0[0].X-g.Left, FootSize, 0.01) || !near(cc1[0].X, cc0[3].X, 0.01) || !near(g.right()-cc0[len(cc0)-1].X-cc0[len(cc0)-1].Width, FootSize, 0.05) {
		t.Errorf("抄送 not 1 字 in, or its runover not under the first name")
	}
	for _, l := range lines {
		if l.Baseline < rules[0].Y0 || l.Baseline > rules[2].Y0 || l.Glyphs[0].Style.Size != FootSize {
			t.Errorf("版记 line %q at %.2f outside its rules", text(l), l.Baseline)
		}
	}
}

// TestRecordPage: a 版记 that does not fit goes to the foot of a page of
// its own; a document printed on both sides puts it on an even page, after
// a blank page when the text ends on an even page; the blank page and the
// 版记's then carry no number (GB/T 9704 §7.5).
func TestRecordPage(t *testing.T) {
	for _, c := range []struct {
		lines  int // body text lines
		duplex bool
		pages  int
		blank  bool
	}{
		{21, true, 2, false},  // ends on page 1: the 版记 on page 2, numbered
		{44, true, 4, true},   // ends on page 2: page 3 blank, the 版记 on page 4
		{44, false, 3, false}, // one side: the 版记 on page 3, numbered
	} {
		ft := footBlock("县委办公室。")
		ft.Foot.Duplex = c.duplex
		d := layout(t, []Block{para(han(28*c.lines - 2)), ft})
		clean(t, d)
		if len(d.Pages) != c.pages {
			t.Fatalf("%d lines, duplex %v: %d pages, want %d", c.lines, c.duplex, len(d.Pages), c.pages)
		}
		last := d.Pages[len(d.Pages)-1]
		if !last.Record || len(linesOf(last, KindRecord)) != 2 || len(last.Lines) != 2 {
			t.Errorf("the last page holds %d lines, not the 版记 alone", len(last.Lines))
		}
		if blank := d.Pages[len(d.Pages)-2].Blank; blank != c.blank || (last.Folio == nil) != c.blank {
			t.Errorf("%d lines: blank page %v, 版记 page numbered %v", c.lines, blank, last.Folio != nil)
		}
	}
}

// TestAnnex: an annex starts a page: 附件N on line 1, its title on line
// 3, its text after a blank line; the numbering goes on.
func TestAnnex(t *testing.T) {
	g := GBT9704()
	blocks := []Block{titleBlock(), para(han(100))}
	for _, n := range []string{"附件1", "附件2"} {
		blocks = append(blocks, Block{Kind: KindAnnex, Runs: runs(n, RoleHei, 16)},
			Block{Kind: KindAnnexTitle, Align: AlignCenter, Runs: runs(n+"的标题", RoleTitle, 22)}, para(han(60)))
	}
	d := layout(t, blocks)
	clean(t, d)
	if len(d.Pages) != 3 || !d.Pages[0].PageBreak || d.Pages[2].Folio == nil {
		t.Fatalf("%d pages", len(d.Pages))
	}
	for i, p := range d.Pages[1:] {
		label, title := linesOf(p, KindAnnex), linesOf(p, KindAnnexTitle)
		if len(label) != 1 || text(label[0]) != []string{"附件1", "附件2"}[i] || label[0].Baseline != g.Baseline(0) || label[0].Glyphs[0].X != g.Left {
			t.Errorf("page %d: label %q", i+2, texts(label))
		}
		if len(title) != 1 || !near(title[0].Baseline-EmAscent*22, g.SlotTop(2), 0.01) || len(p.Marks) != 1 {
			t.Errorf("page %d: title not on line 3, or no bookmark", i+2)
		}
		if body := linesOf(p, KindParagraph); body[0].Baseline != g.Baseline(4) {
			t.Errorf("page %d: the annex's text starts at %.2f", i+2, body[0].Baseline)
		}
	}
}

// TestBriefHead: 密级 and 份号 on line 1, the red name, 期号, 编印单位 and
// date, the red rule; the title two blank lines under it.
func TestBriefHead(t *testing.T) {
	g := GBT9704()
	bh := &BriefHead{Secret: runs("内部资料", RoleHei, 16), Copy: runs("000050", RoleHei, 16), Name: red("鹤岭经济运行"),
		Issue: runs("第8期", RoleBody, 16), Editor: runs("鹤岭县统计局编", RoleBody, 16), Date: runs("2022年9月13日", RoleBody, 16)}
	d := layout(t, []Block{{Kind: KindBriefHead, BriefHead: bh}, titleBlock(), para(han(80))})
	clean(t, d)
	head := linesOf(d.Pages[0], KindBriefHead)
	if len(head) != 4 || text(head[0]) != "内部资料000050" || text(head[2]) != "第8期" || text(head[3]) != "鹤岭县统计局编2022年9月13日" {
		t.Fatalf("报头 %q", texts(head))
	}
	name := head[1]
	if s := name.Glyphs[0].Style.Size; s != IssuerMaxSize || name.Glyphs[0].Style.Color != Red || !near(name.Baseline-EmAscent*s, g.SlotTop(1), 0.01) {
		t.Errorf("name in %.1f pt %v at %.2f", s, name.Glyphs[0].Style.Color, name.Baseline)
	}
	if last := head[0].Glyphs[len(head[0].Glyphs)-1]; !near(last.X+last.Width, g.right(), 0.01) {
		t.Errorf("份号 not flush right")
	}
	rule := d.Pages[0].Rules[0]
	if !near(rule.Y0-(head[3].Baseline+(1-EmAscent)*16), RuleGap+RedRuleWidth/2, 0.01) || rule.Color != Red {
		t.Errorf("rule %+v", rule)
	}
}

// TestCheckFolioExemption: Check wants no number on the blank page and the
// 版记's page after it, and a number on every other page.
func TestCheckFolioExemption(t *testing.T) {
	d := layout(t, []Block{para(han(28*44 - 2)), footBlock("县委办公室。")})
	d.Pages[2].Folio = d.Pages[1].Folio
	d.Pages[1].Folio = nil
	var got []string
	for _, v := range Check(d) {
		got = append(got, v.String())
	}
	if len(got) != 2 || !strings.Contains(got[0], "page 2: folio: no page number") || !strings.Contains(got[1], "page 3: folio: numbered") {
		t.Errorf("violations %q", got)
	}
}
