package docxwriter_test

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/fonts"
)

var (
	drawingRE = regexp.MustCompile(`(?s)<w:drawing>.*?</w:drawing>`)
	descrRE   = regexp.MustCompile(`descr="([^"]*)"`)
	extentRE  = regexp.MustCompile(`<wp:extent cx="(\d+)" cy="(\d+)"/>`)
	embedRE   = regexp.MustCompile(`r:embed="([^"]+)"`)
)

// TestSamplePictures: the 经济运行 sample's .docx draws each of its charts
// as an inline picture, in the order of their numbers: a PNG part of at
// least 300 dpi at the size it is placed (the width of the 版心), related
// to the document and typed in [Content_Types].xml, its alternative text
// the caption, the units and every category with its values; the
// caption follows it on the next paragraph. The 情况汇报 has no chart and
// no picture.
func TestSamplePictures(t *testing.T) {
	for _, sm := range samples {
		res, err := build.Render(build.Options{Report: sm.dir, Fonts: fonts.Bundled(), Formats: []string{"docx"}})
		if err != nil {
			t.Fatal(err)
		}
		parts := unzip(t, res.Files[len(res.Files)-1].Data)
		body := string(parts["word/document.xml"])
		drawings := drawingRE.FindAllString(body, -1)
		figs := res.Document.Figures()
		if len(drawings) != len(figs) {
			t.Fatalf("%s: %d pictures for %d charts", sm.name, len(drawings), len(figs))
		}
		if len(figs) == 0 {
			if strings.Contains(string(parts["[Content_Types].xml"]), "png") {
				t.Errorf("%s: PNG typed in a package without pictures", sm.name)
			}
			continue
		}
		rels := string(parts["word/_rels/document.xml.rels"])
		if !strings.Contains(string(parts["[Content_Types].xml"]), `<Default Extension="png" ContentType="image/png"/>`) {
			t.Errorf("%s: [Content_Types].xml does not type PNG", sm.name)
		}
		for ch, n := range figs {
			d := drawings[n-1]
			caption := document.Caption(n, ch)
			m := descrRE.FindStringSubmatch(d)
			if m == nil {
				t.Fatalf("%s: picture %d has no alternative text", sm.name, n)
			}
			alt := unescape(m[1])
			for _, want := range []string{caption, "单位：" + ch.Unit} {
				if !strings.Contains(alt, want) {
					t.Errorf("%s: picture %d's alternative text %q lacks %q", sm.name, n, alt, want)
				}
			}
			for _, row := range ch.Rows()[1:] {
				for _, cell := range row {
					if !strings.Contains(alt, cell) {
						t.Errorf("%s: picture %d's alternative text %q lacks %q", sm.name, n, alt, cell)
					}
				}
			}
			if i := strings.Index(body, d) + len(d); !strings.Contains(body[i:i+min(400, len(body)-i)], caption) {
				t.Errorf("%s: picture %d is not followed by its caption %q", sm.name, n, caption)
			}
			rel := embedRE.FindStringSubmatch(d)
			target := regexp.MustCompile(`Id="` + regexp.QuoteMeta(rel[1]) + `" Type="[^"]*/image" Target="([^"]+)"`).FindStringSubmatch(rels)
			if target == nil {
				t.Fatalf("%s: picture %d's relationship %s is not an image", sm.name, n, rel[1])
			}
			data := parts["word/"+target[1]]
			cfg, err := png.DecodeConfig(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("%s: picture %d (%s): %v", sm.name, n, target[1], err)
			}
			ext := extentRE.FindStringSubmatch(d)
			cx, cy := atoi(t, ext[1]), atoi(t, ext[2])
			const emuInch = 914400
			if cx != 156*36000 {
				t.Errorf("%s: picture %d is %d EMU wide, not the 版心's 156 mm", sm.name, n, cx)
			}
			if dpi := float64(cfg.Width) * emuInch / float64(cx); dpi < 299.5 {
				t.Errorf("%s: picture %d is %d × %d pixels for %d × %d EMU: %.0f dpi", sm.name, n, cfg.Width, cfg.Height, cx, cy, dpi)
			}
			if ratio := float64(cfg.Height) / float64(cfg.Width) * float64(cx) / float64(cy); ratio < 0.99 || ratio > 1.01 {
				t.Errorf("%s: picture %d is %d × %d pixels, placed %d × %d EMU: distorted", sm.name, n, cfg.Width, cfg.Height, cx, cy)
			}
		}
	}
}

func unescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&#34;", `"`, "&quot;", `"`, "&#39;", "'").Replace(s)
}

func atoi(t *testing.T, s string) int {
	t.Helper()
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			t.Fatalf("not a number: %q", s)
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// chartDoc is a document with one chart (a gap in its data) and its
// picture: a PNG of 4 × 2 white pixels, placed at the size ChartBox gives.
func chartDoc(t *testing.T) (*document.Document, docxwriter.Options) {
	t.Helper()
	body := "类型：柱\n标题：产值\n表：月度\n分类：月份\n柱：产值"
	d := doc("开头。\n\n```图表\n"+body+"\n```\n\n结尾。\n", document.Meta{Title: "图表"})
	ch := &chart.Chart{Kind: chart.Bars, Title: "产值", Categories: []string{"1月", "2月", "3月"}, Unit: "亿元", Source: "统计局", Highlight: -1,
		Series: []chart.Series{{Name: "产值", Unit: "亿元", Values: []float64{1.5, math.NaN(), -2}}}}
	d.Charts = map[string]*chart.Chart{body: ch}
	img := image.NewRGBA(image.Rect(0, 0, 4, 2))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	w, h := docxwriter.ChartBox(ch)
	return d, docxwriter.Options{Charts: []docxwriter.Picture{{PNG: b.Bytes(), Width: w, Height: h}}}
}

// TestGoldenChart compares word/document.xml of a document with a chart
// with testdata/图表.document.xml (go test -update rewrites it), and
// checks its package: the picture's part as given, its relationship,
// PNG typed.
func TestGoldenChart(t *testing.T) {
	d, opts := chartDoc(t)
	parts := render(t, d, opts)
	if !bytes.Equal(parts["word/media/chart1.png"], opts.Charts[0].PNG) {
		t.Error("word/media/chart1.png is not the picture given")
	}
	if !strings.Contains(string(parts["word/_rels/document.xml.rels"]), `Id="rIdChart1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/chart1.png"`) {
		t.Errorf("no relationship to the picture: %s", parts["word/_rels/document.xml.rels"])
	}
	if !strings.Contains(string(parts["[Content_Types].xml"]), `Extension="png"`) {
		t.Error("PNG is not typed")
	}
	golden(t, "图表", parts["word/document.xml"])
	// Without its picture, the chart is its caption alone.
	if got := string(render(t, d, docxwriter.Options{})["word/document.xml"]); strings.Contains(got, "<w:drawing>") || !strings.Contains(got, "图1　产值") {
		t.Error("a chart without its picture is not its caption alone")
	}
}

// golden compares got with testdata/NAME.document.xml, or with -update
// writes it.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name+".document.xml")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s: word/document.xml differs from %s (go test -update rewrites it; look at the diff)", name, path)
	}
}
