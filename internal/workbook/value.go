package workbook

import (
	"time"

	"github.com/shopspring/decimal"
)

// String names a kind in Chinese, for messages: 空、数字、文字、日期、比例.
func (k Kind) String() string {
	switch k {
	case Empty:
		return "空"
	case Number:
		return "数字"
	case Text:
		return "文字"
	case Date:
		return "日期"
	case Proportion:
		return "比例"
	}
	return "未知"
}

// String is the value as the clerk sees it, ready to go into a report:
//
//   - a number with the decimals its cell shows: 82.8; 9.0 when the cell's
//     format (or the typed text) shows one decimal; no thousands separators;
//   - a percentage with %: 5.2% (Num is 0.052);
//   - a date written the 公文 way: 2022年12月5日 (year in full, no leading
//     zeros), or 2022年12月 / 12月5日 when the cell's date format shows only
//     those parts;
//   - a ratio with ASCII colons and its parts as typed: 1.9:75.1:23.7
//     (also when typed “1.9：75.1：23.7”);
//   - text as typed, trimmed of spaces; an empty cell as "".
//
// For a Value built by hand without Text, the number is written with the
// digits it has and the date in full.
func (v Value) String() string {
	switch v.Kind {
	case Number:
		if v.Text != "" {
			return v.Text
		}
		return numberText(v.Num, v.Ratio, -1, -1)
	case Date:
		if v.Text != "" {
			return v.Text
		}
		return dateText(v.Date, 0)
	case Text:
		return v.Text
	case Proportion:
		if v.Text != "" {
			return v.Text
		}
		return partsText(v.Parts)
	}
	return ""
}

// IsEmpty reports whether the cell was empty (or held only spaces).
func (v Value) IsEmpty() bool { return v.Kind == Empty }

// IsZero reports whether the value is the number zero (0, 0.0, 0%). It is
// false for an empty cell: an empty cell is not a zero.
func (v Value) IsZero() bool { return v.Kind == Number && v.Num.IsZero() }

// IsNumber reports whether the value is a number (a percentage included).
func (v Value) IsNumber() bool { return v.Kind == Number }

// Decimal is the exact number (the fraction for a percentage), and whether
// the value is a number at all.
func (v Value) Decimal() (decimal.Decimal, bool) {
	if v.Kind != Number {
		return decimal.Decimal{}, false
	}
	return v.Num, true
}

// Places is the number of digits the value shows after the decimal point
// (5.2% → 1, 82.80 → 2, 1234 → 0); for a percentage, of the percent
// number. Templates that round use it to keep the clerk's precision.
func (v Value) Places() int {
	if v.Kind != Number {
		return 0
	}
	s := v.String()
	n := 0
	for i := len(s) - 1; i >= 0; i-- {
		switch c := s[i]; {
		case c == '.':
			return n
		case c >= '0' && c <= '9':
			n++
		case c == '%':
		default:
			return 0
		}
	}
	return 0
}

// Constructors for Values built by hand (tests of other packages, embedded
// defaults). They panic on a malformed number: they are meant for literals.

// NumberOf is the number written in s (“82.8”, “9.0”, “-3”), shown as written.
func NumberOf(s string) Value {
	tn, ok := parseTextNumber(s)
	if !ok || tn.percent || tn.unit != "" {
		panic("workbook.NumberOf: not a number: " + s)
	}
	return Value{Kind: Number, Num: tn.num.Normalize(), Text: formatFixed(tn.num, tn.places, tn.places)}
}

// PercentOf is the percentage written in s, in percent: PercentOf("5.2") is
// 5.2% (Num 0.052, Ratio).
func PercentOf(s string) Value {
	tn, ok := parseTextNumber(s)
	if !ok || tn.unit != "" {
		panic("workbook.PercentOf: not a number: " + s)
	}
	return Value{Kind: Number, Num: tn.num.Shift(-2).Normalize(), Ratio: true, Text: formatFixed(tn.num, tn.places, tn.places) + "%"}
}

// TextOf is a text value.
func TextOf(s string) Value { return Value{Kind: Text, Text: s} }

// DateOf is the day y-m-d.
func DateOf(y int, m time.Month, d int) Value {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return Value{Kind: Date, Date: t, Text: dateText(t, 0)}
}
