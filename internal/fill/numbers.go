package fill

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

// toNumber reads x as a number for function fn: a workbook number (with
// the decimals its cell shows), a computed Number, or a number the
// template wrote (3, 1.5, "2.675").
func toNumber(fn string, x any) (Number, error) {
	if n, ok := asNumber(x); ok {
		return n, nil
	}
	switch v := x.(type) {
	case Value:
		return Number{}, notNumber(fn, v.cell())
	case string, Text:
		return Number{}, kindError("“%s”不是数字，%s 需要数字", shown(plain(v)), fn)
	}
	return Number{}, kindError("%s 需要数字，这里给的是%s", fn, kindName(x))
}

// asNumber is x as a number, as toNumber reads it, and whether it is one;
// it makes no message, so a comparison that only asks (==, 等于) costs
// little when x is text.
func asNumber(x any) (Number, bool) {
	switch v := x.(type) {
	case Value:
		if v.Kind != workbook.Number {
			return Number{}, false
		}
		return Number{D: v.Num, Places: v.Places(), Ratio: v.Ratio}, true
	case Number:
		return v, true
	case int:
		return Number{D: decimal.NewFromInt(int64(v))}, true
	case int64:
		return Number{D: decimal.NewFromInt(v)}, true
	case float64:
		return Number{D: decimal.NewFromFloat(v), Places: -1}, true
	case string, Text:
		s := strings.TrimSpace(plain(v))
		ratio := false
		if t, ok := strings.CutSuffix(s, "%"); ok {
			s, ratio = t, true
		}
		if s == "" || strings.Trim(s, "0123456789.+-") != "" {
			return Number{}, false // not a decimal (nor an exponent: e, E)
		}
		d, err := decimal.NewFromString(s)
		if err != nil {
			return Number{}, false
		}
		n := Number{D: d, Places: places(s), Ratio: ratio}
		if ratio {
			n.D = d.Shift(-2)
		}
		return n, true
	}
	return Number{}, false
}

// notNumber is the message for a workbook value that fn needs as a number.
func notNumber(fn string, v workbook.Value) error {
	if v.Kind == workbook.Empty {
		return fmt.Errorf("%s单元格是空的，%s 需要数字", at(v.Ref), fn)
	}
	return valueError("%s“%s”不是数字，%s 需要数字", at(v.Ref), shown(v.String()), fn)
}

// places counts the digits after the point of a number as written.
func places(s string) int {
	if i := strings.IndexByte(s, '.'); i >= 0 {
		return len(s) - i - 1
	}
	return 0
}

// toInt reads x as a whole number for fn (a count of decimals, of names).
func toInt(fn string, x any) (int, error) {
	n, err := toNumber(fn, x)
	if err != nil {
		return 0, err
	}
	if !n.D.IsInteger() || n.Ratio || n.D.Abs().GreaterThan(decimal.New(1, 9)) {
		return 0, kindError("%s 需要整数，这里给的是%s", fn, kindName(x))
	}
	return int(n.D.IntPart()), nil
}

// digitsArg reads a count of decimals (0 to 10).
func digitsArg(fn string, x any) (int, error) {
	n, err := toInt(fn, x)
	if err != nil {
		return 0, err
	}
	if n < 0 || n > 10 {
		return 0, kindError("%s 的小数位数应在0到10之间，这里是%d", fn, n)
	}
	return n, nil
}

// maxPlaces is the decimals a result of a and b shows: the more precise of
// the two, or as many as it has when either has no fixed decimals.
func maxPlaces(a, b Number) int {
	if a.Places < 0 || b.Places < 0 {
		return -1
	}
	return max(a.Places, b.Places)
}

// round rounds n to p decimals (of the percent number for a percentage).
func round(n Number, p int) Number {
	if p < 0 {
		return Number{D: n.D, Places: -1, Ratio: n.Ratio}
	}
	d := n.D
	if n.Ratio {
		d = d.Shift(2).Round(int32(p)).Shift(-2)
	} else {
		d = d.Round(int32(p))
	}
	return Number{D: d, Places: p, Ratio: n.Ratio}
}

// fixed is 保留: x with exactly digits decimals, rounded half away from
// zero on the exact decimal (2.675 → 2.68), trailing zeros kept (9 → 9.0).
func fixed(digits any, x any) (Number, error) {
	p, err := digitsArg("保留", digits)
	if err != nil {
		return Number{}, err
	}
	n, err := toNumber("保留", x)
	if err != nil {
		return Number{}, err
	}
	return round(n, p), nil
}

// trimZeros is 去零: x without trailing zeros after the point (9.0 → 9,
// 2.50 → 2.5), after the rounding its decimals ask for.
func trimZeros(x any) (Number, error) {
	n, err := toNumber("去零", x)
	if err != nil {
		return Number{}, err
	}
	if n.Places >= 0 {
		n = round(n, n.Places)
	}
	n.Places = -1
	return n, nil
}

// convert is 换算: x in unit from, in unit to (万元 → 亿元), exact.
func convert(from, to string, x any) (Number, error) {
	n, err := toNumber("换算", x)
	if err != nil {
		return Number{}, err
	}
	fm, fb := splitUnit(from)
	tm, tb := splitUnit(to)
	if fb != tb || from == "" || to == "" {
		return Number{}, kindError("不能把“%s”换算为“%s”：只能在同一种单位的不同倍数之间换算，如 元、万元、亿元", from, to)
	}
	how := fmt.Sprintf("由 换算 算得：%s%s换算为%s", n.text(), from, to)
	return Number{D: n.D.Mul(fm).DivRound(tm, 20).Normalize(), Places: -1, Ratio: n.Ratio, how: how}, nil
}

// splitUnit splits a unit such as 万人 into its multiplier (10000) and its
// base unit (人).
func splitUnit(unit string) (decimal.Decimal, string) {
	mult := decimal.NewFromInt(1)
	for {
		r, size := utf8.DecodeRuneInString(unit)
		var m int64
		switch r {
		case '十':
			m = 10
		case '百':
			m = 100
		case '千':
			m = 1000
		case '万':
			m = 10000
		case '亿':
			m = 100000000
		}
		if m == 0 || len(unit) == size {
			return mult, unit
		}
		mult = mult.Mul(decimal.NewFromInt(m))
		unit = unit[size:]
	}
}

// arith is 加 减 乘 除. A percentage stays a percentage: 5.2% 乘 2 is
// 10.4%, 5.2% 减 4.8% is 0.4%; a percentage and a plain number are not
// added (5.2% 加 1 means nothing a report says: the rate functions word a
// growth rate).
func arith(fn string) func(a, b any) (Number, error) {
	return func(a, b any) (Number, error) {
		x, err := toNumber(fn, a)
		if err != nil {
			return Number{}, err
		}
		y, err := toNumber(fn, b)
		if err != nil {
			return Number{}, err
		}
		n, err := compute(fn, x, y)
		n.how = fmt.Sprintf("由 %s 算得：%s %s %s", fn, x.text(), fn, y.text())
		return n, err
	}
}

func compute(fn string, x, y Number) (Number, error) {
	switch fn {
	case "加", "减":
		if x.Ratio != y.Ratio {
			return Number{}, kindError("%s：%s 是百分数而 %s 不是，不能相%s；增速请用 增长、同比、对比 写出", fn, pick(x.Ratio, describe(x), describe(y)), pick(x.Ratio, describe(y), describe(x)), fn)
		}
		d := x.D.Add(y.D)
		if fn == "减" {
			d = x.D.Sub(y.D)
		}
		return Number{D: d, Places: maxPlaces(x, y), Ratio: x.Ratio}, nil
	case "乘":
		if x.Ratio && y.Ratio {
			return Number{}, kindError("乘：%s 和 %s 都是百分数，不能相乘", describe(x), describe(y))
		}
		return Number{D: x.D.Mul(y.D), Places: -1, Ratio: x.Ratio || y.Ratio}, nil
	}
	if y.D.IsZero() {
		return Number{}, fmt.Errorf("除 的除数是零，无法计算")
	}
	return Number{D: x.D.DivRound(y.D, 10).Normalize(), Places: -1, Ratio: x.Ratio && !y.Ratio}, nil
}

// chineseNumeral is 中文数: a whole number from 0 to 99999999 in Chinese
// numerals: 3 → 三, 10 → 十, 15 → 十五, 101 → 一百零一, 20000 → 二万.
func chineseNumeral(x any) (Text, error) {
	n, err := wholeForChinese("中文数", x)
	if err != nil {
		return "", err
	}
	return Text(chinese(n)), nil
}

func chinese(n int) string {
	if n == 0 {
		return "零"
	}
	return mdext.ChineseNumeral(n)
}

func wholeForChinese(fn string, x any) (int, error) {
	n, err := toNumber(fn, x)
	if err != nil {
		return 0, err
	}
	d := n.D
	if n.Ratio || !d.IsInteger() || d.IsNegative() || d.GreaterThanOrEqual(decimal.New(1, 8)) {
		return 0, fmt.Errorf("%s 只能写0到99999999之间的整数，这里是%s", fn, describe(n))
	}
	return int(d.IntPart()), nil
}

// countNumeral is 中文个数: 中文数 as it is read before a measure word,
// with 两 for 2 (两家), and for a leading 2 of 千 and 万 (两千, 两万).
func countNumeral(x any) (Text, error) {
	n, err := wholeForChinese("中文个数", x)
	if err != nil {
		return "", err
	}
	s := chinese(n)
	if s == "二" || strings.HasPrefix(s, "二千") || strings.HasPrefix(s, "二万") {
		s = "两" + strings.TrimPrefix(s, "二")
	}
	return Text(s), nil
}

// ordinal is 第: 第一, 第二, 第十二.
func ordinal(x any) (Text, error) {
	n, err := wholeForChinese("第", x)
	if err != nil {
		return "", err
	}
	if n == 0 {
		return "", fmt.Errorf("第 需要从1起的序数，这里是0")
	}
	return Text("第" + chinese(n)), nil
}

// rankWords is 位次: 首位 for 1, otherwise 第二, 第三….
func rankWords(x any) (Text, error) {
	n, err := wholeForChinese("位次", x)
	if err != nil {
		return "", err
	}
	switch n {
	case 0:
		return "", fmt.Errorf("位次 需要从1起的名次，这里是0")
	case 1:
		return "首位", nil
	}
	return Text("第" + chinese(n)), nil
}

// optionalDigits reads the optional count of decimals of fn, def when none
// is given.
func optionalDigits(fn string, def int, args []any) (int, error) {
	switch len(args) {
	case 0:
		return def, nil
	case 1:
		return digitsArg(fn, args[0])
	}
	return 0, kindError("%s 最多还有一个参数（小数位数），这里多了%d个", fn, len(args)-1)
}

// percentOf is part ÷ whole × 100, rounded to digits decimals.
func percentOf(fn string, part, whole Number, digits int) (Number, error) {
	if whole.D.IsZero() {
		return Number{}, fmt.Errorf("%s 的分母是零，无法计算百分比", fn)
	}
	d := part.D.Shift(2).DivRound(whole.D, int32(digits)+4)
	how := fmt.Sprintf("由 %s 算得：%s÷%s×100", fn, part.text(), whole.text())
	return Number{D: d.Round(int32(digits)), Places: digits, how: how}, nil
}

// percent is 百分比: part ÷ whole × 100 as a number of percent, rounded to
// digits decimals (1 when not given).
func percent(part, whole any, digits ...any) (Number, error) {
	p, err := toNumber("百分比", part)
	if err != nil {
		return Number{}, err
	}
	w, err := toNumber("百分比", whole)
	if err != nil {
		return Number{}, err
	}
	n, err := optionalDigits("百分比", 1, digits)
	if err != nil {
		return Number{}, err
	}
	return percentOf("百分比", p, w, n)
}

// share is 占比: figure part as a percentage of figure whole, rounded to
// digits decimals (1 when not given). The two units may differ by a
// Chinese multiplier (人 and 万人, 万元 and 亿元); other units cannot be
// compared.
func (f *Filler) share(part, whole string, digits ...any) (Number, error) {
	p, err := f.metricNumber("占比", part)
	if err != nil {
		return Number{}, err
	}
	w, err := f.metricNumber("占比", whole)
	if err != nil {
		return Number{}, err
	}
	pm, _ := f.book.Metric(part)
	wm, _ := f.book.Metric(whole)
	pmul, pb := splitUnit(pm.Unit)
	wmul, wb := splitUnit(wm.Unit)
	if pb != wb {
		return Number{}, kindError("指标“%s”的单位“%s”与“%s”的单位“%s”不同，不能求占比", pm.Name, pm.Unit, wm.Name, wm.Unit)
	}
	n, err := optionalDigits("占比", 1, digits)
	if err != nil {
		return Number{}, err
	}
	return percentOf("占比", Number{D: p.D.Mul(pmul)}, Number{D: w.D.Mul(wmul)}, n)
}

// completion is 完成率: a figure's value as a percentage of its 目标.
func (f *Filler) completion(fn, name string, digits []any) (Number, error) {
	v, err := f.metricNumber(fn, name)
	if err != nil {
		return Number{}, err
	}
	m, _ := f.book.Metric(name)
	t, err := f.side(fn, m, sideTarget)
	if err != nil {
		return Number{}, err
	}
	if t.D.IsZero() {
		return Number{}, fmt.Errorf("%s指标“%s”的目标是0，无法计算完成率", at(m.Target.Ref), m.Name)
	}
	n, err := optionalDigits(fn, 1, digits)
	if err != nil {
		return Number{}, err
	}
	return percentOf(fn, v, t, n)
}
