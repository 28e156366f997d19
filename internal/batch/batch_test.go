package batch

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/internal/fonts"
	"briefing/samples/counties"
)

// outputs are the files of reports in folders, in the order tree lists
// them (give the folders in that order).
func outputs(folders ...string) []string {
	var out []string
	for _, f := range folders {
		out = append(out, f+"/"+reportType+".html", f+"/"+reportType+".pdf")
	}
	return out
}

// A bad workbook among good ones: every good one is built into its folder,
// the bad one is reported with its cell and leaves nothing.
func TestBadAmongGood(t *testing.T) {
	in, out := t.TempDir(), filepath.Join(t.TempDir(), "out")
	var books []string
	for i := range 3 {
		books = append(books, county(t, in, i, "", nil))
	}
	bad := county(t, in, 3, "坏.xlsx", map[string]string{"指标!D5": "12a", "报告信息!B6": ""})
	books = slices.Insert(books, 1, bad)
	for _, jobs := range []int{1, 2} {
		t.Run(strings.Repeat("j", jobs), func(t *testing.T) {
			dir := filepath.Join(out, strings.Repeat("j", jobs))
			o := options(dir, books...)
			o.Jobs = jobs
			sum := New(o).Run()
			if sum.Built() != 3 || len(sum.Failed()) != 1 || sum.Interrupted || sum.WriteFailed() {
				t.Fatalf("built %d, failed %d, interrupted %v", sum.Built(), len(sum.Failed()), sum.Interrupted)
			}
			f := sum.Failed()[0]
			if f.Workbook != bad || f.Index != 1 {
				t.Errorf("the failure is %s (%d), want %s", f.Workbook, f.Index, bad)
			}
			ps := f.Problems()
			if len(ps) != 2 || !strings.Contains(ps[0], "坏.xlsx 报告信息!B6") || !strings.Contains(ps[1], "坏.xlsx 指标!D5：“12a” 不是数字") {
				t.Errorf("problems: %q", ps)
			}
			want := outputs(counties.Name(0), counties.Name(2), counties.Name(1))
			if got := tree(t, dir); !slices.Equal(got, want) {
				t.Errorf("wrote %q, want %q", got, want)
			}
		})
	}
}

// A report built in a batch is the one a single build writes, byte for
// byte: whether the reports make their own font sets or share one (as
// briefing build's batches do).
func TestSameBytesAsAlone(t *testing.T) {
	t.Run("own fonts", func(t *testing.T) { sameBytesAsAlone(t, nil) })
	t.Run("one font set", func(t *testing.T) { sameBytesAsAlone(t, fonts.Bundled()) })
}

func sameBytesAsAlone(t *testing.T, set *fonts.Set) {
	in, out := t.TempDir(), t.TempDir()
	var books []string
	for i := range 4 {
		books = append(books, county(t, in, i*7, "", nil))
	}
	o := options(filepath.Join(out, "batch"), books...)
	o.Build.Fonts, o.Jobs = set, 2
	if sum := New(o).Run(); sum.Built() != 4 {
		t.Fatalf("built %d: %v", sum.Built(), sum.Failed())
	}
	for _, b := range books {
		name := strings.TrimSuffix(filepath.Base(b), ".xlsx")
		alone := filepath.Join(out, "alone", name)
		if _, err := build.Build(build.Options{Report: reportType, Data: b, OutDir: alone, Fonts: fonts.Bundled(), Formats: o.Build.Formats}); err != nil {
			t.Fatal(err)
		}
		for _, ext := range []string{".pdf", ".html"} {
			a, _ := os.ReadFile(filepath.Join(alone, reportType+ext))
			c, _ := os.ReadFile(filepath.Join(out, "batch", name, reportType+ext))
			if len(a) == 0 || !bytes.Equal(a, c) {
				t.Errorf("%s%s: the batch wrote other bytes than a single build (%d and %d bytes)", name, ext, len(c), len(a))
			}
		}
	}
}

// Two workbooks that name the same folder: the later one fails, whichever
// ends first, and says which workbook has the folder.
func TestSameFolder(t *testing.T) {
	in := t.TempDir()
	a := county(t, in, 0, "甲.xlsx", nil)
	b := county(t, in, 1, "乙.xlsx", map[string]string{"报告信息!B2": counties.Name(0)})
	c := county(t, in, 2, "丙.xlsx", nil)
	pattern, err := ParsePattern("{县名}县")
	if err != nil {
		t.Fatal(err)
	}
	for _, jobs := range []int{1, 2, 3} {
		out := filepath.Join(t.TempDir(), "out")
		o := options(out, a, b, c)
		o.Name, o.Jobs = pattern, jobs
		sum := New(o).Run()
		failed := sum.Failed()
		if sum.Built() != 2 || len(failed) != 1 || failed[0].Workbook != b {
			t.Fatalf("jobs %d: built %d, failed %v", jobs, sum.Built(), failed)
		}
		msg := failed[0].Err.Error()
		for _, want := range []string{filepath.Join(out, counties.Name(0)+"县"), a, "同一个文件夹"} {
			if !strings.Contains(msg, want) {
				t.Errorf("jobs %d: %q does not say %q", jobs, msg, want)
			}
		}
		if got := tree(t, out); !slices.Equal(got, outputs(counties.Name(0)+"县", counties.Name(2)+"县")) {
			t.Errorf("jobs %d: wrote %q", jobs, got)
		}
	}
}

// A report that cannot be written (a file where its folder should be)
// fails as a write, leaves nothing, and stops no other.
func TestWriteFailureLeavesNothing(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	a, b := county(t, in, 0, "", nil), county(t, in, 1, "", nil)
	blocker := filepath.Join(out, counties.Name(1))
	if err := os.WriteFile(blocker, []byte("不是文件夹"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum := New(options(out, a, b)).Run()
	if sum.Built() != 1 || !sum.WriteFailed() {
		t.Fatalf("built %d, write failed %v: %v", sum.Built(), sum.WriteFailed(), sum.Failed())
	}
	var we *build.WriteError
	if !errors.As(sum.Failed()[0].Err, &we) || !strings.Contains(we.Error(), "没有写出任何文件") {
		t.Errorf("the failure is %v", sum.Failed()[0].Err)
	}
	if got := tree(t, out); !slices.Equal(got, append(outputs(counties.Name(0)), counties.Name(1))) {
		t.Errorf("left %q", got)
	}
}

// Stop keeps the reports written, undoes the write in progress and leaves
// nothing of the others, whenever it comes.
func TestStop(t *testing.T) {
	in := t.TempDir()
	var books []string
	for i := range 6 {
		books = append(books, county(t, in, i, "", nil))
	}
	for _, after := range []int{0, 1, 3} {
		out := filepath.Join(t.TempDir(), "out")
		o := options(out, books...)
		o.Jobs = 2
		var b *Batch
		ended := 0
		o.Done = func(Result) {
			if ended++; ended == after {
				b.Stop()
			}
		}
		b = New(o)
		if after == 0 {
			if n := b.Stop(); n != 0 {
				t.Errorf("Stop before Run says %d written", n)
			}
		}
		sum := b.Run()
		if !sum.Interrupted || sum.Built()+sum.Unfinished() != len(books) || len(sum.Failed()) != 0 {
			t.Fatalf("stop after %d: built %d, unfinished %d, failed %v", after, sum.Built(), sum.Unfinished(), sum.Failed())
		}
		if sum.Built() < after || sum.Built() > after+1 {
			t.Errorf("stop after %d: %d built", after, sum.Built())
		}
		noLeftovers(t, out)
		for _, r := range sum.Results {
			files := tree(t, filepath.Join(out, strings.TrimSuffix(filepath.Base(r.Workbook), ".xlsx")))
			if want := map[bool]int{true: 2, false: 0}[r.Err == nil]; len(files) != want {
				t.Errorf("stop after %d: %s (%v) left %q", after, r.Workbook, r.Err, files)
			}
		}
		if _, err := os.Stat(out); after == 0 && !errors.Is(err, os.ErrNotExist) {
			t.Errorf("a batch stopped before it began left %s", out)
		}
	}
}

// Reports whose folders share a folder (-name {报告}/{县名}) never race to
// make it; a batch whose every report fails leaves no folder behind.
func TestSharedFolders(t *testing.T) {
	in := t.TempDir()
	var books []string
	for i := range 4 {
		books = append(books, county(t, in, i, "", nil))
	}
	pattern, _ := ParsePattern("{报告}/{县名}")
	for run := range 5 {
		out := filepath.Join(t.TempDir(), "输出", "本月")
		o := options(out, books...)
		o.Name, o.Jobs, o.Build.Formats = pattern, 4, []string{"txt"}
		if sum := New(o).Run(); sum.Built() != 4 {
			t.Fatalf("run %d: built %d: %v", run, sum.Built(), sum.Failed())
		}
	}
	bad := county(t, in, 9, "坏.xlsx", map[string]string{"指标!D5": "12a"})
	top := t.TempDir()
	o := options(filepath.Join(top, "输出", "本月"), bad, bad+"不存在.xlsx")
	o.Name = pattern
	if sum := New(o).Run(); len(sum.Failed()) != 2 {
		t.Fatalf("failed %v", sum.Failed())
	}
	if left := tree(t, top); len(left) != 0 {
		t.Errorf("left %q", left)
	}
	if entries, _ := os.ReadDir(top); len(entries) != 0 {
		t.Errorf("left the folder %s", entries[0].Name())
	}
}
