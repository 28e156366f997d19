package compare

import (
	"unicode"
	"unicode/utf8"
)

// tokens splits a sentence into the units a change is marked in: a whole
// number with its decimals, percent sign and a minus sign not between two
// numbers (82.8, 7.5%, -3.4, the 2022 of 2022年, but 1 - 7 in 1-7月), a Latin
// word (GDP), a run of spaces or tabs, and otherwise a single character —
// a Han character or a punctuation mark.
func tokens(s string) []string {
	out := make([]string, 0, len(s)/3+1)
	afterNumber := false
	for i := 0; i < len(s); {
		n := tokenLen(s[i:], afterNumber)
		r, _ := utf8.DecodeLastRuneInString(s[i : i+n])
		afterNumber = isDigit(r) || r == '%' || r == '％' || isLatin(r)
		out = append(out, s[i:i+n])
		i += n
	}
	return out
}

// tokenLen is the length in bytes of the token s starts with; a minus
// sign right after a number or word is a hyphen, a token of its own.
func tokenLen(s string, afterNumber bool) int {
	r, n := utf8.DecodeRuneInString(s)
	switch {
	case isDigit(r):
		return numberLen(s)
	case (r == '-' || r == '−' || r == '－') && !afterNumber:
		if d, _ := utf8.DecodeRuneInString(s[n:]); isDigit(d) {
			return n + numberLen(s[n:])
		}
	case isLatin(r):
		return runLen(s, isLatin)
	case r == ' ' || r == '\t' || r == '\u3000':
		return runLen(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\u3000' })
	}
	return n
}

// numberLen is the length of the number s starts with: digits, a decimal
// point followed by digits, and a percent sign.
func numberLen(s string) int {
	i := runLen(s, isDigit)
	if r, n := utf8.DecodeRuneInString(s[i:]); r == '.' || r == '．' {
		if d := runLen(s[i+n:], isDigit); d > 0 {
			i += n + d
		}
	}
	if r, n := utf8.DecodeRuneInString(s[i:]); r == '%' || r == '％' {
		i += n
	}
	return i
}

// runLen is the length of the run of characters s starts with that keep.
func runLen(s string, keep func(rune) bool) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !keep(r) {
			break
		}
		i += n
	}
	return i
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

// isLatin tells whether r is a letter of an alphabet (Latin, full-width
// Latin, Greek, Cyrillic), not of CJK.
func isLatin(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r >= 'Ａ' && r <= 'Ｚ' || r >= 'ａ' && r <= 'ｚ':
		return true
	case r >= 0x2E80: // CJK, kana, Hangul and their marks
		return false
	}
	return unicode.IsLetter(r)
}
