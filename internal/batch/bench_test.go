package batch

import (
	"fmt"
	"path/filepath"
	"strconv"
	"testing"

	"briefing/internal/build"
	"briefing/samples/counties"
)

// BenchmarkCounties builds 25, 50 and 100 county workbooks (made from the
// 经济运行 sample) in one batch with a worker per core, as one
// `briefing build -bundled-fonts -data 县/ 经济运行` does, outputs written.
// It reports reports per second; the build is linear in the count when
// ms/report stays the same.
func BenchmarkCounties(b *testing.B) {
	books, err := counties.Write(b.TempDir(), 100)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{25, 50, 100} {
		b.Run(fmt.Sprintf("%dworkbooks", n), func(b *testing.B) {
			b.ReportAllocs()
			out := b.TempDir()
			for i := 0; i < b.N; i++ {
				o := Options{Workbooks: books[:n], OutDir: filepath.Join(out, strconv.Itoa(i)), Build: build.Options{Report: reportType}}
				if sum := New(o).Run(); sum.Built() != n {
					b.Fatalf("built %d of %d: %v", sum.Built(), n, sum.Failed())
				}
			}
			reports := float64(n * b.N)
			b.ReportMetric(reports/b.Elapsed().Seconds(), "reports/s")
			b.ReportMetric(float64(b.Elapsed().Microseconds())/1000/reports, "ms/report")
		})
	}
}
