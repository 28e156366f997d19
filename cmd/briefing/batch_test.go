package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"briefing/samples"
	"briefing/samples/counties"
)

// countyBooks writes the workbooks of counties 0 to n-1 into dir, and
// returns their paths; bad, when not empty, is also written, with a word in
// a figure's cell (指标!D5), and returned last.
func countyBooks(t *testing.T, dir string, n int, bad string) []string {
	t.Helper()
	src, err := samples.FS.ReadFile(counties.Sample)
	if err != nil {
		t.Fatal(err)
	}
	paths, err := counties.Write(dir, n)
	if err != nil {
		t.Fatal(err)
	}
	if bad == "" {
		return paths
	}
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("指标", "D5", "十二")
	p := filepath.Join(dir, bad)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return append(paths, p)
}

// outputsUnder lists the files under root, relative.
func outputsUnder(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	for _, l := range tree(t, root) {
		if !strings.HasSuffix(l, "/") {
			out = append(out, filepath.ToSlash(strings.Fields(l)[0]))
		}
	}
	return out
}

// A folder of workbooks, one of them bad: each good one is built into its
// folder, the bad one is reported with its cell and leaves nothing, and the
// exit status says one failed.
func TestBuildBatchFolder(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	books := countyBooks(t, in, 3, "坏.xlsx")
	code, stdout, stderr := runCmd(t, "build", "-bundled-fonts", "-data", in, "-o", out, "经济运行")
	if code != exitProblem {
		t.Fatalf("exit %d, want %d\n%s", code, exitProblem, stderr)
	}
	var want []string
	for i := range 3 {
		for _, ext := range []string{"html", "pdf"} {
			want = append(want, counties.Name(i)+"/经济运行."+ext)
		}
	}
	slices.Sort(want)
	if got := outputsUnder(t, out); !slices.Equal(got, want) {
		t.Errorf("wrote %q, want %q", got, want)
	}
	for _, say := range []string{
		"共 4 个工作簿：已生成 3 份报告，失败 1 份",
		"没有生成的报告：\n  " + books[3] + " 指标!D5：“十二” 不是数字",
		"[4/4]",
	} {
		if !strings.Contains(stderr, say) {
			t.Errorf("stderr does not say %q:\n%s", say, stderr)
		}
	}
	if n := strings.Count(stdout, "已生成 "+out); n != 6 {
		t.Errorf("stdout lists %d files:\n%s", n, stdout)
	}
}

// Workbooks given one by one (as the shell expands 县/*.xlsx) or by a
// pattern, named by 报告信息; a name two workbooks share fails the second.
func TestBuildBatchNames(t *testing.T) {
	in := t.TempDir()
	books := countyBooks(t, in, 2, "")
	same := filepath.Join(in, "同名.xlsx")
	data, _ := os.ReadFile(books[0])
	os.WriteFile(same, data, 0o644)
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCmd(t, "build", "-bundled-fonts", "-o", out, "-name", "{报告}/{县名}县", "-data", books[0], books[1], same, "经济运行")
	if code != exitProblem || !strings.Contains(stderr, same+"：与 "+books[0]+" 按 -name“{报告}/{县名}县”得到同一个文件夹") {
		t.Fatalf("exit %d:\n%s%s", code, stdout, stderr)
	}
	want := []string{"经济运行/" + counties.Name(0) + "县/经济运行.html", "经济运行/" + counties.Name(0) + "县/经济运行.pdf",
		"经济运行/" + counties.Name(1) + "县/经济运行.html", "经济运行/" + counties.Name(1) + "县/经济运行.pdf"}
	slices.Sort(want)
	if got := outputsUnder(t, out); !slices.Equal(got, want) {
		t.Errorf("wrote %q, want %q", got, want)
	}
	out = filepath.Join(t.TempDir(), "out")
	code, _, stderr = runCmd(t, "build", "-bundled-fonts", "-format", "txt", "-j", "1", "-o", out, "-data", filepath.Join(in, "*"+counties.Name(1)[3:]+".xlsx"), "经济运行")
	if code != exitOK || !slices.Equal(outputsUnder(t, out), []string{counties.Name(1) + "/经济运行.txt"}) {
		t.Errorf("a pattern: exit %d, wrote %q\n%s", code, outputsUnder(t, out), stderr)
	}
}

// One workbook builds as it always has: its files straight into -o.
func TestBuildOneWorkbookUnchanged(t *testing.T) {
	books := countyBooks(t, t.TempDir(), 1, "")
	out := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCmd(t, "build", "-bundled-fonts", "-data", books[0], "-o", out, "经济运行")
	if code != exitOK || !slices.Equal(outputsUnder(t, out), []string{"经济运行.html", "经济运行.pdf"}) {
		t.Errorf("exit %d, wrote %q\n%s", code, outputsUnder(t, out), stderr)
	}
	if strings.Contains(stderr, "共 1 个工作簿") || !strings.HasPrefix(stdout, "已生成 "+out) {
		t.Errorf("a single build reads as a batch:\n%s%s", stdout, stderr)
	}
}

func TestBuildBatchUsage(t *testing.T) {
	in := t.TempDir()
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-name", "{县名", "-data", in}, exitUsage, "-name“{县名”中的 { 没有对应的 }"},
		{[]string{"-j", "-1", "-data", in}, exitUsage, "-j 应是正整数"},
		{[]string{"-data", filepath.Join(in, "*.xlsx")}, exitProblem, "没有匹配任何工作簿"},
		{[]string{"-data", in, "经济运行", "情况汇报"}, exitUsage, "多余的参数：情况汇报"},
	} {
		code, _, stderr := runCmd(t, append([]string{"build", "-o", filepath.Join(in, "out")}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, want %d saying %q:\n%s", c.args, code, c.code, c.want, stderr)
		}
	}
}
