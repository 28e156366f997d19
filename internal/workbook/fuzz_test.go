package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"regexp"
	"runtime"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// storedZip rewrites a package with its parts uncompressed and without
// checksums, so that the fuzzer's changes to bytes reach the XML inside
// instead of only breaking the compression.
func storedZip(tb testing.TB, data []byte) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			tb.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name: f.Name, Method: zip.Store,
			CompressedSize64: uint64(len(content)), UncompressedSize64: uint64(len(content)),
		})
		if err != nil {
			tb.Fatal(err)
		}
		w.Write(content)
	}
	zw.Close()
	return buf.Bytes()
}

// Fuzz names: which reader a name sends the bytes to.
var fuzzNames = []string{"figures.xlsx", "指标.csv", "报告信息.csv", "重点项目.csv"}

// FuzzRead feeds the reader with the test workbooks changed at random. The
// reader may refuse them, but must not panic, hang or give a message that
// is not a Chinese line with a place. Seeds are the test workbooks, both as
// excelize writes them and uncompressed; run with
//
//	go test -run='^$' -fuzz=FuzzRead -fuzztime=10m ./internal/workbook/
func FuzzRead(f *testing.F) {
	for _, x := range []*xl{numbersWorkbook(f), problemsWorkbook(f), layoutWorkbook(f), infoWorkbook(f), tablesWorkbook(f), infoFormulasWorkbook(f), bureauWorkbook(f), checksWorkbook(f)} {
		data := x.bytes()
		f.Add(data, uint8(0))
		f.Add(storedZip(f, data), uint8(0))
	}
	formulas := formulasWorkbook(f)
	f.Add(formulas, uint8(0))
	f.Add(storedZip(f, formulas), uint8(0))
	f.Add(storedZip(f, tableWorkbook(f, 30)), uint8(0))
	// Formulas without saved values: a circle, a chain, shared formulas
	// and names.
	circle := metricRows([2]string{"签约金额", fcell("B3+1")}, [2]string{"乙", fcell("B2+1")}, [2]string{"丙", fcell("SUM(B2:B3)+基数")})
	f.Add(storedZip(f, pkg(f, `<definedNames><definedName name="基数">计算!$A$1</definedName></definedNames>`,
		xsheet{name: MetricsSheet, data: circle}, xsheet{name: "计算", data: `<row r="1"><c r="A1"><f t="shared" ref="A1:A3" si="0">A2+1</f><v></v></c></row><row r="2"><c r="A2"><f t="shared" si="0"/></c></row>`})), uint8(0))
	f.Add(storedZip(f, chainBook(f, 20)), uint8(0))
	f.Add(cfb("Workbook"), uint8(0))
	f.Add([]byte(figuresCSV), uint8(1))
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(figuresCSV)
	f.Add([]byte(gbk), uint8(1))
	f.Add([]byte("\uFEFF县名,鹤岭\n成文日期,2022/12/5\n报告期,二〇二二年十一月\n"), uint8(2))
	f.Add([]byte("项目名称,投资（亿元）,进度（%）\n锂电产业园,\"1,200\",45\n食品园,3亿元,５．２％\n项目名称,投资（亿元）,进度（%）\n"), uint8(3))

	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		name := fuzzNames[int(which)%len(fuzzNames)]
		// A hang is a failure too: after 10 s, fail with every goroutine's stack.
		watchdog := time.AfterFunc(10*time.Second, func() {
			buf := make([]byte, 1<<20)
			panic("reading took more than 10 s:\n" + string(buf[:runtime.Stack(buf, true)]))
		})
		defer watchdog.Stop()
		b, err := Read(bytes.NewReader(data), name,
			WithUnzipLimit(8<<20), WithMaxCells(50000), WithMaxFormulas(100))
		if err != nil {
			e, ok := err.(*Error)
			if !ok {
				t.Fatalf("error of type %T: %v", err, err)
			}
			if e.internal != "" {
				t.Fatalf("the reader panicked:\n%s", e.internal)
			}
			if len(e.Problems) == 0 {
				t.Fatal("an *Error without problems")
			}
			for _, p := range e.Problems {
				if p.Msg == "" || p.Ref.File == "" || strings.ContainsAny(p.Msg, "\n") {
					t.Fatalf("bad problem %+v", p)
				}
				if w := englishWord(p.Msg); w != "" {
					t.Fatalf("English word %q in the message %q", w, p.Msg)
				}
			}
		}
		if b == nil {
			return
		}
		// Whatever was read can be summed up and looked up.
		if err := b.WriteSummary(io.Discard); err != nil {
			t.Fatal(err)
		}
		if _, err := json.Marshal(b.Summary()); err != nil {
			t.Fatal(err)
		}
		for _, p := range b.Verify() {
			if p.Msg == "" || strings.ContainsAny(p.Msg, "\n") || englishWord(p.Msg) != "" {
				t.Fatalf("bad check problem %+v", p)
			}
		}
		for _, m := range b.Metrics {
			if !hasFigure(m) {
				t.Fatalf("figure %q with a %v value and no rate", m.Name, m.Value.Kind)
			}
			if got, ok := b.Metric(m.Name); !ok || got == nil {
				t.Fatalf("figure %q not found by its name", m.Name)
			}
			b.Suggest(m.Name + "x")
		}
		for _, tb := range b.Tables {
			for i, c := range tb.Columns {
				if j := tb.Column(c); j != i && fold(tb.Columns[j]) != fold(c) {
					t.Fatalf("column %q found at %d", c, j)
				}
			}
			for _, r := range tb.Rows {
				if len(r.Cells) != len(tb.Columns) {
					t.Fatalf("row %v has %d cells for %d columns", r.Ref, len(r.Cells), len(tb.Columns))
				}
				for _, v := range r.Cells {
					_ = v.String()
				}
			}
		}
	})
}

// hasFigure reports whether a figure read has what a row needs: a number
// or a ratio as its value, or else a rate or 当月 (a rate-first row).
func hasFigure(m *Metric) bool {
	switch m.Value.Kind {
	case Number, Proportion:
		return true
	case Empty:
		return m.Growth.Kind == Number || m.Month.Kind == Number || m.MonthGrowth.Kind == Number
	}
	return false
}

// FuzzTextNumber checks the number parser on any text: what it accepts
// writes back as a number, and parsing never panics.
func FuzzTextNumber(f *testing.F) {
	for _, s := range []string{"1,234", "１２３４", " 82.8 ", "82.8亿元", "5.2%", "-3.5", ".5", "007", "1e5", "12a", "二〇二二年十二月五日", "2022-12-5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if tn, ok := parseTextNumber(s); ok {
			back := formatFixed(tn.num, tn.places, tn.places)
			again, ok := parseTextNumber(back)
			if !ok || !again.num.Equal(tn.num) {
				t.Fatalf("%q read as %s, written as %q, read back as %v %v", s, tn.num, back, again.num, ok)
			}
		}
		parseTextDate(s)
		if parts, ok := parseProportion(s); ok {
			if back, ok := parseProportion(proportionValue(parts, Ref{}).String()); !ok || strings.Join(back, ":") != strings.Join(parts, ":") {
				t.Fatalf("ratio %q read as %q, read back as %q", s, parts, back)
			}
		}
		headerKey(s)
		periodField(s)
		parseNumFmt(s)
		headerUnit(s)
		closest(s, []string{"上云企业数", "签约金额"})
	})
}

var (
	quoted    = regexp.MustCompile(`“[^”]*”`)
	latinWord = regexp.MustCompile(`[.#]?[A-Za-z]{4,}`)
)

// englishWord finds a word of English in a message, outside the clerk's
// quoted text: a sign that an error of a library went through untranslated.
func englishWord(msg string) string {
	for _, w := range latinWord.FindAllString(quoted.ReplaceAllString(msg, ""), -1) {
		switch w {
		case "Excel", "OpenDocument", "Word", "Office", "HTML": // names, as the clerk sees them in menus
		default:
			if w[0] != '#' && w[0] != '.' { // error values, file extensions
				return w
			}
		}
	}
	return ""
}
