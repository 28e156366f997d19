//go:build unix

package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// longReport copies the sample into a new directory with its sections
// repeated copies times (15 make about 100 pages) and returns the report's
// directory.
func longReport(t *testing.T, copies int) string {
	t.Helper()
	root := t.TempDir()
	dir := filepath.Join(root, "templates", "长报告")
	copyTo := func(from, to string) {
		data, err := os.ReadFile(filepath.Join("..", "..", from))
		if err != nil {
			t.Fatal(err)
		}
		mkfile(t, to, data)
	}
	copyTo("samples/产业链供应链.xlsx", filepath.Join(root, "samples", "产业链供应链.xlsx"))
	var list strings.Builder
	for i := 0; i < copies; i++ {
		for _, s := range []string{"主要工作", "存在的问题", "下一步打算"} {
			copyTo("sections/"+s+".md", filepath.Join(root, "sections", fmt.Sprintf("%s%d.md", s, i)))
			fmt.Fprintf(&list, "  - ../../sections/%s%d.md\n", s, i)
		}
	}
	text, err := os.ReadFile(filepath.Join("..", "..", "templates", "情况汇报", "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	start := bytes.Index(text, []byte("章节:\n"))
	end := bytes.Index(text[start:], []byte("---\n")) + start
	mkfile(t, filepath.Join(dir, "report.md"), []byte(string(text[:start])+"章节:\n"+list.String()+string(text[end:])))
	return dir
}

// TestInterruptAnyTime builds a report of about 100 pages over an earlier
// build and interrupts it at moments spread over the whole run, with
// SIGINT and SIGTERM in turn. Whenever the signal comes, the directory
// holds either the earlier build, untouched, or the complete new one, and
// never a temporary or backup file; an interrupted build exits with 130 or
// 143 and says so.
func TestInterruptAnyTime(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a long report a dozen times")
	}
	report := longReport(t, 15)
	ref := t.TempDir()
	began := time.Now()
	code, stdout, stderr := runProc(t, nil, "build", "-bundled-fonts", "-o", ref, report)
	took := time.Since(began)
	var pages int
	if code != exitOK || !strings.Contains(stdout, "长报告.pdf（") {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	if fmt.Sscanf(stdout[strings.Index(stdout, "（")+len("（"):], "%d页", &pages); pages < 100 {
		t.Fatalf("exit %d: %s%s", code, stdout, stderr)
	}
	want := tree(t, ref)
	interrupted := 0
	const runs = 12
	for i := 0; i < runs; i++ {
		sig := []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}[i%2]
		delay := took * time.Duration(i) / runs
		if interruptOnce(t, report, sig, delay, want) {
			interrupted++
		}
	}
	t.Logf("a build takes %v; %d of %d runs were interrupted", took, interrupted, runs)
	if interrupted == 0 {
		t.Error("no run was interrupted")
	}
}

// interruptOnce builds report over old outputs, sends sig after delay and
// checks the directory; it reports whether the build was interrupted.
func interruptOnce(t *testing.T, report string, sig syscall.Signal, delay time.Duration, complete []string) bool {
	t.Helper()
	out := t.TempDir()
	for _, n := range []string{"长报告.pdf", "长报告.html"} {
		mkfile(t, filepath.Join(out, n), []byte("上一次的 "+n))
	}
	old := tree(t, out)
	p := start(t, nil, "", "build", "-bundled-fonts", "-o", out, report)
	time.Sleep(delay)
	p.cmd.Process.Signal(sig)
	code := p.wait(t)
	now := tree(t, out)
	if l := leftovers(now); len(l) > 0 {
		t.Errorf("%v after %v: left %v", sig, delay, l)
	}
	same := func(a, b []string) bool { return strings.Join(a, "|") == strings.Join(b, "|") }
	switch {
	case code == exitOK && same(now, complete):
		return false
	case code == exitStatus(sig) && same(now, old) && strings.Contains(p.stderr.String(), "已中断：没有写出任何文件"):
		return true
	case code == -1 && (same(now, old) || same(now, complete)):
		return false // killed before the build began or after it ended
	}
	t.Errorf("%v after %v: exit %d, directory %v\n%s", sig, delay, code, now, p.stderr.String())
	return false
}

// TestBuildDot: built from inside the report's directory as “.”, the
// outputs are named after the directory, not “..pdf”.
func TestBuildDot(t *testing.T) {
	report := copyReport(t)
	t.Chdir(report)
	var out, errs bytes.Buffer
	if code := run([]string{"build", "-bundled-fonts", "-o", "../out", "."}, &out, &errs); code != exitOK {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	names := listDir(t, filepath.Join("..", "out"))
	if strings.Join(names, ",") != "情况汇报.html,情况汇报.pdf" {
		t.Errorf("wrote %v", names)
	}
}
