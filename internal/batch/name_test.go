package batch

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/workbook"
)

func TestPatternFolder(t *testing.T) {
	book := &workbook.Book{File: "a.xlsx", Info: []workbook.InfoEntry{
		{Key: "县名", Value: workbook.Value{Kind: workbook.Text, Text: "鹤岭"}},
		{Key: "市名", Value: workbook.Value{Kind: workbook.Text, Text: "青州/东区"}},
		{Key: "成文日期", Value: workbook.Value{Kind: workbook.Date, Date: time.Date(2022, 8, 12, 0, 0, 0, 0, time.UTC)}},
		{Key: "期号", Value: workbook.Value{Kind: workbook.Number, Text: "7"}},
		{Key: "点", Value: workbook.Value{Kind: workbook.Text, Text: ".."}},
		{Key: "空", Value: workbook.Value{Kind: workbook.Text, Text: " ", Ref: workbook.Ref{File: "a.xlsx", Sheet: "报告信息", Cell: "B7"}}},
	}}
	field := fields("县/鹤岭-7月.xlsx", constant("经济运行"), bookOf(book))
	cases := []struct{ pattern, want string }{
		{DefaultName, "鹤岭-7月"},
		{"{县名}", "鹤岭"},
		{"{ 县名 }县{报告}", "鹤岭县经济运行"},
		{"{市名}/{县名}", filepath.Join("青州／东区", "鹤岭")},
		{"{成文日期}-第{期号}期", "2022年8月12日-第7期"},
		{"/{县名}", ""},
		{"{县名}/../{报告}", ""},
		{"{点}", ""},
		{"{空}", ""},
		{"{县名", ""},
		{"县名}", ""},
		{"{县{名}}", ""},
		{"{}", ""},
		{"{乡名}", ""},
	}
	for _, c := range cases {
		got, err := parseAndName(c.pattern, field)
		if c.want == "" {
			if err == nil {
				t.Errorf("%q: %q, want an error", c.pattern, got)
			} else if !strings.Contains(err.Error(), "name") && !strings.Contains(err.Error(), "-name") {
				t.Errorf("%q: %v does not name -name", c.pattern, err)
			}
			continue
		}
		if err != nil || got != c.want {
			t.Errorf("%q: %q, %v; want %q", c.pattern, got, err, c.want)
		}
	}
}

func constant(s string) func() (string, error) { return func() (string, error) { return s, nil } }

func bookOf(b *workbook.Book) func() (*workbook.Book, error) {
	return func() (*workbook.Book, error) { return b, nil }
}

func parseAndName(pattern string, field func(string) (string, error)) (string, error) {
	p, err := ParsePattern(pattern)
	if err != nil {
		return "", err
	}
	return p.Folder(field)
}

// A key that 报告信息 lacks or leaves empty is named with its sheet or
// cell.
func TestPatternMissingKey(t *testing.T) {
	book := &workbook.Book{File: "a.xlsx", Info: []workbook.InfoEntry{
		{Key: "县名", Value: workbook.Value{Kind: workbook.Text, Text: " ", Ref: workbook.Ref{File: "a.xlsx", Sheet: "报告信息", Cell: "B2"}}},
	}}
	for key, want := range map[string]string{"乡名": "a.xlsx 工作表“报告信息”中没有项目“乡名”", "县名": "a.xlsx 报告信息!B2：“县名”是空的"} {
		_, err := parseAndName("{"+key+"}", fields("a.xlsx", constant("经济运行"), bookOf(book)))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("{%s}: %v, want %q", key, err, want)
		}
	}
}

func TestExpand(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"乙.xlsx", "甲.xlsm", "~$乙.xlsx", ".隐藏.xlsx", "说明.txt", "csv/指标.csv", "sub/丙.xlsx"} {
		p := filepath.Join(dir, n)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, nil, 0o644)
	}
	at := func(ns ...string) []string {
		var out []string
		for _, n := range ns {
			out = append(out, filepath.Join(dir, n))
		}
		return out
	}
	cases := []struct {
		args []string
		want []string
		many bool
	}{
		{nil, nil, false},
		{at("乙.xlsx"), at("乙.xlsx"), false},
		{at("csv"), at("csv"), false},
		{at("不存在.xlsx"), at("不存在.xlsx"), false},
		{[]string{dir}, at("乙.xlsx", "甲.xlsm"), true},
		{at("*.xls?"), at("乙.xlsx", "甲.xlsm"), true},
		{at("sub/*.xlsx"), at("sub/丙.xlsx"), true},
		{append(at("乙.xlsx", "sub/丙.xlsx"), dir), at("乙.xlsx", "sub/丙.xlsx", "甲.xlsm"), true},
	}
	for _, c := range cases {
		in, err := Expand(c.args)
		if err != nil || !slices.Equal(in.Workbooks, c.want) || in.Many != c.many {
			t.Errorf("%q: %q many %v, %v; want %q many %v", c.args, in.Workbooks, in.Many, err, c.want, c.many)
		}
	}
	for _, arg := range []string{"*.docx", "[.xlsx"} {
		if _, err := Expand(at(arg)); err == nil || !strings.Contains(err.Error(), arg) {
			t.Errorf("%s: %v", arg, err)
		}
	}
}
