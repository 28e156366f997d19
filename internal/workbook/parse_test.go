package workbook

import (
	"testing"
	"time"

	"github.com/shopspring/decimal"
)

// The numbers Excel stores carry float noise in their 16th and 17th
// digits; cut to the 15 digits Excel shows they are what was typed.
func TestCut15(t *testing.T) {
	for raw, want := range map[string]string{
		"0.052000000000000005":  "0.052",
		"82.799999999999997":    "82.8",
		"-82.799999999999997":   "-82.8",
		"0.30000000000000004":   "0.3",
		"1.0000000000000002":    "1",
		"9.9999999999999982":    "10",
		"123456789012345678":    "123456789012346000",
		"1.5E-3":                "0.0015",
		"1E-20":                 "0.00000000000000000001",
		"6.0000000000000009E-2": "0.06",
		"44900":                 "44900",
		"0":                     "0",
		"-0":                    "0",
		"0.1":                   "0.1",
		"2.675":                 "2.675", // not 2.67499999…: the decimal is exact
	} {
		got, ok := parseRawNumber(raw)
		if !ok || got.String() != want {
			t.Errorf("parseRawNumber(%q) = %s, %v; want %s", raw, got, ok, want)
		}
	}
	for _, bad := range []string{"", "abc", "NaN", "Inf", "1e999", "0x10", "1,5", "--1"} {
		if _, ok := parseRawNumber(bad); ok {
			t.Errorf("parseRawNumber(%q) accepted", bad)
		}
	}
	// Rounding is half away from zero, as Excel's.
	if got := cut15(decimal.RequireFromString("0.1234567890123455")); got.String() != "0.123456789012346" {
		t.Errorf("half up: %s", got)
	}
	if got := cut15(decimal.RequireFromString("-0.1234567890123455")); got.String() != "-0.123456789012346" {
		t.Errorf("half away from zero: %s", got)
	}
}

func TestParseTextNumber(t *testing.T) {
	type want struct {
		num     string
		places  int
		percent bool
		unit    string
	}
	for in, w := range map[string]want{
		"1234":             {"1234", 0, false, ""},
		"1,234":            {"1234", 0, false, ""},
		"1,234,567.50":     {"1234567.5", 2, false, ""},
		"１２３４":             {"1234", 0, false, ""},
		"１，２３４．５":          {"1234.5", 1, false, ""},
		" 82.8 ":           {"82.8", 1, false, ""},
		"\u3000８２.８\u00a0": {"82.8", 1, false, ""},
		"82.8亿元":           {"82.8", 1, false, "亿元"},
		"82.8 亿元":          {"82.8", 1, false, "亿元"},
		"5.2%":             {"5.2", 1, true, ""},
		"５．２％":             {"5.2", 1, true, ""},
		"-3.5":             {"-3.5", 1, false, ""},
		"−3.5":             {"-3.5", 1, false, ""},
		"+7":               {"7", 0, false, ""},
		"0.5":              {"0.5", 1, false, ""},
		".5":               {"0.5", 1, false, ""},
		"9.0":              {"9", 1, false, ""},
		"0":                {"0", 0, false, ""},
		"12a":              {"12", 0, false, "a"},
		"60元/天·人":          {"60", 0, false, "元/天·人"},
	} {
		got, ok := parseTextNumber(in)
		if !ok || got.num.String() != w.num || got.places != w.places || got.percent != w.percent || got.unit != w.unit {
			t.Errorf("parseTextNumber(%q) = %+v (%s), %v; want %+v", in, got, got.num, ok, w)
		}
	}
	for _, bad := range []string{"", "abc", "007", "1,23", "1,2345", "12,34,567", "1.2.3", "2022-12-5", "12 34", "1e5", "%", "-", "—", "约5亿元", "12亿3", "1234567890123456", "330102199001011234"} {
		if got, ok := parseTextNumber(bad); ok {
			t.Errorf("parseTextNumber(%q) accepted: %+v", bad, got)
		}
	}
}

func TestParseNumFmt(t *testing.T) {
	for code, want := range map[string]numFmt{
		"General":                        general,
		"@":                              general,
		"0":                              {kind: fmtNumber},
		"0.0":                            {kind: fmtNumber, minDec: 1, maxDec: 1},
		"#,##0.00":                       {kind: fmtNumber, minDec: 2, maxDec: 2},
		"0.0#":                           {kind: fmtNumber, minDec: 1, maxDec: 2},
		`0.0"亿元"`:                        {kind: fmtNumber, minDec: 1, maxDec: 1},
		`#,##0.00_);[Red]\(#,##0.00\)`:   {kind: fmtNumber, minDec: 2, maxDec: 2},
		"0.0%":                           {kind: fmtPercent, minDec: 1, maxDec: 1},
		"0%":                             {kind: fmtPercent},
		"0.00E+00":                       general,
		"# ?/?":                          general,
		`0.0,"千"`:                        general, // scaled by a thousand
		"#,##0,,":                        general,
		`yyyy"年"m"月"d"日"`:                fmtYMD,
		`[$-804]yyyy"年"m"月"d"日";@`:       fmtYMD,
		`[DBNum1][$-804]yyyy"年"m"月"d"日"`: fmtYMD,
		"yyyy/m/d":                       fmtYMD,
		"m/d/yy h:mm":                    fmtYMD,
		"yyyy-mm":                        fmtYM,
		`m"月"d"日"`:                       fmtMD,
		"mmm-yy":                         fmtYM,
		"h:mm":                           fmtHM,
		"[h]:mm:ss":                      fmtHMS,
		"mm:ss":                          fmtHMS,
		`上午/下午h"时"mm"分"`:                 fmtHM,
		"h:mm AM/PM":                     fmtHM,
	} {
		if got := parseNumFmt(code); got != want {
			t.Errorf("parseNumFmt(%q) = %+v, want %+v", code, got, want)
		}
	}
}

func TestParseTextDate(t *testing.T) {
	day := time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"2022-12-5", "2022-12-05", "2022/12/05", "2022/12/5", "2022.12.5", "2022年12月5日", "2022 年 12 月 5 日",
		"2022年12月5号", "２０２２年１２月５日", "２０２２－１２－０５", "二〇二二年十二月五日", "二○二二年十二月五日",
		"2022-12-05 00:00:00", "2022-12-05T08:30:00Z", " 2022-12-5 ",
	} {
		got, ok := parseTextDate(s)
		if !ok || !got.Equal(day) {
			t.Errorf("parseTextDate(%q) = %v, %v", s, got, ok)
		}
	}
	if got, ok := parseTextDate("二〇二二年一月三十一日"); !ok || got.Day() != 31 || got.Month() != 1 {
		t.Errorf("三十一: %v %v", got, ok)
	}
	for _, bad := range []string{"2022-12", "2022年12月", "2023-02-29", "2022-13-01", "2022-12/05", "12-05-2022", "1899-12-31", "2022年12月5", "二〇二二年十三月一日", "20221205"} {
		if got, ok := parseTextDate(bad); ok {
			t.Errorf("parseTextDate(%q) accepted: %v", bad, got)
		}
	}
}

func TestSerialDate(t *testing.T) {
	for _, c := range []struct {
		serial int64
		d1904  bool
		want   string
	}{
		{44900, false, "2022-12-05"},
		{1, false, "1900-01-01"},
		{59, false, "1900-02-28"},
		{61, false, "1900-03-01"},
		{maxSerial, false, "9999-12-31"},
		{0, true, "1904-01-01"},
		{43438, true, "2022-12-05"},
	} {
		got, ok := serialDate(c.serial, c.d1904)
		if !ok || got.Format("2006-01-02") != c.want {
			t.Errorf("serialDate(%d, %v) = %v, %v; want %s", c.serial, c.d1904, got, ok, c.want)
		}
	}
	for _, bad := range []int64{0, -1, 60, maxSerial + 1} {
		if got, ok := serialDate(bad, false); ok {
			t.Errorf("serialDate(%d) accepted: %v", bad, got)
		}
	}
}

func TestHeaderUnit(t *testing.T) {
	for h, want := range map[string]string{
		"产值（亿元）":     "亿元",
		"产值(亿元)":     "亿元",
		"增速（%）":      "%",
		"增速(％)":      "％",
		"面积（单位：亩）":   "亩",
		"产值(万元）":     "万元",
		"项目（含续建项目）":  "",
		"投资（2022年）":  "",
		"（亿元）":       "",
		"产值":         "",
		"完成情况（备注说明）": "",
		"担保金额（万元）":   "万元",
	} {
		if got := headerUnit(h); got != want {
			t.Errorf("headerUnit(%q) = %q, want %q", h, got, want)
		}
	}
}

func TestValueString(t *testing.T) {
	for _, c := range []struct {
		v    Value
		want string
	}{
		{NumberOf("9.0"), "9.0"},
		{NumberOf("82.8"), "82.8"},
		{PercentOf("5.20"), "5.20%"},
		{Value{Kind: Number, Num: dec("0.052"), Ratio: true}, "5.2%"},
		{Value{Kind: Number, Num: dec("1234.500")}, "1234.5"},
		{Value{Kind: Number, Num: dec("1E+3")}, "1000"},
		{Value{Kind: Date, Date: time.Date(2022, 3, 8, 0, 0, 0, 0, time.UTC)}, "2022年3月8日"},
		{TextOf("鹤岭"), "鹤岭"},
		{Value{}, ""},
	} {
		if got := c.v.String(); got != c.want {
			t.Errorf("%+v.String() = %q, want %q", c.v, got, c.want)
		}
	}
	if p := NumberOf("82.80").Places(); p != 2 {
		t.Errorf("Places 82.80 = %d", p)
	}
	if p := PercentOf("5.2").Places(); p != 1 {
		t.Errorf("Places 5.2%% = %d", p)
	}
	if !NumberOf("0.0").IsZero() || (Value{}).IsZero() || TextOf("0").IsZero() {
		t.Error("IsZero")
	}
	if n, ok := PercentOf("5.2").Decimal(); !ok || n.String() != "0.052" {
		t.Error("Decimal")
	}
	if formatFixed(dec("-0.04"), 1, 1) != "0.0" || formatFixed(dec("2.5"), 0, 0) != "3" || formatFixed(dec("-2.5"), 0, 0) != "-3" {
		t.Error("formatFixed rounds half away from zero, without -0")
	}
	// Decimal's package settings, which other packages may change, do not
	// change how values show.
	decimal.UseScientificNotation = true
	defer func() { decimal.UseScientificNotation = false }()
	if got := (Value{Kind: Number, Num: dec("1500")}).String(); got != "1500" {
		t.Errorf("with scientific notation on: %q", got)
	}
}
