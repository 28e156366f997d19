package chart

import (
	"os"
	"strings"
	"testing"

	"briefing/internal/readmetest"
	"briefing/internal/workbook"
)

// The chart examples of templates/README.md (十四、图表) run here: its
// sheets 月度 and 各县 are written as a workbook (a CSV file a sheet, read
// as a clerk's workbook is), each ```图表 block is read and drawn, and the
// ```图表错误 block after one is the message it must give.

func readmeSection(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../templates/README.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i := strings.Index(doc, "\n## 十四、图表")
	if i < 0 {
		t.Fatal("templates/README.md has no section 十四、图表")
	}
	return doc[i:]
}

// readmeBook is the section's workbook, named 示例.xlsx.
func readmeBook(t *testing.T, doc string) *workbook.Book {
	t.Helper()
	b, _ := readmetest.Book(t, doc)
	if len(b.Tables) != 2 {
		t.Fatalf("the section describes %d sheets, want 月度 and 各县", len(b.Tables))
	}
	return b
}

func TestREADME(t *testing.T) {
	doc := readmeSection(t)
	book := readmeBook(t, doc)
	lines := strings.Split(doc, "\n")
	block := func(i int) (string, int) { return readmetest.Block(t, lines, i) }
	charts, errs := 0, 0
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) != "```图表" {
			continue
		}
		body, next := block(i)
		want := ""
		for k := next; k < len(lines); k++ {
			if l := strings.TrimSpace(lines[k]); l == "```图表错误" {
				want, _ = block(k)
				break
			} else if l != "" {
				break
			}
		}
		charts++
		s, es := Parse(body)
		var ch *Chart
		if len(es) == 0 {
			ch, es = Resolve(s, book)
		}
		switch {
		case want == "" && len(es) > 0:
			t.Errorf("README example %d: %v", charts, es[0])
		case want == "":
			if rec := Draw(ch, 442.2, float64(ch.Lines(29.6))*29.6, Plain); len(rec.Ops) == 0 {
				t.Errorf("README example %d draws nothing", charts)
			}
		case len(es) == 0:
			t.Errorf("README example %d: no error, want %s", charts, want)
		default:
			errs++
			if got := es[0].Error(); got != want {
				t.Errorf("README example %d:\ngot  %s\nwant %s", charts, got, want)
			}
		}
	}
	if charts < 5 || errs < 3 {
		t.Errorf("the README has %d chart examples, %d of errors", charts, errs)
	}
}
