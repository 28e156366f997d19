package fill

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// Rates as statistics bureaus publish them. A row of 指标 may give an
// indicator's signed growth rate (增速, 当月增速) instead of, or beside, last
// year's value; the rate functions word the published rate as it is, with
// the decimals its cell shows:
//
//	增速 "规上工业增加值"        -7.7%
//	增长 "规上工业增加值"        下降7.7%   (14 → 增长14%, 0 → 持平 or the report's 写法)
//	同比 "规上工业增加值" "当月"  同比增长3.2%
//	分别增长 "工业用电量" "全社会用电量"  分别增长8.1%、下降0.6%
//
// Without a published rate they compute it from 去年同期, as 同比 always has.

// view is a figure as the rate functions see it: the whole period, or the
// month alone (当月).
type view struct {
	m     *workbook.Metric
	month bool
	value workbook.Value // 数值, or 当月
	rate  workbook.Value // the published rate: 增速 or 当月增速; Empty when none
}

// label names the view in messages.
func (v *view) label() string {
	if v.month {
		return v.m.Name + "（当月）"
	}
	return v.m.Name
}

// view finds a figure for fn, for the month alone when month is set.
func (f *Filler) view(fn, name string, month bool) (*view, error) {
	m, err := f.lookupMetric(name)
	if err != nil {
		return nil, err
	}
	v := &view{m: m, month: month, value: m.Value, rate: m.Growth}
	if month {
		v.value, v.rate = m.Month, m.MonthGrowth
		if v.value.IsEmpty() && v.rate.IsEmpty() {
			return nil, fmt.Errorf("%s 指标“%s”没有当月数：“指标”表中加一列“当月”或“当月增速”，%s 才能写当月", m.Ref, m.Name, fn)
		}
		return v, nil
	}
	if v.rate.IsEmpty() && isRateFigure(m) {
		v.rate = m.Value
	}
	return v, nil
}

// rateSuffixes end the names of figures that are themselves growth rates.
var rateSuffixes = []string{"增速", "增长率", "增幅", "增长"}

// isRateFigure reports whether a figure is itself a growth rate: a
// percentage named like 规上工业增加值增速.
func isRateFigure(m *workbook.Metric) bool {
	if !m.Value.Ratio || m.Value.Kind != workbook.Number {
		return false
	}
	for _, s := range rateSuffixes {
		if strings.HasSuffix(m.Name, s) {
			return true
		}
	}
	return false
}

// prevRate and lastRate are the rates of the previous period and of the
// same period last year that the view is compared with.
func (v *view) prevRate() workbook.Value {
	switch {
	case v.month:
		return workbook.Value{}
	case !v.m.PrevGrowth.IsEmpty():
		return v.m.PrevGrowth
	case isRateFigure(v.m):
		return v.m.Prev
	}
	return workbook.Value{}
}

func (v *view) lastRate() workbook.Value {
	switch {
	case v.month:
		return workbook.Value{}
	case !v.m.LastGrowth.IsEmpty():
		return v.m.LastGrowth
	case isRateFigure(v.m):
		return v.m.LastYear
	}
	return workbook.Value{}
}

// growth is the view's growth rate as a number: the published rate, or
// the one computed from the value and its 去年同期 (computed true).
func (f *Filler) growth(fn string, v *view) (n Number, computed bool, err error) {
	if !v.rate.IsEmpty() {
		n, err = toNumber(fn, val(v.rate))
		return n, false, err
	}
	if v.month {
		return Number{}, false, fmt.Errorf("%s指标“%s”的当月增速是空的，%s 需要它", at(v.m.MonthGrowth.Ref), v.m.Name, fn)
	}
	cur, err := f.metricNumber(fn, v.m.Name)
	if err != nil {
		return Number{}, false, err
	}
	base, err := f.side(fn, v.m, sideLastYear)
	if err != nil {
		return Number{}, false, growthMissing(fn, v.m, err)
	}
	if base.D.IsZero() || cur.Ratio != base.Ratio {
		return Number{}, false, fmt.Errorf("%s指标“%s”的去年同期是%s，算不出增速", at(v.m.LastYear.Ref), v.m.Name, base.text())
	}
	d := cur.D.Sub(base.D).DivRound(base.D.Abs(), 16)
	return Number{D: d, Places: -1, Ratio: true, how: "由" + v.m.Name + "的数值和去年同期算得"}, true, nil
}

// growthMissing says that a figure has neither a published rate nor the
// 去年同期 to compute one.
func growthMissing(fn string, m *workbook.Metric, err error) error {
	if m.Growth.Ref.Sheet != "" {
		return fmt.Errorf("%s指标“%s”的增速是空的，去年同期也是空的，%s 需要其中之一", at(m.Growth.Ref), m.Name, fn)
	}
	return err
}

// rateWords words a growth rate: 增长7.7%, 下降7.7%, or the report's
// wording of no change; prefix (同比, 环比) goes before the word.
func (f *Filler) rateWords(rate Number, computed bool, o changeOpts, prefix string) string {
	places := rate.Places
	if computed || places < 0 {
		places = 1
	}
	if o.places >= 0 {
		f.warnDrop(rate, o.places)
	}
	s, moved := o.format(rate.D.Shift(2), places)
	if !moved {
		return f.style.flat(prefix)
	}
	up, down := o.words("增长", "下降")
	if rate.D.IsNegative() {
		return prefix + down + s + "%"
	}
	return prefix + up + s + "%"
}

// warnDrop warns when a template's count of decimals drops a digit that is
// not 0 from a figure the workbook shows with more (23.5% with 0 decimals).
func (f *Filler) warnDrop(n Number, places int) {
	if n.Places < 0 || places >= n.Places {
		return
	}
	shown := round(n, places)
	if shown.D.Equal(n.D) {
		return
	}
	f.warn(fmt.Sprintf("保留%d位小数会把工作簿中的%s写成%s，舍去了不为0的数字；去掉小数位数这个选项，就按单元格显示的位数写", places, n.text(), shown.text()))
}

// growthText is 增长 and 同比: a figure's growth words, from its published
// rate or from its 去年同期.
func (f *Filler) growthText(fn, prefix, name string, opts []any) (Text, error) {
	o, err := parseOpts(fn, opts)
	if err != nil {
		return "", err
	}
	v, err := f.view(fn, name, o.month)
	if err != nil {
		return "", err
	}
	f.note(f.factOf(v))
	// 同比 of a figure without a 增速 column compares it with its 去年同期,
	// as it always has (in percentage points for a percentage).
	if !v.month && (v.rate.IsEmpty() || fn == "同比" && v.m.Growth.IsEmpty()) {
		return f.compareSide(fn, prefix, v.m, sideLastYear, false, o)
	}
	rate, computed, err := f.growth(fn, v)
	if err != nil {
		return "", err
	}
	return Text(f.rateWords(rate, computed, o, prefix)), nil
}

// rateValue is 增速: a figure's growth rate as a number, -7.7%.
func (f *Filler) rateValue(name string, opts ...any) (Number, error) {
	o, err := parseOpts("增速", opts)
	if err != nil {
		return Number{}, err
	}
	v, err := f.view("增速", name, o.month)
	if err != nil {
		return Number{}, err
	}
	f.note(f.factOf(v))
	n, computed, err := f.growth("增速", v)
	if err != nil {
		return Number{}, err
	}
	if computed {
		n = round(n, 1)
		n.how = "由" + v.m.Name + "的数值和去年同期算得"
	}
	if o.places >= 0 {
		f.warnDrop(n, o.places)
		n = round(n, o.places)
	}
	return n, nil
}

// absolute is 绝对值: a number without its sign, 7.7% for -7.7%.
func (f *Filler) absolute(x any) (Number, error) {
	n, err := toNumber("绝对值", x)
	if err != nil {
		return Number{}, err
	}
	if v, ok := x.(Value); ok {
		f.noteValue(v)
	}
	n.D = n.D.Abs()
	return n, nil
}

// respectively is 分别增长: the growth words of several figures, or of a
// list of rates, after one 分别: 分别增长8.1%、2.5% when the signs agree,
// 分别增长8.1%、下降0.6% when they differ.
func (f *Filler) respectively(args ...any) (Text, error) {
	const fn = "分别增长"
	items, opts, err := splitItems(fn, args)
	if err != nil {
		return "", err
	}
	o, err := parseOpts(fn, opts)
	if err != nil {
		return "", err
	}
	rates, err := f.itemRates(fn, items, o)
	if err != nil {
		return "", err
	}
	if len(rates) < 2 {
		return "", kindError("分别增长 至少需要两个指标（或一列中的两个增速），这里只有%d个", len(rates))
	}
	return Text(f.joinRates(rates, o)), nil
}

// splitItems separates the figures of 分别增长 (names, lists, numbers)
// from its options (a count of decimals, 去零, 当月, a pair of words).
func splitItems(fn string, args []any) (items, opts []any, err error) {
	for _, a := range args {
		switch v := a.(type) {
		case string:
			if isOption(v) {
				opts = append(opts, v)
				continue
			}
			items = append(items, v)
		case int:
			opts = append(opts, v)
		default:
			items = append(items, v)
		}
	}
	return items, opts, nil
}

// isOption reports whether a string argument is an option of the change
// functions rather than a name.
func isOption(s string) bool {
	return s == "去零" || s == "当月" || strings.Count(s, "/") == 1 && !strings.HasPrefix(s, "/") && !strings.HasSuffix(s, "/")
}

// rated is one figure of 分别增长: its rate and whether it was computed.
type rated struct {
	n        Number
	computed bool
}

func (f *Filler) itemRates(fn string, items []any, o changeOpts) ([]rated, error) {
	var out []rated
	for _, it := range items {
		switch v := it.(type) {
		case string:
			view, err := f.view(fn, v, o.month)
			if err != nil {
				return nil, err
			}
			f.note(f.factOf(view))
			n, computed, err := f.growth(fn, view)
			if err != nil {
				return nil, err
			}
			out = append(out, rated{n, computed})
		case List:
			for _, x := range v {
				n, err := f.listRate(fn, x)
				if err != nil {
					return nil, err
				}
				out = append(out, rated{n: n})
			}
		default:
			n, err := toNumber(fn, it)
			if err != nil {
				return nil, err
			}
			if !n.Ratio {
				return nil, kindError("%s 需要增速（百分数），%s 不是百分数", fn, describe(n))
			}
			out = append(out, rated{n: n, computed: n.Places < 0})
		}
	}
	return out, nil
}

// listRate reads one value of a column of rates.
func (f *Filler) listRate(fn string, x Value) (Number, error) {
	n, err := toNumber(fn, x)
	if err != nil {
		return Number{}, err
	}
	if !n.Ratio {
		return Number{}, valueError("%s%s 不是百分数：分别增长 需要一列增速（列名写作“增速（%%）”）", at(x.Ref), shown(x.Value.String()))
	}
	f.noteValue(x)
	return n, nil
}

// joinRates words rates after 分别: one verb when the signs agree.
func (f *Filler) joinRates(rates []rated, o changeOpts) string {
	words := make([]string, len(rates))
	signs := map[int]bool{}
	for i, r := range rates {
		words[i] = f.rateWords(r.n, r.computed, o, "")
		signs[rateSign(r.n, r.computed, o)] = true
	}
	if len(signs) > 1 {
		return "分别" + strings.Join(words, "、")
	}
	up, down := o.words("增长", "下降")
	for i, w := range words {
		if i > 0 {
			w = strings.TrimPrefix(strings.TrimPrefix(w, up), down)
		}
		words[i] = w
	}
	if _, flat := signs[0]; flat {
		return "均" + f.style.flat("")
	}
	return "分别" + strings.Join(words, "、")
}

// rateSign is the sign a rate is worded with, after rounding.
func rateSign(n Number, computed bool, o changeOpts) int {
	places := n.Places
	if computed || places < 0 {
		places = 1
	}
	if o.places >= 0 {
		places = o.places
	}
	d := n.D.Shift(2).Round(int32(places))
	return d.Sign()
}

// describe writes a number for a message, with how it was computed when
// it appears nowhere in the workbook.
func describe(n Number) string {
	if n.how == "" {
		return n.text()
	}
	return n.text() + "（" + n.how + "）"
}

// signOf is the sign of a decimal as -1, 0 or 1.
func signOf(d decimal.Decimal) int { return d.Sign() }
