package docxwriter_test

import (
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/build"
	"briefing/internal/document"
	"briefing/internal/docxwriter"
	"briefing/internal/fonts"
	"briefing/internal/mdext"
	"briefing/internal/textwriter"
	"briefing/internal/typocheck"
)

// samples are the bundled reports the LibreOffice tests render: the
// 情况汇报 as an upward 公文 (版头 with 签发人, 版记), the 经济运行 report
// as a 简报 (报头, an 按语, a table, 报尾).
var samples = []struct{ name, dir string }{
	{"情况汇报", "../../templates/情况汇报"},
	{"经济运行", "../../templates/经济运行"},
}

// rendered is a sample's .docx converted by LibreOffice.
type rendered struct {
	res       *build.Result
	docx, txt string
	pdf       string
}

// renderSample builds a sample's .docx and plain text, as
// `briefing build -format txt,docx` does, into dir.
func renderSample(t *testing.T, dir, report string) *rendered {
	t.Helper()
	res, err := build.Render(build.Options{Report: report, Fonts: fonts.Bundled(), Formats: []string{"txt", "docx"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := build.Write(dir, res.Files); err != nil {
		t.Fatal(err)
	}
	base := filepath.Join(dir, res.Document.Name)
	return &rendered{res: res, docx: base + ".docx", txt: base + ".txt"}
}

// TestLibreOffice converts the samples' .docx to PDF with LibreOffice and
// measures the PDF with the project's typography checker: A4, 3号, 28
// characters on full lines, 22 lines on every full page (page 1, with the
// frame and the title, aside; excused and logged: a page with a table, a
// page that ends early because the next one opens with a heading kept
// with its paragraph, a page followed by the 版记's page alone, a page
// whose pictures (charts) take the grid lines its text does not), the
// margins of GB/T 9704 (±1 mm), “— N —” on every page, odd right and even
// left, 1 字 in, and the text of the plain text. What LibreOffice's line
// breaking does not do of the checker's strict rules is logged; the basic
// rules and the unbreakable sequences hold.
func TestLibreOffice(t *testing.T) {
	o := newOffice(t)
	if !typocheck.Available() {
		t.Skip("python3 with pdfminer is not installed (apt-get install python3-pdfminer): typocheck not run")
	}
	for _, sm := range samples {
		dir := t.TempDir()
		r := renderSample(t, dir, sm.dir)
		r.pdf = o.convert(t, r.docx, "pdf", dir)
		s, err := typocheck.Run(r.pdf, r.txt)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: %d pages, lines on full pages %v, %d characters a line, flush %.3f (%.1f pt), hanging %d, grid %v (%.3f pt), kinsoku %v, unbreakable %d, number|unit %d, 孤字 %d, 孤行 %d, margins %v, text %v",
			sm.name, s.Pages, s.LinesPerFullPage, s.CharsMode, s.FlushRatio, s.RightDevMax, s.Hanging, s.GridRegular, s.Pitch,
			s.KinsokuByLevel, s.Unbreakable, s.NumberUnitSplits, s.Orphans, s.Widows, s.Margins, s.TextSimilarity)
		if !s.A4 || s.BodySize != 16 || s.CharsMode != 28 || s.TextSimilarity != 1 || !s.MarginsGB {
			t.Errorf("%s: A4 %v, body %.1f pt, %d characters a line, text %v, margins %v", sm.name, s.A4, s.BodySize, s.CharsMode, s.TextSimilarity, s.Margins)
		}
		if len(s.PageNumberFormats) != 1 || s.PageNumberFormats["— N —"] != s.Pages || !s.PageNumbersPlacedGB {
			t.Errorf("%s: page numbers %v, placed as GB/T 9704 says: %v", sm.name, s.PageNumberFormats, s.PageNumbersPlacedGB)
		}
		if s.KinsokuByLevel["basic"] != 0 || s.Unbreakable != 0 || s.Missing != 0 {
			t.Errorf("%s: basic line-breaking faults %d, split sequences %d, missing glyphs %d", sm.name, s.KinsokuByLevel["basic"], s.Unbreakable, s.Missing)
		}
		checkLines(t, sm.name, r, s)
		pictures(t, sm.name, r.pdf, s.Pages)
	}
}

// checkLines checks that the full pages after the first hold 22 lines,
// and logs those excused.
func checkLines(t *testing.T, name string, r *rendered, s *typocheck.Summary) {
	t.Helper()
	m := r.res.Document.Meta
	headings := standingHeadings(r.res.Document)
	if closing := squeeze(m.Org); closing != "" {
		headings[closing] = true // the 落款's first line
	} else if m.Date != "" {
		headings[squeeze(m.Date)] = true
	}
	foot := footStart(m)
	for i, n := range s.LinesPerFullPage {
		if i == 0 || n == 22 {
			continue
		}
		switch why := excuse(r.pdf, s, i, n, headings, foot); why {
		case "":
			t.Errorf("%s: page %d holds %d lines, not 22", name, i+1, n)
		default:
			t.Logf("%s: page %d holds %d lines: %s", name, i+1, n, why)
		}
	}
}

// excuse says why page i (from 0) of the PDF, holding n lines of text,
// may hold fewer than 22 lines, or "".
func excuse(pdf string, s *typocheck.Summary, i, n int, headings map[string]bool, foot string) string {
	first := firstLine(pdf, i+2)
	pics, taken := pictureLines(pdf, i+1, s.Pitch)
	switch {
	case i < len(s.PageLines) && s.PageLines[i].All > s.PageLines[i].Body:
		return "it holds a table"
	case pics > 0 && n+taken == 22:
		return strconv.Itoa(pics) + " picture(s) (charts) take the other " + strconv.Itoa(taken) + " lines of the grid"
	case i+2 == s.Pages && foot != "" && strings.HasPrefix(first, foot):
		return "the 版记 or 报尾 does not fit under its text and takes the next page"
	case headings[first]:
		return "the next page opens with “" + first + "”, a heading kept with its paragraph or the 落款 kept together"
	}
	return ""
}

// pictureLines is the number of pictures on page n (from 1) of the PDF
// and the lines of the grid (pitch apart) they take, each its height
// rounded up to whole lines, as pdfimages lists them (placed size from
// the pixels and their resolution); 0, 0 without pdfimages.
func pictureLines(pdf string, n int, pitch float64) (pics, lines int) {
	if pitch <= 0 {
		return 0, 0
	}
	p := strconv.Itoa(n)
	out, err := exec.Command("pdfimages", "-f", p, "-l", p, "-list", pdf).Output()
	if err != nil {
		return 0, 0
	}
	for _, l := range strings.Split(string(out), "\n") {
		f := strings.Fields(l)
		if len(f) < 14 || f[0] != p || f[2] != "image" {
			continue
		}
		height, err1 := strconv.Atoi(f[4])
		ppi, err2 := strconv.ParseFloat(f[13], 64)
		if err1 != nil || err2 != nil || ppi <= 0 {
			continue
		}
		pics++
		lines += int(math.Ceil(float64(height) / ppi * 72 / pitch))
	}
	return pics, lines
}

// footStart is how the 版记 or 报尾 begins, without white space.
func footStart(m document.Meta) string {
	rows := m.Record.Rows()
	if m.IsBrief() {
		rows = m.Brief.FootRows()
	}
	if len(rows) == 0 {
		return ""
	}
	return squeeze(rows[0].Label + rows[0].Text)
}

// firstLine is the first line of text of page n (from 1), without white
// space; "" without pdftotext.
func firstLine(pdf string, n int) string {
	out, err := exec.Command("pdftotext", "-f", strconv.Itoa(n), "-l", strconv.Itoa(n), "-layout", pdf, "-").Output()
	if err != nil {
		return ""
	}
	for _, l := range strings.Split(string(out), "\n") {
		if l = squeeze(l); l != "" {
			return l
		}
	}
	return ""
}

// standingHeadings are the headings of doc that stand on lines of their
// own, with their numbers.
func standingHeadings(doc *document.Document) map[string]bool {
	out := map[string]bool{}
	_ = ast.Walk(doc.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if h, ok := n.(*ast.Heading); ok && entering && !mdext.IsRunIn(h) {
			out[squeeze(mdext.Number(h)+mdext.Text(h, doc.Source))] = true
		}
		return ast.WalkContinue, nil
	})
	return out
}

// pictures renders the first, second and last page of a PDF to PNG, 40 dpi,
// into $BRIEFING_DOCX_PICTURES (testdata/pictures holds the committed
// ones), when pdftoppm is installed.
func pictures(t *testing.T, name, pdf string, pages int) {
	t.Helper()
	dir := os.Getenv("BRIEFING_DOCX_PICTURES")
	if dir == "" {
		return
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Log("pdftoppm is not installed (Debian: poppler-utils): no pictures")
		return
	}
	for label, p := range map[string]int{"1": 1, "2": min(2, pages), "last": pages} {
		out := filepath.Join(dir, name+"-"+label)
		if b, err := exec.Command("pdftoppm", "-r", "40", "-png", "-singlefile", "-f", strconv.Itoa(p), "-l", strconv.Itoa(p), pdf, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v\n%s", err, b)
		}
	}
}

// probe is paragraphs built so that a mark falls where a line starts or
// ends in the grid of 28 characters (26 after the indent): ——, ……, ／, ·,
// ％, 〃, ～, ”, 、 at a line's start, 《 at its end, 82.8 across it.
func probe() string {
	fill := strings.Repeat("甲乙丙丁戊己庚辛壬癸", 3)
	head := func(n int) string { return string([]rune(fill)[:n]) }
	var ps []string
	for _, c := range []struct {
		n    int
		mark string
	}{{25, "——"}, {26, "——"}, {26, "……"}, {25, "……"}, {25, "——"}, {25, "／"}, {26, "·"}, {26, "％"},
		{25, "82.8亿元"}, {24, "82.8亿元"}, {26, "”"}, {25, "《乙丙》"}, {26, "、"}, {26, "〃"}, {26, "～"}} {
		ps = append(ps, head(c.n)+c.mark+"乙丙丁戊己庚辛壬癸。")
	}
	return strings.Join(ps, "\n\n") + "\n"
}

// TestLibreOfficeProbe renders the probe with LibreOffice and measures
// it: in the grid, no ——, …… or number is split across lines; the
// line-breaking faults LibreOffice makes are logged (with LibreOffice
// 7.4: —— and …… at a line's start, clreq's strict rule, and a
// full-width ／ at a line's start).
func TestLibreOfficeProbe(t *testing.T) {
	o := newOffice(t)
	if !typocheck.Available() {
		t.Skip("python3 with pdfminer is not installed (apt-get install python3-pdfminer): typocheck not run")
	}
	dir := t.TempDir()
	d := doc(probe(), document.Meta{Title: "探针"})
	data, err := docxwriter.Bytes(d, docxwriter.Options{})
	if err != nil {
		t.Fatal(err)
	}
	docx, txt := filepath.Join(dir, "探针.docx"), filepath.Join(dir, "探针.txt")
	if err := os.WriteFile(docx, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(txt, textwriter.Bytes(d), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := typocheck.Run(o.convert(t, docx, "pdf", dir), txt)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("probe: kinsoku %v, split sequences %d, number|unit %d, 28 characters %v, text %v",
		s.KinsokuByLevel, s.Unbreakable, s.NumberUnitSplits, s.CharsMode == 28, s.TextSimilarity)
	if s.Unbreakable != 0 || s.TextSimilarity != 1 {
		t.Errorf("probe: %d sequences split across lines, text %v", s.Unbreakable, s.TextSimilarity)
	}
}
