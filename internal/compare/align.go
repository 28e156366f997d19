package compare

import "sort"

// match pairs equal elements of two sequences: a[i] == b[j].
type match struct{ i, j int }

// alignWork bounds the steps of the exact (Myers) diff of the sentences
// of two texts, and wordWork those of all the word diffs of their changed
// sentences: each some tenths of a second at most. Beyond it sequences are
// aligned on the elements that occur once in each (patience diff), and
// the stretches between those anchors are diffed again with what work is
// left.
const (
	alignWork = 20_000_000
	wordWork  = 2 * alignWork
)

// maxAnchorDepth bounds how often a stretch between anchors is anchored
// again once the work is spent; deeper stretches stay unmatched.
const maxAnchorDepth = 8

// aligner finds a longest common subsequence of two sequences of ids.
type aligner struct {
	work   int // steps left for exact diffs
	out    []match
	v1, v2 []int // bisect's furthest reaches, reused
}

// align returns the matches of a longest common subsequence of a and b in
// increasing order: exact while the work allows (taken from *work), close
// to it beyond. The result depends on the input only, never on the time
// taken.
func align(a, b []int32, work *int) []match {
	al := &aligner{work: *work, out: make([]match, 0, min(len(a), len(b)))}
	al.diff(a, b, 0, 0, 0)
	*work = max(al.work, 0)
	return al.out
}

// diff aligns a and b, which start at ai and bi of the whole sequences.
func (al *aligner) diff(a, b []int32, ai, bi, depth int) {
	keep := len(al.out)
	if al.exact(a, b, ai, bi) {
		return
	}
	al.out = al.out[:keep]
	al.anchored(a, b, ai, bi, depth)
}

// exact appends the matches of a longest common subsequence, or reports
// false when the work ran out (leaving a partial result to discard).
func (al *aligner) exact(a, b []int32, ai, bi int) bool {
	p := commonPrefix(a, b)
	al.matchRun(ai, bi, p)
	a, b, ai, bi = a[p:], b[p:], ai+p, bi+p
	s := commonSuffix(a, b)
	a, b = a[:len(a)-s], b[:len(b)-s]
	if len(a) > 0 && len(b) > 0 {
		x, y, ok := al.bisect(a, b)
		if !ok {
			return false
		}
		if (x == 0 && y == 0) || (x == len(a) && y == len(b)) {
			x = -1 // no progress: leave the stretch unmatched rather than loop
		}
		if x >= 0 && (!al.exact(a[:x], b[:y], ai, bi) || !al.exact(a[x:], b[y:], ai+x, bi+y)) {
			return false
		}
	}
	al.matchRun(ai+len(a), bi+len(b), s)
	return true
}

func (al *aligner) matchRun(i, j, n int) {
	for k := 0; k < n; k++ {
		al.out = append(al.out, match{i + k, j + k})
	}
}

func commonPrefix(a, b []int32) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b []int32) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

// bisect finds where a shortest edit script of a and b crosses its middle
// (Myers 1986, section 4b; the form of diff-match-patch's bisect), so that
// the halves can be diffed on their own in linear space. It returns the
// split point, x = -1 when a and b share nothing, and false when the work
// ran out.
func (al *aligner) bisect(a, b []int32) (x, y int, ok bool) {
	n, m := len(a), len(b)
	maxD := (n + m + 1) / 2
	off, size := maxD, 2*maxD+2
	if cap(al.v1) < size {
		al.v1, al.v2 = make([]int, size), make([]int, size)
	}
	v1, v2 := al.v1[:size], al.v2[:size]
	for i := range v1 {
		v1[i], v2[i] = -1, -1
	}
	v1[off+1], v2[off+1] = 0, 0
	delta := n - m
	front := delta%2 != 0
	var k1lo, k1hi, k2lo, k2hi int
	for d := 0; d < maxD; d++ {
		if al.work -= 2*d + 1; al.work < 0 { // the diagonals of both searches
			return 0, 0, false
		}
		for k1 := -d + k1lo; k1 <= d-k1hi; k1 += 2 {
			x1 := step(v1, off, k1, d)
			y1 := x1 - k1
			start := x1
			for x1 < n && y1 < m && a[x1] == b[y1] {
				x1, y1 = x1+1, y1+1
			}
			al.work -= x1 - start
			v1[off+k1] = x1
			switch {
			case x1 > n:
				k1hi += 2
			case y1 > m:
				k1lo += 2
			case front:
				if k2 := off + delta - k1; k2 >= 0 && k2 < size && v2[k2] != -1 && x1 >= n-v2[k2] {
					return x1, y1, true
				}
			}
		}
		for k2 := -d + k2lo; k2 <= d-k2hi; k2 += 2 {
			x2 := step(v2, off, k2, d)
			y2 := x2 - k2
			start := x2
			for x2 < n && y2 < m && a[n-x2-1] == b[m-y2-1] {
				x2, y2 = x2+1, y2+1
			}
			al.work -= x2 - start
			v2[off+k2] = x2
			switch {
			case x2 > n:
				k2hi += 2
			case y2 > m:
				k2lo += 2
			case !front:
				if k1 := off + delta - k2; k1 >= 0 && k1 < size && v1[k1] != -1 && v1[k1] >= n-x2 {
					return v1[k1], off + v1[k1] - k1, true
				}
			}
		}
	}
	return -1, -1, true
}

// step is the furthest x on diagonal k after d edits, before its snake.
func step(v []int, off, k, d int) int {
	if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
		return v[off+k+1]
	}
	return v[off+k-1] + 1
}

// anchored aligns a and b on the elements that occur exactly once in
// each, in the longest run that keeps their order, and diffs the stretches
// between them. Without anchors (or too deep) the stretch stays unmatched.
func (al *aligner) anchored(a, b []int32, ai, bi, depth int) {
	anchors := uniqueAnchors(a, b)
	if len(anchors) == 0 || depth >= maxAnchorDepth {
		return
	}
	pi, pj := 0, 0
	for _, an := range anchors {
		al.diff(a[pi:an.i], b[pj:an.j], ai+pi, bi+pj, depth+1)
		al.out = append(al.out, match{ai + an.i, bi + an.j})
		pi, pj = an.i+1, an.j+1
	}
	al.diff(a[pi:], b[pj:], ai+pi, bi+pj, depth+1)
}

// uniqueAnchors pairs the elements that occur once in a and once in b,
// keeping the longest subsequence whose positions increase in both
// (patience sorting, O(n log n)).
func uniqueAnchors(a, b []int32) []match {
	count := map[int32]int{}
	for _, x := range a {
		count[x]++
	}
	inB := map[int32]int{}
	for j, x := range b {
		if count[x] == 1 {
			if _, seen := inB[x]; seen {
				inB[x] = -1
			} else {
				inB[x] = j
			}
		}
	}
	var pairs []match
	for i, x := range a {
		if j, ok := inB[x]; ok && j >= 0 && count[x] == 1 {
			pairs = append(pairs, match{i, j})
		}
	}
	return increasing(pairs)
}

// increasing is the longest subsequence of pairs (ordered by i) whose j
// increase too.
func increasing(pairs []match) []match {
	var tails []int // index in pairs of the smallest tail of each length
	prev := make([]int, len(pairs))
	for p, pr := range pairs {
		n := sort.Search(len(tails), func(t int) bool { return pairs[tails[t]].j >= pr.j })
		prev[p] = -1
		if n > 0 {
			prev[p] = tails[n-1]
		}
		if n == len(tails) {
			tails = append(tails, p)
		} else {
			tails[n] = p
		}
	}
	out := make([]match, len(tails))
	for k, p := len(tails)-1, -1; k >= 0; k-- {
		if p == -1 {
			p = tails[k]
		} else {
			p = prev[p]
		}
		out[k] = pairs[p]
	}
	return out
}
