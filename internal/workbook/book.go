// Package workbook reads the figures of a report from a clerk's Excel
// workbook (or CSV files) into exact values, and reports every problem with
// its file, sheet and cell.
//
// Three sheets have a fixed meaning: 指标 holds one figure per row, with
// the rates, 当月, ranks and other bases a statistics bureau publishes
// beside it; 报告信息 holds the report's keys (县名, 成文日期 …); 校验
// declares sums the figures and tables must satisfy, which Book.Verify
// evaluates. Every other sheet is a table. README.md (工作簿的约定) says
// what the clerk types and how it reads.
//
// A formula's value is the one Excel saved with it. Formulas saved without
// one (by openpyxl, pandas, excelize) are calculated in the order they read
// each other, never by recursion; a circular reference is an error naming
// its cells, never a number (calc.go). Every read is bounded — the file's
// size, its size unzipped, its cells, the formulas to calculate and the
// cells they read — and refused in Chinese beyond a bound: open.go has
// the defaults, README.md (上限) what a file at each takes, and
// BenchmarkLimit… measures it.
package workbook

import (
	"fmt"
	"time"

	"github.com/shopspring/decimal"
)

// Kind is the kind of a cell's value.
type Kind uint8

const (
	Empty Kind = iota
	Number
	Text
	Date
	Proportion // a ratio typed as text: “2.02:1”, “1.9:75.1:23.7”; see Value.Parts
)

// Ref is where a value came from.
type Ref struct {
	File  string // base name of the workbook, e.g. “figures.xlsx”
	Sheet string
	Cell  string // “B7”; empty for a whole sheet
}

// String writes the place the way messages show it: “figures.xlsx 指标!B7”,
// with the characters a message cannot show escaped (see escapeText).
func (r Ref) String() string {
	file, sheet := escapeText(r.File), escapeText(r.Sheet)
	switch {
	case r.Sheet == "":
		return file
	case r.Cell == "":
		return fmt.Sprintf("%s 工作表“%s”", file, sheet)
	}
	return fmt.Sprintf("%s %s!%s", file, sheet, escapeText(r.Cell))
}

// Value is one cell's value as the clerk sees it.
type Value struct {
	Kind  Kind
	Num   decimal.Decimal // Number: the exact decimal the clerk sees (82.8, not 82.79999…)
	Ratio bool            // Number: a percentage; Num is the fraction (0.052 for 5.2%)
	Text  string          // Text: the trimmed text; otherwise the cell's text as displayed
	Date  time.Time       // Date: the day, at midnight UTC
	Parts []Value         // Proportion: each part, a Number shown as typed (“75.1”, “1”)
	Ref   Ref
}

// Metric is one row of the metrics sheet (指标).
//
// A row holds what a statistics bureau publishes for an indicator: its
// value (累计, or the period's value), the value of the month alone (当月),
// their signed growth rates, the rates of earlier periods, ranks, and any
// other base it is compared with (全市增速, 时序进度, 一季度增速), each in a
// column of its own. Only 名称 and one of 数值, 增速, 当月 and 当月增速 are
// needed; the other fields are Empty when the sheet has no such column or
// the cell is empty.
type Metric struct {
	Name     string
	Value    Value // 数值 (累计); Empty when the row gives only rates
	Unit     string
	Prev     Value // 上期
	LastYear Value // 去年同期
	Target   Value // 目标
	Note     string
	Ref      Ref // the name cell

	// Rates are percentages (Ratio is set): 5.2 in a rate column is 5.2%.
	Growth      Value // 增速: the signed growth rate of Value on the same period of last year
	PrevGrowth  Value // 上期增速: the growth rate published for the previous period (1-6月 in a 1-7月 report)
	LastGrowth  Value // 去年同期增速: the growth rate of the same period last year
	MoM         Value // 环比: the growth rate on the previous period
	Month       Value // 当月: the value of the last month alone
	MonthGrowth Value // 当月增速
	Rank        Value // 排名
	PrevRank    Value // 上期排名

	// Extra are the sheet's other columns, in the sheet's order, by their
	// header: named bases such as 全市增速, 时序进度 or 一季度增速. Their
	// cells are read as they are (a number, a percentage, text), never
	// refused: a template that uses one as a number says so when it is not.
	Extra []Field
}

// Field is one cell of an extra column of the metrics sheet.
type Field struct {
	Name  string // the column's header, cleaned of spaces
	Value Value
}

// InfoEntry is one key/value row of the report sheet (报告信息).
type InfoEntry struct {
	Key   string
	Value Value
}

// Table is a sheet of records: a header row, then one row per record.
type Table struct {
	Name    string
	Columns []string
	Rows    []Row
	Ref     Ref // the sheet

	// Title is the text of the rows above the header (a table's title,
	// “单位：亿元”), one line each; "" when the header is the first row.
	Title string
	// Units is the unit written in each column's header, aligned with
	// Columns: “亿元” for “产值（亿元）”, "" when none. May be nil in a
	// Table built by hand.
	Units []string
	// ColumnRefs is the header cell of each column, aligned with Columns.
	// May be nil in a Table built by hand.
	ColumnRefs []Ref
}

// Row is one record of a table.
type Row struct {
	Table *Table
	Cells []Value // aligned with Table.Columns
	Ref   Ref     // the row's first cell
}

// Check is one relation of the checks sheet (校验) that the figures must
// satisfy: Total equals the sum of Parts. It takes one of four forms:
//
//   - Total names a figure, Parts name figures: the figure's 数值 is the
//     sum of theirs (规上工业总产值 = 开发区产值、乡镇工业产值);
//   - Total is a number, Parts name figures: their 数值 add up to it, in
//     percent when they are percentages (100 is 100%);
//   - Total is a number, Parts name one figure whose value is a ratio: its
//     parts add up to it (三次产业比例 1.9:75.1:23.7 makes 100);
//   - Total names a table, Parts name some of its columns (none: every
//     column whose 合计 row holds a number that is not a percentage): in
//     each, the table's 合计 row is the sum of its other rows.
//
// Book.Verify evaluates them.
type Check struct {
	Name     string   // 校验项
	Total    Value    // 合计: a number, or text naming a figure or a table
	Parts    []string // 各项, split at 、，,＋+ and spaces
	Note     string   // 说明
	Ref      Ref      // the 校验项 cell: where Verify reports the relation
	PartsRef Ref      // the 各项 cell
}

// Book is everything read from one workbook.
type Book struct {
	File    string // base name, for messages
	Metrics []*Metric
	Info    []InfoEntry
	Tables  []*Table
	Checks  []Check // the relations of the checks sheet (校验), in its order

	// Sheets lists every sheet read, in the workbook's order, empty ones
	// included (for a directory of CSV files, one per file). May be nil in
	// a Book built by hand.
	Sheets []Ref
}

// Names of the sheets with a fixed meaning.
const (
	MetricsSheet = "指标"
	InfoSheet    = "报告信息"
	ChecksSheet  = "校验"
)
