package build

import (
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefing/internal/report"
)

// MaxNameBytes is the longest name of the outputs, without the extension,
// in bytes of UTF-8 (66 Chinese characters): with the additions of its
// temporary file (.NAME.html.1234567890.tmp) a name stays within the 255
// bytes most file systems allow.
const MaxNameBytes = 200

// outputName is the name of a report's outputs: the name of the report's
// directory (as the disk knows it: “.” is the directory's real name), or,
// failing that, its title, or 报告; made safe for every file system by
// safeName.
func outputName(rep *report.Report, title string) string {
	var names []string
	if !strings.HasPrefix(rep.Dir, "内置:") {
		if abs, err := filepath.Abs(rep.Dir); err == nil {
			names = append(names, filepath.Base(abs))
		}
	}
	names = append(names, rep.Name, title)
	for _, n := range names {
		if s := safeName(n); s != "" {
			return s
		}
	}
	return "报告"
}

// SafeName is name made a file name every system accepts (see safeName);
// "" when nothing of it is left.
func SafeName(name string) string { return safeName(name) }

// wide are the full-width forms of the characters Windows forbids in a file
// name; a name keeps its meaning with them (关于“十四五”：规划).
var wide = strings.NewReplacer(`<`, "＜", `>`, "＞", `:`, "：", `"`, "＂", `/`, "／", `\`, "＼", `|`, "｜", `?`, "？", `*`, "＊")

// safeName makes s a file name every system accepts, or returns "": without
// control characters, with the characters Windows forbids in their
// full-width forms, without leading or trailing dots, spaces and slashes
// (“.”, “..”, “/” and hidden files), not a device name of Windows (CON, NUL, COM1…), and at
// most MaxNameBytes long.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
	s = trimName(wide.Replace(trimName(s)))
	if s == "" {
		return ""
	}
	if reserved(s) {
		s += "_"
	}
	return trimName(shorten(s, MaxNameBytes))
}

// trimName removes the dots and spaces a name must not begin or end with,
// and the separators of a root directory (“/”, “C:\\”).
func trimName(s string) string {
	return strings.TrimFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '\\' || unicode.IsSpace(r) })
}

// shorten cuts s to at most n bytes, at a character boundary.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// reserved tells whether s names a device on Windows (CON, PRN, AUX, NUL,
// COM1–COM9, LPT1–LPT9), with or without an extension.
func reserved(s string) bool {
	base, _, _ := strings.Cut(strings.ToUpper(s), ".")
	base = strings.TrimSpace(base)
	switch base {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	return len(base) == 4 && (strings.HasPrefix(base, "COM") || strings.HasPrefix(base, "LPT")) && base[3] >= '1' && base[3] <= '9'
}
