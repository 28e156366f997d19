package build

import (
	"fmt"
	"runtime"
	"runtime/metrics"
	"sync/atomic"
	"testing"

	"briefing/internal/fonts"
	"briefing/internal/perfdata"
	"briefing/internal/report"
)

// Benchmarks of whole builds in memory (Render). The whole process —
// start, wall time and peak memory — is timed by
// internal/perfdata/cmd/timing (see README.md, 速度与内存).
//
//	go test ./internal/build -run '^$' -bench . -benchtime 20x

// BenchmarkSample is the whole sample report, workbook to PDF and HTML in
// memory, with a fresh font set each time (as one `briefing build` run;
// the fonts' pieces are made once per process, as in a batch).
func BenchmarkSample(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Render(Options{Report: "../../templates/情况汇报", Fonts: fonts.Bundled()}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCheck is what `briefing check` does with the sample: read,
// fill, lay out; no PDF, no HTML.
func BenchmarkCheck(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		rep, err := report.Load("../../templates/情况汇报")
		if err != nil {
			b.Fatal(err)
		}
		book, err := rep.Workbook("")
		if err != nil {
			b.Fatal(err)
		}
		filled, err := rep.Fill(book)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Pages(filled.Doc, StartFonts(Options{Fonts: fonts.Bundled()})); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPages is a report of about 100, 250 and 1000 pages (the
// sample's sections repeated): ms/page stays the same as the report grows.
func BenchmarkPages(b *testing.B) {
	for _, pages := range []int{100, 250, 1000} {
		dir, err := perfdata.LongReport(b.TempDir(), int(float64(pages)/perfdata.PagesPerCopy+0.5))
		if err != nil {
			b.Fatal(err)
		}
		benchReport(b, fmt.Sprintf("%dpages", pages), dir)
	}
}

// BenchmarkTable is a report of one table of 1,000, 10,000 and 100,000
// rows: ms/page stays the same, and the heap the build holds at most
// (peak-MB, sampled at each garbage collection) grows far slower than
// the table.
func BenchmarkTable(b *testing.B) {
	for _, rows := range []int{1000, 10000, 100000} {
		dir, err := perfdata.TableReport(b.TempDir(), rows)
		if err != nil {
			b.Fatal(err)
		}
		benchReport(b, fmt.Sprintf("%drows", rows), dir)
	}
}

// benchReport builds the report in dir, PDF and HTML, and reports the
// time per page and the largest heap after a collection.
func benchReport(b *testing.B, name, dir string) {
	b.Run(name, func(b *testing.B) {
		b.ReportAllocs()
		pages := 0
		peak := peakHeap()
		for b.Loop() {
			res, err := Render(Options{Report: dir, Fonts: fonts.Bundled()})
			if err != nil {
				b.Fatal(err)
			}
			pages = res.Pages
		}
		b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/float64(b.N)/float64(pages), "ms/page")
		b.ReportMetric(float64(peak())/(1<<20), "peak-MB")
	})
}

// peakHeap watches the live heap: the returned function stops watching
// and returns the largest heap that a garbage collection left.
func peakHeap() func() uint64 {
	runtime.GC()
	var peak atomic.Uint64
	var stopped atomic.Bool
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	var arm func()
	arm = func() {
		runtime.SetFinalizer(new([16]byte), func(*[16]byte) {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64(); v > peak.Load() {
				peak.Store(v)
			}
			if !stopped.Load() {
				arm()
			}
		})
	}
	arm()
	return func() uint64 {
		stopped.Store(true)
		return peak.Load()
	}
}
