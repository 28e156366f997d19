package fill

import (
	"fmt"
	"sort"
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// Ratios: a cell such as “2.02:1” or “1.9:75.1:23.0” is a ratio
// (workbook.Proportion).
//
//	比例 "三次产业比例"                      1.9:75.1:23.0, as the cell shows it
//	比例 "第一产业" "第二产业" "第三产业"      shares of the figures, summing to exactly 100
//	比值 "城镇居民收入" "农村居民收入"          2.02:1
//	比例变化 "城乡收入比"                     由2.05:1缩小为2.02:1

// proportion is 比例.
func (f *Filler) proportion(args ...any) (Text, error) {
	names, digits, err := ratioArgs("比例", args, 1)
	if err != nil {
		return "", err
	}
	if len(names) == 1 {
		v, err := f.ratioValue("比例", names[0], "")
		if err != nil {
			return "", err
		}
		return Text(v.String()), nil
	}
	parts, err := f.figures("比例", names)
	if err != nil {
		return "", err
	}
	shares, err := largestRemainder(parts, digits)
	if err != nil {
		return "", err
	}
	return Text(joinParts(shares, digits)), nil
}

// quotient is 比值: one figure to another as X:1.
func (f *Filler) quotient(args ...any) (Text, error) {
	names, digits, err := ratioArgs("比值", args, 2)
	if err != nil {
		return "", err
	}
	if len(names) != 2 {
		return "", kindError("比值 需要两个指标（如 \"城镇居民收入\" \"农村居民收入\"），这里给了%d个", len(names))
	}
	parts, err := f.figures("比值", names)
	if err != nil {
		return "", err
	}
	if parts[1].IsZero() {
		return "", fmt.Errorf("比值：指标“%s”是0，无法相除", names[1])
	}
	return Text(parts[0].DivRound(parts[1], 16).StringFixed(int32(digits)) + ":1"), nil
}

// ratioChange is 比例变化: a ratio against its 去年同期 (or 上期, or the
// base named): 由2.05:1缩小为2.02:1, 由1.9:75.1:23.0调整为2.0:74.3:23.7.
func (f *Filler) ratioChange(name string, base ...string) (Text, error) {
	if len(base) > 1 {
		return "", kindError("比例变化 最多有两个参数：指标名和比较的一期（去年同期 或 上期）")
	}
	which := "去年同期"
	if len(base) == 1 {
		which = base[0]
	}
	cur, err := f.ratioValue("比例变化", name, "")
	if err != nil {
		return "", err
	}
	old, err := f.ratioValue("比例变化", name, which)
	if err != nil {
		return "", err
	}
	return Text(ratioWords(old, cur)), nil
}

// ratioWords words how a ratio moved.
func ratioWords(old, cur workbook.Value) string {
	from, to := old.String(), cur.String()
	if len(old.Parts) != 2 || len(cur.Parts) != 2 {
		if samePartsValue(old, cur) {
			return "保持" + to + "不变"
		}
		return "由" + from + "调整为" + to
	}
	a := old.Parts[0].Num.DivRound(old.Parts[1].Num, 16)
	b := cur.Parts[0].Num.DivRound(cur.Parts[1].Num, 16)
	switch b.Cmp(a) {
	case -1:
		return "由" + from + "缩小为" + to
	case 1:
		return "由" + from + "扩大为" + to
	}
	return "保持" + to + "不变"
}

func samePartsValue(a, b workbook.Value) bool {
	if len(a.Parts) != len(b.Parts) {
		return false
	}
	for i := range a.Parts {
		if !a.Parts[i].Num.Equal(b.Parts[i].Num) {
			return false
		}
	}
	return true
}

// ratioValue is a figure's ratio: its 数值, or the column named.
func (f *Filler) ratioValue(fn, name, col string) (workbook.Value, error) {
	m, err := f.lookupMetric(name)
	if err != nil {
		return workbook.Value{}, err
	}
	v, label := m.Value, "数值"
	if col != "" {
		if v, label, err = metricColumn(m, col); err != nil {
			return workbook.Value{}, err
		}
	}
	switch {
	case v.IsEmpty():
		return v, fmt.Errorf("%s指标“%s”的%s是空的，%s 需要它", at(v.Ref), m.Name, label, fn)
	case v.Kind != workbook.Proportion:
		return v, valueError("%s“%s”不是比例，%s 需要“2.02:1”或“1.9:75.1:23.0”这样的比例", at(v.Ref), shown(v.String()), fn)
	}
	return v, nil
}

// ratioArgs separates the names of 比例 and 比值 from their count of
// decimals (def when none).
func ratioArgs(fn string, args []any, def int) ([]string, int, error) {
	var names []string
	digits := def
	for i, a := range args {
		if s, ok := a.(string); ok {
			names = append(names, s)
			continue
		}
		if i != len(args)-1 {
			return nil, 0, kindError("%s 的参数是指标名，最后可以再给小数位数；这里第%d个参数是%s", fn, i+1, kindName(a))
		}
		n, err := digitsArg(fn, a)
		if err != nil {
			return nil, 0, err
		}
		digits = n
	}
	if len(names) == 0 {
		return nil, 0, kindError("%s 需要指标名", fn)
	}
	return names, digits, nil
}

// figures are the values of figures, which must be numbers of one kind.
func (f *Filler) figures(fn string, names []string) ([]decimal.Decimal, error) {
	out := make([]decimal.Decimal, len(names))
	for i, name := range names {
		n, err := f.metricNumber(fn, name)
		if err != nil {
			return nil, err
		}
		if n.D.IsNegative() {
			return nil, fmt.Errorf("%s：指标“%s”是负数（%s），不能算比例", fn, name, n.text())
		}
		out[i] = n.D
	}
	return out, nil
}

// largestRemainder turns parts into percentages with digits decimals that
// sum to exactly 100: each share is rounded down, and the units still
// missing go to the shares with the largest remainders.
func largestRemainder(parts []decimal.Decimal, digits int) ([]decimal.Decimal, error) {
	total := decimal.Zero
	for _, p := range parts {
		total = total.Add(p)
	}
	if total.IsZero() {
		return nil, fmt.Errorf("比例：各项之和是0，无法算比例")
	}
	unit := decimal.New(1, int32(-digits))
	shares := make([]decimal.Decimal, len(parts))
	rest := make([]decimal.Decimal, len(parts))
	sum := decimal.Zero
	for i, p := range parts {
		exact := p.Mul(decimal.NewFromInt(100)).DivRound(total, 20)
		shares[i] = exact.Div(unit).Floor().Mul(unit)
		rest[i] = exact.Sub(shares[i])
		sum = sum.Add(shares[i])
	}
	order := make([]int, len(parts))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rest[order[a]].GreaterThan(rest[order[b]]) })
	for k := 0; sum.LessThan(decimal.NewFromInt(100)) && k < len(order); k++ {
		shares[order[k]] = shares[order[k]].Add(unit)
		sum = sum.Add(unit)
	}
	return shares, nil
}

func joinParts(parts []decimal.Decimal, digits int) string {
	s := make([]string, len(parts))
	for i, p := range parts {
		s[i] = p.StringFixed(int32(digits))
	}
	return strings.Join(s, ":")
}
