package typeset

import "math"

// ruleWidth is the stroke of table rules, in points.
const ruleWidth = 0.5

// tableLay is a table with its cells broken into lines, ready to be placed
// from any grid line. The body rows keep only their height: their glyphs
// are shaped again and their lines broken again when they are placed on
// pages (expand), so that a long table does not hold every glyph.
type tableLay struct {
	grid   bool    // text in body size: every text line sits on the body grid
	pitch  float64 // baseline distance inside a cell
	vpad   float64 // blank above and below a cell's text (non-grid tables)
	size   float64
	colX   []float64 // column edges, len(columns)+1
	header []rowLay
	rows   []rowLay // body rows: n only, until expand

	// expand shapes body row i at the end of the shaper's glyphs and
	// breaks its cells; release drops those glyphs again.
	expand  func(i int) rowLay
	release func()
}

type rowLay struct {
	n     int // lines
	cells [][]lineRef
}

// height is the height of lines of a row.
func (t *tableLay) height(lines int) float64 {
	if t.grid {
		return float64(lines) * t.pitch
	}
	return float64(lines)*t.pitch + 2*t.vpad
}

// shaped is a cell's glyphs: lo..hi of the shaper.
type shaped struct{ lo, hi int }

// tableLayout measures the columns and breaks every cell. Text in body size
// keeps the body pitch so that its lines fall on the grid; smaller text
// gets a pitch of 1.5 × its size. The body rows are shaped twice here (to
// measure the columns, then to break the cells in them) and kept only as
// their heights.
func (l *layouter) tableLayout(bi int, tb *Table) (*tableLay, error) {
	g := l.g
	ncol := len(tb.Columns)
	for _, rows := range [][][]Cell{tb.Header, tb.Rows} {
		for _, r := range rows {
			ncol = max(ncol, len(r))
		}
	}
	if ncol == 0 {
		return nil, nil
	}
	t := &tableLay{}
	cw := &colWidths{whole: make([]float64, ncol), widest: make([]float64, ncol)}
	head := make([][]shaped, len(tb.Header))
	for i, r := range tb.Header {
		cells, err := l.shapeRow(r, ncol, bi, t, cw)
		if err != nil {
			return nil, err
		}
		head[i] = cells
	}
	for _, r := range tb.Rows {
		mark := len(l.sh.gl)
		if _, err := l.shapeRow(r, ncol, bi, t, cw); err != nil {
			return nil, err
		}
		l.sh.discard(mark)
	}
	if t.size == 0 {
		t.size = g.BodySize
	}
	t.grid = abs(t.size-g.BodySize) <= 0.75
	if t.grid {
		t.pitch = g.Pitch()
	} else {
		t.pitch, t.vpad = 1.5*t.size, 0.3*t.size
	}
	t.colX = l.columns(tb, cw, 0.4*t.size)
	for _, cells := range head {
		t.header = append(t.header, l.breakRow(t, tb, cells, true))
	}
	mark := 0
	t.expand = func(i int) rowLay {
		mark = len(l.sh.gl)
		cells, _ := l.shapeRow(tb.Rows[i], ncol, bi, nil, nil)
		return l.breakRow(t, tb, cells, false)
	}
	t.release = func() { l.sh.gl, l.sh.pen = l.sh.gl[:mark], l.sh.pen[:mark] }
	t.rows = make([]rowLay, len(tb.Rows))
	for i := range tb.Rows {
		t.rows[i].n = t.expand(i).n
		t.release()
	}
	return t, nil
}

// colWidths is, for each column, the widest cell and the widest piece of
// a cell that cannot be broken, without the cell's padding.
type colWidths struct{ whole, widest []float64 }

// shapeRow shapes the cells of a row; given t and cw, it notes the text
// size (the first cell's) in t and widens cw.
func (l *layouter) shapeRow(r []Cell, ncol, bi int, t *tableLay, cw *colWidths) ([]shaped, error) {
	def := Style{Role: RoleBody, Size: l.g.BodySize}
	out := make([]shaped, ncol)
	for c := 0; c < len(r) && c < ncol; c++ {
		lo, hi, err := l.sh.shape(r[c].Runs, def, bi)
		if err != nil {
			return nil, err
		}
		out[c] = shaped{lo, hi}
		if t == nil {
			continue
		}
		if t.size == 0 && hi > lo {
			t.size = l.sh.size(&l.sh.gl[lo])
		}
		whole, chunk, widest := 0.0, 0.0, 0.0
		for i := lo; i < hi; i++ {
			if i > lo && l.sh.pen[i] < penForbidden {
				chunk = 0
			}
			whole += l.sh.gl[i].adv
			chunk += l.sh.gl[i].adv
			widest = max(widest, chunk)
		}
		cw.whole[c] = max(cw.whole[c], whole)
		cw.widest[c] = max(cw.widest[c], widest)
	}
	return out, nil
}

// columns is the edges of the columns: the given weights, else widths
// from the content, each cell padded by hpad on both sides.
func (l *layouter) columns(tb *Table, cw *colWidths, hpad float64) []float64 {
	g := l.g
	ncol := len(cw.whole)
	minW := make([]float64, ncol)
	maxW := make([]float64, ncol)
	for c := range ncol {
		maxW[c] = cw.whole[c] + 2*hpad
		minW[c] = cw.widest[c] + 2*hpad
	}
	widths := make([]float64, ncol)
	weighted, sumW := 0, 0.0
	for c := 0; c < len(tb.Columns) && c < ncol; c++ {
		if tb.Columns[c].Width > 0 {
			weighted++
			sumW += tb.Columns[c].Width
		}
	}
	switch {
	case weighted > 0:
		mean := sumW / float64(weighted)
		total := 0.0
		for c := range widths {
			widths[c] = mean
			if c < len(tb.Columns) && tb.Columns[c].Width > 0 {
				widths[c] = tb.Columns[c].Width
			}
			total += widths[c]
		}
		for c := range widths {
			widths[c] *= g.Width / total
		}
	default:
		fill(widths, minW, maxW, g.Width)
	}
	colX := make([]float64, ncol+1)
	colX[0] = g.Left
	for c, w := range widths {
		colX[c+1] = colX[c] + w
	}
	colX[ncol] = g.right()
	return colX
}

// breakRow breaks the shaped cells of a row into lines in their columns.
func (l *layouter) breakRow(t *tableLay, tb *Table, cells []shaped, header bool) rowLay {
	hpad := 0.4 * t.size
	row := rowLay{n: 1, cells: make([][]lineRef, len(cells))}
	for c, s := range cells {
		if s.hi == s.lo {
			continue
		}
		x, w := t.colX[c]+hpad, t.colX[c+1]-t.colX[c]-2*hpad
		m := measure{em: t.size, capFirst: w, capRest: w}
		best, _, _ := l.br.run(s.lo, s.hi, m)
		align := AlignJustify
		if c < len(tb.Columns) {
			align = tb.Columns[c].Align
		}
		if header {
			align = AlignCenter
		}
		lines := l.refs(s.lo, best.ends, m, x, w, x, w, t.size, AlignJustify)
		for k := range lines {
			lines[k].align = align
			if align == AlignLeft {
				lines[k].align = AlignJustify
			}
			lines[k].justify = lines[k].justify && (align == AlignJustify || align == AlignLeft)
		}
		row.cells[c] = lines
		row.n = max(row.n, len(lines))
	}
	return row
}

// fill shares width w between columns: each gets its natural width
// (maxW) if that is no more than an equal share c, the others c, where c is
// such that the widths add up to w; no column gets less than its widest
// unbreakable piece (minW) unless even those do not fit, when all shrink in
// proportion. Width left over goes to all columns in proportion.
func fill(widths, minW, maxW []float64, w float64) {
	var sMax, sMin float64
	for c := range widths {
		sMax += maxW[c]
		sMin += minW[c]
	}
	switch {
	case sMax <= w:
		for c := range widths {
			widths[c] = maxW[c] * w / sMax
		}
		return
	case sMin >= w:
		for c := range widths {
			widths[c] = minW[c] * w / sMin
		}
		return
	}
	at := func(cut float64) float64 {
		sum := 0.0
		for c := range widths {
			widths[c] = min(maxW[c], max(minW[c], cut))
			sum += widths[c]
		}
		return sum
	}
	lo, hi := 0.0, w
	for i := 0; i < 60; i++ {
		if mid := (lo + hi) / 2; at(mid) > w {
			hi = mid
		} else {
			lo = mid
		}
	}
	sum := at(lo)
	for c := range widths {
		widths[c] *= w / sum
	}
}

// tableSink receives what place puts on pages; page counts from the page
// the table starts on.
type tableSink interface {
	line(page int, r lineRef, baseline float64)
	rule(page int, r Rule)
}

// place puts the table on the grid from slot (0 ≤ slot < Lines), with the
// header rows repeated on every page and rows kept whole unless a row is
// taller than a page. ok is false when the header and the first row do not
// fit below slot. It returns the pages the table ends on (0: the first)
// and the first free slot there (Lines: none).
func (t *tableLay) place(g Geometry, slot int, sink tableSink) (pages, end int, ok bool) {
	halfLead := (g.Pitch() - g.BodySize) / 2
	lineTop := func(k int) float64 { return g.SlotTop(k) - halfLead }
	top, limit := lineTop(0), lineTop(g.Lines)
	if !t.grid {
		top, limit = g.Top, g.bottom()
	}
	y := max(lineTop(slot), top)
	headH := 0.0
	for i := range t.header {
		headH += t.height(t.header[i].n)
	}
	if len(t.rows) > 0 && slot > 0 && y+headH+t.height(t.rows[0].n) > limit+eps {
		return 0, 0, false
	}
	page := 0
	fragTop := y
	var hrules []float64
	flush := func() {
		if sink == nil || len(hrules) == 0 {
			return
		}
		bottom := hrules[len(hrules)-1]
		sink.rule(page, Rule{X0: t.colX[0], Y0: fragTop, X1: t.colX[len(t.colX)-1], Y1: fragTop, Width: ruleWidth})
		for _, hy := range hrules {
			sink.rule(page, Rule{X0: t.colX[0], Y0: hy, X1: t.colX[len(t.colX)-1], Y1: hy, Width: ruleWidth})
		}
		for _, x := range t.colX {
			sink.rule(page, Rule{X0: x, Y0: fragTop, X1: x, Y1: bottom, Width: ruleWidth})
		}
	}
	// put sets lines a..b of row r at y.
	put := func(r *rowLay, a, b int, centre bool) {
		if sink != nil {
			for _, cell := range r.cells {
				off := 0.0
				if centre && len(cell) < r.n {
					if t.grid {
						off = float64((r.n-len(cell))/2) * t.pitch
					} else {
						off = float64(r.n-len(cell)) * t.pitch / 2
					}
				}
				for k := a; k < b && k < len(cell); k++ {
					base := y + off + float64(k-a)*t.pitch + EmAscent*cell[k].size
					if t.grid {
						base += halfLead
					} else {
						base += t.vpad + (t.pitch-cell[k].size)/2
					}
					sink.line(page, cell[k], base)
				}
			}
		}
		y += t.height(b - a)
		hrules = append(hrules, y)
	}
	putHeader := func() {
		for i := range t.header {
			put(&t.header[i], 0, t.header[i].n, true)
		}
	}
	newPage := func() {
		flush()
		page++
		y, fragTop, hrules = top, top, hrules[:0]
		putHeader()
	}
	putHeader()
	onPage := 0 // body rows (or parts) on this page
	placeRow := func(r *rowLay) {
		if y+t.height(r.n) <= limit+eps {
			put(r, 0, r.n, true)
			onPage++
			return
		}
		if onPage > 0 {
			newPage()
			onPage = 0
			if y+t.height(r.n) <= limit+eps {
				put(r, 0, r.n, true)
				onPage++
				return
			}
		}
		// Taller than a page: split it between lines.
		for a := 0; a < r.n; {
			fit := int(math.Floor((limit - y - t.height(0) + eps) / t.pitch))
			if fit < 1 {
				if onPage == 0 {
					fit = 1 // the header leaves no room: overflow rather than loop
				} else {
					newPage()
					onPage = 0
					continue
				}
			}
			b := min(a+fit, r.n)
			put(r, a, b, false)
			onPage++
			a = b
		}
	}
	for i := range t.rows {
		if sink == nil {
			placeRow(&t.rows[i])
			continue
		}
		row := t.expand(i)
		placeRow(&row)
		t.release()
	}
	flush()
	end = int(math.Ceil((y - lineTop(0) - eps) / g.Pitch()))
	if !t.grid {
		end = int(math.Ceil((y + halfLead - lineTop(0) - eps) / g.Pitch()))
	}
	return page, min(max(end, 0), g.Lines), true
}
