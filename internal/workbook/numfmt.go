package workbook

import "strings"

// fmtKind is what a cell's number format makes of the number in it.
type fmtKind uint8

const (
	fmtGeneral fmtKind = iota // the number as it is
	fmtNumber                 // a fixed number of decimals: “0.0”, “#,##0.00”
	fmtPercent                // “0.0%”: the number is a fraction shown ×100
	fmtDate                   // a day: “yyyy"年"m"月"d"日"”, “m/d/yy”
	fmtTime                   // a time of day only: “h:mm”
)

// Which parts of a day a date format shows.
const (
	showYear uint8 = 1 << iota
	showMonth
	showDay
)

// numFmt is the part of a number format the reader needs.
type numFmt struct {
	kind           fmtKind
	minDec, maxDec int8  // fmtNumber, fmtPercent: decimals always shown, at most shown
	parts          uint8 // fmtDate: showYear|showMonth|showDay
	seconds        bool  // fmtTime: seconds shown
}

var (
	general   = numFmt{}
	fmtYMD    = numFmt{kind: fmtDate, parts: showYear | showMonth | showDay}
	fmtYM     = numFmt{kind: fmtDate, parts: showYear | showMonth}
	fmtMD     = numFmt{kind: fmtDate, parts: showMonth | showDay}
	fmtHM     = numFmt{kind: fmtTime}
	fmtHMS    = numFmt{kind: fmtTime, seconds: true}
	fmtInt    = numFmt{kind: fmtNumber}
	fmtDec2   = numFmt{kind: fmtNumber, minDec: 2, maxDec: 2}
	fmtPct0   = numFmt{kind: fmtPercent}
	fmtPct2   = numFmt{kind: fmtPercent, minDec: 2, maxDec: 2}
	builtinNF = map[int]numFmt{
		0: general, 1: fmtInt, 2: fmtDec2, 3: fmtInt, 4: fmtDec2,
		5: fmtInt, 6: fmtInt, 7: fmtDec2, 8: fmtDec2,
		9: fmtPct0, 10: fmtPct2,
		11: general, 12: general, 13: general,
		14: fmtYMD, 15: fmtYMD, 16: fmtMD, 17: fmtYM,
		18: fmtHM, 19: fmtHMS, 20: fmtHM, 21: fmtHMS, 22: fmtYMD,
		// 27–36 and 50–58 are the built-in East Asian formats; their codes
		// depend on the language of Excel. These are the zh-CN ones
		// (yyyy"年"m"月", m"月"d"日", m/d/yy, yyyy"年"m"月"d"日", h"时"mm"分"…).
		27: fmtYM, 28: fmtMD, 29: fmtMD, 30: fmtYMD, 31: fmtYMD,
		32: fmtHM, 33: fmtHMS, 34: fmtHM, 35: fmtHMS, 36: fmtYM,
		37: fmtInt, 38: fmtInt, 39: fmtDec2, 40: fmtDec2,
		41: fmtInt, 42: fmtInt, 43: fmtDec2, 44: fmtDec2,
		45: fmtHMS, 46: fmtHMS, 47: fmtHMS, 48: general, 49: general,
		50: fmtYM, 51: fmtMD, 52: fmtYM, 53: fmtMD, 54: fmtMD,
		55: fmtHM, 56: fmtHMS, 57: fmtYM, 58: fmtMD,
	}
)

// parseNumFmt classifies a custom number format code. Only the first
// section (positive numbers) matters. Quoted text (“"亿元"”), escapes,
// colours, locales and conditions in brackets are skipped; scientific,
// fraction and thousands-scaled formats show the number as general.
func parseNumFmt(code string) numFmt {
	var (
		year, month, day, hour, second, minuteLike bool
		percent, dot, scaled, special, placeholder bool
		minDec, maxDec                             int
		lastWasPlaceholder                         bool
	)
	rs := []rune(code)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != ',' {
			if lastWasPlaceholder && i > 0 && rs[i-1] == ',' && !isPlaceholder(r) {
				scaled = true
			}
		}
		switch r {
		case ';':
			i = len(rs) // first section only
			continue
		case '"':
			for i++; i < len(rs) && rs[i] != '"'; i++ {
			}
			lastWasPlaceholder = false
			continue
		case '\\', '_', '*':
			i++
			lastWasPlaceholder = false
			continue
		case '[':
			j := i + 1
			for j < len(rs) && rs[j] != ']' {
				j++
			}
			inner := strings.ToLower(string(rs[i+1 : min(j, len(rs))]))
			if inner != "" && strings.Trim(inner, "hms") == "" { // [h]:mm elapsed time
				hour = hour || strings.ContainsRune(inner, 'h')
				second = second || strings.ContainsRune(inner, 's')
				minuteLike = minuteLike || strings.ContainsRune(inner, 'm')
			}
			i = j
			continue
		case '0', '#', '?':
			placeholder = true
			if dot {
				maxDec++
				if r == '0' {
					minDec++
				}
			}
			lastWasPlaceholder = true
			continue
		case '.':
			if placeholder || (i+1 < len(rs) && isPlaceholder(rs[i+1])) {
				dot = true
			}
			continue
		case ',':
			continue
		case '%':
			percent = true
		case '/':
			if placeholder {
				special = true // a fraction
			}
		case '@':
		}
		lastWasPlaceholder = false
		switch r {
		case 'g', 'G':
			if strings.HasPrefix(strings.ToLower(string(rs[i:])), "general") {
				i += len("general") - 1
				continue
			}
			year = true // ggg: the era of an East Asian calendar
		case 'y', 'Y', 'b', 'B':
			year = true
		case 'e', 'E':
			if i+1 < len(rs) && (rs[i+1] == '+' || rs[i+1] == '-') {
				special = true // scientific
				i++
			} else {
				year = true
			}
		case 'd', 'D':
			day = true
		case 'm', 'M':
			month = true
		case 'h', 'H':
			hour = true
		case 's', 'S':
			second = true
		}
	}
	if lastWasPlaceholder && len(rs) > 0 && rs[len(rs)-1] == ',' {
		scaled = true
	}
	switch {
	case year || day || (month && !hour && !second):
		var parts uint8
		if year {
			parts |= showYear
		}
		if month {
			parts |= showMonth
		}
		if day {
			parts |= showDay
		}
		return numFmt{kind: fmtDate, parts: parts}
	case hour || second || minuteLike || month:
		return numFmt{kind: fmtTime, seconds: second}
	case special || scaled || !placeholder:
		if percent && !special && !scaled {
			return numFmt{kind: fmtPercent, minDec: -1, maxDec: -1}
		}
		return general
	case percent:
		return numFmt{kind: fmtPercent, minDec: int8(min(minDec, 30)), maxDec: int8(min(maxDec, 30))}
	}
	return numFmt{kind: fmtNumber, minDec: int8(min(minDec, 30)), maxDec: int8(min(maxDec, 30))}
}

func isPlaceholder(r rune) bool { return r == '0' || r == '#' || r == '?' }
