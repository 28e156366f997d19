package fill

import (
	"fmt"
	"strconv"
	"strings"
)

// rankText is 名次: a rank in the report's style (写法 名次, 首位) or the
// style given: {{名次 "规上工业增加值"}} → 第6位; {{名次 3 "第几位"}} →
// 第三位; {{名次 1 "首位"}} → 首位. A figure's rank is its 排名 column.
func (f *Filler) rankText(x any, opts ...string) (Text, error) {
	n, err := f.rankNumber(x)
	if err != nil {
		return "", err
	}
	pattern, first := f.style.Rank, f.style.First
	for _, o := range opts {
		switch {
		case o == "首位":
			first = true
		case contains(rankStyles, o):
			pattern = o
		default:
			return "", kindError("名次 不认识选项“%s”（可用：%s、首位）", o, strings.Join(rankStyles, "、"))
		}
	}
	if n == 1 && first {
		return "首位", nil
	}
	return Text(rankPattern(n, pattern)), nil
}

// rankPattern writes rank n with a pattern of rankStyles ("" for 第N位).
func rankPattern(n int, pattern string) string {
	if pattern == "" {
		pattern = "第N位"
	}
	if strings.Contains(pattern, "几") {
		return strings.Replace(pattern, "几", chinese(n), 1)
	}
	return strings.Replace(pattern, "N", strconv.Itoa(n), 1)
}

// rankNumber reads a rank: a figure's 排名, or a number.
func (f *Filler) rankNumber(x any) (int, error) {
	if name, ok := x.(string); ok {
		m, err := f.lookupMetric(name)
		if err != nil {
			return 0, err
		}
		if m.Rank.IsEmpty() {
			return 0, fmt.Errorf("%s指标“%s”的排名是空的，名次 需要它（“指标”表中加一列“排名”）", at(m.Rank.Ref), m.Name)
		}
		f.noteValue(val(m.Rank))
		x = val(m.Rank)
	}
	n, err := toInt("名次", x)
	if err != nil {
		return 0, err
	}
	if n < 1 {
		return 0, fmt.Errorf("名次 需要从1起的名次，这里是%d", n)
	}
	return n, nil
}
