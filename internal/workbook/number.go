package workbook

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
)

// Excel keeps a number as a binary double and shows at most 15 significant
// digits of it. A workbook stores the double with up to 17 digits
// (0.052000000000000005 for what the clerk typed as 5.2%), so every number
// read from a number cell is rounded to 15 significant digits — half away
// from zero, as Excel rounds — which gives back exactly what was typed.
const excelDigits = 15

// maxTextDigits bounds the digits of a number typed as text: Excel itself
// cannot hold more as a number, so a longer string of digits is an
// identity-card or account number, not a figure, and is kept as text.
const maxTextDigits = excelDigits

// cut15 rounds d to the 15 significant digits Excel shows and drops the
// trailing zeros: 0.052000000000000005 → 0.052, 82.799999999999997 → 82.8.
func cut15(d decimal.Decimal) decimal.Decimal {
	if d.IsZero() {
		return decimal.Zero
	}
	if n := d.NumDigits(); n > excelDigits {
		magnitude := n + int(d.Exponent()) // digits before the decimal point
		d = d.Round(int32(excelDigits - magnitude))
	}
	return d.Normalize()
}

// parseRawNumber reads the value string of a number cell as the workbook
// stores it (“82.799999999999997”, “1.5E-3”) into the exact decimal the
// clerk sees. It refuses what is not a finite double.
func parseRawNumber(s string) (decimal.Decimal, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 64 {
		return decimal.Decimal{}, false
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return decimal.Decimal{}, false
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, false
	}
	if e := d.Exponent(); e < -400 || e > 400 {
		return decimal.Decimal{}, false
	}
	return cut15(d), true
}

// textNumber is a number typed as text: “1,234”, “１２３４”, “ 82.8 ”,
// “82.8亿元”, “5.2%”.
type textNumber struct {
	num     decimal.Decimal // as typed, before any %: 5.2 for “5.2%”
	places  int             // digits typed after the decimal point
	percent bool            // typed with % or ％
	unit    string          // what follows the number, trimmed; "" when nothing
}

// value is the number as a Value's Num: the fraction for a percentage.
func (t textNumber) value() decimal.Decimal {
	if t.percent {
		return t.num.Shift(-2)
	}
	return t.num
}

// parseTextNumber reads a number typed as text. It accepts a sign, digits
// grouped by thousands with commas (1,234,567) or not grouped, a decimal
// point, full-width forms, spaces around, and a suffix after the number: %
// (a percentage) or a unit. It refuses leading zeros (“007” is a code, not a
// number), exponents, and anything where digits follow the suffix.
func parseTextNumber(s string) (textNumber, bool) {
	var t textNumber
	s = trim(narrow(s))
	i := 0
	neg := false
	if i < len(s) && (s[i] == '+' || s[i] == '-') {
		neg = s[i] == '-'
		i++
	}
	var digits strings.Builder
	start := i
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	intLen := i - start
	digits.WriteString(s[start:i])
	if i < len(s) && s[i] == ',' && intLen >= 1 && intLen <= 3 {
		for i < len(s) && s[i] == ',' {
			if i+4 > len(s) || !isDigit(s[i+1]) || !isDigit(s[i+2]) || !isDigit(s[i+3]) ||
				(i+4 < len(s) && isDigit(s[i+4])) {
				return t, false
			}
			digits.WriteString(s[i+1 : i+4])
			intLen += 3
			i += 4
		}
	}
	if intLen > 1 && s[start] == '0' {
		return t, false
	}
	fracLen := 0
	if i < len(s) && s[i] == '.' {
		i++
		fs := i
		for i < len(s) && isDigit(s[i]) {
			i++
		}
		fracLen = i - fs
		if fracLen > 0 {
			digits.WriteByte('.')
			digits.WriteString(s[fs:i])
		}
	}
	if intLen == 0 && fracLen == 0 {
		return t, false
	}
	if intLen+fracLen > maxTextDigits {
		return t, false
	}
	rest := trim(s[i:])
	switch {
	case rest == "":
	case rest == "%":
		t.percent = true
	default:
		if strings.IndexFunc(rest, func(r rune) bool { return unicode.IsDigit(r) || r == '.' || r == ',' }) >= 0 {
			return t, false
		}
		t.unit = rest
	}
	str := digits.String()
	if str[0] == '.' {
		str = "0" + str
	}
	if neg {
		str = "-" + str
	}
	d, err := decimal.NewFromString(str)
	if err != nil {
		return t, false
	}
	t.num, t.places = d, fracLen
	return t, true
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// unitLike reports whether a suffix after a number reads as a unit (亿元,
// 万人, ㎡) rather than a typo (“12a”): it has a character outside ASCII.
func unitLike(s string) bool {
	for _, r := range s {
		if r > unicode.MaxASCII {
			return true
		}
	}
	return false
}

// sameUnit compares two units the way a clerk means them: “亿元” and
// “ 亿元”, “%” and “％”, “km” and “KM” are the same unit.
func sameUnit(a, b string) bool {
	return fold(a) == fold(b)
}

// isPercentUnit reports whether a 单位 is a percent sign.
func isPercentUnit(u string) bool {
	return fold(u) == "%"
}

// formatFixed writes d with between minDec and maxDec digits after the
// point: the digits beyond minDec are written only when not zero.
func formatFixed(d decimal.Decimal, minDec, maxDec int) string {
	if maxDec < minDec {
		maxDec = minDec
	}
	s := d.StringFixed(int32(maxDec))
	if maxDec > minDec && strings.IndexByte(s, '.') >= 0 {
		keep := len(s)
		for n := maxDec; n > minDec && s[keep-1] == '0'; n-- {
			keep--
		}
		s = s[:keep]
		s = strings.TrimSuffix(s, ".")
	}
	if s == "-0" || strings.HasPrefix(s, "-0.") && strings.Trim(s[3:], "0") == "" {
		s = s[1:]
	}
	return s
}

// formatGeneral writes d with exactly the digits it has, never in
// scientific notation, whatever decimal's package settings are.
func formatGeneral(d decimal.Decimal) string {
	d = d.Normalize()
	places := 0
	if e := d.Exponent(); e < 0 {
		places = int(-e)
	}
	return d.StringFixed(int32(places))
}

// numberText is how a number shows: with the given decimals (places < 0:
// as many as it has), as a percentage (“5.2%”) when ratio.
func numberText(num decimal.Decimal, ratio bool, minDec, maxDec int) string {
	if ratio {
		num = num.Shift(2)
	}
	var s string
	if minDec < 0 {
		s = formatGeneral(num)
	} else {
		s = formatFixed(num, minDec, maxDec)
	}
	if ratio {
		s += "%"
	}
	return s
}
