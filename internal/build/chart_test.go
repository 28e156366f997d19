package build

import (
	"bytes"
	"compress/zlib"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/fonts"
	"briefing/internal/pdfwriter"
)

var updateCharts = flag.Bool("update-charts", false, "rewrite testdata/charts from the 经济运行 sample")

// fileData is the data of the output in format f.
func fileData(t *testing.T, res *Result, f string) []byte {
	t.Helper()
	data := res.Data(f)
	if data == nil {
		t.Fatalf("no %s output", f)
	}
	return data
}

var svgRE = regexp.MustCompile(`(?s)<svg .*?</svg>`)

var streamRE = regexp.MustCompile(`(?s)stream\r?\n(.*?)endstream`)

// inflated is the PDF's streams, decompressed, one after the other.
func inflated(t *testing.T, pdf []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		r, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue // not compressed with zlib
		}
		data, _ := io.ReadAll(r)
		out.Write(data)
	}
	return out.Bytes()
}

// TestSampleCharts: the 经济运行 sample's charts (a monthly trend, bars
// with a growth line on a second axis; a ranking of the counties, the
// report's own dark) are drawn the same on every run, as the goldens in
// testdata/charts say: the drawing commands of the PDF (text measured with
// the bundled fonts) and the SVG of the HTML page. In the PDF they are
// vector: no image, their labels text that pdftotext reads. The pictures
// of their pages (pdftoppm -r 60) are written to the test's artifacts
// (go test -artifacts), and with -update-charts to testdata/charts.
func TestSampleCharts(t *testing.T) {
	render := func() *Result {
		res, err := Render(Options{Report: "经济运行", Fonts: fonts.Bundled(), Formats: []string{"pdf", "html"}, KeepDocument: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	res, again := render(), render()
	pdf := fileData(t, res, "pdf")
	if !bytes.Equal(pdf, fileData(t, again, "pdf")) || !bytes.Equal(fileData(t, res, "html"), fileData(t, again, "html")) {
		t.Error("the same report rendered twice differs")
	}
	// Without KeepDocument the Markdown tree is let go before the PDF is
	// drawn: the charts are drawn all the same.
	bare, err := Render(Options{Report: "经济运行", Fonts: fonts.Bundled(), Formats: []string{"pdf", "html"}})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(pdf, fileData(t, bare, "pdf")) {
		t.Error("the PDF differs when the Markdown tree is let go before it is drawn")
	}
	recs, err := pdfwriter.ChartDrawings(res.Document, pdfwriter.Options{Fonts: fonts.Bundled()})
	if err != nil {
		t.Fatal(err)
	}
	svgs := svgRE.FindAll(fileData(t, res, "html"), -1)
	if len(recs) != 2 || len(svgs) != 2 {
		t.Fatalf("%d charts drawn for the PDF, %d in the page; want 2", len(recs), len(svgs))
	}
	for i, rec := range recs {
		for _, g := range []struct {
			name string
			got  []byte
		}{
			{"经济运行-图" + string(rune('1'+i)) + ".txt", []byte(rec.String())},
			{"经济运行-图" + string(rune('1'+i)) + ".svg", append(svgs[i], '\n')},
		} {
			path := filepath.Join("testdata", "charts", g.name)
			if *updateCharts {
				if err := os.WriteFile(path, g.got, 0o644); err != nil {
					t.Fatal(err)
				}
				continue
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test ./internal/build -run SampleCharts -update-charts writes it)", err)
			}
			if !bytes.Equal(want, g.got) {
				t.Errorf("%s differs from the golden file (-update-charts rewrites it: look at the pictures first)", g.name)
			}
		}
	}
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the PDF holds an image: the charts should be vector")
	}
	if n := bytes.Count(inflated(t, pdf), []byte("/Figure <</Alt <FEFF")); n != 2 {
		t.Errorf("%d charts marked as /Figure content with their caption, want 2", n)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed: the charts' text and pictures not checked")
	}
	dir := t.ArtifactDir()
	file := filepath.Join(dir, "经济运行.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", "-f", "2", "-l", "2", file, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), "")
	for _, want := range []string{"单位：亿元、%", "规上工业产值（亿元）", "增速（%，右轴）", "1-2月", "数据来源：鹤岭县统计局",
		"图12022年全县规上工业产值及增速（分月）", "云溪", "鹤岭", "-0.5", "数据来源：市统计局", "图21-7月份全市各县规上工业增加值增速"} {
		if !strings.Contains(text, want) {
			t.Errorf("pdftotext does not find %q on page 2:\n%s", want, text)
		}
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		pic := filepath.Join(dir, "经济运行-第2页")
		if err := exec.Command("pdftoppm", "-r", "60", "-f", "2", "-l", "2", "-png", "-singlefile", file, pic).Run(); err != nil {
			t.Fatal(err)
		}
		t.Logf("the charts' page: %s.png", pic)
		if *updateCharts {
			data, err := os.ReadFile(pic + ".png")
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join("testdata", "charts", "经济运行-第2页.png"), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
