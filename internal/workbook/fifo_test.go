//go:build unix

package workbook

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNotARegularFile: a FIFO or a device given as a workbook, or as a CSV
// file of a directory, is refused at once instead of read for ever.
func TestNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "管道.xlsx")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	csvDir := filepath.Join(dir, "表")
	os.Mkdir(csvDir, 0o755)
	if err := syscall.Mkfifo(filepath.Join(csvDir, "指标.csv"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{fifo, csvDir, "/dev/zero"} {
		_, err := Open(p)
		if err == nil || !strings.Contains(err.Error(), "不是普通文件（是设备、管道或套接字），不能作为工作簿读取") {
			t.Errorf("%s: %v", p, err)
		}
	}
}
