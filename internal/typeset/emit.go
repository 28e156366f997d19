package typeset

import "strconv"

// emit places the units as the plan says and hands each page to out as
// soon as no later unit can add to it, in order. With reuse, a page's
// memory is used again for a later page once out returns.
func (l *layouter) emit(plan []choice, out func(*Page) error, reuse bool) error {
	e := &emitter{l: l, out: out, reuse: reuse}
	s, keep := 0, false
	for ui := range l.units {
		u := &l.units[ui]
		ch := plan[ui]
		r, _ := l.step(u, s, keep, ch.v, ch.mode, true)
		if r.forced {
			e.page(e.cur).PageBreak = true
		}
		switch {
		case u.kind == KindPageBreak:
		case u.fixed != nil:
			r.pages += e.fixed(u, e.cur+l.spots[0].page)
		case u.figure:
			e.figure(u, len(u.vars[ch.v].lines))
		case u.table != nil:
			sp := l.spots[0]
			u.table.place(l.g, sp.slot, tablePages{e, e.cur + sp.page, u})
		default:
			e.text(u, &u.vars[ch.v])
		}
		if e.err != nil {
			return e.err
		}
		e.cur += r.pages
		s, keep = r.next, r.keep
		e.flush(e.cur)
	}
	e.flush(e.base + len(e.pages))
	return e.err
}

// text puts the lines of a text unit set in setting set on their pages.
func (e *emitter) text(u *unit, set *setting) {
	g := e.l.g
	for i := range set.lines {
		lr := &set.lines[i]
		sp := e.l.spots[i]
		p := e.page(e.cur + sp.page)
		top := g.SlotTop(sp.slot)
		p.Lines = append(p.Lines, Line{
			Baseline: top + EmAscent*lr.size,
			Glyphs:   e.set(lr, p),
			Block:    u.block,
			Final:    lr.final,
			Kind:     u.kind,
		})
		if i == 0 && u.mark != nil {
			m := *u.mark
			m.Y = top
			p.Marks = append(p.Marks, m)
		}
	}
}

// figure puts the box of a figure of n grid lines on its page.
func (e *emitter) figure(u *unit, n int) {
	g := e.l.g
	sp := e.l.spots[0]
	p := e.page(e.cur + sp.page)
	top := g.SlotTop(sp.slot)
	p.Figures = append(p.Figures, PlacedFigure{X: g.Left, Y: top, Width: g.Width, Height: g.SlotTop(sp.slot+n) - top,
		Lines: n, Block: u.block, Ref: e.l.blocks[u.block].Ref})
}

// fixed puts a 版头, 报头, 版记 or 报尾 on page pi. A 版记 of a document
// printed on both sides that needs a page of its own goes on an even page,
// after a blank one when need be; fixed returns the pages it added.
func (e *emitter) fixed(u *unit, pi int) int {
	added := 0
	if u.kind == KindRecord {
		ft := e.l.blocks[u.block].Foot
		if ft.Duplex && pi > 0 && pi%2 == 0 && len(e.page(pi).Lines) == 0 {
			b := e.page(pi)
			b.Blank, b.PageBreak = true, true
			pi, added = pi+1, 1
		}
		e.page(pi).Record = true
	}
	p := e.page(pi)
	for _, fl := range u.fixed.lines {
		var gs []Glyph
		for i := range fl.refs {
			gs = append(gs, e.set(&fl.refs[i], p)...)
		}
		p.Lines = append(p.Lines, Line{Baseline: fl.baseline, Glyphs: gs, Block: u.block, Final: true, Kind: u.kind})
	}
	p.Rules = append(p.Rules, u.fixed.rules...)
	return added
}

type emitter struct {
	l         *layouter
	out       func(*Page) error
	err       error
	cur       int     // the page the next unit starts from
	base      int     // the index of pages[0]
	pages     []*Page // the pages not yet handed to out
	free      []*Page // pages handed out, to be used again
	prevBlank bool    // the last page handed out was blank
	reuse     bool    // use the memory of pages handed out again
	ws        []float64
	cuts      []float64
}

// page returns page i, which must not have been handed out.
func (e *emitter) page(i int) *Page {
	for e.base+len(e.pages) <= i {
		var p *Page
		if n := len(e.free); n > 0 {
			p, e.free = e.free[n-1], e.free[:n-1]
		} else {
			p = &Page{pool: make([]Glyph, 0, e.l.g.Lines*e.l.g.Chars+64)}
		}
		e.pages = append(e.pages, p)
	}
	return e.pages[i-e.base]
}

// flush hands the pages before page upto to out, numbered (GB/T 9704
// §7.5: not a blank page, nor the 版记 after one), and keeps them for use
// again.
func (e *emitter) flush(upto int) {
	for e.err == nil && len(e.pages) > 0 && e.base < upto {
		p := e.pages[0]
		p.Number = e.base + 1
		if !p.Blank && !(p.Record && e.prevBlank) {
			p.Folio, e.err = e.folio(p.Number)
		}
		e.prevBlank = p.Blank
		if e.err == nil {
			e.err = e.out(p)
		}
		e.pages, e.base = e.pages[1:], e.base+1
		if e.reuse {
			*p = Page{Lines: p.Lines[:0], Rules: p.Rules[:0], Marks: p.Marks[:0], Figures: p.Figures[:0], pool: p.pool[:0]}
			e.free = append(e.free, p)
		}
	}
}

// tablePages puts what a table places on the document's pages, handing
// out each page as the table leaves it.
type tablePages struct {
	e     *emitter
	first int
	u     *unit
}

func (t tablePages) line(page int, r lineRef, baseline float64) {
	t.e.flush(t.first + page)
	p := t.e.page(t.first + page)
	p.Lines = append(p.Lines, Line{Baseline: baseline, Glyphs: t.e.set(&r, p), Block: t.u.block, Final: r.final, Kind: KindTable})
}

func (t tablePages) rule(page int, r Rule) {
	t.e.flush(t.first + page)
	p := t.e.page(t.first + page)
	p.Rules = append(p.Rules, r)
}

// set positions the glyphs of a line. A line whose content exceeds its
// measure gets marks set half wide: the mark at its end first, then one of
// two adjacent marks, then others, from the end of the line. A justified
// line spreads what is left between all its glyphs.
func (e *emitter) set(r *lineRef, p *Page) []Glyph {
	sh := &e.l.sh
	gl := sh.gl
	lo, hi := int(r.lo), int(r.hi)
	li := hi - 1
	for li >= lo && gl[li].cls&cSpace != 0 {
		li--
	}
	if li < lo {
		return nil
	}
	m := li - lo + 1
	e.ws, e.cuts = grow(e.ws, m), grow(e.cuts, m)
	total := 0.0
	for t := lo; t <= li; t++ {
		e.ws[t-lo], e.cuts[t-lo] = gl[t].adv, 0
		total += gl[t].adv
	}
	excess := total - r.cap
	squeeze := func(t int) {
		s, _ := e.l.br.save(lo, li+1, t)
		if s == 0 || e.ws[t-lo] < gl[t].adv {
			return
		}
		e.ws[t-lo] -= s
		if gl[t].cls&cSqL != 0 {
			e.cuts[t-lo] = s
		}
		excess -= s
		total -= s
	}
	if excess > eps && gl[li].cls&cSqR != 0 {
		squeeze(li)
	}
	for pass := 0; pass < 2 && excess > eps; pass++ {
		for t := li - 1; t >= lo && excess > eps; t-- {
			if t == lo && gl[t].cls&cSqL != 0 {
				continue
			}
			if _, adj := e.l.br.save(lo, li+1, t); adj == (pass == 0) {
				squeeze(t)
			}
		}
	}
	gap := r.gap
	fixed := lo // glyphs before fixed keep the natural gap
	x := r.left
	if r.justify && m > 1 {
		fixed = lo + min(int(r.fixed), m-1)
		head, rest := 0.0, total // the fixed glyphs with their gaps; the others
		for t := lo; t < fixed; t++ {
			head += e.ws[t-lo] + r.gap
			rest -= e.ws[t-lo]
		}
		if n := li - fixed; n > 0 {
			gap = (r.phys - head - rest) / float64(n)
		}
	} else {
		w := total + float64(m-1)*gap
		switch r.align {
		case AlignCenter:
			x += (r.phys - w) / 2
		case AlignRight:
			x += r.phys - w
		}
	}
	start := len(p.pool)
	for t := lo; t <= li; t++ {
		g := &gl[t]
		w, cut := e.ws[t-lo], e.cuts[t-lo]
		if g.face >= 0 {
			p.pool = append(p.pool, Glyph{R: g.r, Face: int(g.face), Style: sh.styles[g.style], X: x - cut, Width: w, Cut: cut})
		}
		x += w
		if t < fixed {
			x += r.gap
		} else {
			x += gap
		}
	}
	return p.pool[start:len(p.pool):len(p.pool)]
}

// folio is the page number “— N —” (GB/T 9704 §7.5): 4号 with half-width
// digits and an em dash on each side, its em box FolioGap below the 版心,
// one 字 in from the right edge on odd pages and from the left on even.
func (e *emitter) folio(n int) (*Line, error) {
	g := e.l.g
	st := Style{Role: RoleFolio, Size: g.FolioSize}
	text := "— " + strconv.Itoa(n) + " —"
	glyphs := make([]Glyph, 0, len(text))
	x, w := 0.0, 0.0
	for _, r := range text {
		face, adv, ok := e.l.sh.s.Glyph(RoleFolio, r)
		switch {
		case ok:
			glyphs = append(glyphs, Glyph{R: r, Face: face, Style: st, X: x, Width: adv * st.Size})
			x += adv * st.Size
		case r == ' ':
			x += st.Size / 4
		default:
			return nil, &MissingGlyphError{R: r, Role: RoleFolio, Block: -1, Context: text}
		}
	}
	w = x
	x0 := g.Left + g.FolioInset()
	if n%2 == 1 {
		x0 = g.right() - g.FolioInset() - w
	}
	for i := range glyphs {
		glyphs[i].X += x0
	}
	return &Line{Baseline: g.FolioBaseline(), Glyphs: glyphs, Block: -1, Final: true}, nil
}
