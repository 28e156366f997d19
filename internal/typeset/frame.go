package typeset

import "math"

// The numbers of the frame, in points. GB/T 9704-2012 fixes the places;
// the sizes and strokes it leaves open are the common practice noted.
const (
	IssuerTop     = 35 * MM   // §7.2.4: top edge of the 发文机关标志 below the top of the 版心
	IssuerMaxSize = 42.0      // 初号: the largest 标志 or 简报 name (14.8 mm, under the 15 mm character height of GB/T 9704-1999)
	JointPitch    = 1.2       // baseline distance of the bodies of a joint 标志, in their size
	RuleGap       = 4 * MM    // §7.2.7: the red rule is 4 mm under the 发文字号
	RedRuleWidth  = 0.5 * MM  // the red rule: practice is 0.35–0.5 mm; the stronger end, above the 版记's 0.35 mm
	ThickRule     = 0.35 * MM // §7.4.1: first and last rule of the 版记
	ThinRule      = 0.25 * MM // §7.4.1: rules between
	FootSize      = 14.0      // §7.4.2–7.4.3: the 版记 in 4号
	headBlank     = 2         // 下空二行: blank lines under the 标志 and under the red rule (§7.2.5, §7.3.1)
)

// Head is the 版头 of a 公文 (GB/T 9704 §7.2). Lines in body size fall on
// the grid; the 发文机关标志 is red, in the title role, as large as fits the
// 版心 up to IssuerMaxSize, its top edge IssuerTop below the 版心.
type Head struct {
	Corner  [][]Run // 份号, 密级和保密期限, 紧急程度: one a grid line from line 1, flush left
	Issuers [][]Run // the bodies of the 发文机关标志, one a line (several: 联合行文)
	Mark    []Run   // “文件”: after a single body, or beside several, centred on them
	Number  []Run   // 发文字号: centred, or 1 字 from the left beside the 签发人
	Label   []Run   // “签发人：”
	Signers [][]Run // the names, two a line, runover under the first (§7.2.6)
}

// BriefHead is the 报头 of a 简报 (no standard; common practice): 密级 and
// 份号 on line 1, the red name, the 期号 under it, 编印单位 and date on one
// line, and the red rule.
type BriefHead struct {
	Secret, Copy []Run // top left and top right of line 1; optional
	Name         []Run // red, in the title role, as large as fits up to IssuerMaxSize
	Issue        []Run // 第N期, centred on the line under the name
	Editor, Date []Run // 1 字 from the left and from the right of one line
}

// fixedLay is a part of a page set at fixed places: the 版头 or 报头 at
// the top of page 1, the 版记 at the foot of the last page.
type fixedLay struct {
	lines []fixedLine
	rules []Rule
	slots int // grid lines it takes: from the top (head) or the bottom (foot)
}

// fixedLine is one baseline: pieces of text that share it.
type fixedLine struct {
	baseline float64
	refs     []lineRef
}

// piece shapes runs as one unbroken line of natural width.
func (l *layouter) piece(bi int, runs []Run, def Style) (lineRef, float64, error) {
	lo, hi, err := l.sh.shape(runs, def, bi)
	if err != nil || lo == hi {
		return lineRef{}, 0, err
	}
	w := 0.0
	for i := lo; i < hi; i++ {
		w += l.sh.gl[i].adv
	}
	size := l.sh.styles[l.sh.gl[lo].style].Size
	return lineRef{lo: int32(lo), hi: int32(hi), phys: w, cap: inf, size: size, align: AlignLeft, final: true}, w, nil
}

// at places a piece: left edge x, or centred in the 版心, or flush right
// at x (align AlignRight).
func (l *layouter) at(r lineRef, x float64, align Align) lineRef {
	switch align {
	case AlignCenter:
		r.left, r.phys, r.align = l.g.Left, l.g.Width, AlignCenter
	case AlignRight:
		r.left = x - r.phys
	default:
		r.left = x
	}
	return r
}

// emWidth is the width of runs at size 1, from the Shaper's advances.
func (l *layouter) emWidth(runs []Run, role Role) float64 {
	w := 0.0
	for _, r := range runs {
		ro := r.Role
		if ro == "" {
			ro = role
		}
		for _, c := range r.Text {
			if _, adv, ok := l.sh.s.Glyph(ro, c); ok {
				w += adv
			}
		}
	}
	return w
}

// sized returns runs in size s.
func sized(runs []Run, s float64) []Run {
	out := make([]Run, len(runs))
	for i, r := range runs {
		out[i] = r
		out[i].Size = s
	}
	return out
}

// fitSize is the largest size, in half points up to IssuerMaxSize, at
// which em ems fill no more than the 版心's width.
func (l *layouter) fitSize(em float64) float64 {
	if em <= 0 {
		return IssuerMaxSize
	}
	return min(IssuerMaxSize, math.Floor(l.g.Width/em*2)/2)
}

// slotBelow is the first grid line whose top is at or below y.
func (l *layouter) slotBelow(y float64) int {
	return int(math.Ceil((y-l.g.Top)/l.g.Pitch() - 1e-6))
}

// redRule adds the red rule RuleGap under y and returns the grid line
// the title goes on: two blank lines under the rule.
func (l *layouter) redRule(f *fixedLay, y float64) {
	g := l.g
	ry := y + RuleGap + RedRuleWidth/2
	f.rules = append(f.rules, Rule{X0: g.Left, Y0: ry, X1: g.right(), Y1: ry, Width: RedRuleWidth, Color: Red})
	f.slots = l.slotBelow(ry+RedRuleWidth/2) + headBlank
}

// line adds pieces on the baseline of grid line slot.
func (f *fixedLay) line(baseline float64, refs ...lineRef) {
	var keep []lineRef
	for _, r := range refs {
		if r.hi > r.lo {
			keep = append(keep, r)
		}
	}
	if len(keep) > 0 {
		f.lines = append(f.lines, fixedLine{baseline: baseline, refs: keep})
	}
}

// corner sets lines flush left from line 1 and returns the next line.
func (l *layouter) corner(bi int, f *fixedLay, lines [][]Run) (int, error) {
	k := 0
	for _, runs := range lines {
		r, _, err := l.piece(bi, runs, l.defStyle(KindHead))
		if err != nil {
			return 0, err
		}
		if r.hi == r.lo {
			continue
		}
		f.line(l.g.Baseline(k), l.at(r, l.g.Left, AlignLeft))
		k++
	}
	return k, nil
}

// head lays out the 版头 of a 公文 (GB/T 9704 §7.2): the corner lines, the
// 标志 IssuerTop below the top of the 版心, the 发文字号 and 签发人 two
// blank lines under it, the red rule RuleGap under them.
func (l *layouter) head(bi int, h *Head) (*fixedLay, error) {
	f := &fixedLay{}
	k, err := l.corner(bi, f, h.Corner)
	if err != nil {
		return nil, err
	}
	bottom := l.g.Top
	if k > 0 {
		bottom = l.g.SlotTop(k-1) + l.g.BodySize
	}
	if len(h.Issuers) > 0 {
		if bottom, err = l.issuers(bi, f, h); err != nil {
			return nil, err
		}
	}
	if bottom, err = l.numberRows(bi, f, h, bottom); err != nil {
		return nil, err
	}
	l.redRule(f, bottom)
	return f, nil
}

// issuers sets the 发文机关标志 and returns its bottom edge: one body and
// its Mark on a line, centred; several bodies by joint.
func (l *layouter) issuers(bi int, f *fixedLay, h *Head) (float64, error) {
	top := l.g.Top + IssuerTop
	if len(h.Issuers) > 1 {
		return l.joint(bi, f, h, top)
	}
	runs := append(append([]Run(nil), h.Issuers[0]...), h.Mark...)
	s := l.fitSize(l.emWidth(runs, RoleTitle))
	r, _, err := l.piece(bi, sized(runs, s), l.defStyle(KindTitle))
	f.line(top+EmAscent*s, l.at(r, 0, AlignCenter))
	return top + s, err
}

// joint sets the bodies of a joint 标志 (联合行文) one under another, each
// spread to the width of the longest, and the Mark to their right as tall
// as their block and centred on it; the whole is centred in the 版心.
func (l *layouter) joint(bi int, f *fixedLay, h *Head, top float64) (float64, error) {
	n := float64(len(h.Issuers))
	widest := 0.0
	for _, b := range h.Issuers {
		widest = max(widest, l.emWidth(b, RoleTitle))
	}
	grow, gap := JointPitch*(n-1)+1, 0.5 // the Mark's size and the space before it, in the bodies' size
	em := widest
	if markW := l.emWidth(h.Mark, RoleTitle); markW > 0 {
		em += gap + markW*grow
	}
	s := l.fitSize(em)
	x := l.g.Left + (l.g.Width-em*s)/2
	def := l.defStyle(KindTitle)
	for i, b := range h.Issuers {
		r, _, err := l.piece(bi, sized(b, s), def)
		if err != nil {
			return 0, err
		}
		r.left, r.phys, r.justify, r.align = x, widest*s, r.hi-r.lo > 1, AlignJustify
		f.line(top+EmAscent*s+float64(i)*JointPitch*s, r)
	}
	if len(h.Mark) == 0 {
		return top + s + (n-1)*JointPitch*s, nil
	}
	r, _, err := l.piece(bi, sized(h.Mark, s*grow), def)
	f.line(top+EmAscent*s*grow, l.at(r, x+(widest+gap)*s, AlignLeft))
	return top + s*grow, err
}

// numberRows sets the 发文字号, and the 签发人 of an upward document, two
// blank lines under bottom (the 标志): alone, the 发文字号 is centred;
// with 签发人 it is 1 字 from the left on the line of the last names
// (§7.2.5–7.2.6). It returns the bottom of the last line set.
func (l *layouter) numberRows(bi int, f *fixedLay, h *Head, bottom float64) (float64, error) {
	if len(h.Number) == 0 && len(h.Signers) == 0 {
		return bottom, nil
	}
	g := l.g
	k := 0
	if bottom > g.Top {
		k = l.slotBelow(bottom) + headBlank
	}
	num, _, err := l.piece(bi, h.Number, l.defStyle(KindHead))
	if err != nil {
		return 0, err
	}
	if len(h.Signers) == 0 {
		f.line(g.Baseline(k), l.at(num, 0, AlignCenter))
		return g.SlotTop(k) + g.BodySize, nil
	}
	rows, err := l.signers(bi, h)
	if err != nil {
		return 0, err
	}
	for i, row := range rows {
		if i == len(rows)-1 {
			row = append([]lineRef{l.at(num, g.Left+g.CharWidth(), AlignLeft)}, row...)
		}
		f.line(g.Baseline(k+i), row...)
	}
	return g.SlotTop(k+len(rows)-1) + g.BodySize, nil
}

// signers sets “签发人：” and the names two a line, the block 1 字 from
// the right, runover names under the first (§7.2.6).
func (l *layouter) signers(bi int, h *Head) ([][]lineRef, error) {
	def := l.defStyle(KindHead)
	label, lw, err := l.piece(bi, h.Label, def)
	if err != nil {
		return nil, err
	}
	var names []lineRef
	nw := 0.0
	for _, s := range h.Signers {
		r, w, err := l.piece(bi, s, def)
		if err != nil {
			return nil, err
		}
		names, nw = append(names, r), max(nw, w)
	}
	one := l.g.CharWidth()
	cols := float64(min(2, len(names)))
	x0 := l.g.right() - one - (lw + cols*nw + (cols-1)*one)
	rows := [][]lineRef{{l.at(label, x0, AlignLeft)}}
	for i, r := range names {
		if i > 0 && i%2 == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], l.at(r, x0+lw+float64(i%2)*(nw+one), AlignLeft))
	}
	return rows, nil
}

// briefHead lays out the 报头 of a 简报: 密级 and 份号 on line 1, the
// name from the top of the next line, the 期号 on the first line under
// it, 编印单位 and date on the next, and the red rule RuleGap under them.
func (l *layouter) briefHead(bi int, b *BriefHead) (*fixedLay, error) {
	f, g, def := &fixedLay{}, l.g, l.defStyle(KindBriefHead)
	one := g.CharWidth()
	sec, _, err1 := l.piece(bi, b.Secret, def)
	cp, _, err2 := l.piece(bi, b.Copy, def)
	k := 0
	if sec.hi > sec.lo || cp.hi > cp.lo {
		f.line(g.Baseline(0), l.at(sec, g.Left, AlignLeft), l.at(cp, g.right(), AlignRight))
		k = 1
	}
	bottom := g.SlotTop(k)
	if len(b.Name) > 0 {
		s := l.fitSize(l.emWidth(b.Name, RoleTitle))
		r, _, err := l.piece(bi, sized(b.Name, s), l.defStyle(KindTitle))
		if err != nil {
			return nil, err
		}
		f.line(bottom+EmAscent*s, l.at(r, 0, AlignCenter))
		bottom += s
	}
	k = l.slotBelow(bottom)
	iss, _, err3 := l.piece(bi, b.Issue, def)
	if iss.hi > iss.lo {
		f.line(g.Baseline(k), l.at(iss, 0, AlignCenter))
		bottom, k = g.SlotTop(k)+g.BodySize, k+1
	}
	ed, _, err4 := l.piece(bi, b.Editor, def)
	date, _, err5 := l.piece(bi, b.Date, def)
	if ed.hi > ed.lo || date.hi > date.lo {
		f.line(g.Baseline(k), l.at(ed, g.Left+one, AlignLeft), l.at(date, g.right()-one, AlignRight))
		bottom = g.SlotTop(k) + g.BodySize
	}
	l.redRule(f, bottom)
	return f, firstErr(err1, err2, err3, err4, err5)
}

// firstErr is the first error that is not nil.
func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
