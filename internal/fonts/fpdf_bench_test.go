package fonts

// Measurements of fpdf v0.9.0 with the bundled fonts (issue 5): the cost of
// registering a font (AddUTF8FontFromBytes parses it) and of writing the PDF
// (Output subsets every registered font), for the trimmed fonts of fonts/ and,
// when Debian's font packages are installed, for the original files they were
// made from. Run:
//
//	go test ./internal/fonts/ -run '^$' -bench Fpdf -benchtime 10x
//	go test ./internal/fonts/ -run '^$' -bench 'FpdfOutput/trimmed' -cpuprofile cpu.prof

import (
	"bytes"
	"io"
	"os"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	bundled "briefing/fonts"
)

// fontSource is one version of the three CJK fonts.
type fontSource struct {
	name           string
	song, kai, hei []byte
}

func trimmedSource() fontSource {
	return fontSource{"trimmed", bundled.Song(), bundled.Kai(), bundled.Hei()}
}

// debianSource returns the original Debian files (face 0 of the .ttc taken
// out as a standalone file, as fpdf cannot read a collection), or false.
func debianSource(tb testing.TB) (fontSource, bool) {
	read := func(p string) []byte {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil
		}
		return b
	}
	song := read("/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf")
	kai := read("/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf")
	ttc := read("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")
	if song == nil || kai == nil || ttc == nil {
		return fontSource{}, false
	}
	hei, err := standalone(ttc, 0)
	if err != nil {
		tb.Fatal(err)
	}
	return fontSource{"debian", song, kai, hei}, true
}

// pageRunes returns the characters drawn in each face by newPDF for one
// page: line 0 in hei, line 1 in kai, the rest in song.
func pageRunes(lines []string) (song, kai, hei []rune) {
	for l := 0; l < 22; l++ {
		rs := []rune(lines[l%len(lines)])
		switch l {
		case 0:
			hei = append(hei, rs...)
		case 1:
			kai = append(kai, rs...)
		default:
			song = append(song, rs...)
		}
	}
	return
}

// subsetSource is the trimmed fonts cut down to the characters of one page,
// as Set.SubsetData does for a report.
func subsetSource(tb testing.TB, lines []string) fontSource {
	song, kai, hei := pageRunes(lines)
	cut := func(data []byte, rs []rune) []byte {
		b, err := subsetFont(data, rs)
		if err != nil {
			tb.Fatal(err)
		}
		return b
	}
	return fontSource{"subset", cut(bundled.Song(), song), cut(bundled.Kai(), kai), cut(bundled.Hei(), hei)}
}

func sources(b *testing.B) []fontSource {
	s := []fontSource{trimmedSource(), subsetSource(b, seedLines(b))}
	if d, ok := debianSource(b); ok {
		s = append(s, d)
	}
	return s
}

// seedText is the seed report's text, as runs of at most 28 characters (one
// line of the 公文 grid).
func seedLines(tb testing.TB) []string {
	b, err := os.ReadFile("testdata/seed_000.txt")
	if err != nil {
		tb.Fatal(err)
	}
	var lines []string
	for _, para := range strings.Split(string(b), "\n") {
		r := []rune(strings.TrimSpace(para))
		for len(r) > 0 {
			n := min(28, len(r))
			lines = append(lines, string(r[:n]))
			r = r[n:]
		}
	}
	return lines
}

// newPDF registers the three faces and draws pages of the seed text, 22 lines
// a page, switching fonts as a report does (a 黑体 and a 楷体 line a page).
func newPDF(tb testing.TB, src fontSource, lines []string, pages int) *fpdf.Fpdf {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(true)
	pdf.AddUTF8FontFromBytes("song", "", src.song)
	pdf.AddUTF8FontFromBytes("kai", "", src.kai)
	pdf.AddUTF8FontFromBytes("hei", "", src.hei)
	k := 0
	for p := 0; p < pages; p++ {
		pdf.AddPage()
		for l := 0; l < 22; l++ {
			switch l {
			case 0:
				pdf.SetFont("hei", "", 16)
			case 1:
				pdf.SetFont("kai", "", 16)
			case 2:
				pdf.SetFont("song", "", 16)
			}
			pdf.Text(79, 105+float64(l)*28.9, lines[k%len(lines)])
			k++
		}
	}
	if err := pdf.Error(); err != nil {
		tb.Fatal(err)
	}
	return pdf
}

// BenchmarkFpdfParse measures AddUTF8FontFromBytes of one font.
func BenchmarkFpdfParse(b *testing.B) {
	for _, src := range sources(b) {
		for _, f := range []struct {
			name string
			data []byte
		}{{"song", src.song}, {"kai", src.kai}, {"hei", src.hei}} {
			b.Run(src.name+"/"+f.name, func(b *testing.B) {
				b.SetBytes(int64(len(f.data)))
				for i := 0; i < b.N; i++ {
					pdf := fpdf.New("P", "pt", "A4", "")
					pdf.AddUTF8FontFromBytes("f", "", f.data)
					if pdf.Error() != nil {
						b.Fatal(pdf.Error())
					}
				}
			})
		}
	}
}

// BenchmarkFpdfOutput measures Output of a page set in the three faces: for
// fpdf this is mostly subsetting (GenerateCutFont) and compressing the fonts.
func BenchmarkFpdfOutput(b *testing.B) {
	lines := seedLines(b)
	for _, src := range sources(b) {
		b.Run(src.name, func(b *testing.B) {
			var size int
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				pdf := newPDF(b, src, lines, 1)
				b.StartTimer()
				var buf bytes.Buffer
				if err := pdf.Output(&buf); err != nil {
					b.Fatal(err)
				}
				size = buf.Len()
			}
			b.ReportMetric(float64(size), "pdf-bytes")
		})
	}
}

// BenchmarkFpdfReport measures the whole of a one-page report's PDF work:
// registering the three faces, drawing, and Output; for "subset", also
// cutting the fonts down to the page's characters first.
func BenchmarkFpdfReport(b *testing.B) {
	lines := seedLines(b)
	for _, src := range sources(b) {
		b.Run(src.name, func(b *testing.B) {
			for i := 0; i < b.N; i++ {
				if src.name == "subset" {
					src = subsetSource(b, lines)
				}
				pdf := newPDF(b, src, lines, 1)
				if err := pdf.Output(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSubset measures cutting the three trimmed fonts down to one
// page's characters.
func BenchmarkSubset(b *testing.B) {
	lines := seedLines(b)
	for i := 0; i < b.N; i++ {
		subsetSource(b, lines)
	}
}
