//go:build unix

package report

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestFilesOutsideTheReport: a report reads only regular files under its
// root, whatever its paths and links say; -root widens the root.
func TestFilesOutsideTheReport(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "秘密.md")
	if err := os.WriteFile(outside, []byte("机密"), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(t.TempDir(), "管道.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	cases := []struct {
		name, section string
		link          string // a symbolic link 报告/链接.md to this
		want          string
	}{
		{"parent directories", "../../../../../../../../etc/passwd", "", "不在报告可以读取的目录"},
		{"absolute path", outside, "", "不在报告可以读取的目录"},
		{"link out", "链接.md", outside, "（实际位置 " + outside + "） 不在报告可以读取的目录"},
		{"device", "/dev/zero", "", "不在报告可以读取的目录"},
		{"device by a link", "链接.md", "/dev/zero", "不在报告可以读取的目录"},
		{"directory", "章节", "", "是一个目录，不是文件"},
		{"missing", "没有.md", "", "找不到章节模板"},
	}
	for _, c := range cases {
		dir := writeReport(t, map[string]string{
			"报告/report.md": "---\n标题: x\n章节:\n  - " + c.section + "\n---\n正文。\n",
			"报告/章节/甲.md":   "## 甲\n",
		})
		if c.link != "" {
			if err := os.Symlink(c.link, filepath.Join(dir, "链接.md")); err != nil {
				t.Fatal(err)
			}
		}
		r, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		_, err = r.Fill(testBook())
		if err == nil || !strings.Contains(err.Error(), "report.md 第4行：") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.name, err)
		}
	}
	// A FIFO inside the report is refused without waiting for a writer.
	dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n章节:\n  - 管道.md\n---\n正文。\n"})
	if err := syscall.Mkfifo(filepath.Join(dir, "管道.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	r, _ := Load(dir)
	if _, err := r.Fill(testBook()); err == nil || !strings.Contains(err.Error(), "不是普通文件（是设备、管道或套接字）") {
		t.Errorf("FIFO: %v", err)
	}
	// -root lets a report read a file outside its directory.
	dir = writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n章节:\n  - " + outside + "\n---\n正文。\n"})
	// A root that does not hold the report refuses report.md itself.
	if _, err := Load(dir, WithRoot(filepath.Dir(outside))); err == nil || !strings.Contains(err.Error(), "report.md 不在报告可以读取的目录") {
		t.Errorf("-root without the report: %v", err)
	}
	r, _ = Load(dir, WithRoot("/"))
	filled, err := r.Fill(testBook())
	if err != nil || !strings.Contains(string(filled.Doc.Source), "机密") {
		t.Errorf("-root /: %v", err)
	}
}

// TestReportTypeRoot: a report type under templates/ reads the sections/
// and samples/ beside templates/, nothing above them.
func TestReportTypeRoot(t *testing.T) {
	dir := writeReport(t, map[string]string{
		"仓库/templates/甲/report.md": "---\n标题: x\n章节:\n  - ../../sections/甲.md\n  - ../../../外面.md\n---\n正文。\n",
		"仓库/sections/甲.md":         "## 甲\n",
		"外面.md":                    "## 外面\n",
	})
	r, err := Load(filepath.Join(filepath.Dir(dir), "仓库", "templates", "甲"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Fill(testBook())
	if err == nil || strings.Count(err.Error(), "\n") != 0 || !strings.Contains(err.Error(), "外面.md 不在报告可以读取的目录") {
		t.Errorf("%v", err)
	}
}

// TestWorkbookNotAFile: a workbook that is a device or a pipe is refused.
func TestWorkbookNotAFile(t *testing.T) {
	dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n---\n正文。\n"})
	r, _ := Load(dir)
	if _, err := r.Workbook("/dev/zero"); err == nil || !strings.Contains(err.Error(), "/dev/zero：不是普通文件") {
		t.Errorf("%v", err)
	}
	dir = writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n数据: /dev/zero\n---\n正文。\n"})
	r, _ = Load(dir)
	if _, err := r.Workbook(""); err == nil || !strings.Contains(err.Error(), "report.md 第3行：/dev/zero 不在报告可以读取的目录") {
		t.Errorf("%v", err)
	}
}
