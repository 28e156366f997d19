package oserr

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxShown is the number of characters of a path a message shows; a longer
// path is shortened in the middle.
const MaxShown = 80

// Path shows a path in a message: control characters escaped (Escape) and,
// when it is longer than MaxShown characters, its middle replaced by “…”,
// keeping its beginning and its end (the file's name).
func Path(p string) string {
	parts := shown(p)
	if len(parts) <= MaxShown {
		return strings.Join(parts, "")
	}
	head := MaxShown / 2
	tail := MaxShown - head - 1
	return strings.Join(parts[:head], "") + "…" + strings.Join(parts[len(parts)-tail:], "")
}

// Escape shows any value in a message: NUL, control characters, invalid
// UTF-8 and the invisible line and paragraph separators are written as Go
// escapes (\x00, \n, \t, \u2028), everything else as it is.
func Escape(s string) string { return strings.Join(shown(s), "") }

// HasControl tells whether s holds a character that Escape would escape.
func HasControl(s string) bool {
	for _, part := range shown(s) {
		if len(part) > 1 && part[0] == '\\' {
			return true
		}
	}
	return false
}

// shown splits s into the pieces a message shows: one per character, a
// control character or a byte of invalid UTF-8 as its escape.
func shown(s string) []string {
	parts := make([]string, 0, len(s))
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		parts = append(parts, escapeRune(r, s[i:i+n]))
		i += n
	}
	return parts
}

// escapeRune is one character as a message shows it; raw is its bytes.
func escapeRune(r rune, raw string) string {
	switch {
	case r == utf8.RuneError && len(raw) == 1:
		return fmt.Sprintf(`\x%02x`, raw[0])
	case r == '\n':
		return `\n`
	case r == '\r':
		return `\r`
	case r == '\t':
		return `\t`
	case r < 0x80 && unicode.IsControl(r):
		return fmt.Sprintf(`\x%02x`, r)
	case unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || r == '\u202e':
		return fmt.Sprintf(`\u%04x`, r)
	}
	return raw
}
