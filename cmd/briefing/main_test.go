package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// runCmd runs the command in-process from the repository root, as a clerk
// would from a checkout.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Chdir("../.."); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestHelpIsChinese(t *testing.T) {
	for _, args := range [][]string{{"-h"}, {"build", "-h"}, {"check", "-h"}, {"figures", "-h"}, {"fonts", "-h"}} {
		code, out, errs := runCmd(t, args...)
		if code != 0 {
			t.Errorf("%v: exit %d, stderr %q", args, code, errs)
		}
		if !strings.Contains(out, "用法") {
			t.Errorf("%v: no Chinese usage: %q", args, out)
		}
	}
	_, out, _ := runCmd(t, "build", "-h")
	for _, flag := range []string{"-data", "-o", "-format", "-font", "工作簿", "输出目录", "输出格式"} {
		if !strings.Contains(out, flag) {
			t.Errorf("build -h does not explain %s:\n%s", flag, out)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{nil, "用法"},
		{[]string{"bulid"}, "不认识的命令“bulid”"},
		{[]string{"build", "-x"}, "不认识的选项 -x"},
		{[]string{"build", "-o"}, "选项 -o 后面需要一个值"},
		{[]string{"build", "-format", "doc"}, "不认识的输出格式“doc”"},
		{[]string{"build", "a", "b"}, "多余的参数"},
	}
	for _, c := range cases {
		code, _, errs := runCmd(t, c.args...)
		if code != exitUsage {
			t.Errorf("%v: exit %d, want %d", c.args, code, exitUsage)
		}
		if !strings.Contains(errs, c.want) {
			t.Errorf("%v: stderr %q does not say %q", c.args, errs, c.want)
		}
		if strings.Contains(errs, "goroutine") || strings.Contains(errs, "panic") {
			t.Errorf("%v: stack trace in %q", c.args, errs)
		}
	}
}

func TestBuildSample(t *testing.T) {
	out := t.TempDir()
	code, stdout, stderr := runCmd(t, "build", "-bundled-fonts", "-o", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 {
		t.Errorf("want one line per file written, got %q", stdout)
	}
	for _, name := range []string{"情况汇报.pdf", "情况汇报.html"} {
		data, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		if len(data) < 1000 {
			t.Errorf("%s is only %d bytes", name, len(data))
		}
		if !strings.Contains(stdout, name) {
			t.Errorf("stdout does not name %s: %q", name, stdout)
		}
	}
	if names := listDir(t, out); len(names) != 2 {
		t.Errorf("output directory holds %v, want exactly the two files", names)
	}
	pdf, _ := os.ReadFile(filepath.Join(out, "情况汇报.pdf"))
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Errorf("not a PDF")
	}
	if path, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(path, filepath.Join(out, "情况汇报.pdf"), "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		flat := strings.Join(strings.Fields(string(text)), "")
		for _, want := range []string{"一、主要工作", "（一）提高思想认识，高位推动落实。积极贯彻", "总签约金额82.8亿元", "— 1 —"} {
			if !strings.Contains(flat, strings.ReplaceAll(want, " ", "")) {
				t.Errorf("text copied out of the PDF lacks %q", want)
			}
		}
	} else {
		t.Log("pdftotext not installed (apt-get install poppler-utils): text extraction not checked")
	}
}

func TestBuildIsDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if code, _, stderr := runCmd(t, "build", "-bundled-fonts", "-o", dir); code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
	}
	for _, name := range []string{"情况汇报.pdf", "情况汇报.html"} {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

func TestBuildFormats(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := runCmd(t, "build", "-bundled-fonts", "-format", "html", "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if names := listDir(t, out); len(names) != 1 || names[0] != "情况汇报.html" {
		t.Errorf("-format html wrote %v", names)
	}
}

func TestCheckWritesNothing(t *testing.T) {
	code, stdout, stderr := runCmd(t, "check", "-bundled-fonts")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stdout, "检查通过") {
		t.Errorf("stdout %q", stdout)
	}
}

// copyReport copies the bundled 情况汇报 and its sections into a temporary
// directory, so that a test can break one piece of it.
func copyReport(t *testing.T) (dir string) {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"templates/情况汇报", "sections", "samples"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"templates/情况汇报/report.md", "sections/主要工作.md", "sections/存在的问题.md", "sections/下一步打算.md", "samples/产业链供应链.xlsx"} {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(root, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "templates", "情况汇报")
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), old) {
		t.Fatalf("%s does not contain %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestErrorsSayWhereAndWriteNothing: a missing workbook, a missing figure and
// a broken template each answer with a Chinese message that names the place,
// a non-zero exit, and no output file.
func TestErrorsSayWhereAndWriteNothing(t *testing.T) {
	cases := []struct {
		name    string
		breakIt func(t *testing.T, report string) []string // returns extra args
		want    []string
	}{
		{"missing workbook", func(t *testing.T, report string) []string {
			return []string{"-data", filepath.Join(t.TempDir(), "没有这个文件.xlsx")}
		}, []string{"没有这个文件.xlsx"}},
		{"unknown figure", func(t *testing.T, report string) []string {
			edit(t, filepath.Join(report, "../../sections/主要工作.md"), `{{值 "上云企业数"}}`, `{{值 "上云企业"}}`)
			return nil
		}, []string{"主要工作.md", "第22行", "上云企业", "指标", "是否是 上云企业数"}},
		{"template syntax", func(t *testing.T, report string) []string {
			edit(t, filepath.Join(report, "../../sections/存在的问题.md"), `{{中文数 (计数 (表 "重点产业链"))}}条`, `{{中文数 (计数 (表 "重点产业链"))条`)
			return nil
		}, []string{"存在的问题.md", "第12行"}},
		{"missing sheet", func(t *testing.T, report string) []string {
			edit(t, filepath.Join(report, "../../sections/下一步打算.md"), `表 "重点企业"`, `表 "重点企业名单"`)
			return nil
		}, []string{"下一步打算.md", "重点企业名单"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			report := copyReport(t)
			args := c.breakIt(t, report)
			out := t.TempDir()
			all := append([]string{"build", "-bundled-fonts", "-o", out}, args...)
			all = append(all, report)
			code, _, stderr := runCmd(t, all...)
			if code != exitProblem {
				t.Errorf("exit %d, want %d; stderr %q", code, exitProblem, stderr)
			}
			for _, w := range c.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("message %q does not say %q", stderr, w)
				}
			}
			if strings.Contains(stderr, "goroutine") || strings.Contains(stderr, "<no value>") {
				t.Errorf("message %q", stderr)
			}
			if names := listDir(t, out); len(names) != 0 {
				t.Errorf("a failed build left %v", names)
			}
		})
	}
}

func TestUnwritableOutput(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "build", "-bundled-fonts", "-o", filepath.Join(blocker, "out"))
	if code != exitWrite {
		t.Errorf("exit %d, want %d: %s", code, exitWrite, stderr)
	}
	if !strings.Contains(stderr, "输出目录") {
		t.Errorf("stderr %q", stderr)
	}
}
