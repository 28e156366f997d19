package workbook

import "testing"

// Messages show the clerk's text as typed, except what a terminal cannot
// show: control characters, NUL and bytes that are not UTF-8 are escaped.
func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, quoted string }{
		{"签约金额", "“签约金额”"},
		{"a\x00b", `“a\x00b”`},
		{"换\n行\t制表", "“换 行 制表”"},
		{"\x1b[31m红", `“\x1b[31m红”`},
		{"\xff\xfe坏", `“\xff\xfe坏”`},
		{"\u2028分\u0085隔", `“\u2028分\u0085隔”`},
		{string(make([]byte, 50)), "“" + repeatStr(`\x00`, 40) + "……”"},
	} {
		if got := quote(c.in); got != c.quoted {
			t.Errorf("quote(%q) = %s, want %s", c.in, got, c.quoted)
		}
	}
	r := Ref{File: "a\x00.xlsx", Sheet: "表\x07", Cell: "B2"}
	if got := r.String(); got != `a\x00.xlsx 表\x07!B2` {
		t.Errorf("ref %s", got)
	}
}

func repeatStr(s string, n int) string {
	out := ""
	for i := 0; i < n; i++ {
		out += s
	}
	return out
}
