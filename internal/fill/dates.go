package fill

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"

	"briefing/internal/workbook"
)

func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// toTime reads x as a day for fn.
func toTime(fn string, x any) (time.Time, error) {
	switch v := x.(type) {
	case Value:
		if v.Kind == workbook.Date {
			return v.Date, nil
		}
		if v.Kind == workbook.Empty {
			return time.Time{}, fmt.Errorf("%s单元格是空的，%s 需要日期", at(v.Ref), fn)
		}
		return time.Time{}, valueError("%s“%s”不是日期，%s 需要日期", at(v.Ref), shown(v.Value.String()), fn)
	case time.Time:
		return v, nil
	}
	return time.Time{}, kindError("%s 需要日期，这里给的是%s", fn, kindName(x))
}

// periodRE reads a reporting period: 2022年1－11月, 2022年1-11月份,
// 2022年11月.
var periodRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\s*(\d{4})\s*年\s*(\d{1,2})\s*(?:月)?\s*(?:[－\-—–~～至到]\s*(\d{1,2})\s*)?月(?:份)?\s*$`)
})

// span is a reporting period: months from to to of year.
type span struct{ year, from, to int }

// toSpan reads x for fn as a reporting period written like “2022年1－11月”,
// or as the months from January to a date's month (a date of 2022年11月
// is 2022年1－11月: the figures of a monthly report are cumulative).
func toSpan(fn string, x any) (span, error) {
	v, ok := x.(Value)
	if !ok {
		if t, isTime := x.(time.Time); isTime {
			return span{t.Year(), 1, int(t.Month())}, nil
		}
		return span{}, kindError("%s 需要报告期（如“2022年1－11月”）或日期，这里给的是%s", fn, kindName(x))
	}
	if v.Kind == workbook.Date {
		return span{v.Date.Year(), 1, int(v.Date.Month())}, nil
	}
	m := periodRE().FindStringSubmatch(v.Value.String())
	if m == nil {
		return span{}, valueError("%s“%s”不是报告期，%s 需要“2022年1－11月”或“2022年11月”这样的报告期，或者一个日期", at(v.Ref), shown(v.Value.String()), fn)
	}
	s := span{}
	s.year, _ = strconv.Atoi(m[1])
	s.from, _ = strconv.Atoi(m[2])
	s.to = s.from
	if m[3] != "" {
		s.to, _ = strconv.Atoi(m[3])
	}
	if s.from < 1 || s.to > 12 || s.from > s.to {
		return span{}, valueError("%s报告期“%s”的月份不对", at(v.Ref), v.Value.String())
	}
	return s, nil
}

// dayOrSpanEnd reads x as a date, or a reporting period's last month.
func dayOrSpanEnd(fn string, x any) (year, month int, err error) {
	if t, err := toTime(fn, x); err == nil {
		return t.Year(), int(t.Month()), nil
	}
	s, err := toSpan(fn, x)
	if err != nil {
		return 0, 0, err
	}
	return s.year, s.to, nil
}

// formatDate is 日期: 2022年12月5日, no zero padding.
func formatDate(x any) (Text, error) {
	t, err := toTime("日期", x)
	if err != nil {
		return "", err
	}
	return Text(chineseDate(t)), nil
}

// formatYearMonth is 年月: 2022年12月 (of a reporting period, its last month).
func formatYearMonth(x any) (Text, error) {
	y, m, err := dayOrSpanEnd("年月", x)
	if err != nil {
		return "", err
	}
	return Text(fmt.Sprintf("%d年%d月", y, m)), nil
}

// formatMonthDay is 月日: 12月5日.
func formatMonthDay(x any) (Text, error) {
	t, err := toTime("月日", x)
	if err != nil {
		return "", err
	}
	return Text(fmt.Sprintf("%d月%d日", int(t.Month()), t.Day())), nil
}

// formatMonth is 月: 3月 (of a reporting period, its last month).
func formatMonth(x any) (Text, error) {
	_, m, err := dayOrSpanEnd("月", x)
	if err != nil {
		return "", err
	}
	return Text(fmt.Sprintf("%d月", m)), nil
}

// year reads the year of a date, a reporting period, or a number that is
// a year (2022 in a column 认定年度).
func year(fn string, x any) (int, error) {
	switch v := x.(type) {
	case Value:
		if v.Kind == workbook.Number && !v.Ratio && v.Num.IsInteger() && v.Num.IntPart() >= 1900 && v.Num.IntPart() <= 9999 {
			return int(v.Num.IntPart()), nil
		}
	case Number, int:
		n, err := toInt(fn, v)
		if err == nil && n >= 1900 && n <= 9999 {
			return n, nil
		}
		return 0, kindError("%s 需要年份、日期或报告期，这里给的是%s", fn, kindName(x))
	}
	y, _, err := dayOrSpanEnd(fn, x)
	if err != nil {
		if v, ok := x.(Value); ok && v.Kind != workbook.Empty {
			return 0, valueError("%s“%s”不是年份、日期或报告期，%s 需要其中之一", at(v.Ref), shown(v.Value.String()), fn)
		}
		return 0, err
	}
	return y, nil
}

// formatYear is 年: 2022, for “{{年 …}}年”.
func formatYear(x any) (Text, error) {
	y, err := year("年", x)
	if err != nil {
		return "", err
	}
	return Text(strconv.Itoa(y)), nil
}

// formatYearOf is 年度: 2022年度.
func formatYearOf(x any) (Text, error) {
	y, err := year("年度", x)
	if err != nil {
		return "", err
	}
	return Text(strconv.Itoa(y) + "年度"), nil
}

var quarters = [...]string{"一季度", "二季度", "三季度", "四季度"}

// formatQuarter is 季度: 一季度 … 四季度, the quarter of a date, or of a
// reporting period that is one quarter (2022年4－6月 → 二季度).
func formatQuarter(x any) (Text, error) {
	if t, err := toTime("季度", x); err == nil {
		return Text(quarters[(int(t.Month())-1)/3]), nil
	}
	s, err := toSpan("季度", x)
	if err != nil {
		return "", err
	}
	if (s.from-1)%3 != 0 || s.to != s.from+2 {
		return "", fmt.Errorf("%s报告期“%d年%s”不是一个季度", at(x.(Value).Ref), s.year, monthRange(s))
	}
	return Text(quarters[(s.from-1)/3]), nil
}

// formatHalf is 半年: 上半年 or 下半年, of a date, or of a reporting period
// that is one half-year.
func formatHalf(x any) (Text, error) {
	if t, err := toTime("半年", x); err == nil {
		if t.Month() <= 6 {
			return "上半年", nil
		}
		return "下半年", nil
	}
	s, err := toSpan("半年", x)
	if err != nil {
		return "", err
	}
	switch {
	case s.from == 1 && s.to == 6:
		return "上半年", nil
	case s.from == 7 && s.to == 12:
		return "下半年", nil
	}
	return "", fmt.Errorf("%s报告期“%d年%s”不是半年", at(x.(Value).Ref), s.year, monthRange(s))
}

func monthRange(s span) string {
	if s.from == s.to {
		return fmt.Sprintf("%d月", s.from)
	}
	return fmt.Sprintf("%d－%d月", s.from, s.to)
}

// monthRange is 月份段: the months of a reporting period, 1－11月 (the
// dash is the full-width －, as 公文 write it, or the report's 写法); of a
// date, January to its month.
func (f *Filler) monthRange(x any) (Text, error) {
	s, err := toSpan("月份段", x)
	if err != nil {
		return "", err
	}
	if p := f.style.Period; p.set && p.dash != "" && s.from != s.to {
		return Text(fmt.Sprintf("%d%s%d月", s.from, p.dash, s.to)), nil
	}
	return Text(monthRange(s)), nil
}
