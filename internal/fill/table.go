package fill

import (
	"errors"
	"fmt"
	"strings"

	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

// tableText is 表格: rows of a table as a Markdown table, with the columns
// named (every column when none), headed by their headers as the workbook
// writes them (产值（亿元）); columns of numbers are aligned right. Every
// cell prints as the clerk typed it.
//
//	{{表格 (表 "分行业") "行业" "产值" "增速"}}
func (f *Filler) tableText(x any, cols ...string) (markdown, error) {
	rows, err := toRows("表格", x)
	if err != nil {
		return "", err
	}
	headers, err := f.tableHeaders(rows, cols)
	if err != nil {
		return "", err
	}
	if len(rows) == 0 {
		return "", errors.New("表格：表中没有任何一行（或筛选后没有符合条件的行）")
	}
	var b strings.Builder
	writeRow(&b, headers, mdext.Escape)
	b.WriteString("|")
	for _, h := range headers {
		b.WriteString(alignment(rows, h))
	}
	b.WriteString("\n")
	percent := f.percentColumns(rows, headers)
	for _, r := range rows {
		cells := make([]string, len(headers))
		for i, h := range headers {
			cells[i] = r[h].Value.String()
			if percent[i] && r[h].Ratio {
				cells[i] = strings.TrimSuffix(cells[i], "%")
			}
		}
		writeRow(&b, cells, mdext.Escape)
	}
	return markdown(b.String()), nil
}

// percentColumns says which columns have % as the unit of their header
// (增速（%）): their cells print without a % of their own.
func (f *Filler) percentColumns(rows Rows, headers []string) []bool {
	out := make([]bool, len(headers))
	t := f.tableOfRows(rows)
	if t == nil {
		return out
	}
	for i, h := range headers {
		if j := t.Column(h); j >= 0 && j < len(t.Units) {
			out[i] = t.Units[j] == "%" || t.Units[j] == "％"
		}
	}
	return out
}

// tableHeaders are the headers of the columns a template names, or all of
// a table's.
func (f *Filler) tableHeaders(rows Rows, cols []string) ([]string, error) {
	t := f.tableOfRows(rows)
	if len(cols) == 0 {
		if t == nil {
			return nil, kindError("表格：这张表没有一行，无法知道它有哪些列：请写出列名")
		}
		return t.Columns, nil
	}
	out := make([]string, len(cols))
	for i, c := range cols {
		if len(rows) == 0 {
			out[i] = c
			continue
		}
		h, err := f.header(rows[0], c)
		if err != nil {
			return nil, err
		}
		out[i] = h
	}
	return out, nil
}

func writeRow(b *strings.Builder, cells []string, esc func(string) string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" " + esc(c) + " |")
	}
	b.WriteString("\n")
}

// alignment is a column's delimiter: right for a column of numbers.
func alignment(rows Rows, h string) string {
	numbers := false
	for _, r := range rows {
		switch r[h].Kind {
		case workbook.Number:
			numbers = true
		case workbook.Empty:
		default:
			return " --- |"
		}
	}
	if numbers {
		return " ---: |"
	}
	return " --- |"
}

// markdown is Markdown a function wrote, whose workbook text it has
// escaped itself: a table.
type markdown string

func (m markdown) String() string { return mark(string(m)) }

// firstText is the first text cell of a row, in the order of its table's
// columns: the cell that says whether it is a 合计 or 小计 row.
func (f *Filler) firstText(r Row) string {
	if t := f.tableOf(r); t != nil {
		for _, c := range t.Columns {
			if v := r[c]; v.Kind == workbook.Text {
				return v.Text
			}
		}
	}
	return ""
}

// isTotal reports whether a row is its table's 合计 or 小计 row, as the
// workbook's 校验 sees it.
func (f *Filler) isTotal(r Row) bool {
	first := f.firstText(r)
	return workbook.IsTotal(first) || workbook.IsSubtotal(first)
}

// details is 明细: the rows of a table without its 合计 and 小计 rows.
func (f *Filler) details(x any) (Rows, error) {
	rows, err := toRows("明细", x)
	if err != nil {
		return nil, err
	}
	out := make(Rows, 0, len(rows))
	for _, r := range rows {
		if !f.isTotal(r) {
			out = append(out, r)
		}
	}
	return out, nil
}

// totalRowOf is 合计行: a table's 合计 row.
func (f *Filler) totalRowOf(x any) (Row, error) {
	rows, err := toRows("合计行", x)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		if workbook.IsTotal(f.firstText(r)) {
			return r, nil
		}
	}
	return nil, fmt.Errorf("合计行：表中没有“合计”行（第一个文字格写着 合计、总计、全县合计 或 全市合计 的行）")
}
