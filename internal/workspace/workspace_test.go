package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func newWorkspace(t *testing.T) *Workspace {
	t.Helper()
	w, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return w
}

func writeFile(t *testing.T, p, s string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestTypesAndWorkbooks(t *testing.T) {
	w := newWorkspace(t)
	writeFile(t, filepath.Join(w.Dir, "月报", "report.md"), "---\n标题: 月报\n---\n")
	writeFile(t, filepath.Join(w.Dir, "templates", "情况汇报", "report.md"), "---\n标题: 本地\n---\n")
	writeFile(t, filepath.Join(w.Dir, "杂项", "说明.txt"), "")
	writeFile(t, filepath.Join(w.Dir, "七月.xlsx"), "x")
	writeFile(t, filepath.Join(w.Dir, "数据", "八月.csv"), "x")
	writeFile(t, filepath.Join(w.Dir, "数据", "~$八月.xlsx"), "x")
	writeFile(t, filepath.Join(w.Dir, "a", "b", "c", "深.xlsx"), "x")
	writeFile(t, filepath.Join(w.Dir, ArchiveDir, "月报", "x", "旧.xlsx"), "x")
	var names []string
	for _, ty := range w.Types() {
		names = append(names, fmt.Sprintf("%s:%v", ty.Name, ty.Dir != ""))
	}
	if got := strings.Join(names, " "); got != "情况汇报:true 月报:true 经济运行:false" {
		t.Errorf("types: %s", got)
	}
	if got := strings.Join(w.Workbooks(), " "); got != "七月.xlsx 数据/八月.csv" {
		t.Errorf("workbooks: %s", got)
	}
}

func TestPathStaysInside(t *testing.T) {
	w := newWorkspace(t)
	writeFile(t, filepath.Join(w.Dir, "数据", "八月.xlsx"), "x")
	outside := writeFile(t, filepath.Join(t.TempDir(), "外.xlsx"), "x")
	if err := os.Symlink(outside, filepath.Join(w.Dir, "链接.xlsx")); err != nil {
		t.Skip(err)
	}
	if _, err := w.Path("数据/八月.xlsx"); err != nil {
		t.Errorf("inside refused: %v", err)
	}
	for _, rel := range []string{"../外.xlsx", "/etc/passwd", "链接.xlsx", `数据\..\..\x`, ""} {
		if p, err := w.Path(rel); err == nil {
			t.Errorf("%q gave %s", rel, p)
		}
	}
}

func build(t *testing.T, w *Workspace, workbook, pdf string, at time.Time) *Entry {
	t.Helper()
	e, err := w.Archive(Build{Report: "月报", Workbook: workbook, Version: "test", Time: at,
		Outputs: []Output{{Name: "月报.pdf", Data: []byte(pdf)}, {Name: "月报.txt", Data: []byte("正文" + pdf)}}})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func TestArchive(t *testing.T) {
	w := newWorkspace(t)
	july := writeFile(t, filepath.Join(w.Dir, "七月.xlsx"), "july")
	aug := writeFile(t, filepath.Join(w.Dir, "八月.xlsx"), "august")
	t0 := time.Date(2022, 8, 5, 9, 0, 0, 0, time.UTC)
	e1 := build(t, w, july, "pdf1", t0)
	again := build(t, w, july, "pdf1", t0.Add(time.Minute))
	if again.ID != e1.ID {
		t.Errorf("the same build archived twice: %s, %s", e1.ID, again.ID)
	}
	e2 := build(t, w, aug, "pdf2", t0.Add(time.Hour))
	e3 := build(t, w, aug, "pdf3", t0.Add(2*time.Hour)) // a template changed
	if got := w.Entries("月报"); len(got) != 3 || got[0].ID != e3.ID || got[2].ID != e1.ID {
		t.Fatalf("entries %v", got)
	}
	if p := w.Previous(e3); p == nil || p.ID != e1.ID {
		t.Errorf("previous of a rebuild of August: %v, want July's %s", p, e1.ID)
	}
	if p := w.Previous(e2); p == nil || p.ID != e1.ID {
		t.Errorf("previous of August: %v", p)
	}
	if p := w.Previous(e1); p != nil {
		t.Errorf("previous of the first: %v", p)
	}
	got, err := ReadEntry(e2.Dir)
	if err != nil {
		t.Fatal(err)
	}
	if got.Workbook != "八月.xlsx" || got.Outputs[1] != "月报.txt" || got.Time != t0.Add(time.Hour) {
		t.Errorf("manifest %+v", got.Manifest)
	}
	if p, ok := got.Output("pdf"); !ok || !strings.HasSuffix(p, "月报.pdf") {
		t.Errorf("pdf %s %v", p, ok)
	}
	for _, name := range []string{ManifestName, "../七月.xlsx", "其他.pdf"} {
		if _, ok := got.File(name); ok {
			t.Errorf("%s served", name)
		}
	}
}

func TestArchiveConcurrent(t *testing.T) {
	w := newWorkspace(t)
	at := time.Date(2022, 8, 5, 9, 0, 0, 0, time.UTC)
	var wg sync.WaitGroup
	const n = 12
	errs := make(chan error, n)
	for i := range n {
		wb := writeFile(t, filepath.Join(w.Dir, fmt.Sprintf("wb%d.xlsx", i%2)), fmt.Sprint(i%2))
		_ = wb
	}
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := w.Archive(Build{Report: "月报", Workbook: filepath.Join(w.Dir, fmt.Sprintf("wb%d.xlsx", i%2)), Time: at,
				Outputs: []Output{{Name: "月报.pdf", Data: []byte(fmt.Sprint("pdf", i))}}})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	es := w.Entries("月报")
	if len(es) < 2 || len(es) > n {
		t.Fatalf("%d entries", len(es))
	}
	for _, e := range es {
		b, err := os.ReadFile(filepath.Join(e.Dir, "月报.pdf"))
		if err != nil || !strings.HasPrefix(string(b), "pdf") {
			t.Errorf("%s: %q %v", e.ID, b, err)
		}
	}
	left, _ := filepath.Glob(filepath.Join(w.Dir, ArchiveDir, "月报", ".*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestArchiveFailureLeavesNothing(t *testing.T) {
	w := newWorkspace(t)
	wb := writeFile(t, filepath.Join(w.Dir, "七月.xlsx"), "july")
	_, err := w.Archive(Build{Report: "月报", Workbook: wb, Outputs: []Output{{Name: "../逃出.pdf", Data: []byte("x")}}})
	if err == nil {
		t.Fatal("a bad output name was archived")
	}
	left, _ := os.ReadDir(filepath.Join(w.Dir, ArchiveDir, "月报"))
	if len(left) != 0 {
		t.Errorf("left behind: %v", left)
	}
	if _, err := os.Stat(filepath.Join(w.Dir, ArchiveDir, "逃出.pdf")); err == nil {
		t.Error("a file was written outside the entry")
	}
}

func TestSnapshot(t *testing.T) {
	w := newWorkspace(t)
	p, err := w.Snapshot(`C:\Users\文秘\八月 数据.xlsx`, strings.NewReader("abc"), 10)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(p) != "八月 数据.xlsx" {
		t.Errorf("snapshot name %s", p)
	}
	w.Release(p)
	if _, err := os.Stat(p); err == nil {
		t.Error("released snapshot still there")
	}
	if _, err := w.Snapshot("大.xlsx", strings.NewReader(strings.Repeat("x", 11)), 10); err != ErrTooBig {
		t.Errorf("over the limit: %v", err)
	}
}
