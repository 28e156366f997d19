package main

import (
	"strings"
	"testing"
)

// TestOutputNUL: a NUL in -o (which only a program can pass) is refused and
// shown escaped.
func TestOutputNUL(t *testing.T) {
	code, _, stderr := runCmd(t, "build", "-o", "a\x00b")
	if code != exitUsage || !strings.Contains(stderr, `a\x00b`) || strings.Contains(stderr, "\x00") {
		t.Errorf("exit %d, %q", code, stderr)
	}
}

// TestControlInOthersMessages: a control character in a value another
// package puts in its message (the name of a report, a workbook's path) is
// shown escaped.
func TestControlInOthersMessages(t *testing.T) {
	for _, args := range [][]string{
		{"build", "-bundled-fonts", "-o", t.TempDir(), "报\x1b告"},
		{"check", "-data", "/tmp/工作\x07簿.xlsx"},
	} {
		code, _, stderr := runCmd(t, args...)
		if code != exitProblem || strings.ContainsAny(stderr, "\x1b\x07") || !strings.Contains(stderr, `\x`) {
			t.Errorf("%q: exit %d, %q", args, code, stderr)
		}
	}
}
