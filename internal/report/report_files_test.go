package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/workbook"
)

func TestFilesListsWhatTheReportRead(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "report.md"), []byte("---\n标题: 月报\n主送机关: 县政府\n发文机关: 统计局\n成文日期: 2022年8月5日\n章节:\n  - 正文.md\n---\n开头。\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "正文.md"), []byte("## 一、情况\n\n正文。\n"), 0o644)
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r.Fill(&workbook.Book{File: "x.xlsx"}); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range r.Files() {
		names = append(names, filepath.Base(p))
	}
	if got := strings.Join(names, " "); got != "report.md 正文.md" {
		t.Errorf("files read: %s", got)
	}
	bundled, err := Load("情况汇报")
	if err != nil {
		t.Fatal(err)
	}
	if len(bundled.Files()) != 0 && !strings.Contains(bundled.Dir, "templates") {
		t.Errorf("bundled: %v", bundled.Files())
	}
}
