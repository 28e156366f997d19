package build

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/fonts"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
)

// chartBodies are ten charts of the kinds a 经济运行 report draws, from
// the sample workbook's tables.
var chartBodies = []string{
	"类型：柱线\n标题：规上工业产值及增速（分月）\n表：月度\n分类：月份\n柱：规上工业产值\n线：增速\n数据来源：县统计局",
	"类型：条\n标题：各县规上工业增加值增速\n表：全市各县\n分类：县\n数值：规上工业增加值增速\n突出：鹤岭",
	"类型：柱\n标题：分行业产值\n表：分行业\n分类：行业\n柱：产值",
	"类型：线\n标题：分月增速\n表：月度\n分类：月份\n线：增速",
	"类型：饼\n标题：分行业产值构成\n表：分行业\n分类：行业\n数值：产值",
	"类型：环\n标题：分行业产值构成（环）\n表：分行业\n分类：行业\n数值：产值",
	"类型：堆积柱\n标题：分月产值（堆积）\n表：月度\n分类：月份\n柱：规上工业产值",
	"类型：柱\n标题：分行业增速\n表：分行业\n分类：行业\n柱：增速",
	"类型：柱\n标题：投资\n指标：固定资产投资、工业投资、房地产开发投资",
	"类型：条\n标题：分行业增速排名\n表：分行业\n分类：行业\n数值：增速",
}

// chartReport writes a report of a paragraph before each of charts of
// chartBodies (none: the same paragraphs alone) into dir.
func chartReport(tb testing.TB, dir string, charts int) string {
	tb.Helper()
	dir = filepath.Join(dir, fmt.Sprintf("图表%d", charts))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		tb.Fatal(err)
	}
	data, err := os.ReadFile("../../samples/经济运行-2022年7月.xlsx")
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "数据.xlsx"), data, 0o644); err != nil {
		tb.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("---\n标题: 图表测试\n数据: 数据.xlsx\n---\n")
	for i := range chartBodies {
		fmt.Fprintf(&b, "第%d部分。全县经济运行总体平稳，主要指标保持在合理区间，工业生产稳步恢复，投资和消费持续改善，市场主体活力不断增强，"+
			"民生保障有力有效，经济运行呈现稳中有进、稳中向好的态势。{{期间}}，全县规上工业增加值{{同比 \"规上工业增加值\"}}。\n\n", i+1)
		if i < charts {
			b.WriteString("```图表\n" + chartBodies[i] + "\n```\n\n")
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "report.md"), []byte(b.String()), 0o644); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// BenchmarkTenCharts is a report with ten charts, workbook to PDF and HTML
// in memory; ms/chart is its time less that of the same report without
// the charts, a tenth of it (the goal: under 2 ms a chart).
func BenchmarkTenCharts(b *testing.B) {
	tmp := b.TempDir()
	with, without := chartReport(b, tmp, 10), chartReport(b, tmp, 0)
	render := func(dir string) {
		res, err := Render(Options{Report: dir, Fonts: fonts.Bundled()})
		if err != nil {
			b.Fatal(err)
		}
		if dir == with && len(res.Document.Charts) != 10 {
			b.Fatalf("%d charts", len(res.Document.Charts))
		}
	}
	render(without) // the fonts' pieces are cut once per process
	const base = 20
	start := time.Now()
	for range base {
		render(without)
	}
	baseline := time.Since(start) / base
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		render(with)
	}
	per := b.Elapsed() / time.Duration(b.N)
	b.ReportMetric(float64(per-baseline)/float64(time.Millisecond)/10, "ms/chart")
	b.ReportMetric(float64(baseline)/float64(time.Millisecond), "ms-without-charts")
}

// TestTenCharts: the benchmark's report builds, its ten charts in the PDF
// and the page, and keeps the grid (typeset.Check).
func TestTenCharts(t *testing.T) {
	res, err := Render(Options{Report: chartReport(t, t.TempDir(), 10), Fonts: fonts.Bundled(), Formats: []string{"pdf", "html", "txt"}, KeepLayout: true})
	if err != nil {
		t.Fatal(err)
	}
	figures := 0
	for _, p := range res.Layout.Pages {
		figures += len(p.Figures)
	}
	if len(res.Document.Charts) != 10 || figures != 10 {
		t.Errorf("%d charts read, %d placed", len(res.Document.Charts), figures)
	}
	if n := strings.Count(string(fileData(t, res, "html")), "<svg "); n != 10 {
		t.Errorf("the page has %d charts", n)
	}
	for _, v := range typeset.Check(res.Layout) {
		t.Error(v)
	}
	// Each kind's drawing, as the PDF plays it (text measured with the
	// bundled fonts), is the golden one in testdata/charts.
	recs, err := pdfwriter.ChartDrawings(res.Document, pdfwriter.Options{Fonts: fonts.Bundled()})
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		kind := strings.TrimPrefix(strings.SplitN(chartBodies[i], "\n", 2)[0], "类型：")
		path := filepath.Join("testdata", "charts", fmt.Sprintf("十图-%02d-%s.txt", i+1, kind))
		if *updateCharts {
			if err := os.WriteFile(path, []byte(rec.String()), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if want, err := os.ReadFile(path); err != nil || string(want) != rec.String() {
			t.Errorf("chart %d (%s) differs from %s (-update-charts rewrites it: look at the pictures first): %v", i+1, kind, path, err)
		}
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		dir := t.ArtifactDir()
		file := filepath.Join(dir, "十图.pdf")
		if err := os.WriteFile(file, fileData(t, res, "pdf"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := exec.Command("pdftoppm", "-r", "60", "-png", file, filepath.Join(dir, "十图")).Run(); err != nil {
			t.Fatal(err)
		}
		t.Logf("pictures of the pages: %s", dir)
	}
	if dir := os.Getenv("BRIEFING_CHARTS"); dir != "" {
		if err := Write(dir, res.Files); err != nil {
			t.Fatal(err)
		}
	}
}
