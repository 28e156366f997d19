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

// BenchmarkPages is a synthetic report of about 50, 100 and 200 pages (the
// sample's sections repeated), to show that the build grows linearly.
func BenchmarkPages(b *testing.B) {
	for _, copies := range []int{6, 13, 26} {
		dir := longReport(b, copies)
		res, err := Render(Options{Report: dir, Fonts: fonts.Bundled()})
		if err != nil {
			b.Fatal(err)
		}
		pages := len(res.Layout.Pages)
		b.Run(fmt.Sprintf("%dpages", pages), func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := Render(Options{Report: dir, Fonts: fonts.Bundled()}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pages), "ms/page")
		})
	}
}
