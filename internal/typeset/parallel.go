package typeset

// Two goroutines lay out a long report's paragraphs.
//
// Shaping and breaking a block (unit) depends on no other block: only the
// glyphs go into one slice, in block order, and the lines refer to them by
// index. layUnits lets a second goroutine lay out the second half of the
// longest stretch of plain text blocks (paragraphs, headings: the default
// of unit) with a shaper of its own, while the caller lays out the blocks
// before it; join then appends its glyphs and units after the caller's,
// with its styles numbered as the caller's shaper numbers them, and the
// caller lays out the blocks after. The glyphs, styles and lines come out
// exactly as one goroutine makes them, so the layout is the same.

// parallelText is the text, in bytes, below which one goroutine lays out
// all the blocks: a second one would cost more than it saves.
var parallelText = 6000

// layUnits makes the units of every block, in order.
func (l *layouter) layUnits() error {
	m, k := l.split()
	if m >= k {
		return l.unitRange(0, len(l.blocks))
	}
	f := l.fork(k - m)
	var errF error
	var panicked any
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer func() { panicked = recover() }()
		errF = f.unitRange(m, k)
	}()
	err := l.unitRange(0, m)
	<-done
	if panicked != nil {
		panic(panicked)
	}
	if err != nil {
		return err
	}
	if errF != nil {
		return errF
	}
	if !l.join(f) {
		// A block the fork was not meant to lay out: lay out its range
		// again here.
		if err := l.unitRange(m, k); err != nil {
			return err
		}
	}
	return l.unitRange(k, len(l.blocks))
}

// unitRange makes the units of blocks lo..hi-1.
func (l *layouter) unitRange(lo, hi int) error {
	for i := lo; i < hi; i++ {
		if err := l.unit(i); err != nil {
			return err
		}
	}
	return nil
}

// plainText reports whether unit lays out a block of kind k as text (its
// default): shaped and broken into lines, with no table, frame or figure.
func plainText(k Kind) bool {
	switch k {
	case KindPageBreak, KindTable, KindClosing, KindAttachments, KindTitle, KindHead, KindBriefHead,
		KindRecord, KindFigure, KindAnnex, KindAnnexTitle:
		return false
	}
	return true
}

// split returns the blocks m..k-1 that a second goroutine lays out: the
// second half, by text, of the longest stretch of plain text blocks, so
// that the blocks before m are about as much text; m >= k when the text
// is too short to share.
func (l *layouter) split() (m, k int) {
	weight := func(b *Block) int {
		n := 0
		for _, r := range b.Runs {
			n += len(r.Text)
		}
		return n
	}
	total, bestW, bestA, bestB := 0, 0, 0, 0
	for a := 0; a < len(l.blocks); {
		if !plainText(l.blocks[a].Kind) {
			total += weight(&l.blocks[a])
			a++
			continue
		}
		b, w := a, 0
		for ; b < len(l.blocks) && plainText(l.blocks[b].Kind); b++ {
			w += weight(&l.blocks[b])
		}
		if w > bestW {
			bestW, bestA, bestB = w, a, b
		}
		total += w
		a = b
	}
	if total < parallelText {
		return 0, 0
	}
	// Text before the stretch, then the stretch's blocks, until what is
	// left of the stretch is no more than what comes before it.
	before := 0
	for i := 0; i < bestA; i++ {
		before += weight(&l.blocks[i])
	}
	rest := bestW
	m = bestA
	for m < bestB && before < rest {
		w := weight(&l.blocks[m])
		before, rest = before+w, rest-w
		m++
	}
	return m, bestB
}

// fork is a layouter for some of l's blocks, with a shaper of its own,
// for about text bytes of them.
func (l *layouter) fork(blocks int) *layouter {
	f := &layouter{g: l.g, blocks: l.blocks}
	f.sh = shaper{s: l.sh.s, index: map[Style]uint16{}}
	f.br.sh = &f.sh
	f.units = make([]unit, 0, blocks)
	return f
}

// join appends the glyphs and units of f after l's. It reports false,
// leaving l as it was, when f has a unit that is not plain text (whose
// table or frame would refer to f's shaper).
func (l *layouter) join(f *layouter) bool {
	for i := range f.units {
		if f.units[i].table != nil || f.units[i].fixed != nil {
			return false
		}
	}
	remap := make([]uint16, len(f.sh.styles))
	for j, st := range f.sh.styles {
		remap[j] = l.sh.style(st)
	}
	off := int32(len(l.sh.gl))
	for _, g := range f.sh.gl {
		g.style = remap[g.style]
		l.sh.gl = append(l.sh.gl, g)
	}
	l.sh.pen = append(l.sh.pen, f.sh.pen...)
	for k, n := range f.sh.dropped {
		if l.sh.dropped == nil {
			l.sh.dropped = map[faceRune]int{}
		}
		l.sh.dropped[k] += n
	}
	for _, u := range f.units {
		for vi := range u.vars {
			for li := range u.vars[vi].lines {
				u.vars[vi].lines[li].lo += off
				u.vars[vi].lines[li].hi += off
			}
		}
		l.units = append(l.units, u)
	}
	return true
}
