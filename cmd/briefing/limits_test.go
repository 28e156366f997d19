package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLimitFlags: -max-loops, -max-output and -max-time bound the fill,
// -root widens what a report may read; a refusal names the template's
// line and the limit, and writes nothing.
func TestLimitFlags(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "报告")
	data, _ := filepath.Abs("../../samples/产业链供应链.xlsx")
	write := func(name, s string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(filepath.Join(dir, "report.md"), "---\n标题: 测试\n章节:\n  - ../外面.md\n---\n{{range 3}}{{range 表 \"重点企业\"}}{{.企业名称}}、{{end}}{{end}}。\n")
	write(filepath.Join(root, "外面.md"), "## 外面\n\n正文。\n")
	out := filepath.Join(root, "out")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"-root", root, "-max-loops", "20"}, exitProblem, "report.md 第6行第20列：循环（range）一共超过 20 轮的上限"},
		{[]string{"-root", root, "-max-output", "1KB"}, exitProblem, "report.md 第6行"},
		{[]string{"-root", root, "-max-output", "1KB"}, exitProblem, "填充结果超过 1 KB 的上限"},
		{[]string{"-root", filepath.Join(root, "没有")}, exitUsage, "-root 无法读取目录"},
		{[]string{"-root", filepath.Join(dir, "report.md")}, exitUsage, "-root 应是一个目录"},
		{[]string{"-root", root, "-max-output", "很多"}, exitUsage, "“很多”不是一个大小"},
		{[]string{"-root", root, "-max-output", "5000GB"}, exitUsage, "“5000GB”太大：最多 1024GB"},
		{[]string{"-root", root, "-max-time", "一会儿"}, exitUsage, "不是一段时间"},
		{[]string{}, exitProblem, "外面.md 不在报告可以读取的目录"},
		{[]string{"-root", root}, exitOK, ""},
	}
	for _, c := range cases {
		args := append([]string{"build", "-bundled-fonts", "-format", "txt", "-o", out, "-data", data}, c.args...)
		code, _, stderr := runCmd(t, append(args, dir)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%v: exit %d\n%s", c.args, code, stderr)
		}
		if files := listDir(t, out); (code == exitOK) != (len(files) > 0) {
			t.Errorf("%v: files %v", c.args, files)
		}
		os.RemoveAll(out)
	}
}
