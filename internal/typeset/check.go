package typeset

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Violation is a place where a laid-out document breaks the grid or the
// Chinese line-breaking rules.
type Violation struct {
	Page   int    // 1-based
	Line   int    // 1-based index in Page.Lines; 0 for the page as a whole
	Rule   string // e.g. "line-start", "flush-right", "grid", "orphan"
	Detail string
}

func (v Violation) String() string {
	if v.Line == 0 {
		return fmt.Sprintf("page %d: %s: %s", v.Page, v.Rule, v.Detail)
	}
	return fmt.Sprintf("page %d line %d: %s: %s", v.Page, v.Line, v.Rule, v.Detail)
}

// Tolerances of Check, in points.
const (
	tolFlush  = 0.05     // edges of full lines
	tolGrid   = 0.05     // baselines
	tolMargin = 0.5 * MM // the 版心
	tolFolio  = 0.5      // page number position
	tolInset  = 0.75     // page number inset: 14–16 pt, one 字 of either size
	checkA4W  = 210 * MM // A4
	checkA4H  = 297 * MM //
	tolA4     = 2 * MM   // GB/T 9704 §6.3
	dashes    = "—―─"    // halves of ——
	ellipsisC = "…⋯"     // halves of ……
	numDigits = "0123456789０１２３４５６７８９"
)

// The checker's lists (typocheck.py, strict level): characters that must
// not start or end a line.
const (
	checkNoStart = "、，。．：；？！,.:;?!∶﹐﹑﹒﹔﹕﹖﹗‼⁇⁈⁉" +
		"”’）》〉」』】〕〗〙〛］｝)]}»›〞｠︶︸︺︼︾﹀﹂﹄﹚﹜﹞" +
		"～〜–" + "·・‧" + "/／" + "%％‰‱℃℉°′″¢￠" + "々〃ゝゞヽヾ" + "⸺⸻‥"
	checkNoEnd = "“‘（《〈「『【〔〖〘〚［｛([{«‹〝｟︵︷︹︻︽︿﹁﹃﹙﹛﹝" +
		"￥＄￡$£¥€＃#№" + "/／"
)

// bodyLine is a line of body text as the checker sees it.
type bodyLine struct {
	page, index int // 1-based
	l           *Line
	text        []rune // without blanks
	first       bool   // first line of a paragraph
}

// Check verifies d against the GB/T 9704 grid and the Chinese
// line-breaking rules at clreq's strict level: the properties that
// /work/shared/tools/typocheck.py measures on the PDF. It returns nothing
// for a good document.
//
// Body lines are the lines mostly in the body size, as typocheck finds
// them; page numbers are Page.Folio; table cells, which typocheck merges
// into one line per baseline, are checked cell by cell (line start and
// end, numbers, and the grid when in body size). The rules: page-size,
// margin (glyphs outside the 版心), grid, order (glyphs of a line not in
// increasing x), missing-glyph, lines-per-page (every page but the last
// that holds only body text and was not ended on purpose, Page.PageBreak),
// chars-per-line (the usual 字 of full lines), flush-right and
// flush-left (full lines, 0.05 pt), line-start, line-end, split-dash,
// split-ellipsis, split-number, orphan (孤字), widow (孤行) and folio
// (every page numbered but those GB/T 9704 §7.5 exempts: a blank page
// before the 版记's, and the 版记's page after one).
func Check(d *Document) []Violation {
	c := &checker{d: d, g: d.Geometry}
	c.body = bodyLines(d)
	for _, f := range []func(){c.page, c.grid, c.glyphs, c.linesPerPage, c.charsPerLine,
		c.flush, c.kinsoku, c.cells, c.orphans, c.widows, c.folios} {
		f()
	}
	return c.out
}

// checker holds what the checks of Check share.
type checker struct {
	d    *Document
	g    Geometry
	body []bodyLine
	out  []Violation
}

// add records a violation.
func (c *checker) add(page, line int, rule, format string, a ...any) {
	c.out = append(c.out, Violation{Page: page, Line: line, Rule: rule, Detail: fmt.Sprintf(format, a...)})
}

// page checks the paper and the margins of the 版心.
func (c *checker) page() {
	g := c.g
	if abs(g.PageWidth-checkA4W) > tolA4 || abs(g.PageHeight-checkA4H) > tolA4 {
		c.add(1, 0, "page-size", "%.1f × %.1f mm is not A4", g.PageWidth/MM, g.PageHeight/MM)
	}
	for _, m := range []struct {
		name string
		dev  float64
	}{
		{"top", g.Top - 37*MM}, {"left", g.Left - 28*MM},
		{"right", g.PageWidth - g.Left - g.Width - (checkA4W - 28*MM - 156*MM)},
		{"bottom", g.PageHeight - g.Top - g.Height - (checkA4H - 37*MM - 225*MM)},
	} {
		if abs(m.dev) > tolMargin {
			c.add(1, 0, "margin", "%s margin off by %.2f mm", m.name, m.dev/MM)
		}
	}
}

// offGrid is how far baseline y lies off the grid, and whether it lies
// within the 版心's lines at all.
func (c *checker) offGrid(y float64) (float64, bool) {
	k := (y - c.g.Baseline(0)) / c.g.Pitch()
	return (k - math.Round(k)) * c.g.Pitch(), k >= -0.5 && k <= float64(c.g.Lines)-0.5
}

// grid checks that every body line sits on a line of the grid.
func (c *checker) grid() {
	for _, b := range c.body {
		if r, in := c.offGrid(b.l.Baseline); abs(r) > tolGrid || !in {
			c.add(b.page, b.index, "grid", "baseline %.2f pt is %.2f pt off the grid (%s)", b.l.Baseline, r, short(b.text))
		}
	}
}

// glyphs checks every glyph: inside the 版心, drawn, in reading order.
func (c *checker) glyphs() {
	for pi := range c.d.Pages {
		for li := range c.d.Pages[pi].Lines {
			c.line(pi+1, li+1, &c.d.Pages[pi].Lines[li])
		}
	}
}

// line checks the glyphs of one line.
func (c *checker) line(pn, ln int, l *Line) {
	g := c.g
	for _, gl := range l.Glyphs {
		x0, x1 := gl.X+gl.Cut, gl.X+gl.Cut+gl.Width
		if x0 < g.Left-tolFlush || x1 > g.right()+tolFlush {
			c.add(pn, ln, "margin", "%q at x %.2f–%.2f outside the 版心 %.2f–%.2f", gl.R, x0, x1, g.Left, g.right())
			break
		}
		if top, bot := l.Baseline-EmAscent*gl.Style.Size, l.Baseline+(1-EmAscent)*gl.Style.Size; top < g.Top-tolGrid || bot > g.bottom()+tolGrid {
			c.add(pn, ln, "margin", "%q's em box %.2f–%.2f outside the 版心 %.2f–%.2f", gl.R, top, bot, g.Top, g.bottom())
			break
		}
		if gl.R == '\uFFFD' || gl.R >= 0xE000 && gl.R <= 0xF8FF {
			c.add(pn, ln, "missing-glyph", "%U", gl.R)
		}
	}
	// A reader (and typocheck) orders a line's glyphs by x.
	for gi := 1; gi < len(l.Glyphs); gi++ {
		if l.Glyphs[gi].X <= l.Glyphs[gi-1].X {
			c.add(pn, ln, "order", "%q drawn at x %.2f, not right of %q at %.2f: copied text would swap them",
				l.Glyphs[gi].R, l.Glyphs[gi].X, l.Glyphs[gi-1].R, l.Glyphs[gi-1].X)
			break
		}
	}
}

// linesPerPage checks that every page but the last that holds only body
// text, and was not ended on purpose, holds Lines lines.
func (c *checker) linesPerPage() {
	perPage := make([]int, len(c.d.Pages))
	isBody := map[*Line]bool{}
	for _, b := range c.body {
		perPage[b.page-1]++
		isBody[b.l] = true
	}
	for pi := 0; pi+1 < len(c.d.Pages); pi++ {
		p := &c.d.Pages[pi]
		for _, f := range p.Figures {
			perPage[pi] += f.Lines // a figure takes whole grid lines
		}
		plain := len(p.Rules) == 0
		for li := range p.Lines {
			plain = plain && isBody[&p.Lines[li]]
		}
		if plain && !p.PageBreak && perPage[pi] != c.g.Lines {
			c.add(pi+1, 0, "lines-per-page", "%d body lines, not %d", perPage[pi], c.g.Lines)
		}
	}
}

// charsPerLine checks that full lines mostly hold Chars 字: their
// characters, and the indent of a paragraph's first line. (typocheck
// counts characters only, so that many short paragraphs pull its mode
// down to 26.)
func (c *checker) charsPerLine() {
	hist := map[int]int{}
	order := []int{}
	for _, b := range c.body {
		if b.l.Final {
			continue
		}
		n := len(b.text)
		if gs := ink(b.l.Glyphs); b.first && len(gs) > 0 {
			n += int(math.Round((gs[0].X + gs[0].Cut - c.g.Left) / c.g.CharWidth()))
		}
		if hist[n] == 0 {
			order = append(order, n)
		}
		hist[n]++
	}
	if len(c.body)-countFinal(c.body) < minFullLines {
		return
	}
	mode := order[0]
	for _, n := range order {
		if hist[n] > hist[mode] {
			mode = n
		}
	}
	if mode != c.g.Chars {
		c.add(1, 0, "chars-per-line", "full lines mostly hold %d 字, not %d", mode, c.g.Chars)
	}
}

// flush checks that every line but a paragraph's last is flush with both
// edges of the 版心 (a compressed mark ends with its set box).
func (c *checker) flush() {
	for _, b := range c.body {
		gs := ink(b.l.Glyphs)
		if b.l.Final || len(gs) == 0 {
			continue
		}
		last := gs[len(gs)-1]
		if dr := last.X + last.Cut + last.Width - c.g.right(); abs(dr) > tolFlush {
			c.add(b.page, b.index, "flush-right", "right edge %+.2f pt from the 版心 (%s)", dr, short(b.text))
		}
		if !b.first && b.l.Kind != KindAttachments {
			f := gs[0]
			if dl := f.X + f.Cut - c.g.Left; abs(dl) > tolFlush {
				c.add(b.page, b.index, "flush-left", "left edge %+.2f pt from the 版心 (%s)", dl, short(b.text))
			}
		}
	}
}

// kinsoku checks the line-breaking rules and the unbreakable sequences
// across body lines in reading order.
func (c *checker) kinsoku() {
	for i, b := range c.body {
		if len(b.text) == 0 {
			continue
		}
		var prev []rune
		if i > 0 {
			prev = c.body[i-1].text
		}
		split := i > 0 && !c.body[i-1].l.Final && c.splits(b, prev)
		if i > 0 && !split {
			c.lineStart(b, prev)
		}
		if i < len(c.body)-1 {
			if ce := b.text[len(b.text)-1]; strings.ContainsRune(checkNoEnd, ce) {
				c.add(b.page, b.index, "line-end", "%q ends a line: %s", ce, ctx(b.text, c.body[i+1].text))
			}
		}
	}
}

// splits checks a —— or …… or number split between prev and b.
func (c *checker) splits(b bodyLine, prev []rune) bool {
	t := b.text
	if len(prev) == 0 {
		return false
	}
	split := false
	pl, c0 := prev[len(prev)-1], t[0]
	switch {
	case strings.ContainsRune(dashes, pl) && strings.ContainsRune(dashes, c0):
		c.add(b.page, b.index, "split-dash", "—— split: %s", ctx(prev, t))
		split = true
	case strings.ContainsRune(ellipsisC, pl) && strings.ContainsRune(ellipsisC, c0):
		c.add(b.page, b.index, "split-ellipsis", "…… split: %s", ctx(prev, t))
		split = true
	}
	if endsNumber(prev) && startsNumber(t) {
		c.add(b.page, b.index, "split-number", "number split: %s", ctx(prev, t))
		split = true
	}
	return split
}

// lineStart checks the first character of a line.
func (c *checker) lineStart(b bodyLine, prev []rune) {
	t := b.text
	c0 := t[0]
	bad := false
	switch {
	case strings.ContainsRune(dashes, c0):
		pair := len(t) > 1 && strings.ContainsRune(dashes, t[1])
		bad = !pair || !b.first
	case strings.ContainsRune(ellipsisC, c0):
		bad = !b.first
	case c0 == '-':
		bad = !(len(t) > 1 && strings.ContainsRune(numDigits, t[1]))
	case strings.ContainsRune(checkNoStart, c0):
		bad = !(strings.ContainsRune("⸺⸻‥", c0) && b.first)
	}
	if bad {
		c.add(b.page, b.index, "line-start", "%q starts a line: %s", c0, ctx(prev, t))
	}
}

// cells checks table cells: the same rules inside each cell.
func (c *checker) cells() {
	for pi := range c.d.Pages {
		ls := c.d.Pages[pi].Lines
		for li := range ls {
			if ls[li].Kind == KindTable {
				c.cell(pi+1, ls, li)
			}
		}
	}
}

// cell checks line li of a table cell.
func (c *checker) cell(pn int, ls []Line, li int) {
	gs := ink(ls[li].Glyphs)
	t := runes(gs)
	if len(t) == 0 {
		return
	}
	if abs(gs[0].Style.Size-c.g.BodySize) <= 0.75 { // typocheck sees these rows as body lines
		if r, _ := c.offGrid(ls[li].Baseline); abs(r) > tolGrid {
			c.add(pn, li+1, "grid", "table text in body size %.2f pt off the grid (%s)", r, short(t))
		}
	}
	if li > 0 && ls[li-1].Kind == KindTable && !ls[li-1].Final {
		prev := runes(ink(ls[li-1].Glyphs))
		if c0 := t[0]; strings.ContainsRune(checkNoStart+dashes+ellipsisC, c0) {
			c.add(pn, li+1, "line-start", "%q starts a line in a table cell", c0)
		}
		if endsNumber(prev) && startsNumber(t) {
			c.add(pn, li+1, "split-number", "number split in a table cell: %s", ctx(prev, t))
		}
	}
	if !ls[li].Final {
		if ce := t[len(t)-1]; strings.ContainsRune(checkNoEnd, ce) {
			c.add(pn, li+1, "line-end", "%q ends a line in a table cell", ce)
		}
	}
}

// orphans checks for 孤字: a paragraph's last line with one character.
func (c *checker) orphans() {
	for _, b := range c.body {
		if !b.l.Final || b.first {
			continue
		}
		han, other := 0, true
		for _, r := range b.text {
			if isHan(r) {
				han++
			} else if !unicode.IsPunct(r) {
				other = false
			}
		}
		if han <= 1 && other {
			c.add(b.page, b.index, "orphan", "孤字: a paragraph's last line holds %q", string(b.text))
		}
	}
}

// widows checks for 孤行: a page that starts with a paragraph's last line.
func (c *checker) widows() {
	firstOn := map[int]*bodyLine{}
	for i := range c.body {
		if _, ok := firstOn[c.body[i].page]; !ok {
			firstOn[c.body[i].page] = &c.body[i]
		}
	}
	for pn := 2; pn <= len(c.d.Pages); pn++ {
		if b, ok := firstOn[pn]; ok && b.l.Final && !b.first {
			c.add(pn, b.index, "widow", "孤行: the page starts with a paragraph's last line (%s)", short(b.text))
		}
	}
}

// folios checks the page numbers: on every page but those GB/T 9704 §7.5
// exempts, and placed as it says.
func (c *checker) folios() {
	for pi := range c.d.Pages {
		p := &c.d.Pages[pi]
		exempt := Unnumbered(c.d, pi)
		switch {
		case exempt && p.Folio != nil:
			c.add(pi+1, 0, "folio", "numbered, but GB/T 9704 §7.5 numbers neither a blank page before the 版记 nor the 版记's page after one")
		case !exempt && p.Folio == nil:
			c.add(pi+1, 0, "folio", "no page number")
		case p.Folio != nil:
			checkFolio(p, c.g, func(f string, a ...any) { c.add(pi+1, 0, "folio", f, a...) })
		}
	}
}

// Unnumbered reports whether page pi (0-based) carries no page number by
// GB/T 9704 §7.5: a blank page before the 版记's page, or the 版记's page
// after a blank page.
func Unnumbered(d *Document, pi int) bool {
	p := &d.Pages[pi]
	return p.Blank || p.Record && pi > 0 && d.Pages[pi-1].Blank
}

func checkFolio(p *Page, g Geometry, bad func(string, ...any)) {
	gs := ink(p.Folio.Glyphs)
	var s strings.Builder
	for _, gl := range gs {
		s.WriteRune(gl.R)
	}
	want := "—" + strconv.Itoa(p.Number) + "—"
	if s.String() != want {
		bad("reads %q, not “— %d —”", s.String(), p.Number)
		return
	}
	for _, gl := range gs {
		if abs(gl.Style.Size-g.FolioSize) > 0.01 {
			bad("%q in %.1f pt, not %.1f", gl.R, gl.Style.Size, g.FolioSize)
			return
		}
	}
	if d := p.Folio.Baseline - g.FolioBaseline(); abs(d) > tolFolio {
		bad("baseline %+.2f pt from %.0f mm below the 版心", d, g.FolioGap/MM)
	}
	first, last := gs[0], gs[len(gs)-1]
	lo, hi := g.FolioSize-tolInset, g.BodySize+tolInset
	if p.Number%2 == 1 {
		if in := g.Left + g.Width - (last.X + last.Width); in < lo || in > hi {
			bad("odd page: %.2f pt in from the right, not one 字", in)
		}
	} else if in := first.X - g.Left; in < lo || in > hi {
		bad("even page: %.2f pt in from the left, not one 字", in)
	}
}

// bodyLines are the lines in the body size, in reading order, as
// typocheck finds them: lines with at least 60% of their glyphs within
// 0.75 pt of the body size.
func bodyLines(d *Document) []bodyLine {
	// typocheck guesses the body size (the most common size of
	// ideographs); here the geometry says it, so that a page with nothing
	// but a title has no body text.
	size := d.Geometry.BodySize
	if size <= 0 {
		sizes := map[float64]int{}
		for pi := range d.Pages {
			for _, ln := range d.Pages[pi].Lines {
				for _, gl := range ln.Glyphs {
					if isHan(gl.R) {
						sizes[math.Round(gl.Style.Size*2)/2]++
					}
				}
			}
		}
		best := 0
		for s, n := range sizes {
			if n > best || n == best && s < size {
				size, best = s, n
			}
		}
	}
	var out []bodyLine
	for pi := range d.Pages {
		p := &d.Pages[pi]
		for li := range p.Lines {
			ln := &p.Lines[li]
			gs := ink(ln.Glyphs)
			if len(gs) == 0 || ln.Kind == KindTable {
				continue // cells are checked by themselves
			}
			close := 0
			for _, gl := range gs {
				if abs(gl.Style.Size-size) <= 0.75 {
					close++
				}
			}
			if float64(close) < 0.6*float64(len(gs)) {
				continue
			}
			out = append(out, bodyLine{page: pi + 1, index: li + 1, l: ln, text: runes(gs)})
		}
	}
	for i := range out {
		out[i].first = i == 0 || out[i-1].l.Final
	}
	return out
}

// ink drops blanks.
func ink(gs []Glyph) []Glyph {
	a, b := 0, len(gs)
	for a < b && unicode.IsSpace(gs[a].R) {
		a++
	}
	for b > a && unicode.IsSpace(gs[b-1].R) {
		b--
	}
	if a == 0 && b == len(gs) {
		ok := true
		for _, g := range gs {
			if unicode.IsSpace(g.R) {
				ok = false
				break
			}
		}
		if ok {
			return gs
		}
	}
	out := make([]Glyph, 0, b-a)
	for _, g := range gs[a:b] {
		if !unicode.IsSpace(g.R) {
			out = append(out, g)
		}
	}
	return out
}

// minFullLines is how many full lines it takes for Check to judge their
// usual length: in a shorter text one pushed character decides the mode.
const minFullLines = 5

func countFinal(body []bodyLine) int {
	n := 0
	for _, b := range body {
		if b.l.Final {
			n++
		}
	}
	return n
}

func runes(gs []Glyph) []rune {
	out := make([]rune, len(gs))
	for i, g := range gs {
		out[i] = g.R
	}
	return out
}

func endsNumber(t []rune) bool {
	n := len(t)
	if n > 0 && strings.ContainsRune(".,．", t[n-1]) {
		n--
	}
	return n > 0 && strings.ContainsRune(numDigits, t[n-1])
}

func startsNumber(t []rune) bool {
	if len(t) > 0 && strings.ContainsRune(".,．", t[0]) {
		t = t[1:]
	}
	return len(t) > 0 && strings.ContainsRune(numDigits, t[0])
}

func ctx(prev, cur []rune) string {
	a := prev[max(0, len(prev)-8):]
	b := cur[:min(8, len(cur))]
	return string(a) + "|" + string(b)
}

func short(t []rune) string {
	if len(t) > 12 {
		return string(t[:12]) + "…"
	}
	return string(t)
}
