package fill

import (
	"github.com/shopspring/decimal"
)

// Headline figures: 超 and 逾 round down to a round number and say the
// figure is above it, 近 rounds up and says it is just below:
// {{超 "签约金额"}} → 超80亿元 for 82.8亿元, {{近 "产值" 100}} → 近500亿元 for
// 498.2. The round number is a multiple of the step given, or of the
// figure's highest place (10 for 82.8, 100 for 498.2). A figure that is
// already round is written as it is, without the word.

// approx is 超, 逾 and 近.
func (f *Filler) approx(fn string, x any, step []any) (Text, error) {
	n, unit, err := f.numberAndUnit(fn, x)
	if err != nil {
		return "", err
	}
	if n.Ratio || n.D.IsNegative() {
		return "", kindError("%s 只能用于不为负的数量，这里是%s", fn, describe(n))
	}
	s, err := stepOf(fn, n.D, step)
	if err != nil {
		return "", err
	}
	q := n.D.Div(s)
	r := q.Floor()
	if fn == "近" {
		r = q.Ceil()
	}
	places := max(0, -int(s.Exponent()))
	round := r.Mul(s)
	text := round.StringFixed(int32(places)) + unit
	if round.Equal(n.D) {
		return Text(text), nil
	}
	return Text(fn + text), nil
}

// stepOf is the step of approx: given, or the figure's highest place.
func stepOf(fn string, d decimal.Decimal, step []any) (decimal.Decimal, error) {
	if len(step) > 1 {
		return decimal.Decimal{}, kindError("%s 最多有两个参数：数和取整的单位（如 10、100）", fn)
	}
	if len(step) == 1 {
		s, err := toNumber(fn, step[0])
		if err != nil {
			return decimal.Decimal{}, err
		}
		if !s.D.IsPositive() {
			return decimal.Decimal{}, kindError("%s 的取整单位应大于0，这里是%s", fn, describe(s))
		}
		return s.D, nil
	}
	if d.LessThan(decimal.NewFromInt(1)) {
		return decimal.New(1, -1), nil
	}
	digits := len(d.Truncate(0).String())
	return decimal.New(1, int32(digits-1)), nil
}

// numberAndUnit reads a figure by name with its unit, or any number
// without one.
func (f *Filler) numberAndUnit(fn string, x any) (Number, string, error) {
	name, ok := x.(string)
	if !ok {
		n, err := toNumber(fn, x)
		return n, "", err
	}
	m, err := f.lookupMetric(name)
	if err != nil {
		return Number{}, "", err
	}
	n, err := f.metricNumber(fn, name)
	if err != nil {
		return Number{}, "", err
	}
	f.noteValue(val(m.Value))
	if n.Ratio {
		return Number{}, "", kindError("%s 不能用于百分数“%s”", fn, describe(n))
	}
	return n, m.Unit, nil
}
