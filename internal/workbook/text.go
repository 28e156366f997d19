package workbook

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// isBlank reports whether r is a character a clerk cannot see: ASCII and
// full-width spaces, no-break spaces, zero-width spaces and the byte-order
// mark that some programs leave at the start of a cell.
func isBlank(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// trim removes the invisible characters around s (see isBlank).
func trim(s string) string {
	return strings.TrimFunc(s, isBlank)
}

// halfWidth maps one full-width character to its ASCII form: “１”→“1”,
// “％”→“%”, “．”→“.”, the ideographic space to a space, the minus sign to
// “-”. Other characters are returned unchanged.
func halfWidth(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u3000', r == '\u00a0':
		return ' '
	case r == '\u2212', r == '\u2013', r == '\ufe63':
		return '-'
	}
	return r
}

// narrow returns s with its full-width characters replaced (see halfWidth),
// without allocating when there is nothing to replace.
func narrow(s string) string {
	for i, r := range s {
		if halfWidth(r) != r {
			var b strings.Builder
			b.Grow(len(s))
			b.WriteString(s[:i])
			for _, r := range s[i:] {
				b.WriteRune(halfWidth(r))
			}
			return b.String()
		}
	}
	return s
}

// fold is the key two names are compared by when they are not spelled
// exactly alike: full-width forms made ASCII, invisible characters removed
// everywhere, Latin letters in lower case. “产值（亿元）” and “产值(亿元) ”
// fold alike; the visible Chinese text is never changed.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = halfWidth(r)
		if isBlank(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// cleanName is how a name (a figure, a column header, an info key, a sheet)
// is kept: trimmed of invisible characters, line breaks inside a header cell
// (Alt+Enter) joined, the visible text otherwise unchanged.
func cleanName(s string) string {
	s = trim(s)
	if strings.ContainsAny(s, "\r\n") {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '\r' || r == '\n' })
		for i := range parts {
			parts[i] = trim(parts[i])
		}
		s = strings.Join(parts, "")
	}
	return s
}

// quote writes s the way messages quote the clerk's text: “s”, cut short
// when very long so that one problem stays one line, with the characters
// a message cannot show escaped (see escapeText).
func quote(s string) string {
	const max = 40
	s = spacer.Replace(s)
	more := ""
	for i, n := 0, 0; i < len(s); n++ {
		if n == max {
			s, more = s[:i], "……"
			break
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return "“" + escapeText(s) + more + "”"
}

// spacer turns line breaks and tabs into spaces, leaving other bytes as
// they are (strings.Map would turn bytes that are not UTF-8 into U+FFFD).
var spacer = strings.NewReplacer("\n", " ", "\r", " ", "\t", " ")

// escapeText writes what a message cannot show as it is — control
// characters, NUL, bytes that are not UTF-8, line separators — as \x00 or
// \u2028, and keeps the rest.
func escapeText(s string) string {
	if !strings.ContainsFunc(s, unshowable) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r < 0x80 && unshowable(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unshowable(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// unshowable reports whether a message shows r escaped.
func unshowable(r rune) bool {
	return r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r == '\u2028' || r == '\u2029' || r == utf8.RuneError
}

// displayWidth is the number of terminal columns s takes: two for Chinese
// characters and other wide forms, one for the rest.
func displayWidth(s string) int {
	w := 0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) int {
	switch {
	case r < 0x1100:
		return 1
	case r <= 0x115F, // Hangul Jamo
		r >= 0x2E80 && r <= 0xA4CF && r != 0x303F, // CJK … Yi
		r >= 0xAC00 && r <= 0xD7A3,                // Hangul syllables
		r >= 0xF900 && r <= 0xFAFF,                // CJK compatibility ideographs
		r >= 0xFE30 && r <= 0xFE4F,                // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFF60,                // full-width forms
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return 2
	}
	return 1
}

// pad returns s followed by spaces up to width display columns.
func pad(s string, width int) string {
	if n := width - displayWidth(s); n > 0 {
		return s + strings.Repeat(" ", n)
	}
	return s
}
