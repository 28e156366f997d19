package workbook

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// The last day Excel can show (serial number 2958465).
const maxSerial = 2958465

// serialDate turns the whole days of an Excel date serial number into a
// day. In the 1900 date system Excel counts the day 1900-02-29 that never
// was (serial 60), so serials above it are one day ahead; that day itself
// is refused.
func serialDate(days int64, date1904 bool) (time.Time, bool) {
	if date1904 {
		if days < 0 || days > maxSerial-1462 {
			return time.Time{}, false
		}
		return time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
	}
	switch {
	case days < 1 || days > maxSerial || days == 60:
		return time.Time{}, false
	case days < 60:
		return time.Date(1899, 12, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
	}
	return time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days)), true
}

var (
	// 2022-12-5, 2022/12/05, 2022.12.5, with an optional time that is
	// dropped: 2022-12-05 00:00:00, 2022-12-05T08:30.
	reDateNum = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})\s*([-/.])\s*(\d{1,2})\s*([-/.])\s*(\d{1,2})(?:(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$`)
	})
	// 2022年12月5日, 2022 年 12 月 5 日, 2022年12月5号
	reDateHan = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$`)
	})
	// 二〇二二年十二月五日
	reDateCN = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日$`)
	})
)

// parseTextDate reads a date typed as text. It accepts year-month-day with
// “-”, “/” or “.”, “2022年12月5日” (also with Chinese numerals), full-width
// digits, and refuses days that do not exist (2023-02-29). A time after the
// date is allowed and dropped: a Date is a day.
func parseTextDate(s string) (time.Time, bool) {
	s = trim(narrow(s))
	if len(s) < 8 {
		return time.Time{}, false
	}
	var y, m, d int
	if m := reDateNum().FindStringSubmatch(s); m != nil {
		if m[2] != m[4] {
			return time.Time{}, false
		}
		y, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[3])
		da, _ := strconv.Atoi(m[5])
		return makeDate(y, mo, da)
	}
	if m := reDateHan().FindStringSubmatch(s); m != nil {
		y, _ = strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		da, _ := strconv.Atoi(m[3])
		return makeDate(y, mo, da)
	}
	if mm := reDateCN().FindStringSubmatch(s); mm != nil {
		for _, r := range mm[1] {
			y = y*10 + hanDigit(r)
		}
		var ok1, ok2 bool
		m, ok1 = hanNumber(mm[2])
		d, ok2 = hanNumber(mm[3])
		if !ok1 || !ok2 {
			return time.Time{}, false
		}
		return makeDate(y, m, d)
	}
	return time.Time{}, false
}

func makeDate(y, m, d int) (time.Time, bool) {
	if y < 1900 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31 {
		return time.Time{}, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d { // 2 月 30 日 rolled over into March
		return time.Time{}, false
	}
	return t, true
}

// hanDigit reads one Chinese numeral digit (〇/○/零 … 九); -1 for others.
func hanDigit(r rune) int {
	switch r {
	case '〇', '○', '零':
		return 0
	}
	if i := strings.IndexRune("一二三四五六七八九", r); i >= 0 {
		return i/len("一") + 1
	}
	return -1
}

// hanNumber reads 1–31 written in Chinese numerals: 五, 十, 十二, 二十, 二十五, 三十一.
func hanNumber(s string) (int, bool) {
	rs := []rune(s)
	digit := func(r rune) int {
		if r == '十' {
			return -1
		}
		return hanDigit(r)
	}
	switch len(rs) {
	case 1:
		if rs[0] == '十' {
			return 10, true
		}
		return digit(rs[0]), digit(rs[0]) > 0
	case 2:
		if rs[0] == '十' && digit(rs[1]) > 0 {
			return 10 + digit(rs[1]), true
		}
		if rs[1] == '十' && digit(rs[0]) > 1 {
			return digit(rs[0]) * 10, true
		}
	case 3:
		if rs[1] == '十' && digit(rs[0]) > 1 && digit(rs[2]) > 0 {
			return digit(rs[0])*10 + digit(rs[2]), true
		}
	}
	return 0, false
}

// dateText writes a day the way a 公文 writes it: 2022年12月5日, the year in
// full, month and day without leading zeros (GB/T 9704). parts says which
// of year, month and day to write (0 writes all three).
func dateText(t time.Time, parts uint8) string {
	if parts == 0 {
		parts = showYear | showMonth | showDay
	}
	var b strings.Builder
	if parts&showYear != 0 {
		fmt.Fprintf(&b, "%d年", t.Year())
	}
	if parts&showMonth != 0 {
		fmt.Fprintf(&b, "%d月", int(t.Month()))
	}
	if parts&showDay != 0 {
		if parts&showMonth == 0 && parts&showYear != 0 {
			fmt.Fprintf(&b, "%d月", int(t.Month()))
		}
		fmt.Fprintf(&b, "%d日", t.Day())
	}
	return b.String()
}
