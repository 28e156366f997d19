//go:build unix

package workbook

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// Benchmarks of files at each documented limit (README.md, 工作簿的约定):
// what one read of such a file takes. Run them one at a time to see the
// memory a read takes at most, e.g.
//
//	go test ./internal/workbook -run '^$' -bench 'Limit' -benchtime 1x -benchmem
//	/usr/bin/time -v go test … -bench LimitCells$ -benchtime 1x   # peak RSS
//
// The inputs are built once (some take seconds to build) and kept.

var (
	limitInputs   = map[string][]byte{}
	limitInputsMu sync.Mutex
)

// limitInput builds an input once.
func limitInput(tb testing.TB, name string, build func(tb testing.TB) []byte) []byte {
	limitInputsMu.Lock()
	defer limitInputsMu.Unlock()
	if data, ok := limitInputs[name]; ok {
		return data
	}
	data := build(tb)
	limitInputs[name] = data
	return data
}

// benchRead reads data as name b.N times, expecting wantErr (or no error).
// Besides time and allocations it reports the memory the reads held at
// most: peak-MB, the heap's live objects above what they were before
// (sampled every 5 ms), and sys-MB, the memory the Go runtime took from
// the system above it (which the process keeps).
func benchRead(b *testing.B, data []byte, name, wantErr string, opts ...Option) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	stop := samplePeak(b)
	defer stop()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		_, err := Read(bytes.NewReader(data), name, opts...)
		switch {
		case wantErr == "" && err != nil:
			b.Fatal(err)
		case wantErr != "" && (err == nil || !strings.Contains(err.Error(), wantErr)):
			b.Fatalf("error %v, want %q", err, wantErr)
		}
	}
}

// cpuTime is the processor time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// samplePeak samples the heap until the returned function is called,
// which reports the peaks as the benchmark's metrics, and the processor
// time a read took (cpu-s, all threads: the garbage collector's too),
// which other programs running at the same time change less than the
// time on the clock.
func samplePeak(b *testing.B) func() {
	cpu0 := cpuTime()
	samples := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/total:bytes"}}
	runtime.GC()
	metrics.Read(samples)
	base0, base1 := samples[0].Value.Uint64(), samples[1].Value.Uint64()
	peak0, peak1 := base0, base1
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(5 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			peak0, peak1 = max(peak0, samples[0].Value.Uint64()), max(peak1, samples[1].Value.Uint64())
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() {
		close(done)
		wg.Wait()
		b.ReportMetric(float64(peak0-base0)/(1<<20), "peak-MB")
		b.ReportMetric(float64(peak1-base1)/(1<<20), "sys-MB")
		b.ReportMetric((cpuTime()-cpu0).Seconds()/float64(b.N), "cpu-s/op")
	}
}

// countingWriter stops a sheet's writer at a size.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.n += int64(len(p))
	return c.w.Write(p)
}

// limitFiles are the inputs at the limits, by name: the benchmarks read
// them, and TestWriteLimitFiles writes them out, for TestReadLimitFile to
// read one in a process of its own.
var limitFiles = []struct {
	name  string // the file's name, which picks the reader
	build func(tb testing.TB) []byte
}{
	{"spaces.xlsx", spacesBook},
	{"tags.xlsx", tagsBook},
	{"cells.xlsx", func(tb testing.TB) []byte { return cellsBook(tb, DefaultMaxCells/10) }},
	{"column.xlsx", columnBook},
	{"重点企业.csv", cellsCSV},
	{"重点项目.csv", longCSV},
	{"chain.xlsx", func(tb testing.TB) []byte { return chainBook(tb, DefaultMaxFormulas) }},
	{"sums.xlsx", sumsBook},
	{"far.xlsx", farBook},
	{"strings.xlsx", stringsBook},
}

// TestWriteLimitFiles writes the inputs at the limits into the directory
// $WORKBOOK_LIMIT_DIR, to measure the memory a process reading one takes:
//
//	WORKBOOK_LIMIT_DIR=/tmp/limits go test ./internal/workbook -run TestWriteLimitFiles
//	WORKBOOK_LIMIT_FILE=/tmp/limits/cells.xlsx go test ./internal/workbook -run TestReadLimitFile -v
func TestWriteLimitFiles(t *testing.T) {
	dir := os.Getenv("WORKBOOK_LIMIT_DIR")
	if dir == "" {
		t.Skip("WORKBOOK_LIMIT_DIR is not set")
	}
	for _, f := range limitFiles {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.build(t), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestReadLimitFile reads the file $WORKBOOK_LIMIT_FILE and logs the time
// and the most memory the process took (its peak resident set).
func TestReadLimitFile(t *testing.T) {
	name := os.Getenv("WORKBOOK_LIMIT_FILE")
	if name == "" {
		t.Skip("WORKBOOK_LIMIT_FILE is not set")
	}
	start, cpu := time.Now(), cpuTime()
	_, err := Open(name)
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	t.Logf("%s: %.2f s, %.2f s of processor time, %d MB at most (error: %v)",
		filepath.Base(name), time.Since(start).Seconds(), (cpuTime() - cpu).Seconds(), ru.Maxrss>>10, err != nil)
}

// benchLimit reads the input named name.
func benchLimit(b *testing.B, name string) {
	for _, f := range limitFiles {
		if f.name == name {
			benchRead(b, limitInput(b, name, f.build), name, "")
			return
		}
	}
	b.Fatalf("no input %s", name)
}

// A worksheet padded with spaces up to the unzipped limit, as the
// tester's 411 KB file that took 15 s and a gigabyte: a scan.
func BenchmarkLimitUnzippedSpaces(b *testing.B) { benchLimit(b, "spaces.xlsx") }

// A worksheet of empty formatted cells (<c r="A1" s="1"/>, as Excel
// writes a formatted column) up to the unzipped limit: the most tags a
// byte.
func BenchmarkLimitUnzippedTags(b *testing.B) { benchLimit(b, "tags.xlsx") }

// A workbook at the cell limit: a table of 100,000 rows and ten columns.
func BenchmarkLimitCells(b *testing.B) { benchLimit(b, "cells.xlsx") }

// A workbook at the cell limit in one column: a million rows, the most
// memory a cell (each row is a Row of its table).
func BenchmarkLimitCellsOneColumn(b *testing.B) { benchLimit(b, "column.xlsx") }

// A CSV file at the cell limit, close to the size limit: a million cells
// of some 50 bytes.
func BenchmarkLimitCSV(b *testing.B) { benchLimit(b, "重点企业.csv") }

// A CSV file at the size limit with few cells: lines of 32,767 characters.
func BenchmarkLimitCSVLongCells(b *testing.B) { benchLimit(b, "重点项目.csv") }

// A chain of formulas without saved values at the formula limit, each
// reading the next.
func BenchmarkLimitFormulas(b *testing.B) { benchLimit(b, "chain.xlsx") }

// Formulas without saved values reading cells up to their limit: the sums
// of the 20 columns of a 10,000-row table.
func BenchmarkLimitFormulaCells(b *testing.B) { benchLimit(b, "sums.xlsx") }

// A formula without a saved value at the last row its budget allows:
// excelize holds every row above it.
func BenchmarkLimitFormulaSpan(b *testing.B) { benchLimit(b, "far.xlsx") }

// A shared string table at its bound (twice the cells, and 1,000 more).
func BenchmarkLimitSharedStrings(b *testing.B) { benchLimit(b, "strings.xlsx") }

// spacesBook is a worksheet of spaces up to the unzipped limit.
func spacesBook(tb testing.TB) []byte {
	return pkg(tb, "", xsheet{name: "表", write: func(w io.Writer) {
		spaces := bytes.Repeat([]byte(" "), 1<<20)
		for i := 0; i < int(DefaultUnzipSize>>20)-1; i++ {
			w.Write(spaces)
		}
	}})
}

// tagsBook is a worksheet of empty formatted cells, 100 a row, up to the
// unzipped limit.
func tagsBook(tb testing.TB) []byte {
	return pkg(tb, "", xsheet{name: "表", write: func(w io.Writer) {
		cw := &countingWriter{w: w}
		var line []byte
		for r := 1; cw.n < DefaultUnzipSize-(4<<20); r++ {
			line = append(line[:0], `<row r="`...)
			line = strconv.AppendInt(line, int64(r), 10)
			line = append(line, `">`...)
			for c := 1; c <= 100; c++ {
				line = append(line, `<c r="`...)
				line = append(line, cellName(c, r)...)
				line = append(line, `" s="1"/>`...)
			}
			cw.Write(append(line, `</row>`...))
		}
	}})
}

// cellsBook is a workbook of one table of n rows and ten columns: text
// from the shared strings, numbers, percentages as typed.
func cellsBook(tb testing.TB, n int) []byte {
	x := newXL(tb)
	x.sheet("重点企业")
	sw, err := x.f.NewStreamWriter("重点企业")
	if err != nil {
		tb.Fatal(err)
	}
	sw.SetRow("A1", []any{"序号", "企业名称", "乡镇", "产业链", "产值（亿元）", "增速", "投资（万元）", "用工", "备注", "进度"})
	towns := []string{"城关镇", "河口镇", "新塘乡", "石门镇"}
	for i := 1; i < n; i++ {
		sw.SetRow(cellName(1, i+1), []any{i, "企业" + strconv.Itoa(i), towns[i%4], "电子信息", float64(i%1000) / 10, "5.2%", i * 3, i % 500, "正常", "已投产"})
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	return x.bytes()
}

// cellsCSV is a CSV file of a million cells, four a row.
func cellsCSV(tb testing.TB) []byte {
	var buf bytes.Buffer
	buf.WriteString("序号,企业名称,说明,产值（亿元）\n")
	long := strings.Repeat("情况说明", 14)
	for i := 1; i < DefaultMaxCells/4; i++ {
		fmt.Fprintf(&buf, "%d,企业%d,%s,%d.5\n", i, i, long, i%1000)
	}
	if buf.Len() > DefaultMaxFileSize {
		tb.Fatalf("%d bytes", buf.Len())
	}
	return buf.Bytes()
}

// longCSV is a CSV file of cells of 32,767 characters up to the size
// limit.
func longCSV(tb testing.TB) []byte {
	var buf bytes.Buffer
	buf.WriteString("名称,说明\n")
	long := strings.Repeat("说", maxCellChars)
	for i := 1; buf.Len() < DefaultMaxFileSize-200_000; i++ {
		fmt.Fprintf(&buf, "项目%d,%s\n", i, long)
	}
	return buf.Bytes()
}

// sumsBook is a table of 10,000 rows whose last row sums each column with
// formulas without saved values: as many cells as they may read.
func sumsBook(tb testing.TB) []byte {
	const rows = 10_000
	cols := defaultFormulaCells / rows
	return pkg(tb, "", xsheet{name: "表", write: func(w io.Writer) {
		io.WriteString(w, `<row r="1">`)
		for c := 1; c <= cols; c++ {
			fmt.Fprintf(w, `<c r="%s" t="inlineStr"><is><t>列%d</t></is></c>`, cellName(c, 1), c)
		}
		io.WriteString(w, `</row>`)
		for r := 2; r < rows; r++ {
			fmt.Fprintf(w, `<row r="%d">`, r)
			for c := 1; c <= cols; c++ {
				fmt.Fprintf(w, `<c r="%s"><v>%d</v></c>`, cellName(c, r), r*c)
			}
			io.WriteString(w, `</row>`)
		}
		fmt.Fprintf(w, `<row r="%d">`, rows)
		for c := 1; c <= cols; c++ {
			fmt.Fprintf(w, `<c r="%s"><f>SUM(%s1:%s%d)</f><v></v></c>`, cellName(c, rows), colName(c), colName(c), rows-1)
		}
		io.WriteString(w, `</row>`)
	}})
}

// stringsBook is a workbook whose shared string table is at its bound.
func stringsBook(tb testing.TB) []byte {
	x := newXL(tb).sheet("表", []any{"名称"}, []any{"甲"})
	var sst strings.Builder
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>名称</t></si><si><t>甲</t></si>`)
	for i := 0; i < 2*DefaultMaxCells+990; i++ {
		sst.WriteString("<si><t>没用到的文字" + strconv.Itoa(i) + "</t></si>")
	}
	sst.WriteString("</sst>")
	return patch(tb, x.bytes(), "xl/sharedStrings.xml", `<sst[^>]*>.*</sst>`, sst.String())
}

// farBook is a table whose one formula without a saved value is as far
// down as the rows excelize may hold for it allow.
func farBook(tb testing.TB) []byte {
	row := 2*defaultFormulaCells - 2
	return pkg(tb, "", xsheet{name: "表", data: `<row r="1">` + inline("A1", "合计") + `</row>` +
		fmt.Sprintf(`<row r="%d"><c r="A%d"><f>1+1</f><v></v></c></row>`, row, row)})
}

// columnBook is a table of one column and a million rows.
func columnBook(tb testing.TB) []byte {
	return pkg(tb, "", xsheet{name: "表", write: func(w io.Writer) {
		io.WriteString(w, `<row r="1">`+inline("A1", "值")+`</row>`)
		var line []byte
		for r := 2; r <= DefaultMaxCells; r++ {
			line = append(line[:0], `<row r="`...)
			line = strconv.AppendInt(line, int64(r), 10)
			line = append(line, `"><c r="A`...)
			line = strconv.AppendInt(line, int64(r), 10)
			line = append(line, `"><v>`...)
			line = strconv.AppendInt(line, int64(r), 10)
			w.Write(append(line, `.5</v></c></row>`...))
		}
	}})
}
