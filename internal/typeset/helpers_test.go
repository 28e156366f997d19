package typeset

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// fakeShaper sets ideographs and CJK punctuation 1 em wide, ASCII digits
// half, Latin letters 0.5–0.6 em, a space a quarter; it lacks the runes in
// missing, U+FFFD and the private use area.
type fakeShaper struct{ missing map[rune]bool }

func (f fakeShaper) Glyph(role Role, r rune) (int, float64, bool) {
	if f.missing[r] || r == '\uFFFD' || r >= 0xE000 && r <= 0xF8FF {
		return 0, 0, false
	}
	switch {
	case r == ' ':
		return 1, 0.25, true
	case r >= '0' && r <= '9':
		return 1, 0.5, true
	case r >= 'A' && r <= 'Z':
		return 1, 0.6, true
	case r >= 'a' && r <= 'z':
		return 1, 0.5, true
	case r == '.' || r == ',':
		return 1, 0.25, true
	case r < 0x80:
		return 1, 0.5, true
	}
	return 0, 1, true
}

var (
	level1 = regexp.MustCompile(`^[一二三四五六七八九十]+、`)
	level2 = regexp.MustCompile(`^（[一二三四五六七八九十]+）`)
)

// redact fills the seed's * redactions with digits.
func redact(s string) string {
	var b strings.Builder
	i := 0
	for _, r := range s {
		if r == '*' {
			b.WriteByte("3715926480"[i%10])
			i++
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func body(text string) []Run {
	return []Run{{Text: text, Style: Style{Role: RoleBody, Size: 16}}}
}

func para(text string) Block {
	return Block{Kind: KindParagraph, Runs: body(text), Indent: 2}
}

func heading(text string, level int) Block {
	return Block{Kind: KindHeading, Level: level, Indent: 2,
		Runs: []Run{{Text: text, Style: Style{Role: RoleHei, Size: 16}}}}
}

// report turns one-paragraph-a-line text into blocks the way the writer
// does: 一、 lines are headings, （一）…。 leads a paragraph as a run-in
// heading.
func report(lines []string) []Block {
	var out []Block
	for _, ln := range lines {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		switch {
		case level1.MatchString(ln) && len([]rune(ln)) < 30:
			out = append(out, heading(ln, 1))
		case level2.MatchString(ln) && strings.Contains(ln, "。"):
			k := strings.Index(ln, "。") + len("。")
			out = append(out, Block{Kind: KindParagraph, Indent: 2, Level: 2, Lead: 1, Runs: []Run{
				{Text: ln[:k], Style: Style{Role: RoleKai, Size: 16}},
				{Text: ln[k:], Style: Style{Role: RoleBody, Size: 16}},
			}})
		default:
			out = append(out, para(ln))
		}
	}
	return out
}

func readLines(t testing.TB, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Skipf("no %s: %v", path, err)
	}
	return strings.Split(redact(string(b)), "\n")
}

const (
	seedPath   = "/work/shared/seeds/000_9565869ecbc1c163.txt"
	samplePath = "/work/shared/tools/fixtures/sample.txt"
	reportName = "关于保障产业链供应链稳定工作情况的汇报"
)

// seedReport is the model report with a title, 主送机关, attachments and
// the closing block.
func seedReport(t testing.TB) []Block {
	blocks := []Block{
		{Kind: KindTitle, Align: AlignCenter, Runs: []Run{{Text: reportName, Style: Style{Role: RoleTitle, Size: 22}}}},
		{Kind: KindAddressee, Runs: body("县委、县政府：")},
	}
	blocks = append(blocks, report(readLines(t, seedPath))...)
	blocks = append(blocks,
		Block{Kind: KindAttachments, Attachments: []string{"2022年产业链供应链重点企业名单", "2022年重点项目推进情况表"}, Runs: body("")},
		Block{Kind: KindClosing, Closing: &Closing{Org: "某某县工业和信息化局", Date: "2022年12月5日", Style: Style{Role: RoleBody, Size: 16}}},
	)
	return blocks
}

func layout(t testing.TB, blocks []Block) *Document {
	t.Helper()
	d, err := Layout(blocks, GBT9704(), fakeShaper{})
	if err != nil {
		t.Fatalf("Layout: %v", err)
	}
	return d
}

func clean(t testing.TB, d *Document) {
	t.Helper()
	for i, v := range Check(d) {
		if i == 20 {
			t.Errorf("…")
			break
		}
		t.Errorf("%v", v)
	}
}

func text(l Line) string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.R)
	}
	return b.String()
}

func dump(t testing.TB, d *Document) {
	t.Helper()
	for _, p := range d.Pages {
		t.Logf("— page %d (%d lines) —", p.Number, len(p.Lines))
		for _, l := range p.Lines {
			fin := " "
			if l.Final {
				fin = "¶"
			}
			t.Logf("%7.2f %s %s", l.Baseline, fin, text(l))
		}
	}
}
