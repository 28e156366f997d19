package workbook

import (
	"strings"
)

// Lookups scan the Book's slices: a report asks for some hundred names, a
// workbook has some hundred figures, and a scan needs no index to build or
// keep in step with a Book built or changed by hand. They only read, so a
// Book may be used by several goroutines at once.
//
// A name matches when it is spelled the same; failing that, when it is the
// same but for spaces around it, full-width or half-width forms and the
// case of Latin letters (“ＧＤＰ增速 ” finds “GDP增速”).

// match finds the index of the name in names: exact spelling first, then
// the folded form.
func match(n int, nameAt func(int) string, want string) int {
	for i := 0; i < n; i++ {
		if nameAt(i) == want {
			return i
		}
	}
	key := fold(want)
	if key == "" {
		return -1
	}
	for i := 0; i < n; i++ {
		if fold(nameAt(i)) == key {
			return i
		}
	}
	return -1
}

// Metric returns the figure of that name from the metrics sheet (指标).
func (b *Book) Metric(name string) (*Metric, bool) {
	if b == nil {
		return nil, false
	}
	i := match(len(b.Metrics), func(i int) string { return b.Metrics[i].Name }, name)
	if i < 0 {
		return nil, false
	}
	return b.Metrics[i], true
}

// InfoValue returns the value of a key of the report sheet (报告信息).
func (b *Book) InfoValue(key string) (Value, bool) {
	if b == nil {
		return Value{}, false
	}
	i := match(len(b.Info), func(i int) string { return b.Info[i].Key }, key)
	if i < 0 {
		return Value{}, false
	}
	return b.Info[i].Value, true
}

// Table returns the table of that sheet name.
func (b *Book) Table(name string) (*Table, bool) {
	if b == nil {
		return nil, false
	}
	i := match(len(b.Tables), func(i int) string { return b.Tables[i].Name }, name)
	if i < 0 {
		return nil, false
	}
	return b.Tables[i], true
}

// SheetRef is the place a name was looked for, for messages: the sheet of
// that name as it was read (for a directory of CSV files, with its file),
// or that sheet in the workbook's file when there is no such sheet.
// Use SheetRef(MetricsSheet) when a figure is missing.
func (b *Book) SheetRef(sheet string) Ref {
	if b == nil {
		return Ref{Sheet: sheet}
	}
	if i := match(len(b.Sheets), func(i int) string { return cleanName(b.Sheets[i].Sheet) }, sheet); i >= 0 {
		return b.Sheets[i]
	}
	return Ref{File: b.File, Sheet: sheet}
}

// Column returns the index in Columns (and in each Row's Cells) of the
// column with that header, -1 when there is none. A header with a unit
// (“产值（亿元）”) is also found by its name without the unit (“产值”), as
// long as only one column has that name.
func (t *Table) Column(name string) int {
	if t == nil {
		return -1
	}
	if i := match(len(t.Columns), func(i int) string { return t.Columns[i] }, name); i >= 0 {
		return i
	}
	key := fold(name)
	found := -1
	for i, c := range t.Columns {
		if fold(withoutUnit(c)) == key {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}

// withoutUnit is a header without the unit in parentheses at its end.
func withoutUnit(h string) string {
	h = trim(h)
	if headerUnit(h) == "" {
		return h
	}
	i := strings.LastIndexAny(h, "（(")
	return trim(h[:i])
}

// Get returns the row's value in the column with that header.
func (r Row) Get(col string) (Value, bool) {
	if r.Table == nil {
		return Value{}, false
	}
	i := r.Table.Column(col)
	if i < 0 || i >= len(r.Cells) {
		return Value{}, false
	}
	return r.Cells[i], true
}

// NewTable builds a table by hand, with each Row's Table set so that
// Row.Get works. Each row's values are aligned with columns.
func NewTable(name string, columns []string, rows ...[]Value) *Table {
	t := &Table{Name: name, Columns: columns}
	for _, cells := range rows {
		t.Rows = append(t.Rows, Row{Table: t, Cells: cells})
	}
	return t
}

// ExtraValue returns the figure's cell in the extra column of that name
// (全市增速, 时序进度), matched as names are (see above); “全市增速（%）”
// finds it too, and so does “全市平均” a column “全市平均（亿元）” as long as
// no other column has that name.
func (m *Metric) ExtraValue(name string) (Value, bool) {
	if m == nil {
		return Value{}, false
	}
	i := match(len(m.Extra), func(i int) string { return m.Extra[i].Name }, extraName(name))
	if i < 0 {
		i = m.extraWithoutUnit(name)
	}
	if i < 0 {
		return Value{}, false
	}
	return m.Extra[i].Value, true
}

// extraWithoutUnit is the index of the one extra column whose name without
// its unit is name; -1 when none or several are.
func (m *Metric) extraWithoutUnit(name string) int {
	key, found := fold(name), -1
	for i, x := range m.Extra {
		if fold(withoutUnit(x.Name)) == key {
			if found >= 0 {
				return -1
			}
			found = i
		}
	}
	return found
}
