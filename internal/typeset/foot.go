package typeset

// Foot is the 版记 of a 公文 (GB/T 9704 §7.4) or the 报尾 of a 简报: rows
// of text between rules as wide as the 版心, one grid pitch a line, the
// last rule on the bottom edge of the 版心 of the last page. When it does
// not fit under the text of that page it goes to the foot of a page of
// its own.
type Foot struct {
	Rows  []FootRow
	Style Style   // 4号仿宋
	Last  float64 // width of the closing rule

	// Duplex is set for a 公文, printed on both sides of the sheet: a
	// 版记 that needs a page of its own goes on the back of a sheet, an
	// even page, after a blank page when the text ends on an even page;
	// then neither the blank page nor the 版记's carries a number
	// (GB/T 9704 §7.5).
	Duplex bool
}

// FootRow is one element of a Foot: Label and Text from 1 字 in at the
// left (runover lines start under the text after the Label), and Right
// flush right, 1 字 in, on the row's last line or on a line of its own
// when they do not fit together.
type FootRow struct {
	Label, Text, Right string
	Rule               float64 // width of the rule above the row; 0 for none
}

// footLine is one line of a Foot and the rule above it.
type footLine struct {
	refs []lineRef
	rule float64
}

// foot lays out a Foot from the bottom edge of the 版心 up: it takes one
// grid line more than its lines, so that a blank line parts it from the
// text above.
func (l *layouter) foot(bi int, ft *Foot) (*fixedLay, error) {
	var lines []footLine
	for _, row := range ft.Rows {
		ls, err := l.footRow(bi, ft.Style, row)
		if err != nil {
			return nil, err
		}
		for i, refs := range ls {
			fl := footLine{refs: refs}
			if i == 0 {
				fl.rule = row.Rule
			}
			lines = append(lines, fl)
		}
	}
	if len(lines) == 0 {
		return nil, nil
	}
	g, m := l.g, len(lines)
	f := &fixedLay{slots: m + 1}
	for j, fl := range lines {
		top := g.bottom() - float64(m-j)*g.Pitch()
		if fl.rule > 0 {
			f.rules = append(f.rules, Rule{X0: g.Left, Y0: top, X1: g.right(), Y1: top, Width: fl.rule})
		}
		f.line(top+(g.Pitch()-ft.Style.Size)/2+EmAscent*ft.Style.Size, fl.refs...)
	}
	if ft.Last > 0 {
		f.rules = append(f.rules, Rule{X0: g.Left, Y0: g.bottom(), X1: g.right(), Y1: g.bottom(), Width: ft.Last})
	}
	return f, nil
}

// footRow breaks one row into lines, each a list of pieces.
func (l *layouter) footRow(bi int, st Style, row FootRow) ([][]lineRef, error) {
	one := st.Size
	x0, x1 := l.g.Left+one, l.g.right()-one
	out, err := l.hanging(bi, st, row.Label, row.Text, x0, x1)
	if err != nil {
		return nil, err
	}
	right, rw, err := l.piece(bi, []Run{{Text: row.Right, Style: st}}, st)
	if err != nil || right.hi == right.lo {
		return out, err
	}
	r := l.at(right, x1, AlignRight)
	if n := len(out); n > 0 {
		last := out[n-1][0]
		if last.left+l.natural(last)+one+rw <= x1 {
			out[n-1] = append(out[n-1], r)
			return out, nil
		}
	}
	return append(out, []lineRef{r}), nil
}

// hanging breaks label+text between x0 and x1, runover lines starting
// where the text after the label starts.
func (l *layouter) hanging(bi int, st Style, label, text string, x0, x1 float64) ([][]lineRef, error) {
	if label+text == "" {
		return nil, nil
	}
	lo, hi, err := l.sh.shape([]Run{{Text: label + text, Style: st}}, st, bi)
	if err != nil || lo == hi {
		return nil, err
	}
	np := min(len([]rune(label)), hi-lo)
	lw := 0.0
	for p := lo; p < lo+np; p++ {
		lw += l.sh.gl[p].adv
		if p > lo {
			l.sh.pen[p] = penNever // the label stays together
		}
	}
	m := measure{em: st.Size, capFirst: x1 - x0, capRest: x1 - x0 - lw}
	best, _, _ := l.br.run(lo, hi, m)
	refs := l.refs(lo, best.ends, m, x0, x1-x0, x0+lw, x1-x0-lw, st.Size, AlignJustify)
	refs[0].fixed = int32(np)
	out := make([][]lineRef, len(refs))
	for i := range refs {
		out[i] = []lineRef{refs[i]}
	}
	return out, nil
}

// natural is the width of a line set without added space.
func (l *layouter) natural(r lineRef) float64 {
	w := 0.0
	for p := r.lo; p < r.hi; p++ {
		w += l.sh.gl[p].adv
	}
	return w
}
