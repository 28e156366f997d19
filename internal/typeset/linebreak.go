package typeset

import "math"

// Costs of the line breaker, in arbitrary units. A line of exactly the
// measure costs nothing. Squeezing punctuation is cheaper than pushing a
// character to the next line (clreq: 先挤进，后推出), and a mark at the end
// of a line is the first to lose its blank half (GB/T 15834 5.1.10). A
// line that is short pays for being short at all, so that a paragraph made
// a line longer pushes characters down from a few lines, as clreq's
// remedies do, rather than loosening every line a little.
const (
	costEndSqueeze = 2    // a line-end mark set half wide
	costAdjSqueeze = 10   // per half em: one of two adjacent marks (。” ）、) set half wide
	costMidSqueeze = 25   // per half em: another mark in the line set half wide
	costPushLine   = 100  // per full line made short: push down from few lines, not all
	costPush       = 60   // per em a full line is short, spread between its characters
	costPush2      = 30   // per em², so that shortness is spread over several lines
	costOrphan     = 5000 // 孤字: a last line with one character
	maxLoose       = 3.0  // ems a full line may be short before it counts as broken
	maxSqueeze     = 3.0  // ems a line may gain by squeezing its marks
	costOverflow   = 1e7  // a line nothing can make fit
	eps            = 0.01 // points
	window         = 5    // line counts kept per break: best−2 … best+2
	accSize        = 16   // line counts considered per break
)

var inf = math.Inf(1)

// measure says how the lines of a block are measured.
type measure struct {
	gap      float64 // space between glyphs as set (negative on the 28-字 grid)
	em       float64
	capFirst float64 // content (sum of advances) a first line holds
	capRest  float64 // … and every other line
}

// contentCap is how much advance fits in phys points when glyphs are set
// gap apart: a line of ideographs of size em fills phys exactly.
func contentCap(phys, gap, em float64) float64 {
	if gap == 0 {
		return phys
	}
	return (phys + gap) * em / (em + gap)
}

// variant is one way to set a block: the end of each line (a glyph index,
// exclusive) and what it costs more than the block's best way.
type variant struct {
	ends []int32
	cost float64
}

// breaker breaks paragraphs into lines; its slices are reused.
type breaker struct {
	sh                   *shaper
	wPre, adjPre, midPre []float64
	subPre               []int32
	base                 []int32
	cost                 []float64
	from                 []int32
}

const unreachable = math.MinInt32

func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n, n+n/4)
	}
	return s[:n]
}

// save is what squeezing gl[t] gains, and whether it is one of two
// adjacent marks.
func (b *breaker) save(lo, hi, t int) (float64, bool) {
	gl := b.sh.gl
	g := &gl[t]
	if g.cls&(cSqR|cSqL) == 0 || g.adv < 0.9*b.sh.size(g) {
		return 0, false
	}
	if g.cls&cSqL != 0 && (t == lo || gl[t-1].cls&cSqR != 0 || gl[t-1].adv < 0.9*b.sh.size(&gl[t-1])) {
		// An opening mark loses its blank left half only after a full
		// ideograph: in “、“” the 、 gives up its half instead, and after
		// “%” the cut “（” would be drawn left of the %, so that a reader
		// copies “（%”.
		return 0, false
	}
	adj := g.cls&cSqR != 0 && t+1 < hi && gl[t+1].cls&cPunct != 0 ||
		g.cls&cSqL != 0 && t > lo && gl[t-1].cls&cPunct != 0
	return g.adv / 2, adj
}

const (
	fits = iota
	tooWide
	tooLoose
)

// lineEnd is what lineCost needs to know of a line's end j (local): its
// last glyph that is not blank, the advance up to it, and what squeezing
// that glyph gains.
type lineEnd struct {
	li   int
	w    float64
	save float64
}

func (b *breaker) end(lo, hi, j int) lineEnd {
	gl := b.sh.gl
	li := j - 1
	for li >= 0 && gl[lo+li].cls&cSpace != 0 {
		li--
	}
	e := lineEnd{li: li}
	if li >= 0 {
		e.w = b.wPre[li+1]
		if gl[lo+li].cls&cSqR != 0 {
			e.save, _ = b.save(lo, hi, lo+li)
		}
	}
	return e
}

// lineCost is the cost of a line of glyphs lo+i … lo+j-1 (local indexes)
// that ends as e says.
func (b *breaker) lineCost(lo, hi, i, j int, e *lineEnd, m *measure, ragged, last bool) (float64, int) {
	cp := m.capRest
	if i == 0 {
		cp = m.capFirst
	}
	width := 0.0
	if e.li >= i {
		width = e.w - b.wPre[i]
	}
	excess := width - cp
	c := 0.0
	if excess > maxSqueeze*m.em+eps {
		return inf, tooWide
	}
	if excess > eps {
		if e.save > 0 {
			c += costEndSqueeze
			excess -= e.save
		}
		if excess > eps {
			adj := b.adjPre[e.li] - b.adjPre[i]
			mid := b.midPre[e.li] - b.midPre[i]
			if b.sh.gl[lo+i].cls&cSqL != 0 { // an opening mark starting the line keeps its width
				if s, a := b.save(lo, hi, lo+i); a {
					adj -= s
				} else {
					mid -= s
				}
			}
			half := m.em / 2
			t := min(excess, adj)
			c += costAdjSqueeze * t / half
			excess -= t
			t = min(excess, mid)
			c += costMidSqueeze * t / half
			excess -= t
			if excess > eps {
				return inf, tooWide
			}
		}
	} else if !ragged {
		d := -excess / m.em
		if d > eps/m.em {
			c += costPushLine + costPush*d + costPush2*d*d
		}
		if d > maxLoose {
			return c, tooLoose
		}
	}
	if last && i > 0 && b.subPre[j]-b.subPre[i] <= 1 {
		c += costOrphan
	}
	return c, fits
}

// run breaks glyphs lo..hi into lines. It returns the best setting and,
// when they exist, the best with one line fewer and one line more.
func (b *breaker) run(lo, hi int, m measure) (best, fewer, more variant) {
	n := hi - lo
	if n == 0 {
		return
	}
	gl, pen := b.sh.gl, b.sh.pen
	b.wPre = grow(b.wPre, n+1)
	b.adjPre = grow(b.adjPre, n+1)
	b.midPre = grow(b.midPre, n+1)
	b.subPre = grow(b.subPre, n+1)
	b.wPre[0], b.adjPre[0], b.midPre[0], b.subPre[0] = 0, 0, 0, 0
	for t := 0; t < n; t++ {
		g := &gl[lo+t]
		b.wPre[t+1] = b.wPre[t] + g.adv
		s, adj := b.save(lo, hi, lo+t)
		if adj {
			b.adjPre[t+1], b.midPre[t+1] = b.adjPre[t]+s, b.midPre[t]
		} else {
			b.adjPre[t+1], b.midPre[t+1] = b.adjPre[t], b.midPre[t]+s
		}
		b.subPre[t+1] = b.subPre[t]
		if g.cls&(cPunct|cSpace) == 0 {
			b.subPre[t+1]++
		}
	}
	b.base = grow(b.base, n+1)
	b.cost = grow(b.cost, (n+1)*window)
	b.from = grow(b.from, (n+1)*window)
	for r := 0; r < window; r++ {
		b.cost[r] = inf
	}
	b.base[0], b.cost[2] = -2, 0
	lastMust := 0
	// Lines from before ip to j are too loose to be full lines: the scan
	// for a line ending at j starts at ip. ip only grows with j.
	ip := 0
	loose := m.capRest - maxLoose*m.em
	for j := 1; j <= n; j++ {
		last := j == n
		pj := 0.0
		if !last {
			pj = pen[lo+j]
			if pj >= penNever {
				b.base[j] = unreachable
				continue
			}
		}
		must := !last && pj == penMust
		if must {
			pj = 0
		}
		start := j - 1
		if !last && !must {
			for ip+1 < j && b.wPre[ip+1] <= b.wPre[j]-loose {
				ip++
			}
			start = min(start, max(ip, 0))
		}
		e := b.end(lo, hi, j)
		// Candidates by line count k, in acc[k-kRef].
		var acc [accSize]float64
		var accFrom [accSize]int32
		for r := range acc {
			acc[r] = inf
		}
		kRef, found := int32(unreachable), false
		for pass := 0; pass < 3 && !found; pass++ {
			if pass > 0 {
				start = j - 1
			}
			for i := start; i >= lastMust; i-- {
				bi := b.base[i]
				if bi == unreachable {
					continue
				}
				lc, st := b.lineCost(lo, hi, i, j, &e, &m, last || must, last)
				switch {
				case pass == 2:
					lc = costOverflow
				case st == tooWide:
					i = -1 // wider lines cannot fit either
					continue
				case st == tooLoose && pass == 0:
					continue
				}
				if kRef == unreachable {
					kRef = bi + 1 - accSize/2 + window/2
				}
				row := b.cost[i*window : (i+1)*window]
				for r, c := range row {
					if c == inf {
						continue
					}
					a := bi + int32(r) + 1 - kRef
					if a < 0 || a >= accSize {
						continue
					}
					if c += lc + pj; c < acc[a] {
						acc[a], accFrom[a] = c, int32(i*window+r)
						found = true
					}
				}
				if pass == 2 {
					break // one overflowing line, from the nearest break
				}
			}
		}
		best := 0
		for a := range acc {
			if acc[a] < acc[best] {
				best = a
			}
		}
		b.base[j] = kRef + int32(best) - 2
		for r := 0; r < window; r++ {
			a := best - 2 + r
			if a < 0 || a >= accSize {
				b.cost[j*window+r] = inf
				continue
			}
			b.cost[j*window+r], b.from[j*window+r] = acc[a], accFrom[a]
		}
		if must {
			lastMust = j
		}
	}
	row := b.cost[n*window : (n+1)*window]
	best = b.trace(lo, n, 2)
	c0 := row[2]
	if row[1] != inf {
		fewer = b.trace(lo, n, 1)
		fewer.cost = row[1] - c0
	}
	if row[3] != inf {
		more = b.trace(lo, n, 3)
		more.cost = row[3] - c0
	}
	return
}

// trace follows the DP back from entry r of break n.
func (b *breaker) trace(lo, n, r int) variant {
	k := int(b.base[n]) + r
	ends := make([]int32, k)
	e := n*window + r
	for i := k - 1; i >= 0; i-- {
		ends[i] = int32(lo + e/window)
		e = int(b.from[e])
	}
	return variant{ends: ends}
}
