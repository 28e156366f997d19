package fill

import (
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// Change wording: the words of a comparison depend on its sign.
//
//   增减 现值 基值        增长5.2% / 下降1.3% / 持平; for two percentages
//                        提高0.8个百分点 / 降低0.8个百分点 / 持平
//   增减量 现值 基值 单位   增加8家 / 减少3家 / 持平
//   同比 环比 同比量 环比量  the same for a figure against its 去年同期 or 上期,
//                        with 同比 or 环比 in front
//   增幅变化              增幅扩大/收窄、降幅扩大/收窄、由负转正/由正转负 X个百分点
//
// A rate is rounded to one decimal unless the template asks for more or
// less; an amount or a difference of percentages keeps the decimals of the
// figures. A change that rounds to zero is 持平. See templates/README.md for
// the zero and negative bases.

// changeOpts are the options after the values of a change function: a
// count of decimals, 去零 (drop trailing zeros), and a pair of words for
// up and down such as "上升/回落".
type changeOpts struct {
	places   int // -1: the default
	trim     bool
	month    bool // 当月: the month alone, not the running total
	up, down string
}

func parseOpts(fn string, args []any) (changeOpts, error) {
	o := changeOpts{places: -1}
	for _, a := range args {
		switch v := a.(type) {
		case string, Text:
			s := plain(v)
			switch s {
			case "去零":
				o.trim = true
				continue
			case "当月":
				o.month = true
				continue
			}
			up, down, ok := strings.Cut(s, "/")
			if ok && up != "" && down != "" && !strings.Contains(down, "/") {
				o.up, o.down = up, down
				continue
			}
			return o, kindError("%s 不认识选项“%s”（可用：小数位数如 2、“去零”、“当月”、一对词如“上升/回落”）", fn, s)
		default:
			n, err := digitsArg(fn, a)
			if err != nil {
				return o, err
			}
			o.places = n
		}
	}
	return o, nil
}

func (o changeOpts) words(up, down string) (string, string) {
	if o.up != "" {
		return o.up, o.down
	}
	return up, down
}

// format writes the magnitude d with the chosen decimals (def unless the
// template chose), dropping trailing zeros when asked.
func (o changeOpts) format(d decimal.Decimal, def int) (string, bool) {
	p := def
	if o.places >= 0 {
		p = o.places
	}
	d = d.Abs()
	if p >= 0 {
		d = d.Round(int32(p))
	}
	if d.IsZero() {
		return "", false
	}
	if o.trim {
		p = -1
	}
	return formatNumber(d, p), true
}

// rate words the change from base to cur: a percentage for plain numbers,
// percentage points for two percentages. unit is written after a number in
// the 由0增至 case.
func rate(fn string, cur, base Number, unit string, o changeOpts) (string, error) {
	if cur.Ratio != base.Ratio {
		return "", kindError("%s：%s 是百分数而 %s 不是，无法比较", fn, pick(cur.Ratio, describe(cur), describe(base)), pick(cur.Ratio, describe(base), describe(cur)))
	}
	if cur.Ratio {
		return points(cur, base, o, "提高", "降低"), nil
	}
	up, down := o.words("增长", "下降")
	c, b := cur.D, base.D
	switch {
	case c.Equal(b):
		return "持平", nil
	case b.IsZero():
		word := "增至"
		if c.IsNegative() {
			word = "降至"
		}
		return "由0" + word + cur.text() + unit, nil
	case b.IsNegative() && c.IsPositive():
		return "由负转正", nil
	case b.IsPositive() && c.IsNegative():
		return "由正转负", nil
	}
	pct := c.Sub(b).Shift(2).DivRound(b.Abs(), 16)
	s, ok := o.format(pct, 1)
	if !ok {
		return "持平", nil
	}
	if pct.IsNegative() {
		return down + s + "%", nil
	}
	return up + s + "%", nil
}

func pick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// points words the difference of two percentages in percentage points.
func points(cur, base Number, o changeOpts, upWord, downWord string) string {
	up, down := o.words(upWord, downWord)
	diff := cur.D.Sub(base.D).Shift(2)
	s, ok := o.format(diff, maxPlaces(cur, base))
	if !ok {
		return "持平"
	}
	if diff.IsNegative() {
		return down + s + "个百分点"
	}
	return up + s + "个百分点"
}

// amount words the difference from base to cur with its unit.
func amount(fn string, cur, base Number, unit string, o changeOpts) (string, error) {
	if cur.Ratio != base.Ratio {
		return rate(fn, cur, base, unit, o)
	}
	if cur.Ratio {
		return points(cur, base, o, "提高", "降低"), nil
	}
	up, down := o.words("增加", "减少")
	diff := cur.D.Sub(base.D)
	s, ok := o.format(diff, maxPlaces(cur, base))
	if !ok {
		return "持平", nil
	}
	if diff.IsNegative() {
		return down + s + unit, nil
	}
	return up + s + unit, nil
}

// change is 增减: {{增减 现值 基值}} → 增长5.2%.
func change(cur, base any, opts ...any) (Text, error) {
	c, b, o, err := changeArgs("增减", cur, base, opts)
	if err != nil {
		return "", err
	}
	s, err := rate("增减", c, b, "", o)
	return Text(s), err
}

// changeAmount is 增减量: {{增减量 现值 基值 "家"}} → 增加8家.
func changeAmount(cur, base any, unit any, opts ...any) (Text, error) {
	c, b, o, err := changeArgs("增减量", cur, base, opts)
	if err != nil {
		return "", err
	}
	u, ok := unit.(string)
	if !ok {
		if t, isText := unit.(Text); isText {
			u = string(t)
		} else {
			return "", kindError("增减量 的第三个参数是单位（如 \"家\"，没有单位写 \"\"），这里给的是%s", kindName(unit))
		}
	}
	s, err := amount("增减量", c, b, u, o)
	return Text(s), err
}

func changeArgs(fn string, cur, base any, opts []any) (Number, Number, changeOpts, error) {
	c, err := toNumber(fn, cur)
	if err != nil {
		return Number{}, Number{}, changeOpts{}, err
	}
	b, err := toNumber(fn, base)
	if err != nil {
		return Number{}, Number{}, changeOpts{}, err
	}
	o, err := parseOpts(fn, opts)
	return c, b, o, err
}

// compare is 同比 环比 同比量 环比量: a figure against its 去年同期 or 上期,
// or its published rate (增速, 环比) when the workbook gives one.
func (f *Filler) compare(fn, name string, s side, byAmount bool, opts []any) (Text, error) {
	prefix := strings.TrimSuffix(fn, "量")
	if !byAmount && s == sideLastYear {
		return f.growthText(fn, prefix, name, opts)
	}
	o, err := parseOpts(fn, opts)
	if err != nil {
		return "", err
	}
	m, err := f.lookupMetric(name)
	if err != nil {
		return "", err
	}
	if o.month {
		return "", kindError("%s 没有“当月”选项：当月只有增速（用 同比 \"%s\" \"当月\"）", fn, name)
	}
	if !byAmount && !m.MoM.IsEmpty() {
		f.noteValue(val(m.MoM))
		rate, err := toNumber(fn, val(m.MoM))
		if err != nil {
			return "", err
		}
		return Text(f.rateWords(rate, false, o, prefix)), nil
	}
	return f.compareSide(fn, prefix, m, s, byAmount, o)
}

// compareSide words a figure's value against its 去年同期 or 上期.
func (f *Filler) compareSide(fn, prefix string, m *workbook.Metric, s side, byAmount bool, o changeOpts) (Text, error) {
	cur, err := f.metricNumber(fn, m.Name)
	if err != nil {
		return "", err
	}
	base, err := f.side(fn, m, s)
	if err != nil {
		return "", err
	}
	var w string
	if byAmount {
		w, err = amount(fn, cur, base, m.Unit, o)
	} else {
		w, err = rate(fn, cur, base, m.Unit, o)
	}
	if err != nil {
		return "", err
	}
	if w == "持平" {
		return Text(f.style.flat(prefix)), nil
	}
	return Text(prefix + w), nil
}

// rateShift is 增幅变化: how a growth rate moved from base to cur, both in
// percent (5.2% or 5.2): {{增幅变化 现值 基值}}, or {{增幅变化 "指标"}} for
// a figure that is a rate, against its 上期.
func (f *Filler) rateShift(args ...any) (Text, error) {
	const fn = "增幅变化"
	cur, base, rest, err := f.rateShiftArgs(fn, args)
	if err != nil {
		return "", err
	}
	o, err := parseOpts(fn, rest)
	if err != nil {
		return "", err
	}
	if cur.Ratio != base.Ratio {
		return "", kindError("增幅变化：%s 和 %s 一个是百分数、一个不是，无法比较", describe(cur), describe(base))
	}
	c, b := cur.D, base.D
	diff := c.Sub(b)
	if cur.Ratio {
		diff = diff.Shift(2)
	}
	s, moved := o.format(diff, maxPlaces(cur, base))
	switch {
	case b.IsNegative() && c.IsPositive():
		return "由负转正", nil
	case b.IsPositive() && c.IsNegative():
		return "由正转负", nil
	case b.IsZero() && c.IsPositive():
		return "由持平转为增长", nil
	case b.IsZero() && c.IsNegative():
		return "由持平转为下降", nil
	case c.IsZero() && b.IsPositive():
		return "由增长转为持平", nil
	case c.IsZero() && b.IsNegative():
		return "由下降转为持平", nil
	case c.IsZero() && b.IsZero():
		return "持平", nil
	case c.IsPositive():
		wider, narrower := o.words("扩大", "收窄")
		switch {
		case !moved:
			return "增幅持平", nil
		case diff.IsPositive():
			return Text("增幅" + wider + s + "个百分点"), nil
		}
		return Text("增幅" + narrower + s + "个百分点"), nil
	}
	wider, narrower := o.words("扩大", "收窄")
	switch {
	case !moved:
		return "降幅持平", nil
	case diff.IsNegative():
		return Text("降幅" + wider + s + "个百分点"), nil
	}
	return Text("降幅" + narrower + s + "个百分点"), nil
}

// completionWords is 完成目标: 完成目标的82.8%.
func (f *Filler) completionWords(name string, digits ...any) (Text, error) {
	n, err := f.completion("完成目标", name, digits)
	if err != nil {
		return "", err
	}
	return Text("完成目标的" + n.text() + "%"), nil
}

// rateShiftArgs reads the arguments of 增幅变化: a figure's name (its
// value against its 上期), or two rates; then the options.
func (f *Filler) rateShiftArgs(fn string, args []any) (cur, base Number, rest []any, err error) {
	if len(args) >= 1 {
		if name, ok := args[0].(string); ok {
			return f.rateShiftOf(fn, name, args[1:])
		}
	}
	if len(args) < 2 {
		return cur, base, nil, kindError("增幅变化 需要一个指标名，或者两个增速（现值和基值）")
	}
	if cur, err = toNumber(fn, args[0]); err != nil {
		return cur, base, nil, err
	}
	if base, err = toNumber(fn, args[1]); err != nil {
		return cur, base, nil, err
	}
	return cur, base, args[2:], nil
}

// rateShiftOf reads a figure for 增幅变化: its published rate against the
// previous period's (增速 and 上期增速), or its value against its 上期.
func (f *Filler) rateShiftOf(fn, name string, rest []any) (cur, base Number, _ []any, err error) {
	v, err := f.view(fn, name, false)
	if err != nil {
		return cur, base, nil, err
	}
	f.note(f.factOf(v))
	if prev := v.prevRate(); !v.rate.IsEmpty() && !prev.IsEmpty() {
		if cur, err = toNumber(fn, val(v.rate)); err != nil {
			return cur, base, nil, err
		}
		base, err = toNumber(fn, val(prev))
		return cur, base, rest, err
	}
	if cur, err = f.metricNumber(fn, name); err != nil {
		return cur, base, nil, err
	}
	base, err = f.side(fn, v.m, sidePrev)
	return cur, base, rest, err
}
