package build

import (
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"briefing/internal/fonts"
	"briefing/internal/typeset"
	"briefing/internal/typocheck"
)

// frameReports are the reports in a frame: a 公文 with 版头 (份号, 密级,
// 紧急程度, a joint 标志, 签发人), two annexes and a 版记; a 简报; and the
// two bundled samples.
var frameReports = []struct {
	name, dir string
	red       string    // the red text of the frame
	rules     []float64 // thickness of the 版记's or 报尾's rules, mm
	annexes   int
}{
	{"公文", "testdata/公文框架", "鹤岭县工业和信息化局鹤岭县财政局文件", []float64{0.35, 0.25, 0.35}, 2},
	{"简报", "testdata/简报", "鹤岭经济运行", []float64{0.35, 0.35}, 0},
	// The bundled samples: the 情况汇报 as an upward 公文, the 经济运行
	// report as a 简报.
	{"情况汇报", "../../templates/情况汇报", "鹤岭县工业和信息化局文件", []float64{0.35, 0.25, 0.35}, 0},
	{"经济运行", "../../templates/经济运行", "鹤岭经济运行", []float64{0.35, 0.35}, 0},
}

// renderFrame builds a frame report into a temporary directory and
// returns the result and the path of its PDF without the extension.
func renderFrame(t *testing.T, dir string) (*Result, string) {
	t.Helper()
	res, err := Render(Options{Report: dir, Fonts: fonts.Bundled(), Formats: []string{"pdf", "txt"}, KeepLayout: true})
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	tmp := t.TempDir()
	if err := Write(tmp, res.Files); err != nil {
		t.Fatal(err)
	}
	return res, filepath.Join(tmp, res.Document.Name)
}

// TestFrameTypography: the frame reports keep every rule of the grid and
// of line breaking (typeset.Check), and their page numbers follow
// GB/T 9704 §7.5.
func TestFrameTypography(t *testing.T) {
	for _, r := range frameReports {
		res, _ := renderFrame(t, r.dir)
		for _, v := range typeset.Check(res.Layout) {
			t.Errorf("%s: %s", r.name, v)
		}
		annexes := 0
		for _, p := range res.Layout.Pages {
			for _, l := range p.Lines {
				if l.Kind == typeset.KindAnnex {
					annexes++
				}
			}
		}
		if annexes != r.annexes || !res.Layout.Pages[len(res.Layout.Pages)-1].Record {
			t.Errorf("%s: %d annexes, the last page carries the foot: %v", r.name, annexes, res.Layout.Pages[len(res.Layout.Pages)-1].Record)
		}
	}
}

// TestFrameTypocheck measures the frame reports' PDFs with the project's
// typography checker: the text, frame included, is the plain text's;
// full pages hold 22 lines of 28 characters (pages that end before an
// annex or before the 版记's page excepted); no line-breaking fault; page
// numbers “— N —” on every page GB/T 9704 §7.5 numbers, placed as it says.
func TestFrameTypocheck(t *testing.T) {
	if !typocheck.Available() {
		t.Skip("python3 with pdfminer is not installed (apt-get install python3-pdfminer): typocheck not run")
	}
	for _, r := range frameReports {
		res, name := renderFrame(t, r.dir)
		s, err := measure(res, name)
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		t.Logf("%s: %d pages, lines on full pages %v, %d characters a line, flush %.2f, grid %v, kinsoku %d, unbreakable %d, missing %d, 孤字 %d, 孤行 %d, text similarity %v, margins %v, page numbers %v placed GB %v",
			r.name, s.Pages, s.LinesPerFullPage, s.CharsMode, s.FlushRatio, s.GridRegular, s.Kinsoku, s.Unbreakable, s.Missing, s.Orphans, s.Widows, s.TextSimilarity, s.Margins, s.PageNumberFormats, s.PageNumbersPlacedGB)
		for i, n := range s.LinesPerFullPage {
			p := res.Layout.Pages[i]
			if n += figureLines(p); i > 0 && n != 22 && !p.PageBreak && !hasTable(p) {
				t.Errorf("%s: full page %d has %d lines", r.name, i+1, n)
			}
		}
		if !charsOK(s, res) || s.FlushRatio != 1 || s.RightDevMax > 0.05 || !s.GridRegular || !s.A4 {
			t.Errorf("%s: chars %d, flush %v (%.2f pt), grid %v", r.name, s.CharsMode, s.FlushRatio, s.RightDevMax, s.GridRegular)
		}
		if s.Kinsoku+s.Unbreakable+s.Missing+s.Orphans+s.Widows != 0 || s.TextSimilarity != 1 {
			t.Errorf("%s: %+v", r.name, s)
		}
		numbered := 0
		for i := range res.Layout.Pages {
			if !typeset.Unnumbered(res.Layout, i) {
				numbered++
			}
		}
		if len(s.PageNumberFormats) != 1 || s.PageNumberFormats["— N —"] != numbered || !s.PageNumbersPlacedGB {
			t.Errorf("%s: page numbers %v, want “— N —” on %d pages", r.name, s.PageNumberFormats, numbered)
		}
		for k, want := range map[string]float64{"top": 37, "left": 28, "right": 26} {
			if d := s.Margins[k] - want; math.Abs(d) > 0.5 {
				t.Errorf("%s: %s margin %.1f mm", r.name, k, s.Margins[k])
			}
		}
	}
}

// pdfFrame is what testdata/frames/rules.py measures on a page.
type pdfFrame struct {
	Pages []struct {
		Rules []struct {
			X0, X1, Y, Width float64
			Colour           []float64
		}
		Coloured []struct {
			Text   string
			Colour []float64
			Size   float64
			Top    float64
		}
	}
}

// TestFramePDF measures the frame on the PDF itself (pdfminer, through
// testdata/frames/rules.py): the red text is the 标志 or the 简报's name,
// pure red, its top edge 72 mm from the top of the paper for a 公文; the
// red rule is 156 mm wide, 0.5 mm thick; the last rule of the 版记 lies on
// the bottom edge of the 版心, 262 mm from the top.
func TestFramePDF(t *testing.T) {
	py := typocheck.Python()
	if py == "" {
		t.Skip("python3 with pdfminer is not installed")
	}
	for _, r := range frameReports {
		_, name := renderFrame(t, r.dir)
		out, err := exec.Command(py, "testdata/frames/rules.py", name+".pdf").Output()
		if err != nil {
			t.Fatalf("%s: %v", r.name, err)
		}
		var f pdfFrame
		if err := json.Unmarshal(out, &f); err != nil {
			t.Fatal(err)
		}
		checkRedPage(t, r.name, r.red, f)
		checkFootPage(t, r.name, r.rules, f)
	}
}

// checkRedPage checks page 1: its red text and its red rule.
func checkRedPage(t *testing.T, name, red string, f pdfFrame) {
	t.Helper()
	p := f.Pages[0]
	var text strings.Builder
	for _, c := range p.Coloured {
		text.WriteString(c.Text)
		if !sameColour(c.Colour, 1, 0, 0) {
			t.Errorf("%s: %q in %v, not red", name, c.Text, c.Colour)
		}
	}
	if text.String() != red {
		t.Errorf("%s: red text %q, want %q", name, text.String(), red)
	}
	if name == "公文" && math.Abs(p.Coloured[0].Top-72) > 0.5 {
		t.Errorf("%s: the 标志's top edge %.2f mm from the top, not 72", name, p.Coloured[0].Top)
	}
	if len(p.Rules) != 1 || !sameColour(p.Rules[0].Colour, 1, 0, 0) || math.Abs(p.Rules[0].X1-p.Rules[0].X0-156) > 0.5 ||
		math.Abs(p.Rules[0].Width-0.5) > 0.01 || math.Abs(p.Rules[0].X0-28) > 0.5 {
		t.Errorf("%s: page 1 rules %+v", name, p.Rules)
	}
	for _, q := range f.Pages[1:] {
		for _, c := range q.Coloured {
			t.Errorf("%s: %q in colour %v after page 1", name, c.Text, c.Colour)
		}
	}
}

// checkFootPage checks the rules of the last page.
func checkFootPage(t *testing.T, name string, widths []float64, f pdfFrame) {
	t.Helper()
	rules := f.Pages[len(f.Pages)-1].Rules
	if len(rules) < len(widths) {
		t.Fatalf("%s: last page rules %+v", name, rules)
	}
	rules = rules[len(rules)-len(widths):]
	for i, r := range rules {
		if math.Abs(r.Width-widths[i]) > 0.01 || math.Abs(r.X1-r.X0-156) > 0.5 || !sameColour(r.Colour, 0, 0, 0) {
			t.Errorf("%s: foot rule %d %+v, want %.2f mm thick, 156 mm wide, black", name, i+1, r, widths[i])
		}
	}
	if y := rules[len(rules)-1].Y; math.Abs(y-262) > 0.5 {
		t.Errorf("%s: the last rule %.2f mm from the top, not 262", name, y)
	}
}

// sameColour compares a PDF colour (gray or RGB) with r, g, b.
func sameColour(c []float64, r, g, b float64) bool {
	if len(c) == 1 {
		return c[0] == r && r == g && g == b
	}
	return len(c) == 3 && c[0] == r && c[1] == g && c[2] == b
}

// TestFramePictures renders the first and last page of each frame report
// to PNG, 40 dpi, into $BRIEFING_FRAMES (testdata/frames holds the
// committed ones), when pdftoppm is installed.
func TestFramePictures(t *testing.T) {
	dir := os.Getenv("BRIEFING_FRAMES")
	if dir == "" {
		t.Skip("BRIEFING_FRAMES is not set: no pictures written")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm is not installed (Debian: poppler-utils)")
	}
	for _, r := range frameReports {
		res, name := renderFrame(t, r.dir)
		last := len(res.Layout.Pages)
		for _, p := range []int{1, last} {
			out := filepath.Join(dir, r.name+"-"+map[bool]string{true: "first", false: "last"}[p == 1])
			cmd := exec.Command("pdftoppm", "-r", "40", "-png", "-singlefile", "-f", itoa(p), "-l", itoa(p), name+".pdf", out)
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v\n%s", err, b)
			}
		}
	}
}

func itoa(n int) string { return strconv.Itoa(n) }
