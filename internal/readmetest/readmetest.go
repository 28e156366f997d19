// Package readmetest reads templates/README.md for the tests that run its
// examples (packages fill and chart): the workbook its sheets describe and
// its fenced blocks.
package readmetest

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/workbook"
)

// File is the name the workbook's messages give: a clerk's 示例.xlsx
// rather than the CSV files it is read from.
const File = "示例.xlsx"

var sheetRE = regexp.MustCompile(`^工作表“(.+)”：$`)

// Book reads the workbook doc describes: each line 工作表“名称”：
// followed by a Markdown table is a sheet, written as a CSV file and read
// as a clerk's workbook is. It returns the book and how many sheets doc
// describes.
func Book(t testing.TB, doc string) (*workbook.Book, int) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "示例")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(doc, "\n")
	sheets := 0
	for i, l := range lines {
		m := sheetRE.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		writeCSV(t, filepath.Join(dir, m[1]+".csv"), tableRows(lines[i+1:]))
		sheets++
	}
	b, err := workbook.Open(dir)
	if err != nil {
		t.Fatalf("the README's workbook: %v", err)
	}
	relabel(b, File)
	return b, sheets
}

// tableRows are the rows of the Markdown table lines begin with (blank
// lines before it skipped), without its delimiter row.
func tableRows(lines []string) [][]string {
	var rows [][]string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" && len(rows) == 0 {
			continue
		}
		if !strings.HasPrefix(l, "|") {
			break
		}
		cells := strings.Split(strings.Trim(l, "|"), "|")
		for k := range cells {
			cells[k] = strings.TrimSpace(cells[k])
		}
		if strings.Trim(strings.Join(cells, ""), "-: ") != "" {
			rows = append(rows, cells)
		}
	}
	return rows
}

func writeCSV(t testing.TB, path string, rows [][]string) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := csv.NewWriter(f).WriteAll(rows); err != nil {
		t.Fatal(err)
	}
}

// relabel names the workbook file in every reference of b.
func relabel(b *workbook.Book, file string) {
	fix := func(r *workbook.Ref) {
		if r.File != "" {
			r.File = file
		}
	}
	b.File = file
	for _, m := range b.Metrics {
		for _, r := range []*workbook.Ref{&m.Ref, &m.Value.Ref, &m.Prev.Ref, &m.LastYear.Ref, &m.Target.Ref,
			&m.Growth.Ref, &m.PrevGrowth.Ref, &m.LastGrowth.Ref, &m.MoM.Ref, &m.Month.Ref, &m.MonthGrowth.Ref, &m.Rank.Ref, &m.PrevRank.Ref} {
			fix(r)
		}
		for i := range m.Extra {
			fix(&m.Extra[i].Value.Ref)
		}
	}
	for i := range b.Info {
		fix(&b.Info[i].Value.Ref)
	}
	for _, tb := range b.Tables {
		fix(&tb.Ref)
		for i := range tb.ColumnRefs {
			fix(&tb.ColumnRefs[i])
		}
		for i := range tb.Rows {
			fix(&tb.Rows[i].Ref)
			for j := range tb.Rows[i].Cells {
				fix(&tb.Rows[i].Cells[j].Ref)
			}
		}
	}
	for i := range b.Sheets {
		fix(&b.Sheets[i])
	}
}

// Block is the body of the fenced block whose opening line is lines[i],
// and the index of the line after its closing ```.
func Block(t testing.TB, lines []string, i int) (string, int) {
	t.Helper()
	var b []string
	for j := i + 1; j < len(lines); j++ {
		if strings.TrimSpace(lines[j]) == "```" {
			return strings.Join(b, "\n"), j + 1
		}
		b = append(b, lines[j])
	}
	t.Fatalf("README line %d: the block does not end", i+1)
	return "", 0
}
