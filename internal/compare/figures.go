package compare

import (
	"fmt"
	"strings"

	"briefing/internal/workbook"
)

// FigureChange is one value read differently from the two workbooks.
type FigureChange struct {
	Where    string // 指标 / 报告信息 / table name
	Name     string // figure name, info key, or row key ("" for a table's 标题)
	Field    string // 数值, 增速, column name …; "" for an info entry
	Old, New string // as the clerk sees the cell (Value.String's display form); "" when absent or empty
	// OldRef and NewRef are the cells; the zero Ref on the side the
	// figure is absent from (or the sheet has no such column).
	OldRef, NewRef workbook.Ref
	// Op is Added when the whole figure, entry, row or table is new,
	// Removed when it is gone, and Changed when it is in both workbooks
	// (a cell emptied or filled in has Old or New "").
	Op Op
}

// field is one value of a figure, entry or row.
type field struct {
	name string
	v    workbook.Value
}

// Figures compares every value read from two workbooks: 指标 (each field: 数值, 单位, 上期, 去年同期, 目标,
// 当月, the rates, 排名, the extra columns, 备注), 报告信息 entries, and table cells (by table name, row key =
// the first column's text, the n-th row of a repeated key matched with the n-th, column name) and titles.
// Matching is by exact name. The order is the new workbook's, then what only the old one has; a nil Book
// is an empty one.
func Figures(old, new *workbook.Book) []FigureChange {
	if old == nil {
		old = &workbook.Book{}
	}
	if new == nil {
		new = &workbook.Book{}
	}
	var out []FigureChange
	out = compareMetrics(out, old.Metrics, new.Metrics)
	out = compareInfo(out, old.Info, new.Info)
	return compareTables(out, old.Tables, new.Tables)
}

func compareMetrics(out []FigureChange, old, new []*workbook.Metric) []FigureChange {
	name := func(ms []*workbook.Metric) []string {
		keys := make([]string, len(ms))
		for k, m := range ms {
			keys[k] = m.Name
		}
		return keys
	}
	for _, p := range pairKeys(name(old), name(new)) {
		var of, nf []field
		var key string
		if p.i >= 0 {
			of, key = metricFields(old[p.i]), old[p.i].Name
		}
		if p.j >= 0 {
			nf, key = metricFields(new[p.j]), new[p.j].Name
		}
		out = compareFields(out, workbook.MetricsSheet, key, of, nf, opOf(p))
	}
	return out
}

// metricFields are the values of a metrics row: 单位 and 备注 have the
// name cell for their place.
func metricFields(m *workbook.Metric) []field {
	row := func(s string) workbook.Value {
		if s == "" {
			return workbook.Value{Ref: m.Ref}
		}
		return workbook.Value{Kind: workbook.Text, Text: s, Ref: m.Ref}
	}
	fs := []field{
		{"数值", m.Value}, {"单位", row(m.Unit)}, {"上期", m.Prev}, {"去年同期", m.LastYear}, {"目标", m.Target},
		{"当月", m.Month}, {"增速", m.Growth}, {"当月增速", m.MonthGrowth}, {"上期增速", m.PrevGrowth},
		{"去年同期增速", m.LastGrowth}, {"环比", m.MoM}, {"排名", m.Rank}, {"上期排名", m.PrevRank},
	}
	for _, x := range m.Extra {
		fs = append(fs, field{x.Name, x.Value})
	}
	return append(fs, field{"备注", row(m.Note)})
}

func compareInfo(out []FigureChange, old, new []workbook.InfoEntry) []FigureChange {
	key := func(es []workbook.InfoEntry) []string {
		keys := make([]string, len(es))
		for k, e := range es {
			keys[k] = e.Key
		}
		return keys
	}
	for _, p := range pairKeys(key(old), key(new)) {
		var of, nf []field
		var name string
		if p.i >= 0 {
			of, name = []field{{"", old[p.i].Value}}, old[p.i].Key
		}
		if p.j >= 0 {
			nf, name = []field{{"", new[p.j].Value}}, new[p.j].Key
		}
		out = compareFields(out, workbook.InfoSheet, name, of, nf, opOf(p))
	}
	return out
}

func compareTables(out []FigureChange, old, new []*workbook.Table) []FigureChange {
	name := func(ts []*workbook.Table) []string {
		keys := make([]string, len(ts))
		for k, t := range ts {
			keys[k] = t.Name
		}
		return keys
	}
	for _, p := range pairKeys(name(old), name(new)) {
		var o, n *workbook.Table
		if p.i >= 0 {
			o = old[p.i]
		}
		if p.j >= 0 {
			n = new[p.j]
		}
		out = compareTable(out, o, n, opOf(p))
	}
	return out
}

// compareTable compares a table's title and rows; o or n is nil when the
// table is only on one side.
func compareTable(out []FigureChange, o, n *workbook.Table, op Op) []FigureChange {
	where := tableName(o, n)
	out = compareFields(out, where, "", titleField(o), titleField(n), op)
	ok, nk := rowKeys(o), rowKeys(n)
	for _, p := range pairKeys(ok, nk) {
		var of, nf []field
		var key string
		if p.i >= 0 {
			of, key = rowFields(o, p.i), ok[p.i]
		}
		if p.j >= 0 {
			nf, key = rowFields(n, p.j), nk[p.j]
		}
		rowOp := opOf(p)
		if op != Changed {
			rowOp = op
		}
		out = compareFields(out, where, key, of, nf, rowOp)
	}
	return out
}

func tableName(o, n *workbook.Table) string {
	if n != nil {
		return n.Name
	}
	return o.Name
}

func titleField(t *workbook.Table) []field {
	if t == nil || t.Title == "" {
		return nil
	}
	return []field{{"标题", workbook.Value{Kind: workbook.Text, Text: t.Title, Ref: t.Ref}}}
}

// rowKeys are the rows' keys: the first column's text, the second and
// later rows of a repeated key numbered (城关镇（第2个）).
func rowKeys(t *workbook.Table) []string {
	if t == nil {
		return nil
	}
	seen := map[string]int{}
	keys := make([]string, len(t.Rows))
	for k, r := range t.Rows {
		key := ""
		if len(r.Cells) > 0 {
			key = r.Cells[0].String()
		}
		seen[key]++
		if c := seen[key]; c > 1 {
			key = fmt.Sprintf("%s（第%d个）", key, c)
		}
		keys[k] = key
	}
	return keys
}

// rowFields are a row's cells by column; an empty cell without a place is
// placed by its column's header and its row.
func rowFields(t *workbook.Table, k int) []field {
	r := t.Rows[k]
	fs := make([]field, len(t.Columns))
	for c, name := range t.Columns {
		var v workbook.Value
		if c < len(r.Cells) {
			v = r.Cells[c]
		}
		if v.Ref.Sheet == "" && c < len(t.ColumnRefs) {
			v.Ref = cellOf(t.ColumnRefs[c], r.Ref)
		}
		fs[c] = field{name, v}
	}
	return fs
}

// cellOf is the cell in col's column and row's row.
func cellOf(col, row workbook.Ref) workbook.Ref {
	letters := strings.TrimRight(col.Cell, "0123456789")
	digits := strings.TrimLeft(row.Cell, "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
	if letters == "" || digits == "" {
		return row
	}
	return workbook.Ref{File: row.File, Sheet: row.Sheet, Cell: letters + digits}
}

// compareFields appends a change for each field whose display differs
// between of and nf (matched by name; one side empty for a whole figure
// added or removed).
func compareFields(out []FigureChange, where, name string, of, nf []field, op Op) []FigureChange {
	names := func(fs []field) []string {
		keys := make([]string, len(fs))
		for k, f := range fs {
			keys[k] = f.name
		}
		return keys
	}
	for _, p := range pairKeys(names(of), names(nf)) {
		var o, n field
		if p.i >= 0 {
			o = of[p.i]
		}
		if p.j >= 0 {
			n = nf[p.j]
		}
		label := n.name
		if p.j < 0 {
			label = o.name
		}
		if os, ns := o.v.String(), n.v.String(); os != ns {
			out = append(out, FigureChange{Where: where, Name: name, Field: label,
				Old: os, New: ns, OldRef: o.v.Ref, NewRef: n.v.Ref, Op: op})
		}
	}
	return out
}

// pairKeys matches two lists of keys: the new list's order, each with its
// old index (-1 when new), then the old keys the new list lacks (j -1).
func pairKeys(old, new []string) []match {
	at := make(map[string]int, len(old))
	for i, k := range old {
		if _, dup := at[k]; !dup {
			at[k] = i
		}
	}
	used := make([]bool, len(old))
	out := make([]match, 0, max(len(old), len(new)))
	for j, k := range new {
		i, ok := at[k]
		if !ok || used[i] {
			i = -1
		} else {
			used[i] = true
		}
		out = append(out, match{i, j})
	}
	for i := range old {
		if !used[i] {
			out = append(out, match{i, -1})
		}
	}
	return out
}

// opOf is what a pair of pairKeys is: in both, added or removed.
func opOf(p match) Op {
	switch {
	case p.i < 0:
		return Added
	case p.j < 0:
		return Removed
	}
	return Changed
}
