package report

import (
	"fmt"
	"strings"
)

// Markdown's parser takes time that grows with the square of the depth of
// nested lists and block quotes: a template that writes a list three
// thousand levels deep would run for minutes. A 公文 has no such thing, so
// a filled template whose lines are indented or nested deeper than these
// limits is refused before it is parsed.
const (
	maxIndent  = 40 // columns of leading spaces (a tab is 4)
	maxNesting = 10 // list markers and > at the start of one line
)

// tooDeep finds the first line of md nested deeper than the limits: its
// byte offset and a message; -1 when there is none.
func tooDeep(md string) (int, string) {
	off := 0
	for _, line := range strings.SplitAfter(md, "\n") {
		indent, rest := indentation(line)
		if indent > maxIndent {
			return off, fmt.Sprintf("这一行行首缩进了 %d 格，超过 %d 格：公文中没有这么多层的列表或引用，请减少行首的空格", indent, maxIndent)
		}
		if n := markers(rest); n > maxNesting {
			return off, fmt.Sprintf("这一行嵌套了 %d 层列表或引用（- 、1. 或 >），超过 %d 层：公文中没有这么多层，请改写", n, maxNesting)
		}
		off += len(line)
	}
	return -1, ""
}

// indentation is a line's leading white space in columns, and the rest.
func indentation(line string) (int, string) {
	cols := 0
	for i := 0; i < len(line); i++ {
		switch line[i] {
		case ' ':
			cols++
		case '\t':
			cols += 4 - cols%4
		default:
			return cols, line[i:]
		}
	}
	return cols, ""
}

// markers counts the list markers and block quote marks that open a line.
func markers(s string) int {
	n := 0
	for {
		_, s = indentation(s)
		rest, ok := marker(s)
		if !ok {
			return n
		}
		n, s = n+1, rest
	}
}

// marker strips one container marker from the start of s: >, or - * +
// followed by a space, or 1. 1) followed by a space.
func marker(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, ">"):
		return s[1:], true
	case len(s) >= 2 && strings.ContainsRune("-*+", rune(s[0])) && (s[1] == ' ' || s[1] == '\t'):
		return s[2:], true
	}
	i := 0
	for i < len(s) && i < 9 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return s[i+2:], true
	}
	return s, false
}
