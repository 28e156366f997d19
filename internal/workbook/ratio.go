package workbook

import (
	"strings"

	"github.com/shopspring/decimal"
)

// A ratio is typed as text, as statistics bureaus publish the structure of
// an economy: 三次产业比例 “1.9:75.1:23.7”, 城乡收入比 “2.02:1”. It has two
// or more parts, each a plain non-negative decimal, between ASCII “:”,
// full-width “：” or the ratio sign “∶”, with optional spaces.

// parseProportion splits a ratio into its parts as typed (full-width
// digits made ASCII), or reports that s is not one.
func parseProportion(s string) ([]string, bool) {
	s = strings.ReplaceAll(narrow(s), "∶", ":")
	if !strings.Contains(s, ":") {
		return nil, false
	}
	parts := strings.Split(s, ":")
	for i, p := range parts {
		parts[i] = trim(p)
		if !plainDecimal(parts[i]) {
			return nil, false
		}
	}
	return parts, true
}

// plainDecimal reports whether s is a non-negative decimal written plainly:
// digits, optionally a point and more digits, no leading zero (“05” is not
// a part of a ratio: “8:05” is a time), no sign, unit or separator.
func plainDecimal(s string) bool {
	whole, frac, hasPoint := strings.Cut(s, ".")
	if whole == "" || (hasPoint && frac == "") || len(whole)+len(frac) > maxTextDigits {
		return false
	}
	if len(whole) > 1 && whole[0] == '0' {
		return false
	}
	return allDigits(whole) && allDigits(frac)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// proportionValue is the Value of a ratio's parts, each part a Number
// shown as typed, the whole written with ASCII colons.
func proportionValue(parts []string, ref Ref) Value {
	v := Value{Kind: Proportion, Ref: ref, Parts: make([]Value, len(parts))}
	for i, p := range parts {
		v.Parts[i] = Value{Kind: Number, Num: decimal.RequireFromString(p).Normalize(), Text: p, Ref: ref}
	}
	v.Text = partsText(v.Parts)
	return v
}

// partsText writes a ratio's parts joined by ASCII colons.
func partsText(parts []Value) string {
	texts := make([]string, len(parts))
	for i, p := range parts {
		texts[i] = p.String()
	}
	return strings.Join(texts, ":")
}

// ProportionOf is the ratio written in s (“1.9:75.1:23.7”), for Values
// built by hand; it panics when s is not a ratio.
func ProportionOf(s string) Value {
	parts, ok := parseProportion(s)
	if !ok {
		panic("workbook.ProportionOf: not a ratio: " + s)
	}
	return proportionValue(parts, Ref{})
}
