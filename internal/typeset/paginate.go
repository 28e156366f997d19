package typeset

// Pagination is a shortest-path search over the blocks: the state between
// two blocks is the grid line where the next one may start on its page,
// and whether it must start on the same page (after a heading). Every
// block can be set in a few ways (its best setting, one line shorter by
// squeezing punctuation, one line longer by pushing characters down) and
// placed in a few ways (where it falls; from the next page; with its last
// two lines moved to the next page). The costs make the search prefer, in
// this order: the best settings; paragraphs a line shorter or longer,
// which keeps every page full (any such setting costs less than an empty
// grid line: lines are at most 3 em short); a page left short by a line;
// and last a 孤行, the closing block alone at the top of a page, or a
// heading left at the foot of a page.
const (
	costEmptySlot = 5000  // per grid line a page is left short
	costWidow     = 11000 // 孤行: a page starting with a paragraph's last line
	costTop       = 12000 // the closing block alone at the top of a page
	costKeep      = 14000 // a heading parted from what follows it

	// costFigureSlot is the cost of a grid line left empty at the foot of
	// a page because the figure after it does not fit: a page ended on
	// purpose, cheaper than spreading the text before it over more lines.
	costFigureSlot = 400
)

const (
	modeNormal    = iota // where the block falls
	modeNewPage          // from the top of the next page
	modeSplitLate        // the last two lines on the next page
	modes
)

type choice struct{ v, mode int }

// spot is where a line of a unit goes: pages after the page the unit
// starts from, and the grid line.
type spot struct{ page, slot int }

type stepResult struct {
	next   int     // first free grid line after the unit (Lines: page full)
	keep   bool    // the next unit must start on this page
	cost   float64 // added cost
	pages  int     // pages advanced
	forced bool    // a KindPageBreak ended the page
}

// step places unit u from state (s, keep) set in way v and placed in
// mode. With record it leaves the line positions in l.spots (for a table:
// its first spot).
func (l *layouter) step(u *unit, s int, keep bool, v, mode int, record bool) (stepResult, bool) {
	L := l.g.Lines
	var r stepResult
	if record {
		l.spots = l.spots[:0]
	}
	if u.kind == KindPageBreak {
		if mode != modeNormal {
			return r, false
		}
		if s == 0 {
			return r, true
		}
		r.next, r.forced = L, true
		return r, true
	}
	if u.fixed != nil {
		return l.stepFixed(u, s, mode, record)
	}
	pos, page, moved := s, 0, false
	if pos == L {
		pos, page, moved = 0, 1, true
	}
	if u.newPage && mode != modeNormal {
		return r, false
	}
	if u.newPage && pos > 0 {
		pos, page, moved, r.forced = 0, page+1, true, true
	}
	if mode == modeNewPage {
		if pos == 0 {
			return r, false // the same as modeNormal
		}
		if u.figure {
			r.cost += float64(L-pos) * costFigureSlot
		} else {
			r.cost += float64(L-pos) * costEmptySlot
		}
		pos, page, moved = 0, page+1, true
		// A figure, or a table whose head and first row do not fit, moves
		// to the next page: the page before it ends early on purpose.
		r.forced = r.forced || u.figure || u.table != nil
	}
	if u.spaceBefore > 0 && pos > 0 {
		if pos+u.spaceBefore >= L {
			r.cost += float64(L-pos) * costEmptySlot
			pos, page, moved = 0, page+1, true
		} else {
			pos += u.spaceBefore
		}
	}
	if keep && moved {
		r.cost += costKeep
	}
	if u.noTop && moved {
		r.cost += costTop
	}
	if u.table != nil {
		if mode == modeSplitLate {
			return r, false
		}
		pages, end, ok := u.table.place(l.g, pos, nil)
		if !ok {
			return r, false
		}
		if record {
			l.spots = append(l.spots, spot{page, pos})
		}
		r.next, r.pages = end, page+pages
		return r, true
	}
	set := &u.vars[v]
	r.cost += set.cost
	lines := set.lines
	n := len(lines)
	if u.together && pos > 0 && pos+n > L {
		return r, false
	}
	widow := func(t int) bool { return lines[t].final && !lines[t-1].final }
	head := n // lines placed from pos; the rest go to the next page
	if mode == modeSplitLate {
		if n < 3 || u.together {
			return r, false
		}
		head = n - 2
		e := (pos+head-1)%L + 1
		if e == L {
			return r, false // the same as modeNormal
		}
		r.cost += float64(L-e) * costEmptySlot
	}
	for t := 0; t < head; t++ {
		at := pos + t
		if t > 0 && at%L == 0 && widow(t) {
			r.cost += costWidow
		}
		if record {
			l.spots = append(l.spots, spot{page + at/L, at % L})
		}
	}
	last := pos + head - 1
	r.next = last%L + 1
	r.pages = page + last/L
	if head < n {
		if widow(head) {
			r.cost += costWidow
		}
		r.pages++
		for t := head; t < n; t++ {
			if record {
				l.spots = append(l.spots, spot{r.pages, t - head})
			}
		}
		r.next = n - head
	}
	r.next = min(r.next+u.spaceAfter, L)
	r.keep = u.keepNext
	return r, true
}

// stepFixed places a 版头 or 报头 (at the top of the first page: it is
// the first unit) or a 版记 or 报尾 (at the foot of the page, or of the
// next page when it does not fit under the text; forced is then set).
func (l *layouter) stepFixed(u *unit, s, mode int, record bool) (stepResult, bool) {
	L := l.g.Lines
	var r stepResult
	if mode != modeNormal {
		return r, false
	}
	if u.kind != KindRecord {
		r.next = min(u.fixed.slots, L)
		if record {
			l.spots = append(l.spots, spot{0, 0})
		}
		return r, s == 0
	}
	if s+u.fixed.slots > L && s > 0 {
		r.cost += float64(L-s) * costEmptySlot
		r.pages, r.forced = 1, true
	}
	if record {
		l.spots = append(l.spots, spot{r.pages, 0})
	}
	r.next = L
	return r, true
}

// paginate finds the cheapest way to set and place every unit.
func (l *layouter) paginate() []choice {
	L := l.g.Lines
	N := len(l.units)
	S := 2 * (L + 1)
	cost := make([]float64, (N+1)*S)
	back := make([]int32, (N+1)*S)
	for i := range cost {
		cost[i] = inf
	}
	cost[0] = 0
	for ui := range l.units {
		u := &l.units[ui]
		nv := max(len(u.vars), 1)
		for st := 0; st < S; st++ {
			c := cost[ui*S+st]
			if c == inf {
				continue
			}
			s, keep := st/2, st%2 == 1
			for v := 0; v < nv; v++ {
				for mode := 0; mode < modes; mode++ {
					r, ok := l.step(u, s, keep, v, mode, false)
					if !ok {
						continue
					}
					st2 := 2 * r.next
					if r.keep {
						st2++
					}
					if nc := c + r.cost; nc < cost[(ui+1)*S+st2] {
						cost[(ui+1)*S+st2] = nc
						back[(ui+1)*S+st2] = int32(st | v<<16 | mode<<24)
					}
				}
			}
		}
	}
	best := 0
	for st := 1; st < S; st++ {
		if cost[N*S+st] < cost[N*S+best] {
			best = st
		}
	}
	plan := make([]choice, N)
	st := best
	for ui := N; ui > 0; ui-- {
		b := back[ui*S+st]
		plan[ui-1] = choice{v: int(b>>16) & 0xFF, mode: int(b >> 24)}
		st = int(b & 0xFFFF)
	}
	return plan
}
