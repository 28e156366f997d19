package typeset

import "strings"

// Tails of a 公文 title before which a long title breaks well:
// “关于……工作|情况的汇报”.
var titleTails = []string{"情况的汇报", "情况汇报", "情况报告", "情况的报告", "工作报告", "工作方案", "实施方案", "实施意见", "工作情况", "有关情况", "有关问题"}

// title sets the document title: centred, in as few lines as the measure
// allows, broken where a phrase ends (after 的, a mark, before 情况汇报 …),
// with lines of similar length and never one or two characters alone.
func (l *layouter) title(bi int, b *Block) ([]setting, error) {
	def := l.defStyle(KindTitle)
	lo, hi, err := l.sh.shape(b.Runs, def, bi)
	if err != nil || lo == hi {
		return nil, err
	}
	size := l.sh.styles[l.sh.gl[lo].style].Size
	g := l.g
	ends := l.balance(lo, hi, g.Width, size)
	if ends == nil {
		m, _, _ := l.measureFor(size, 0, g.Left, g.Width)
		best, _, _ := l.br.run(lo, hi, m)
		ends = best.ends
	}
	lines := make([]lineRef, len(ends))
	start := int32(lo)
	for i, e := range ends {
		lines[i] = lineRef{lo: start, hi: e, left: g.Left, phys: g.Width, cap: g.Width, size: size, align: AlignCenter, final: i == len(ends)-1}
		start = e
	}
	return []setting{{lines: lines}}, nil
}

// balance breaks a title of glyphs lo..hi into lines of at most w points.
// It returns nil when no break allowed by the rules gives lines that fit.
func (l *layouter) balance(lo, hi int, w, size float64) []int32 {
	gl := l.sh.gl
	n := hi - lo
	pre := make([]float64, n+1)
	sub := make([]int, n+1)
	var text strings.Builder
	for i := 0; i < n; i++ {
		pre[i+1] = pre[i] + gl[lo+i].adv
		sub[i+1] = sub[i]
		if gl[lo+i].cls&(cPunct|cSpace) == 0 {
			sub[i+1]++
		}
		text.WriteRune(gl[lo+i].r)
	}
	if pre[n] <= w+eps {
		return []int32{int32(hi)}
	}
	runes := []rune(text.String())
	score := make([]float64, n+1) // cost of a break before glyph i
	for i := 1; i < n; i++ {
		p := l.sh.pen[lo+i]
		if p >= penForbidden || p < 0 {
			score[i] = inf
			continue
		}
		s := p
		a, c := gl[lo+i-1], gl[lo+i]
		switch {
		case a.cls&(cSqR|cNoStart) != 0 && a.cls&cPunct != 0:
			s -= 20
		case a.r == '的':
			s -= 15
		case strings.ContainsRune("和与及暨并", a.r):
			s -= 8
		}
		if strings.ContainsRune("的了着们", c.r) {
			s += 30
		}
		rest := string(runes[i:])
		for _, t := range titleTails {
			if strings.HasPrefix(rest, t) {
				s -= 12
				break
			}
		}
		score[i] = s
	}
	k0 := int(pre[n]/w) + 1
	var best []int32
	bestCost := inf
	for k := k0; k <= k0+1 && k <= n; k++ {
		mean := pre[n] / float64(k)
		// dp[j][m]: best cost of m lines ending before glyph j.
		dp := make([][]float64, n+1)
		from := make([][]int, n+1)
		for j := range dp {
			dp[j] = make([]float64, k+1)
			from[j] = make([]int, k+1)
			for m := range dp[j] {
				dp[j][m] = inf
			}
		}
		dp[0][0] = 0
		for j := 1; j <= n; j++ {
			if j < n && score[j] == inf {
				continue
			}
			for i := j - 1; i >= 0; i-- {
				if pre[j]-pre[i] > w+eps {
					break
				}
				if i > 0 && score[i] == inf {
					continue
				}
				d := (pre[j] - pre[i] - mean) / size
				c := 4 * d * d
				if sub[j]-sub[i] < 3 {
					c += 1e4
				}
				if j < n {
					c += score[j]
				}
				for m := 1; m <= k; m++ {
					if dp[i][m-1]+c < dp[j][m] {
						dp[j][m] = dp[i][m-1] + c
						from[j][m] = i
					}
				}
			}
		}
		c := dp[n][k] + 40*float64(k-k0)
		if c < bestCost {
			bestCost = c
			best = make([]int32, k)
			j := n
			for m := k; m >= 1; m-- {
				best[m-1] = int32(lo + j)
				j = from[j][m]
			}
		}
	}
	return best
}
