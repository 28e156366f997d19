package build

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"briefing/internal/report"
)

// newFiles are the outputs the tests write.
var newFiles = []File{
	{Format: "pdf", Name: "报告.pdf", Data: []byte("%PDF- new")},
	{Format: "html", Name: "报告.html", Data: []byte("<html>new")},
	{Format: "txt", Name: "报告.txt", Data: []byte("new")},
}

// snapshot lists a directory: each file with its content, each
// subdirectory with a trailing slash.
func snapshot(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.IsDir() {
			out = append(out, e.Name()+"/")
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, e.Name()+"="+string(data))
	}
	sort.Strings(out)
	return out
}

// previous puts the outputs of an earlier build into dir.
func previous(t *testing.T, dir string) {
	t.Helper()
	for _, f := range newFiles {
		if err := os.WriteFile(filepath.Join(dir, f.Name), []byte("old "+f.Format), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestWriteAllOrNothing: when one output cannot be put in place (a directory
// stands where the HTML should go), the outputs already replaced are put
// back, and no temporary or backup file remains; the message names the
// HTML, not a temporary file.
func TestWriteAllOrNothing(t *testing.T) {
	for _, withPrevious := range []bool{false, true} {
		dir := t.TempDir()
		if withPrevious {
			previous(t, dir)
			os.Remove(filepath.Join(dir, "报告.html"))
		}
		if err := os.Mkdir(filepath.Join(dir, "报告.html"), 0o755); err != nil {
			t.Fatal(err)
		}
		before := snapshot(t, dir)
		err := Write(dir, newFiles)
		var we *WriteError
		if !errors.As(err, &we) {
			t.Fatalf("previous %v: error %v, want a WriteError", withPrevious, err)
		}
		msg := err.Error()
		html := filepath.Join(dir, "报告.html")
		if !strings.Contains(msg, "无法写出 "+html+"：它是一个目录") || !strings.HasSuffix(msg, "没有写出任何文件") || strings.Contains(msg, ".tmp") {
			t.Errorf("message %q", msg)
		}
		if after := snapshot(t, dir); strings.Join(after, "|") != strings.Join(before, "|") {
			t.Errorf("previous %v: directory %v, want %v", withPrevious, after, before)
		}
	}
}

// TestWriteReplaces: a Write over an earlier build replaces every output
// and leaves no backup.
func TestWriteReplaces(t *testing.T) {
	dir := t.TempDir()
	previous(t, dir)
	if err := Write(dir, newFiles); err != nil {
		t.Fatal(err)
	}
	want := []string{"报告.html=<html>new", "报告.pdf=%PDF- new", "报告.txt=new"}
	if got := snapshot(t, dir); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("directory %v", got)
	}
}

// TestWriteDiskFull: on a full disk (simulated with /dev/full) the message
// says so and names the output; the directories Write made are removed.
func TestWriteDiskFull(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full here")
	}
	t.Setenv(diskVar, "full")
	root := t.TempDir()
	dir := filepath.Join(root, "新建", "输出")
	err := Write(dir, newFiles)
	want := "无法写入 " + filepath.Join(dir, "报告.pdf") + "：磁盘已满，请腾出磁盘空间后再试，或换一个磁盘；没有写出任何文件"
	if err == nil || err.Error() != want {
		t.Errorf("error %v\nwant %s", err, want)
	}
	if got := snapshot(t, root); len(got) != 0 {
		t.Errorf("left %v", got)
	}
}

// TestWriteOutputIsFile: an output directory that is a file, or below a
// file, is named in the message, which says what it is.
func TestWriteOutputIsFile(t *testing.T) {
	root := t.TempDir()
	file := filepath.Join(root, "输出")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ dir, want string }{
		{file, "无法创建输出目录 " + file + "：已有一个同名的文件，它不是目录"},
		{filepath.Join(file, "out"), "无法创建输出目录 " + filepath.Join(file, "out") + "：其中的 " + file + " 是一个文件，不是目录"},
	}
	for _, c := range cases {
		err := Write(c.dir, newFiles)
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %s", c.dir, err, c.want)
		}
	}
}

// TestWriteReadOnly: a directory without write permission refuses the
// output with a message about permissions (not as root, whom permissions
// do not stop).
func TestWriteReadOnly(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root may write anywhere; the translation is tested in package oserr")
	}
	dir := t.TempDir()
	previous(t, dir)
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o755)
	before := snapshot(t, dir)
	err := Write(dir, newFiles)
	if err == nil || !strings.Contains(err.Error(), "没有写入的权限") {
		t.Errorf("error %v", err)
	}
	if after := snapshot(t, dir); strings.Join(after, "|") != strings.Join(before, "|") {
		t.Errorf("directory %v, want %v", after, before)
	}
}

// TestStop: an interrupt at any point of Write puts the directory back as it
// was, with or without an earlier build in it; after the outputs are all in
// place, it lets the Write finish.
func TestStop(t *testing.T) {
	points := []struct {
		point string
		at    int // stop at the at-th time Write passes the point
	}{{"start", 1}, {"temp", 1}, {"temp", 2}, {"written", 1}, {"replaced", 1}, {"replaced", 3}}
	defer func() { pause = pauseFromEnv }()
	for _, p := range points {
		for _, withPrevious := range []bool{false, true} {
			root := t.TempDir()
			dir := filepath.Join(root, "out")
			if withPrevious {
				os.Mkdir(dir, 0o755)
				previous(t, dir)
			}
			before := snapshot(t, root)
			g := &Guard{}
			seen := 0
			pause = func(point string) {
				if point == p.point {
					if seen++; seen == p.at && g.Stop() {
						t.Errorf("%s %d: Stop says the outputs are complete", p.point, p.at)
					}
				}
			}
			if err := write(dir, newFiles, g); err != ErrInterrupted {
				t.Errorf("%s %d: error %v", p.point, p.at, err)
			}
			if after := snapshot(t, root); strings.Join(after, "|") != strings.Join(before, "|") {
				t.Errorf("%s %d, previous %v: directory %v, want %v", p.point, p.at, withPrevious, after, before)
			}
			if withPrevious {
				if got := snapshot(t, dir); len(got) != 3 || got[0] != "报告.html=old html" {
					t.Errorf("%s %d: outputs %v", p.point, p.at, got)
				}
			}
		}
	}
	g := &Guard{}
	dir := t.TempDir()
	pause = func(string) {}
	if err := write(dir, newFiles, g); err != nil || !g.Stop() || len(snapshot(t, dir)) != 3 {
		t.Errorf("Stop after Write: %v, %v", err, snapshot(t, dir))
	}
}

// TestScrap: a second interrupt removes the temporary files at once.
func TestScrap(t *testing.T) {
	defer func() { pause = pauseFromEnv }()
	dir := t.TempDir()
	g := &Guard{}
	pause = func(point string) {
		if point == "written" {
			if !g.Scrap() {
				t.Error("Scrap failed")
			}
			g.Stop()
		}
	}
	write(dir, newFiles, g)
	if got := snapshot(t, dir); len(got) != 0 {
		t.Errorf("left %v", got)
	}
}

// TestSafeName: an output's name is never empty, “.”, “..”, hidden, a
// device of Windows, nor holds a separator, a control character or a
// character Windows forbids; a long one is shortened.
func TestSafeName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"情况汇报", "情况汇报"},
		{".", ""},
		{"..", ""},
		{"", ""},
		{"/", ""},
		{"/a/", "a"},
		{" .隐藏. ", "隐藏"},
		{`a/b\c`, "a／b＼c"},
		{`关于"十四五":规划<草稿>|第1稿?*`, "关于＂十四五＂：规划＜草稿＞｜第1稿？＊"},
		{"换\n行\x00符\t", "换行符"},
		{"CON", "CON_"},
		{"nul.txt", "nul.txt_"},
		{"COM1", "COM1_"},
		{"COM10", "COM10"},
		{"CONSOLE", "CONSOLE"},
	}
	for _, c := range cases {
		if got := safeName(c.in); got != c.want {
			t.Errorf("safeName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := safeName(strings.Repeat("很长的报告名", 30))
	if len(long) > MaxNameBytes || !strings.HasPrefix(long, "很长的报告名") || !regexp.MustCompile(`^(很长的报告名)+[很长的报告]*$`).MatchString(long) {
		t.Errorf("long name %q (%d bytes)", long, len(long))
	}
}

// TestOutputName: a report given as “.” or “..” is named after its
// directory; a report directory whose name cannot be a file name gives its
// title instead.
func TestOutputName(t *testing.T) {
	t.Chdir("../../templates/情况汇报")
	cases := []struct{ name, dir, title, want string }{
		{".", ".", "标题", "情况汇报"},
		{"..", "..", "标题", "templates"},
		{"情况汇报", "../情况汇报/", "标题", "情况汇报"},
		{"情况汇报", "内置:templates/情况汇报", "标题", "情况汇报"},
		{"/", "/", "关于“十四五”: 规划", "关于“十四五”： 规划"},
		{"", "内置:", "", "报告"},
	}
	for _, c := range cases {
		rep := &report.Report{Name: c.name, Dir: c.dir}
		if got := outputName(rep, c.title); got != c.want {
			t.Errorf("%s: %q, want %q", c.dir, got, c.want)
		}
	}
}
