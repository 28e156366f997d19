package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/fonts"
)

// BenchmarkSample is the whole sample report, workbook to PDF and HTML in
// memory, with a fresh font set each time (as one `briefing build` run).
func BenchmarkSample(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Render(Options{Report: "../../templates/情况汇报", Fonts: fonts.Bundled()}); err != nil {
			b.Fatal(err)
		}
	}
}

// longReport writes a report directory whose sections repeat the sample's
// so that its PDF has about pages pages, and returns it.
func longReport(b *testing.B, copies int) string {
	b.Helper()
	root := b.TempDir()
	dir := filepath.Join(root, "templates", "长报告")
	for _, d := range []string{dir, filepath.Join(root, "sections"), filepath.Join(root, "samples")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	copyFile := func(from, to string) {
		data, err := os.ReadFile(from)
		if err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(to, data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	copyFile("../../samples/产业链供应链.xlsx", filepath.Join(root, "samples", "产业链供应链.xlsx"))
	report, err := os.ReadFile("../../templates/情况汇报/report.md")
	if err != nil {
		b.Fatal(err)
	}
	var list strings.Builder
	for i := 0; i < copies; i++ {
		for _, s := range []string{"主要工作", "存在的问题", "下一步打算"} {
			name := fmt.Sprintf("%s%d.md", s, i)
			copyFile("../../sections/"+s+".md", filepath.Join(root, "sections", name))
			fmt.Fprintf(&list, "  - ../../sections/%s\n", name)
		}
	}
	text := string(report)
	start := strings.Index(text, "章节:\n")
	end := strings.Index(text[start:], "---\n") + start
	text = text[:start] + "章节:\n" + list.String() + text[end:]
	if err := os.WriteFile(filepath.Join(dir, "report.md"), []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// Benchmark100Pages is a synthetic report of about 100 pages: the sample's
// sections repeated.
func Benchmark100Pages(b *testing.B) {
	dir := longReport(b, 13)
	res, err := Render(Options{Report: dir, Fonts: fonts.Bundled()})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(res.Layout.Pages)), "pages")
	b.ResetTimer()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Render(Options{Report: dir, Fonts: fonts.Bundled()}); err != nil {
			b.Fatal(err)
		}
	}
}
