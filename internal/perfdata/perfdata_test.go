package perfdata

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/internal/fonts"
)

// TestLongReport: a long report lists the sample's sections as many times
// as asked, and builds.
func TestLongReport(t *testing.T) {
	dir, err := LongReport(t.TempDir(), 2)
	if err != nil {
		t.Fatal(err)
	}
	md, err := os.ReadFile(filepath.Join(dir, "report.md"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(md), "../../sections/"); n != 6 {
		t.Errorf("report.md lists %d sections, want 6:\n%s", n, md)
	}
	res, err := build.Render(build.Options{Report: dir, Fonts: fonts.Bundled(), Formats: []string{"pdf"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := 2 * PagesPerCopy; float64(res.Pages) < want-2 || float64(res.Pages) > want+3 {
		t.Errorf("two copies make %d pages, not about %.0f", res.Pages, want)
	}
}

// TestTableReport: a table report builds, one row per line of its table.
func TestTableReport(t *testing.T) {
	dir, err := TableReport(t.TempDir(), 40)
	if err != nil {
		t.Fatal(err)
	}
	res, err := build.Render(build.Options{Report: dir, Fonts: fonts.Bundled(), Formats: []string{"txt"}})
	if err != nil {
		t.Fatal(err)
	}
	text := string(res.Files[0].Data)
	for _, want := range []string{"企业名称", "鹤岭县第1号工业企业", "鹤岭县第40号工业企业"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q", want)
		}
	}
}
