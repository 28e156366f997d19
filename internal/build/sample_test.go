package build

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/net/html"

	"briefing/internal/fonts"
	"briefing/internal/pdfwriter"
	"briefing/internal/typeset"
	"briefing/internal/typocheck"
)

// corrections are the obvious typos of the model report that the sample
// templates correct. Each is applied to the model before comparing.
var corrections = []struct{ typo, fixed, why string }{
	{"今天3月份召开了", "今年3月份召开了", "“今天3月份”：今年"},
	{"深度上云服务截至目前", "深度上云服务。截至目前", "两句之间缺句号"},
	{"称号；**制衣、***新能源、**电子、***新材料和**医疗*家企业荣获得", "称号；**制衣、***新能源、**电子、***新材料和**医疗*家企业荣获", "“荣获得”：荣获"},
}

// modelParagraphs reads the model report, corrected, one paragraph a line.
func modelParagraphs(t *testing.T) []string {
	t.Helper()
	src, err := os.ReadFile("testdata/model-report.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(src)
	for _, c := range corrections {
		if strings.Count(text, c.typo) != 1 {
			t.Fatalf("correction %q (%s) does not apply exactly once to the model", c.typo, c.why)
		}
		text = strings.Replace(text, c.typo, c.fixed, 1)
	}
	var paras []string
	for _, line := range strings.Split(text, "\n") {
		if line = squeeze(line); line != "" {
			paras = append(paras, line)
		}
	}
	return paras
}

// squeeze removes all white space: the comparison ignores it.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// redactions are runs of * in the model.
var redactions = regexp.MustCompile(`\*+`)

// compare checks that got differs from the model paragraph want only where
// want has a run of *, and that each redaction was filled with a plausible
// value: a short piece of text with no * and no space.
func compare(t *testing.T, where string, want, got string) {
	t.Helper()
	lits := redactions.Split(want, -1)
	var pat strings.Builder
	pat.WriteString("^")
	for i, l := range lits {
		if i > 0 {
			pat.WriteString("(.+?)")
		}
		pat.WriteString(regexp.QuoteMeta(l))
	}
	pat.WriteString("$")
	m := regexp.MustCompile(pat.String()).FindStringSubmatch(got)
	if m == nil {
		t.Errorf("%s: the text differs from the model outside its redactions:\nmodel: %s\ngot:   %s\nfirst difference: %s", where, want, got, firstDifference(lits, got))
		return
	}
	for i, v := range m[1:] {
		if strings.Contains(v, "*") || len([]rune(v)) > 24 {
			t.Errorf("%s: redaction %d filled with %q", where, i+1, v)
		}
	}
}

// firstDifference shows where the literal parts of the model stop matching.
func firstDifference(lits []string, got string) string {
	pos := 0
	for i, l := range lits {
		j := strings.Index(got[pos:], l)
		if j < 0 || (i == 0 && j != 0) {
			return "expected “" + l + "” after “" + tail(got[:pos]) + "”"
		}
		pos += j + len(l)
	}
	return "trailing text “" + got[pos:] + "”"
}

func tail(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		r = r[len(r)-20:]
	}
	return string(r)
}

func renderSample(t *testing.T) *Result {
	t.Helper()
	res, err := Render(Options{Report: "../../templates/情况汇报", Fonts: fonts.Bundled(), KeepLayout: true})
	if err != nil {
		t.Fatalf("building the sample: %v", err)
	}
	return res
}

// pdfParagraphs is the body text of the typeset PDF, one string per block
// between the 主送机关 and the closing block.
func pdfParagraphs(res *Result) []string {
	blocks := pdfwriter.Blocks(res.Document, res.Layout.Geometry)
	text := make([]strings.Builder, len(blocks))
	for _, p := range res.Layout.Pages {
		for _, l := range p.Lines {
			for _, g := range l.Glyphs {
				text[l.Block].WriteRune(g.R)
			}
		}
	}
	var out []string
	for i, b := range blocks {
		switch b.Kind {
		case typeset.KindParagraph, typeset.KindHeading:
			out = append(out, squeeze(text[i].String()))
		}
	}
	return out
}

// htmlParagraphs is the body text of the HTML page: its paragraphs and
// headings other than the title, the 主送机关 and the closing block.
func htmlParagraphs(t *testing.T, page []byte) []string {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "p", "h2", "h3", "h4", "h5", "h6":
				if !hasClass(n, "addressee") && !hasClass(n, "org") && !hasClass(n, "date") {
					out = append(out, squeeze(textOf(n)))
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			for _, c := range strings.Fields(a.Val) {
				if c == class {
					return true
				}
			}
		}
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

// TestSampleReadsLikeTheModel is the fidelity test: the sample report's text,
// as the PDF sets it and as the HTML shows it, differs from the model report
// only inside the model's redactions.
func TestSampleReadsLikeTheModel(t *testing.T) {
	model := modelParagraphs(t)
	res := renderSample(t)
	page := res.Data("html")
	for name, got := range map[string][]string{"PDF": pdfParagraphs(res), "HTML": htmlParagraphs(t, page)} {
		if len(got) != len(model) {
			t.Errorf("%s has %d paragraphs, the model %d", name, len(got), len(model))
		}
		for i := 0; i < min(len(got), len(model)); i++ {
			compare(t, name+" paragraph "+strings.TrimSpace(string([]rune(model[i])[:min(8, len([]rune(model[i])))])), model[i], got[i])
		}
	}
}

// TestSampleFiguresShownByTheModel checks the figures that the model shows
// unredacted, in their context.
func TestSampleFiguresShownByTheModel(t *testing.T) {
	res := renderSample(t)
	text := strings.Join(pdfParagraphs(res), "\n")
	for _, want := range []string{
		"总签约金额82.8亿元",
		"给予60元/天·人补贴",
		"部署33项稳经济措施",
		"〔2022〕",
		"荣获2022年度省级“专精特新”",
		"荣获2021年度市级企业技术中心",
		"1－11月份，全县累计新引进",
		"1－11月产值上亿的企业仅有",
		"今年3月份召开了",
		"位列全市第一",
		"目前我县共八条重点产业链",
		"三家上下游企业",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the sample does not contain %q", want)
		}
	}
}

// TestSampleFiguresComeFromTheWorkbook checks figures that the report
// derives from the workbook's lists rather than storing them twice.
func TestSampleFiguresComeFromTheWorkbook(t *testing.T) {
	res := renderSample(t)
	text := strings.Join(pdfParagraphs(res), "\n")
	for _, want := range []string{
		"康瑞医疗、青松制药、绿源食品、好味来食品4家企业荣获",       // 专精特新: count of the list
		"锦绣制衣、恒泰新能源、华晟电子、金石新材料和康瑞医疗5家企业荣获", // 两化融合示范, 和 before the last
		"锂电产业园、小微创业园和鹤岭电子产业园二期3个专项债项目",     // 专项债项目
		"每家企业融资担保500万元，共计1500万元",           // 融资联保: equal amounts, sum
		"对全县52家重点企业",  // rows of 重点企业
		"产值上亿的企业仅有7家", // 重点企业 with 累计产值 ≥ 1
		"电子信息产业链内产值最高的企业华晟电子，工业总产值完成了3.6亿元", // max within a chain
		"新能源新材料产业链内产值最高的企业天恒锂电，工业总产值完成了4.2亿元",
		"约占全县9万余外出务工人员的13％", // 12000 人 of 9 万人
		"对华晟电子、讯达易联、天恒锂电等优势企业",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the sample does not contain %q", want)
		}
	}
}

// reports are the reports whose typography the tests check: the sample, and
// a report with a two-line title, tables, a list, dashes and ellipses, and
// attachments.
var reports = []struct{ dir, data string }{
	{"../../templates/情况汇报", ""},
	{"testdata/附件与表格", ""},
	{"../../templates/经济运行", "../../samples/经济运行-2022年7月.xlsx"},
	{"../../templates/经济运行", "../../samples/经济运行-2022年8月.xlsx"},
}

// TestTypography checks the typeset pages of each report against the grid
// and the Chinese line-breaking rules (typeset.Check: 22 lines a page, 28
// characters a full line, flush lines, baselines on the grid, no forbidden
// line starts or ends, no split numbers, no 孤字 or 孤行).
func TestTypography(t *testing.T) {
	for _, r := range reports {
		dir := r.dir + " " + r.data
		res, err := Render(Options{Report: r.dir, Data: r.data, Fonts: fonts.Bundled(), Formats: []string{"pdf"}, KeepLayout: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for _, v := range typeset.Check(res.Layout) {
			t.Errorf("%s: %s", dir, v)
		}
	}
}

// hasTable reports whether a page carries lines of a table.
func hasTable(p typeset.Page) bool {
	for _, l := range p.Lines {
		if l.Kind == typeset.KindTable {
			return true
		}
	}
	return false
}

// figureLines is the grid lines the figures (charts) of page p take: the
// checker, which leaves their text out, does not count them as lines.
func figureLines(p typeset.Page) int {
	n := 0
	for _, f := range p.Figures {
		n += f.Lines
	}
	return n
}

// measure runs the typography checker on a report written to name (.pdf,
// .txt): through .ci/figcheck.py when it has charts.
func measure(res *Result, name string) (*typocheck.Summary, error) {
	if len(res.Document.Charts) > 0 {
		return typocheck.RunFigures(name+".pdf", name+".txt")
	}
	return typocheck.Run(name+".pdf", name+".txt")
}

// charsOK says whether the checker's most common count of characters in
// a full line is the one the layout set: the checker counts a half-width
// digit as a character, so a report full of figures can come out at 29
// (the 经济运行 report does once its charts move its paragraphs), while
// typeset.Check (TestTypography) holds every full line to 28 字.
func charsOK(s *typocheck.Summary, res *Result) bool {
	return s.CharsMode == 28 || s.CharsMode == layoutCharsMode(res.Layout)
}

// layoutCharsMode is the most common count of characters in the layout's
// full body lines (not a block's last), as the checker counts them.
func layoutCharsMode(d *typeset.Document) int {
	counts := map[int]int{}
	for _, p := range d.Pages {
		for _, l := range p.Lines {
			if !l.Final && l.Kind == typeset.KindParagraph {
				counts[len(l.Glyphs)]++
			}
		}
	}
	mode := 0
	for n, c := range counts {
		if c > counts[mode] || c == counts[mode] && n < mode {
			mode = n
		}
	}
	return mode
}

// TestTypocheck measures the PDFs with the project's typography checker,
// when Python and pdfminer are installed (CI installs them).
func TestTypocheck(t *testing.T) {
	if !typocheck.Available() {
		t.Skip("python3 with pdfminer is not installed (apt-get install python3-pdfminer): typocheck not run")
	}
	for _, r := range reports {
		dir := r.dir + " " + r.data
		res, err := Render(Options{Report: r.dir, Data: r.data, Fonts: fonts.Bundled(), Formats: []string{"pdf", "txt"}, KeepLayout: true})
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		tmp := t.TempDir()
		if err := Write(tmp, res.Files); err != nil {
			t.Fatal(err)
		}
		name := filepath.Join(tmp, res.Document.Name)
		s, err := measure(res, name)
		if err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		for i, n := range s.LinesPerFullPage {
			// A page with a table holds fewer body lines: its rows are
			// set in 4号 (typeset.Check holds them to the grid). A chart
			// takes whole grid lines.
			if n += figureLines(res.Layout.Pages[i]); i > 0 && n != 22 && !hasTable(res.Layout.Pages[i]) {
				t.Errorf("%s: full page %d has %d lines", dir, i+1, n)
			}
		}
		if !charsOK(s, res) || s.FlushRatio != 1 || s.RightDevMax > 0.05 || !s.GridRegular {
			t.Errorf("%s: chars %d, flush %v (%.2f pt), grid %v", dir, s.CharsMode, s.FlushRatio, s.RightDevMax, s.GridRegular)
		}
		if s.Kinsoku+s.Unbreakable+s.Missing+s.Orphans+s.Widows != 0 {
			t.Errorf("%s: %+v", dir, s)
		}
		if s.TextSimilarity != 1 {
			t.Errorf("%s: text similarity %v", dir, s.TextSimilarity)
		}
		for k, want := range map[string]float64{"top": 37, "left": 28, "right": 26, "bottom": 35} {
			if d := s.Margins[k] - want; d > 0.5 || d < -0.5 {
				t.Errorf("%s: %s margin %.1f mm", dir, k, s.Margins[k])
			}
		}
		if len(s.PageNumberFormats) != 1 || s.PageNumberFormats["— N —"] != s.Pages || !s.PageNumbersPlacedGB {
			t.Errorf("%s: page numbers %v", dir, s.PageNumberFormats)
		}
	}
}
