package typeset

import "strings"

// Tails of a 公文 title before which a long title breaks well:
// “关于……工作|情况的汇报”.
var titleTails = []string{"情况的汇报", "情况汇报", "情况报告", "情况的报告", "工作报告", "工作方案", "实施方案", "实施意见", "工作情况", "有关情况", "有关问题"}

// titleWords are words and set phrases of 公文 titles that a line break
// should not split (no dictionary is at hand; these cover the usual
// titles of 情况汇报, 通知, 意见 and 方案).
var titleWords = strings.Fields(`关于 进一步 加强 改进 全面 深化 推进 推动 落实 建立 健全 完善 做好 开展
	实施 印发 转发 通知 意见 方案 办法 规定 决定 报告 汇报 请示 批复 情况 工作 安全生产 安全 生产
	监督管理 监督 管理 产业链 供应链 产业 稳定 项目 重点 重大 经济 高质量 发展 建设 机制 体系
	全县 全市 全省 我县 我市 县委 县政府 人民政府 办公室 企业 服务 保障 疫情防控 疫情 防控 工业
	农业 乡村振兴 乡村 振兴 营商环境 营商 环境 优化 提升 促进 支持 扶持 若干 措施 政策 资金
	年度 上半年 下半年 季度 专项 整治 行动 检查 考核 评估 统计 数据 招商引资 招商 引资 投资 民营
	中小 科技 创新 数字 信息化 教育 卫生 医疗 养老 就业 社会 保险 公共 交通 运输 物流 生态 保护
	文化 旅游 市场 主体 财政 预算 税收 金融 风险 防范 化解 应急 消防 住房 城乡 规划 土地 资源
	能源 新能源 新材料 电子信息 制造 智能 改革 开放 合作 党建 纪律 作风 干部 人才 队伍 组织 领导
	责任 目标 任务 问题 整改 成效 经验 做法 调研 建议 总结 计划 要点 安排 部署 会议 精神 贯彻 学习`)

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
			s -= 4
		}
		if strings.ContainsRune("的了着们", c.r) {
			s += 30
		}
		if strings.ContainsRune("和与及暨并", c.r) {
			s -= 8 // “…机制|和产业链…”
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
	// Never inside a word.
	title := string(runes)
	for _, w := range titleWords {
		for from := 0; ; {
			k := strings.Index(title[from:], w)
			if k < 0 {
				break
			}
			a := len([]rune(title[:from+k]))
			for i := a + 1; i < a+len([]rune(w)) && i < n; i++ {
				score[i] += 30
			}
			from += k + len(w)
		}
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
