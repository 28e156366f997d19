package fill

import (
	"errors"
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
	for _, r := range rows {
		cells := make([]string, len(headers))
		for i, h := range headers {
			cells[i] = r[h].Value.String()
		}
		writeRow(&b, cells, mdext.Escape)
	}
	return markdown(b.String()), nil
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
