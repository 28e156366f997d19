package batch

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/xuri/excelize/v2"

	"briefing/internal/build"
	"briefing/internal/fonts"
	"briefing/samples"
	"briefing/samples/counties"
)

// reportType is the bundled report the county workbooks are made for.
const reportType = "经济运行"

var sample = sync.OnceValues(func() ([]byte, error) { return samples.FS.ReadFile(counties.Sample) })

// county writes county i's workbook into dir as name (its county's name
// when name is "") and returns its path; edits, in the form 指标!D5, are
// typed into it.
func county(t testing.TB, dir string, i int, name string, edits map[string]string) string {
	t.Helper()
	src, err := sample()
	if err != nil {
		t.Fatal(err)
	}
	data, err := counties.County(src, i)
	if err != nil {
		t.Fatal(err)
	}
	if len(edits) > 0 {
		data = edit(t, data, edits)
	}
	if name == "" {
		name = counties.Name(i) + ".xlsx"
	}
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// edit types text into cells of a workbook: “指标!D5” → “12a”.
func edit(t testing.TB, data []byte, edits map[string]string) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	for at, v := range edits {
		sheet, cell, _ := strings.Cut(at, "!")
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			t.Fatal(err)
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// options are a batch of the workbooks into out, with the bundled fonts.
func options(out string, books ...string) Options {
	return Options{Workbooks: books, OutDir: out, Build: build.Options{Report: reportType, Fonts: fonts.Bundled(), Formats: []string{"pdf", "html"}}}
}

// tree lists the files under root, relative, sorted.
func tree(t testing.TB, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// noLeftovers fails when a temporary or backup file of a write is left
// under root.
func noLeftovers(t testing.TB, root string) {
	t.Helper()
	for _, f := range tree(t, root) {
		base := filepath.Base(f)
		if strings.HasPrefix(base, ".") || strings.HasSuffix(base, ".tmp") || strings.HasSuffix(base, ".bak") {
			t.Errorf("left behind: %s", f)
		}
	}
}
