package fill

import (
	"fmt"
	"strings"
	"time"

	"github.com/shopspring/decimal"

	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

// What a template holds. Every type that prints text taken from the workbook
// or computed from it prints it escaped (mdext.Escape: a value is data, not
// Markdown) and marked (see mark), so that the check for leftovers looks
// only at what the template itself wrote.

// Value is a workbook value inside a template. Printing it writes the value
// as the clerk sees it in the workbook (workbook.Value.String: the decimals
// the cell shows, 5.2% for a percentage, 2022年12月5日 for a date).
//
// A Value shares its cell with the workbook (a table's rows are not
// copied). It is not comparable: eq on two Values would compare the
// cells' addresses, not what they hold, so the template's eq gives the
// message that sends the clerk to 等于.
type Value struct {
	*workbook.Value
	_ [0]func()
}

func (v Value) String() string { return mark(mdext.Escape(v.cell().String())) }

// Row is one record of a table; a template reaches a cell by its column's
// header text: {{.企业名称}} or {{格 . "企业名称"}} (格 also finds
// “累计产值（亿元）” by “累计产值”).
type Row map[string]Value

// Rows is a table's records, or a selection of them.
type Rows []Row

// List is a column of values.
type List []Value

// Number is a number a template computed: a sum, a share, a rounded figure.
type Number struct {
	D      decimal.Decimal // exact; the fraction for a percentage
	Places int             // digits shown after the point; -1: as many as it has
	Ratio  bool            // a percentage: printed as D×100 followed by %

	// how says how a number that appears nowhere in the workbook was
	// computed, for messages: “由 加 算得：1 加 5.2%”.
	how string
}

func (n Number) String() string { return mark(mdext.Escape(n.text())) }

// text is the number as printed, unescaped.
func (n Number) text() string {
	d := n.D
	if n.Ratio {
		d = d.Shift(2)
	}
	s := formatNumber(d, n.Places)
	if n.Ratio {
		s += "%"
	}
	return s
}

// formatNumber writes d with places digits after the point, rounded half
// away from zero (四舍五入: 2.675 → 2.68, −2.675 → −2.68), or with the digits
// it has when places < 0. It never writes thousands separators, an
// exponent or −0.
func formatNumber(d decimal.Decimal, places int) string {
	var s string
	if places >= 0 {
		s = d.Round(int32(places)).StringFixed(int32(places))
	} else {
		d = d.Normalize()
		p := 0
		if e := d.Exponent(); e < 0 {
			p = int(-e)
		}
		s = d.StringFixed(int32(p))
	}
	if strings.HasPrefix(s, "-") && strings.Trim(s[1:], "0.") == "" {
		s = s[1:]
	}
	return s
}

// Text is words a function wrote from the workbook's data: a list of names,
// 增长5.2%, 第二. It prints escaped like a Value; compared with eq it is
// the plain text.
type Text string

func (t Text) String() string { return mark(mdext.Escape(string(t))) }

// The marks around every printed value. They are characters of the Private
// Use Area, which no workbook text needs (mark replaces any it holds);
// Fill removes them before it returns.
const (
	markStart = '\uE000'
	markEnd   = '\uE001'
)

func mark(s string) string {
	if strings.ContainsRune(s, markStart) || strings.ContainsRune(s, markEnd) {
		s = strings.Map(func(r rune) rune {
			if r == markStart || r == markEnd {
				return '\uFFFD'
			}
			return r
		}, s)
	}
	return string(markStart) + s + string(markEnd)
}

// plain is what a template value reads as, for comparisons and messages:
// the display text, unescaped and unmarked.
func plain(x any) string {
	switch v := x.(type) {
	case Value:
		return v.Value.String()
	case workbook.Value:
		return v.String()
	case Number:
		return v.text()
	case Text:
		return string(v)
	case string:
		return v
	case time.Time:
		return chineseDate(v)
	}
	return fmt.Sprint(x)
}

// kindName names what a template passed, for messages: 表, 表中的一行, 一列值,
// 数字, 文字, 日期, 空的单元格.
func kindName(x any) string {
	switch v := x.(type) {
	case Value:
		switch v.Kind {
		case workbook.Number:
			return "数字“" + shown(v.Value.String()) + "”"
		case workbook.Text:
			return "文字“" + shown(v.Value.String()) + "”"
		case workbook.Date:
			return "日期“" + shown(v.Value.String()) + "”"
		case workbook.Proportion:
			return "比例“" + shown(v.Value.String()) + "”"
		}
		return "空的单元格"
	case Row:
		return "表中的一行"
	case Rows:
		return "表"
	case List:
		return "一列值"
	case Number:
		return "数字“" + describe(v) + "”"
	case int, int64, float64:
		return fmt.Sprintf("数字“%v”", v)
	case Text:
		return "文字“" + shown(string(v)) + "”"
	case string:
		return "文字“" + shown(v) + "”"
	case bool:
		return "真假值"
	case time.Time:
		return "日期“" + chineseDate(v) + "”"
	case nil:
		return "空值"
	}
	return fmt.Sprintf("%T", x)
}

// shown is a workbook text as a message quotes it: on one line, cut short
// when long, so that each problem stays one line.
func shown(s string) string {
	const max = 40
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\n', '\r', '\t', '\v', '\f', '\u2028', '\u2029':
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "……"
	}
	return s
}

// at writes where a value came from, for the start of a message: “figures.xlsx
// 指标!B7：”, or nothing when it was not read from a cell.
func at(ref workbook.Ref) string {
	if ref.File == "" && ref.Sheet == "" {
		return ""
	}
	return ref.String() + "："
}

// A table, a row or a list cannot be printed: a template writes it with
// 顿号, 计数 and the like. Printed, each writes a mark that the check for
// leftovers reports.
func (Rows) String() string { return "\uE002一张表\uE003" }
func (Row) String() string  { return "\uE002表中的一行\uE003" }
func (List) String() string { return "\uE002一列值\uE003" }

// val is v as a Value, a copy of its own. (A table's rows share their
// cells with the workbook: see Filler.table.)
func val(v workbook.Value) Value { return Value{Value: &v} }

// cell is v's workbook value; an empty one for the zero Value.
func (v Value) cell() workbook.Value {
	if v.Value == nil {
		return workbook.Value{}
	}
	return *v.Value
}
