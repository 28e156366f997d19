//go:build unix

package main

import (
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// Ctrl+C while a report of the batch is being written: its files are
// undone, nothing is left, and the exit status says it was interrupted.
func TestBuildBatchInterrupted(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	countyBooks(t, in, 3, "")
	p := start(t, nil, "written", "build", "-bundled-fonts", "-j", "1", "-data", in, "-o", out, "经济运行")
	p.cmd.Process.Signal(syscall.SIGINT)
	if code := p.wait(t); code != exitInterrupt {
		t.Fatalf("exit %d, want %d\n%s", code, exitInterrupt, p.stderr.String())
	}
	if !strings.Contains(p.stderr.String(), "已中断：已生成的 0 份报告保留，其余工作簿的报告没有写出任何文件") {
		t.Errorf("stderr:\n%s", p.stderr.String())
	}
	if left := tree(t, out); len(left) != 0 {
		t.Errorf("left %q", left)
	}
}
