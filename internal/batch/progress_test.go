package batch

import (
	"errors"
	"strings"
	"testing"
	"time"

	"briefing/internal/build"
)

// results are a batch of three: one built with a warning, one failed with
// two problems, one stopped.
func results() []Result {
	return []Result{
		{Index: 0, Workbook: "县/鹤岭.xlsx", Folder: "鹤岭", Pages: 4, Warnings: []string{"鹤岭.xlsx 校验!A2：“构成”不成立"},
			Files: []File{{Format: "pdf", Path: "out/鹤岭/经济运行.pdf", Size: 165 << 10}, {Format: "html", Path: "out/鹤岭/经济运行.html", Size: 25 << 10}}},
		{Index: 1, Workbook: "县/坏.xlsx", Err: errors.New("坏.xlsx 指标!D5：“12a” 不是数字\n坏.xlsx 报告信息!B6：“主送机关” 没有填写内容")},
		{Index: 2, Workbook: "县/云山.xlsx", Err: build.ErrInterrupted},
	}
}

// Off a terminal (CI, a pipe), each report that ends has a line of its
// own, counted; the files go to standard output as a single build lists
// them; the summary gives each failure's first problem and its cell.
func TestProgressPlain(t *testing.T) {
	var out, errs strings.Builder
	p := NewProgress(&out, &errs, false, 3)
	rs := results()
	p.Report(rs[0])
	p.Report(rs[1])
	p.Summary(Summary{Results: rs[:2], Elapsed: time.Second})
	wantOut := "已生成 out/鹤岭/经济运行.pdf（4页，165 KB）\n已生成 out/鹤岭/经济运行.html（25 KB）\n"
	if out.String() != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", out.String(), wantOut)
	}
	wantErr := "警告：县/鹤岭.xlsx：鹤岭.xlsx 校验!A2：“构成”不成立\n" +
		"[1/3] 已生成：县/鹤岭.xlsx → out/鹤岭（4页）\n" +
		"[2/3] 失败：县/坏.xlsx 指标!D5：“12a” 不是数字（另有 1 个问题）\n" +
		"共 2 个工作簿：已生成 1 份报告，失败 1 份。\n" +
		"没有生成的报告：\n" +
		"  县/坏.xlsx 指标!D5：“12a” 不是数字（另有 1 个问题）\n"
	if errs.String() != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", errs.String(), wantErr)
	}
	if strings.ContainsAny(errs.String(), "\r#") {
		t.Error("a bar off a terminal")
	}
}

// On a terminal, a bar on the last line moves with each report; what is
// printed goes above it, and the summary replaces it.
func TestProgressTerminal(t *testing.T) {
	var out, errs strings.Builder
	p := NewProgress(&out, &errs, true, 3)
	rs := results()
	p.Report(rs[0])
	p.Report(rs[1])
	p.Summary(Summary{Results: rs, Interrupted: true})
	lines := strings.Split(errs.String(), "\n")
	want := []string{
		"\r生成报告 [------------------------] 0/3\r" + strings.Repeat(" ", 39) + "\r警告：县/鹤岭.xlsx：鹤岭.xlsx 校验!A2：“构成”不成立",
		"\r生成报告 [########----------------] 1/3\r" + strings.Repeat(" ", 39) + "\r失败：县/坏.xlsx 指标!D5：“12a” 不是数字（另有 1 个问题）",
		"\r生成报告 [################--------] 2/3，失败 1\r" + strings.Repeat(" ", 47) + "\r已中断：已生成的 1 份报告保留，其余 2 个工作簿的报告没有写出任何文件。",
		"没有生成的报告：",
		"  县/坏.xlsx 指标!D5：“12a” 不是数字（另有 1 个问题）",
		"",
	}
	if len(lines) != len(want) {
		t.Fatalf("stderr:\n%q", errs.String())
	}
	for i := range want {
		if lines[i] != want[i] {
			t.Errorf("line %d:\n%q\nwant\n%q", i, lines[i], want[i])
		}
	}
	if !strings.HasPrefix(out.String(), "已生成 out/鹤岭/经济运行.pdf") {
		t.Errorf("stdout: %q", out.String())
	}
}

// The summary gives the pace of a batch of more than one report.
func TestSummaryRate(t *testing.T) {
	var errs strings.Builder
	rs := []Result{{Workbook: "a.xlsx"}, {Workbook: "b.xlsx"}, {Workbook: "c.xlsx"}, {Workbook: "d.xlsx"}}
	NewProgress(&strings.Builder{}, &errs, false, 4).Summary(Summary{Results: rs, Elapsed: 2 * time.Second})
	if want := "共 4 个工作簿：已生成 4 份报告，失败 0 份，用时 2.00 秒（每秒 2.0 份）。\n"; errs.String() != want {
		t.Errorf("%q, want %q", errs.String(), want)
	}
}
