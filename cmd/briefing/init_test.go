package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing/samples"
)

// init, then check (the empty cells named), then build once the workbook
// is filled (here with the sample's figures).
func TestInitCheckBuild(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "县域经济")
	code, stdout, stderr := runCmd(t, "init", "-from", "经济运行", dir)
	if code != exitOK || !strings.Contains(stdout, "已新建报告类型 "+dir) || !strings.Contains(stdout, "briefing check "+dir) {
		t.Fatalf("init: exit %d\n%s%s", code, stdout, stderr)
	}
	code, _, stderr = runCmd(t, "check", dir)
	for _, cell := range []string{"数据.xlsx 报告信息!B2：“县名” 没有填写内容", "数据.xlsx 指标!C16：“第三产业增加值” 的数值"} {
		if code != exitProblem || !strings.Contains(stderr, cell) {
			t.Errorf("check: exit %d, does not name %q:\n%s", code, cell, stderr)
		}
	}
	filled, err := samples.FS.ReadFile("经济运行-2022年7月.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "数据.xlsx"), filled, 0o644)
	if code, out, errs := runCmd(t, "check", dir); code != exitOK {
		t.Errorf("check once filled: exit %d\n%s%s", code, out, errs)
	}
	out := filepath.Join(t.TempDir(), "out")
	code, _, stderr = runCmd(t, "build", "-bundled-fonts", "-o", out, dir)
	if got := listDir(t, out); code != exitOK || !slices.Equal(got, []string{"县域经济.html", "县域经济.pdf"}) {
		t.Errorf("build: exit %d, wrote %q\n%s", code, got, stderr)
	}
}

func TestInitRefuses(t *testing.T) {
	root := t.TempDir()
	existing := filepath.Join(root, "已有")
	os.Mkdir(existing, 0o755)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{existing}, exitProblem, "已经存在，briefing init 不会覆盖它"},
		{nil, exitUsage, "请给出新报告类型的名称"},
		{[]string{"-from", "不存在", filepath.Join(root, "新")}, exitProblem, "找不到报告“不存在”"},
		{[]string{filepath.Join(root, "甲"), filepath.Join(root, "乙")}, exitUsage, "多余的参数"},
	} {
		code, _, stderr := runCmd(t, append([]string{"init"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) {
			t.Errorf("%q: exit %d, want %d saying %q:\n%s", c.args, code, c.code, c.want, stderr)
		}
	}
	if code, out, _ := runCmd(t, "init", "-h"); code != exitOK || !strings.Contains(out, "用法：briefing init") || !strings.Contains(out, "-from") {
		t.Errorf("init -h: exit %d\n%s", code, out)
	}
	if got := listDir(t, root); !slices.Equal(got, []string{"已有"}) {
		t.Errorf("left %q", got)
	}
}
