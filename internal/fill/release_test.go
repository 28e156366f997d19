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
