package typeset

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// lineRef is a line before it is placed on a page: glyphs lo..hi of the
// shaper, and how to set them.
type lineRef struct {
	lo, hi  int32
	left    float64 // left edge of the measure
	phys    float64 // width of the measure
	cap     float64 // content it holds (the squeeze target)
	gap     float64 // natural space between glyphs
	size    float64 // type size, for the baseline
	align   Align
	justify bool  // spread to the full measure
	final   bool  // the last line of its block (attachment, cell)
	fixed   int32 // leading glyphs set at natural spacing (“附件：1. ”), the rest justified after them
}

// unit is a block ready for pagination: its settings (the best first) and
// how it may fall on pages.
type unit struct {
	block       int
	kind        Kind
	vars        []setting
	spaceBefore int  // blank grid lines before, dropped at the top of a page
	spaceAfter  int  // blank grid lines after, dropped at the bottom of a page
	together    bool // all lines on one page
	keepNext    bool // on the same page as the next block's first line
	noTop       bool // never at the top of a page (the closing block)
	newPage     bool // always at the top of a page (an annex)
	table       *tableLay
	fixed       *fixedLay // the 版头 or 报头 (top of page 1), the 版记 or 报尾 (foot of the last page)
	figure      bool      // a figure: its setting's lines are empty grid lines
	mark        *Mark
}

type setting struct {
	lines []lineRef
	cost  float64
}

type layouter struct {
	g      Geometry
	sh     shaper
	br     breaker
	blocks []Block
	units  []unit
	spots  []spot
}

// Layout breaks blocks into lines and pages on the grid of g. Shaper s
// supplies faces and advances; a character no face has is a
// *MissingGlyphError. It is Prepare and Plan.Document.
func Layout(blocks []Block, g Geometry, s Shaper) (*Document, error) {
	p, err := Prepare(blocks, g, s)
	if err != nil {
		return nil, err
	}
	return p.Document()
}

// Plan is a layout decided but not yet set: every block shaped and broken
// into lines, every line given its page. Its memory grows with the text
// (a few tens of bytes a character); the glyphs placed on a page (about
// 70 bytes a character) are made by Emit one page at a time.
type Plan struct {
	l      *layouter
	choice []choice
	pages  int // set by the last Emit
}

// Prepare does the work of Layout but placing the glyphs: it shapes,
// breaks and paginates, and finds every error Layout would.
func Prepare(blocks []Block, g Geometry, s Shaper) (*Plan, error) {
	if s == nil {
		return nil, errors.New("typeset: no Shaper")
	}
	if g.Lines < 2 || g.Chars < 2 || g.BodySize <= 0 || g.Width <= 0 || g.Height <= 0 {
		return nil, fmt.Errorf("typeset: unusable geometry %+v", g)
	}
	if g.TitleSize <= 0 {
		g.TitleSize = g.BodySize
	}
	if g.FolioSize <= 0 {
		g.FolioSize = g.BodySize
	}
	l := &layouter{g: g, blocks: blocks}
	l.sh = shaper{s: s, index: map[Style]uint16{}}
	l.br.sh = &l.sh
	n := 0
	for i := range blocks {
		for _, r := range blocks[i].Runs {
			n += len(r.Text)
		}
	}
	l.sh.gl = make([]sg, 0, n/3+64)
	l.sh.pen = make([]float64, 0, n/3+64)
	l.units = make([]unit, 0, len(blocks))
	if err := l.layUnits(); err != nil {
		return nil, err
	}
	if err := l.folioGlyphs(); err != nil {
		return nil, err
	}
	return &Plan{l: l, choice: l.paginate()}, nil
}

// Geometry is the geometry the plan lays out on.
func (p *Plan) Geometry() Geometry { return p.l.g }

// Emit sets the glyphs of each page and hands the pages to out in order.
// A page and what it holds are valid only until out returns: Emit uses
// their memory again for later pages. An error from out stops Emit.
func (p *Plan) Emit(out func(*Page) error) error {
	n := 0
	err := p.l.emit(p.choice, func(pg *Page) error {
		n++
		return out(pg)
	}, true)
	p.pages = n
	return err
}

// Pages is the number of pages the last Emit handed out.
func (p *Plan) Pages() int { return p.pages }

// Count sets every page, keeps none, and returns how many there are.
func (p *Plan) Count() (int, error) {
	err := p.Emit(func(*Page) error { return nil })
	return p.pages, err
}

// Document sets every page and returns them all.
func (p *Plan) Document() (*Document, error) {
	doc := &Document{Geometry: p.l.g}
	err := p.l.emit(p.choice, func(pg *Page) error {
		doc.Pages = append(doc.Pages, *pg)
		return nil
	}, false)
	if err != nil {
		return nil, err
	}
	return doc, nil
}

// Lines returns the text of the lines of the blocks of kind k, as they
// are set, in order (the title's lines, for a page that breaks the title
// where the PDF does).
func (p *Plan) Lines(k Kind) []string {
	var out []string
	for ui := range p.l.units {
		u := &p.l.units[ui]
		if u.kind != k || len(u.vars) == 0 {
			continue
		}
		for _, lr := range u.vars[p.choice[ui].v].lines {
			out = append(out, p.l.sh.text(int(lr.lo), int(lr.hi)))
		}
	}
	return out
}

// Chars calls fn with each face and character the pages draw (spaces
// aside) and about how often: the page numbers' characters count once.
// The calls come in no particular order.
func (p *Plan) Chars(fn func(face int, r rune, n int)) {
	counts := map[faceRune]int{}
	for k, n := range p.l.sh.dropped {
		counts[k] = n
	}
	for i := range p.l.sh.gl {
		g := &p.l.sh.gl[i]
		if g.face >= 0 && g.r != ' ' && g.r != '\u3000' {
			counts[faceRune{g.face, g.r}]++
		}
	}
	for _, r := range folioChars {
		if face, _, ok := p.l.sh.s.Glyph(RoleFolio, r); ok {
			counts[faceRune{int32(face), r}]++
		}
	}
	for k, n := range counts {
		fn(int(k.face), k.r, n)
	}
}

// folioChars are the characters of page numbers, “— 12 —”.
const folioChars = "—0123456789"

// folioGlyphs checks that the fonts have the characters of page numbers.
func (l *layouter) folioGlyphs() error {
	for _, r := range folioChars {
		if _, _, ok := l.sh.s.Glyph(RoleFolio, r); !ok {
			return &MissingGlyphError{R: r, Role: RoleFolio, Block: -1, Context: "— 1 —"}
		}
	}
	return nil
}

func (l *layouter) defStyle(k Kind) Style {
	if k == KindTitle || k == KindAnnexTitle {
		return Style{Role: RoleTitle, Size: l.g.TitleSize}
	}
	return Style{Role: RoleBody, Size: l.g.BodySize}
}

// measureFor is the measure of a block set in size with a first-line
// indent of indent 字 (in a measure from x to x+w).
func (l *layouter) measureFor(size, indent, x, w float64) (m measure, firstLeft, firstPhys float64) {
	g := l.g
	if abs(size-g.BodySize) < 0.01 && abs(w-g.Width) < 0.01 {
		m.gap, m.em = g.gap(), g.BodySize
		ind := indent * g.cell()
		m.capFirst = contentCap(w-ind, m.gap, m.em)
		m.capRest = contentCap(w, m.gap, m.em)
		return m, x + ind, w - ind
	}
	m.em = size
	ind := indent * size
	m.capFirst, m.capRest = w-ind, w
	return m, x + ind, w - ind
}

func (l *layouter) unit(bi int) error {
	b := &l.blocks[bi]
	u := unit{block: bi, kind: b.Kind}
	var err error
	switch b.Kind {
	case KindPageBreak:
	case KindTable:
		if b.Table == nil {
			return nil
		}
		u.table, err = l.tableLayout(bi, b.Table)
	case KindClosing:
		if b.Closing == nil {
			return nil
		}
		u.vars, err = l.closing(bi, b.Closing)
		u.spaceBefore, u.together, u.noTop = 1, true, true
	case KindAttachments:
		u.vars, err = l.attachments(bi, b)
		u.spaceBefore = 1
	case KindTitle:
		u.vars, err = l.title(bi, b)
		u.together, u.spaceAfter = true, 1
	case KindHead, KindBriefHead, KindRecord:
		u.fixed, err = l.frame(bi, b)
	case KindFigure:
		if b.Figure == nil || b.Figure.Lines < 1 {
			return nil
		}
		n := min(b.Figure.Lines, l.g.Lines-1)
		set := setting{lines: make([]lineRef, n)}
		for i := range set.lines {
			set.lines[i].final = true
		}
		u.vars, u.figure = []setting{set}, true
		u.together, u.keepNext = true, true
	case KindAnnex:
		u.vars, err = l.text(bi, b)
		u.together, u.keepNext, u.newPage, u.spaceAfter = true, true, true, 1
	case KindAnnexTitle:
		u.vars, err = l.title(bi, b)
		u.together, u.spaceAfter = true, 1
		u.mark = &Mark{Title: markTitle(b), Level: 1, Ref: b.Ref}
	default:
		u.vars, err = l.text(bi, b)
		if bi > 0 && l.blocks[bi-1].Kind == KindFigure && len(u.vars) > 1 {
			// A figure's caption is set as it is best, on one page.
			u.vars, u.together = u.vars[:1], true
		}
		if b.Kind == KindHeading {
			u.together, u.keepNext = true, true
		}
		if b.Kind == KindHeading || b.Kind == KindParagraph && b.Lead > 0 {
			u.mark = &Mark{Title: markTitle(b), Level: b.Level, Ref: b.Ref}
		}
	}
	if err != nil {
		return err
	}
	if u.kind != KindPageBreak && u.table == nil && u.fixed == nil && len(u.vars) == 0 {
		return nil // nothing to set
	}
	l.units = append(l.units, u)
	return nil
}

// frame lays out the 版头, 报头, 版记 or 报尾 of block bi.
func (l *layouter) frame(bi int, b *Block) (*fixedLay, error) {
	switch {
	case b.Kind == KindHead && b.Head != nil:
		return l.head(bi, b.Head)
	case b.Kind == KindBriefHead && b.BriefHead != nil:
		return l.briefHead(bi, b.BriefHead)
	case b.Kind == KindRecord && b.Foot != nil:
		return l.foot(bi, b.Foot)
	}
	return nil, nil
}

// markTitle is the text of a heading block, or of a paragraph's run-in
// heading, for its bookmark.
func markTitle(b *Block) string {
	runs := b.Runs
	if b.Kind == KindParagraph && b.Lead < len(runs) {
		runs = runs[:b.Lead]
	}
	var s strings.Builder
	for _, r := range runs {
		s.WriteString(r.Text)
	}
	return strings.TrimSpace(s.String())
}

// text sets a paragraph, heading or 主送机关.
func (l *layouter) text(bi int, b *Block) ([]setting, error) {
	def := l.defStyle(b.Kind)
	lo, hi, err := l.sh.shape(b.Runs, def, bi)
	if err != nil || lo == hi {
		return nil, err
	}
	size := l.sh.styles[l.sh.gl[lo].style].Size
	m, fl, fp := l.measureFor(size, b.Indent, l.g.Left, l.g.Width)
	best, fewer, more := l.br.run(lo, hi, m)
	mk := func(v variant) setting {
		return setting{lines: l.refs(lo, v.ends, m, fl, fp, l.g.Left, l.g.Width, size, b.Align), cost: v.cost}
	}
	sets := []setting{mk(best)}
	for _, v := range []variant{fewer, more} {
		if v.ends != nil && v.cost < costOrphan {
			sets = append(sets, mk(v))
		}
	}
	return sets, nil
}

// refs turns line ends into lines of a block whose first line is set from
// fl over fp points and the others from x over w.
func (l *layouter) refs(lo int, ends []int32, m measure, fl, fp, x, w, size float64, align Align) []lineRef {
	out := make([]lineRef, len(ends))
	start := int32(lo)
	for i, e := range ends {
		r := lineRef{lo: start, hi: e, left: x, phys: w, cap: m.capRest, gap: m.gap, size: size, align: align}
		if i == 0 {
			r.left, r.phys, r.cap = fl, fp, m.capFirst
		}
		// A forced line break (a newline in the text) ends a paragraph as
		// far as a reader is concerned.
		r.final = i == len(ends)-1 || l.sh.pen[e] == penMust
		r.justify = align == AlignJustify && !r.final
		out[i] = r
		start = e
	}
	return out
}

// closing sets 发文机关署名 and 成文日期 of an unsealed document (GB/T 9704
// §7.3.5.2): the 署名 2 字 from the right edge, the date on the next line
// starting 2 字 right of the 署名's first character; when the date is the
// longer, the date keeps 2 字 from the right and the 署名 moves left with it.
func (l *layouter) closing(bi int, c *Closing) ([]setting, error) {
	def := l.defStyle(KindClosing)
	st := c.Style
	if st.Role == "" {
		st.Role = def.Role
	}
	if st.Size == 0 {
		st.Size = def.Size
	}
	g := l.g
	var lines []lineRef
	var widths []float64
	for _, s := range []string{strings.TrimSpace(c.Org), strings.TrimSpace(c.Date)} {
		lo, hi, err := l.sh.shape([]Run{{Text: s, Style: st}}, def, bi)
		if err != nil {
			return nil, err
		}
		m, _, _ := l.measureFor(st.Size, 0, g.Left, g.Width)
		w := 0.0
		for i := lo; i < hi; i++ {
			w += l.sh.gl[i].adv
		}
		if hi > lo {
			w += float64(hi-lo-1) * m.gap
		}
		widths = append(widths, w)
		lines = append(lines, lineRef{lo: int32(lo), hi: int32(hi), phys: w, cap: inf, gap: m.gap, size: st.Size, align: AlignLeft, final: true})
	}
	two := 2 * g.CharWidth()
	orgX := g.right() - two - widths[0]
	dateX := orgX + two
	if widths[1] > widths[0] {
		dateX = g.right() - two - widths[1]
		orgX = dateX - two
	}
	lines[0].left, lines[1].left = max(orgX, g.Left), max(dateX, g.Left)
	var out []lineRef
	for _, r := range lines {
		if r.hi > r.lo {
			out = append(out, r)
		}
	}
	if len(out) == 0 {
		return nil, nil
	}
	return []setting{{lines: out}}, nil
}

// attachments sets 附件说明 (GB/T 9704 §7.3.4): indented 2 字, “附件：1. 名称”
// (a space after the number, so that “1. 2022年…” does not read as 1.2022),
// each attachment on its own lines, the next number under the first,
// runover lines aligned with the name, no number when there is one
// attachment. Trailing punctuation of a name is dropped: the standard
// wants none.
func (l *layouter) attachments(bi int, b *Block) ([]setting, error) {
	def := l.defStyle(KindAttachments)
	st := def
	if len(b.Runs) > 0 {
		if b.Runs[0].Role != "" {
			st.Role = b.Runs[0].Role
		}
		if b.Runs[0].Size != 0 {
			st.Size = b.Runs[0].Size
		}
	}
	var names []string
	for _, a := range b.Attachments {
		a = strings.TrimRight(strings.TrimSpace(a), "，。；、：,.;: ")
		if a != "" {
			names = append(names, a)
		}
	}
	g := l.g
	m, _, _ := l.measureFor(st.Size, 0, g.Left, g.Width)
	indent := 2 * g.cell()
	if m.gap == 0 {
		indent = 2 * st.Size
	}
	var out []lineRef
	var prefixX float64 // where the numbers start, after “附件：”
	for i, name := range names {
		prefix := ""
		if i == 0 {
			prefix = "附件："
		}
		if len(names) > 1 {
			prefix += strconv.Itoa(i+1) + ". "
		}
		lo, hi, err := l.sh.shape([]Run{{Text: prefix + name, Style: st}}, def, bi)
		if err != nil {
			return nil, err
		}
		np := len([]rune(prefix))
		for p := lo + 1; p <= lo+np && p < hi; p++ {
			l.sh.pen[p] = penNever // the prefix stays together
		}
		if i == 0 {
			prefixX = g.Left + indent
			for p := lo; p < lo+3 && p < hi; p++ {
				prefixX += l.sh.gl[p].adv + m.gap
			}
		}
		first := prefixX
		if i == 0 {
			first = g.Left + indent
		}
		nameX := first
		for p := lo; p < lo+np && p < hi; p++ {
			nameX += l.sh.gl[p].adv + m.gap
		}
		fp, rp := g.right()-first, g.right()-nameX
		mm := m
		mm.capFirst, mm.capRest = contentCap(fp, m.gap, m.em), contentCap(rp, m.gap, m.em)
		best, _, _ := l.br.run(lo, hi, mm)
		lines := l.refs(lo, best.ends, mm, first, fp, nameX, rp, st.Size, AlignJustify)
		lines[0].fixed = int32(np)
		out = append(out, lines...)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return []setting{{lines: out}}, nil
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
