package typeset

import "strconv"

// emit places the units as the plan says and builds the Document.
func (l *layouter) emit(plan []choice) (*Document, error) {
	g := l.g
	e := &emitter{l: l, doc: &Document{Geometry: g}}
	e.pool = make([]Glyph, 0, len(l.sh.gl)+8)
	cur, s, keep := 0, 0, false
	for ui := range l.units {
		u := &l.units[ui]
		ch := plan[ui]
		r, _ := l.step(u, s, keep, ch.v, ch.mode, true)
		if r.forced {
			e.page(cur).PageBreak = true
		}
		switch {
		case u.kind == KindPageBreak:
		case u.fixed != nil:
			r.pages += e.fixed(u, cur+l.spots[0].page)
		case u.table != nil:
			sp := l.spots[0]
			u.table.place(g, sp.slot, tablePages{e, cur + sp.page, u})
		default:
			for i := range u.vars[ch.v].lines {
				lr := &u.vars[ch.v].lines[i]
				sp := l.spots[i]
				p := e.page(cur + sp.page)
				top := g.SlotTop(sp.slot)
				p.Lines = append(p.Lines, Line{
					Baseline: top + EmAscent*lr.size,
					Glyphs:   e.set(lr),
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
		cur += r.pages
		s, keep = r.next, r.keep
	}
	for i := range e.doc.Pages {
		p := &e.doc.Pages[i]
		p.Number = i + 1
		if Unnumbered(e.doc, i) {
			continue // GB/T 9704 §7.5
		}
		f, err := e.folio(p.Number)
		if err != nil {
			return nil, err
		}
		p.Folio = f
	}
	return e.doc, nil
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
			gs = append(gs, e.set(&fl.refs[i])...)
		}
		p.Lines = append(p.Lines, Line{Baseline: fl.baseline, Glyphs: gs, Block: u.block, Final: true, Kind: u.kind})
	}
	p.Rules = append(p.Rules, u.fixed.rules...)
	return added
}

type emitter struct {
	l    *layouter
	doc  *Document
	pool []Glyph
	ws   []float64
	cuts []float64
}

func (e *emitter) page(i int) *Page {
	for len(e.doc.Pages) <= i {
		e.doc.Pages = append(e.doc.Pages, Page{})
	}
	return &e.doc.Pages[i]
}

// tablePages puts what a table places on the document's pages.
type tablePages struct {
	e     *emitter
	first int
	u     *unit
}

func (t tablePages) line(page int, r lineRef, baseline float64) {
	p := t.e.page(t.first + page)
	p.Lines = append(p.Lines, Line{Baseline: baseline, Glyphs: t.e.set(&r), Block: t.u.block, Final: r.final, Kind: KindTable})
}

func (t tablePages) rule(page int, r Rule) {
	p := t.e.page(t.first + page)
	p.Rules = append(p.Rules, r)
}

// set positions the glyphs of a line. A line whose content exceeds its
// measure gets marks set half wide: the mark at its end first, then one of
// two adjacent marks, then others, from the end of the line. A justified
// line spreads what is left between all its glyphs.
func (e *emitter) set(r *lineRef) []Glyph {
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
	start := len(e.pool)
	for t := lo; t <= li; t++ {
		g := &gl[t]
		w, cut := e.ws[t-lo], e.cuts[t-lo]
		if g.face >= 0 {
			e.pool = append(e.pool, Glyph{R: g.r, Face: int(g.face), Style: sh.styles[g.style], X: x - cut, Width: w, Cut: cut})
		}
		x += w
		if t < fixed {
			x += r.gap
		} else {
			x += gap
		}
	}
	return e.pool[start:len(e.pool):len(e.pool)]
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
