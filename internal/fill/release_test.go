package fill

import "testing"

// A table's rows are made for the template that reads them and let go once
// it is filled: a table of 100,000 rows is not held for the whole report.
func TestTableRowsLetGoAfterTheTemplate(t *testing.T) {
	f := New(testBook())
	for range 2 {
		out, err := f.Fill("测试.md", `{{表格 (表 "企业")}}{{range (表 "企业")}}{{.企业名称}}{{end}}`, 1)
		if err != nil {
			t.Fatal(err)
		}
		if out == "" {
			t.Fatal("nothing filled")
		}
		if len(f.tables) != 0 || len(f.rowTable) != 0 {
			t.Errorf("after the template, the Filler holds %d tables and %d rows", len(f.tables), len(f.rowTable))
		}
	}
}

// A table's rows share their cells with the workbook instead of copying
// them (a row of three columns takes about 250 bytes, not 700), and a
// value a template gets from a row is the workbook's.
func TestTableRowsShareTheWorkbooksCells(t *testing.T) {
	book := testBook()
	f := New(book)
	rows, err := f.table("企业")
	if err != nil {
		t.Fatal(err)
	}
	tab, _ := book.Table("企业")
	if len(rows) != len(tab.Rows) || len(rows) == 0 {
		t.Fatalf("%d rows, the workbook has %d", len(rows), len(tab.Rows))
	}
	for i, row := range rows {
		for j, c := range tab.Columns {
			if j < len(tab.Rows[i].Cells) && row[c].Value != &tab.Rows[i].Cells[j] {
				t.Fatalf("row %d, %s: a copy of the workbook's cell", i, c)
			}
		}
	}
	if got, want := rows[0][tab.Columns[0]].String(), (Value{Value: &tab.Rows[0].Cells[0]}).String(); got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	if (Value{}).String() != mark("") {
		t.Error("the zero Value does not print as an empty cell")
	}
}
