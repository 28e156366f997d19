package fill

import (
	"fmt"

	"github.com/shopspring/decimal"
)

// Periods in the report's house style (写法): 期间 writes the reporting
// period (1-7月份, 前七个月, 上半年), 上期间 the one before it (1-6月份, 上月,
// 一季度), 月数 counts its months, 时序进度 is the share of the year it
// covers. Each takes the period as an argument, or the 报告期 of the
// workbook's 报告信息 when given none.

// spanArg reads the period of fn: its one argument, or the report's 报告期.
func (f *Filler) spanArg(fn string, args []any) (span, error) {
	switch len(args) {
	case 0:
		v, ok := f.book.InfoValue("报告期")
		if !ok {
			return span{}, kindError("%s 没有给出报告期，工作簿的“报告信息”中也没有“报告期”：请写 {{%s (信息 \"报告期\")}} 这样的报告期，或在“报告信息”中填写“报告期”（如 2022年1-7月）", fn, fn)
		}
		return toSpan(fn, val(v))
	case 1:
		return toSpan(fn, args[0])
	}
	return span{}, kindError("%s 最多有一个参数（报告期或日期），这里给了%d个", fn, len(args))
}

// named is the name of a period that has one: 一季度…四季度, 上半年, 下半年,
// 前三季度, 全年; "" otherwise.
func named(s span) string {
	switch {
	case s.from == 1 && s.to == 12:
		return "全年"
	case s.from == 1 && s.to == 6:
		return "上半年"
	case s.from == 7 && s.to == 12:
		return "下半年"
	case s.from == 1 && s.to == 9:
		return "前三季度"
	case (s.from-1)%3 == 0 && s.to == s.from+2:
		return quarters[(s.from-1)/3]
	}
	return ""
}

// span writes a period in the style: a name when the style uses them, one
// month as 7月 (7月份), a range as the style's 1-7月份 or 前七个月.
func (st Style) span(s span) string {
	if name := named(s); st.Quarters && name != "" {
		return name
	}
	p := st.Period
	switch {
	case s.from == s.to:
		return fmt.Sprintf("%d%s", s.from, p.month())
	case !p.set:
		return monthRange(s)
	case p.dash == "" && s.from == 1 && p.chinese:
		return "前" + chinese(s.to) + "个月"
	case p.dash == "" && s.from == 1:
		return fmt.Sprintf("前%d个月", s.to)
	case p.dash == "":
		return monthRange(s)
	}
	return fmt.Sprintf("%d%s%d%s", s.from, p.dash, s.to, p.month())
}

// month is the word after a month's number: 月, or 月份 when the style
// writes it.
func (p periodStyle) month() string {
	if p.suffix == "月份" {
		return "月份"
	}
	return "月"
}

// period is 期间.
func (f *Filler) period(args ...any) (Text, error) {
	s, err := f.spanArg("期间", args)
	if err != nil {
		return "", err
	}
	return Text(f.style.span(s)), nil
}

// prevPeriod is 上期间: the period before, in the style (1-6月份 before
// 1-7月份, 上月 before a month, 一季度 before 二季度).
func (f *Filler) prevPeriod(args ...any) (Text, error) {
	s, err := f.spanArg("上期间", args)
	if err != nil {
		return "", err
	}
	switch n := s.to - s.from + 1; {
	case s.from == s.to:
		return "上月", nil
	case s.from == 1:
		return Text(f.style.span(span{s.year, 1, s.to - 1})), nil
	case s.from-n >= 1:
		return Text(f.style.span(span{s.year, s.from - n, s.to - n})), nil
	}
	return "", fmt.Errorf("上期间：报告期%d年%s之前没有同样长的一段（跨年）", s.year, monthRange(s))
}

// monthCount is 月数: how many months the period covers.
func (f *Filler) monthCount(args ...any) (int, error) {
	s, err := f.spanArg("月数", args)
	if err != nil {
		return 0, err
	}
	return s.to - s.from + 1, nil
}

// progress is 时序进度: the share of the year that has passed at the end of
// the period, 58.3% for 1-7月, to one decimal.
func (f *Filler) progress(args ...any) (Number, error) {
	s, err := f.spanArg("时序进度", args)
	if err != nil {
		return Number{}, err
	}
	return progressOf(s), nil
}

func progressOf(s span) Number {
	d := decimal.NewFromInt(int64(s.to)).DivRound(decimal.NewFromInt(12), 16)
	return Number{D: d, Places: 1, Ratio: true, how: fmt.Sprintf("时序进度：%d个月÷12个月", s.to)}
}

// timeProgress is the 时序进度 of the report's 报告期.
func (f *Filler) timeProgress() (Number, error) {
	s, err := f.spanArg("时序进度", nil)
	if err != nil {
		return Number{}, err
	}
	return progressOf(s), nil
}
