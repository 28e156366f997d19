package wording

// target is what a typed word speaks of: a printed figure (seg ≥ 0) or an
// indicator its text names (seg < 0).
type target struct {
	seg   int
	facts []Fact
}

// about returns what word h, in clause c of sentence s, speaks of: the
// nearest figure after it in its clause, else the nearest before it. Then,
// as far as the word reaches and if it ends its clause: in body text, an
// indicator the clause names before the word, else the nearest figure in
// the sentence; in a heading, the nearest figure in the heading, else an
// indicator it names.
func (t *text) about(h hit, c span, s sentence, x *names) (target, bool) {
	if i, ok := t.inClause(h, c); ok {
		return t.figure(i), true
	}
	if h.reach == inFigure || !t.ends(h, c) {
		return target{}, false
	}
	if s.head > 0 {
		return t.aboutHeading(h, c, s, x)
	}
	if f, ok := x.find(t.runes(span{c.start, h.start})); ok {
		return target{-1, []Fact{f}}, true
	}
	if i, ok := t.nearest(h, s.span); ok && h.reach == inSentence {
		return t.figure(i), true
	}
	return target{}, false
}

// aboutHeading is about for a word of a heading with no figure in its clause.
func (t *text) aboutHeading(h hit, c span, s sentence, x *names) (target, bool) {
	from := c.start
	if h.reach == inSentence {
		if i, ok := t.nearest(h, s.span); ok {
			return t.figure(i), true
		}
		from = s.start
	}
	if f, ok := x.find(t.runes(span{from, h.start})); ok {
		return target{-1, []Fact{f}}, true
	}
	return target{}, false
}

// ends reports whether h ends clause c, but for two characters (态势, 了):
// a word further inside a clause is its subject (经济增长缺乏有力支撑).
func (t *text) ends(h hit, c span) bool {
	return c.end-t.skipSpaces(h.end) <= 2
}

// figure returns segment i as a target.
func (t *text) figure(i int) target { return target{i, t.segs[i].Facts} }

// inClause returns the figure nearest after h in clause c, else the one
// nearest before it.
func (t *text) inClause(h hit, c span) (int, bool) {
	before := -1
	for _, i := range t.figures(c) {
		if !t.speaksOf(h, i) {
			continue
		}
		if t.pieces[i].start >= h.end {
			return i, true
		}
		before = i
	}
	return before, before >= 0
}

// nearest returns the figure of s nearest to h, the later one of two as near.
func (t *text) nearest(h hit, s span) (int, bool) {
	best, far := -1, len(t.cells)+1
	for _, i := range t.figures(s) {
		p := t.pieces[i]
		if !t.speaksOf(h, i) {
			continue
		}
		d := p.start - h.end
		if p.start < h.end {
			d = h.start - p.end
		}
		if d < far || d == far && p.start >= h.end {
			best, far = i, d
		}
	}
	return best, best >= 0
}

// speaksOf reports whether word h can speak of figure i: a count only when
// it follows h directly (增加8家, but not 20家企业实现增长).
func (t *text) speaksOf(h hit, i int) bool {
	for _, f := range t.segs[i].Facts {
		if !f.Count {
			return true
		}
	}
	return t.skipSpaces(h.end) == t.pieces[i].start
}
