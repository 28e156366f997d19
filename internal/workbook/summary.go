package workbook

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// BookSummary is what `briefing figures -json` prints: everything read,
// with exact values. Field names are stable:
//
//	{
//	  "file": "figures.xlsx",
//	  "metrics": [{"name": "地区生产总值", "value": {…}, "unit": "亿元",
//	               "prev": {…}, "last_year": {…}, "target": {…},
//	               "growth": {…}, "prev_growth": {…}, "last_growth": {…},
//	               "mom": {…}, "month": {…}, "month_growth": {…},
//	               "rank": {…}, "prev_rank": {…},
//	               "extra": [{"name": "全市增速", "value": {…}}],
//	               "note": "", "ref": "指标!A2"}],
//	  "info":    [{"key": "成文日期", "value": {…}}],
//	  "tables":  [{"name": "重点项目", "title": "", "columns": [{"name": "投资（亿元）", "unit": "亿元", "ref": "重点项目!C2"}],
//	               "rows": 30, "ref": "重点项目"}],
//	  "checks":  [{"name": "产值构成", "total": {…}, "parts": ["开发区产值", "乡镇工业产值"],
//	               "note": "", "ref": "校验!A2"}]
//	}
//
// A value is {"kind": "number"|"text"|"date"|"proportion"|"empty", "text":
// as shown, "number": the exact decimal as a string (the fraction for a
// percentage), "ratio": true for a percentage, "date": "2022-12-05",
// "parts": the parts of a proportion as shown (["1.9", "75.1", "23.7"]),
// "ref": "指标!B2"};
// fields that do not apply are left out. prev, last_year, target and the
// rates, 当月 and ranks are left out when their cells are empty or absent,
// and so are the extra columns' empty cells; value is {"kind": "empty"}
// for a figure that gives only rates.
type BookSummary struct {
	File    string          `json:"file"`
	Metrics []MetricSummary `json:"metrics"`
	Info    []InfoSummary   `json:"info"`
	Tables  []TableSummary  `json:"tables"`
	Checks  []CheckSummary  `json:"checks,omitempty"`
}

// CheckSummary is one relation of the checks sheet in a BookSummary.
type CheckSummary struct {
	Name  string       `json:"name"`
	Total ValueSummary `json:"total"`
	Parts []string     `json:"parts"`
	Note  string       `json:"note,omitempty"`
	Ref   string       `json:"ref"`
}

// MetricSummary is one figure in a BookSummary.
type MetricSummary struct {
	Name     string        `json:"name"`
	Value    ValueSummary  `json:"value"`
	Unit     string        `json:"unit"`
	Prev     *ValueSummary `json:"prev,omitempty"`
	LastYear *ValueSummary `json:"last_year,omitempty"`
	Target   *ValueSummary `json:"target,omitempty"`

	Growth      *ValueSummary  `json:"growth,omitempty"`
	PrevGrowth  *ValueSummary  `json:"prev_growth,omitempty"`
	LastGrowth  *ValueSummary  `json:"last_growth,omitempty"`
	MoM         *ValueSummary  `json:"mom,omitempty"`
	Month       *ValueSummary  `json:"month,omitempty"`
	MonthGrowth *ValueSummary  `json:"month_growth,omitempty"`
	Rank        *ValueSummary  `json:"rank,omitempty"`
	PrevRank    *ValueSummary  `json:"prev_rank,omitempty"`
	Extra       []FieldSummary `json:"extra,omitempty"`

	Note string `json:"note,omitempty"`
	Ref  string `json:"ref"`
}

// FieldSummary is one filled cell of an extra column in a MetricSummary.
type FieldSummary struct {
	Name  string       `json:"name"`
	Value ValueSummary `json:"value"`
}

// InfoSummary is one key of the report sheet in a BookSummary.
type InfoSummary struct {
	Key   string       `json:"key"`
	Value ValueSummary `json:"value"`
}

// TableSummary is one table in a BookSummary.
type TableSummary struct {
	Name    string          `json:"name"`
	Title   string          `json:"title,omitempty"`
	Columns []ColumnSummary `json:"columns"`
	Rows    int             `json:"rows"`
	Ref     string          `json:"ref"`
}

// ColumnSummary is one column of a table in a BookSummary.
type ColumnSummary struct {
	Name string `json:"name"`
	Unit string `json:"unit,omitempty"`
	Ref  string `json:"ref,omitempty"`
}

// ValueSummary is one value in a BookSummary.
type ValueSummary struct {
	Kind   string   `json:"kind"`
	Text   string   `json:"text,omitempty"`
	Number string   `json:"number,omitempty"`
	Ratio  bool     `json:"ratio,omitempty"`
	Date   string   `json:"date,omitempty"`
	Parts  []string `json:"parts,omitempty"`
	Ref    string   `json:"ref,omitempty"`
}

func summarize(v Value) ValueSummary {
	s := ValueSummary{Text: v.String(), Ref: shortRef(v.Ref)}
	switch v.Kind {
	case Number:
		s.Kind, s.Number, s.Ratio = "number", formatGeneral(v.Num), v.Ratio
	case Text:
		s.Kind = "text"
	case Date:
		s.Kind, s.Date = "date", v.Date.Format("2006-01-02")
	case Proportion:
		s.Kind = "proportion"
		for _, p := range v.Parts {
			s.Parts = append(s.Parts, p.String())
		}
	default:
		s.Kind = "empty"
	}
	return s
}

func optional(v Value) *ValueSummary {
	if v.Kind == Empty {
		return nil
	}
	s := summarize(v)
	return &s
}

// shortRef writes a place without the file: “指标!B2”, or the sheet alone.
func shortRef(r Ref) string {
	switch {
	case r.Sheet == "":
		return r.File
	case r.Cell == "":
		return r.Sheet
	}
	return r.Sheet + "!" + r.Cell
}

// metricSummary is one figure for JSON output.
func metricSummary(m *Metric) MetricSummary {
	s := MetricSummary{
		Name: m.Name, Value: summarize(m.Value), Unit: m.Unit,
		Prev: optional(m.Prev), LastYear: optional(m.LastYear), Target: optional(m.Target),
		Growth: optional(m.Growth), PrevGrowth: optional(m.PrevGrowth), LastGrowth: optional(m.LastGrowth),
		MoM: optional(m.MoM), Month: optional(m.Month), MonthGrowth: optional(m.MonthGrowth),
		Rank: optional(m.Rank), PrevRank: optional(m.PrevRank),
		Note: m.Note, Ref: shortRef(m.Ref),
	}
	for _, x := range m.Extra {
		if x.Value.Kind != Empty {
			s.Extra = append(s.Extra, FieldSummary{Name: x.Name, Value: summarize(x.Value)})
		}
	}
	return s
}

// Summary is everything read, for JSON output (a *BookSummary; see there
// for the field names).
func (b *Book) Summary() any {
	s := &BookSummary{File: b.File, Metrics: []MetricSummary{}, Info: []InfoSummary{}, Tables: []TableSummary{}}
	for _, m := range b.Metrics {
		s.Metrics = append(s.Metrics, metricSummary(m))
	}
	for _, e := range b.Info {
		s.Info = append(s.Info, InfoSummary{Key: e.Key, Value: summarize(e.Value)})
	}
	for _, t := range b.Tables {
		ts := TableSummary{Name: t.Name, Title: t.Title, Columns: []ColumnSummary{}, Rows: len(t.Rows), Ref: shortRef(t.Ref)}
		for i, c := range t.Columns {
			cs := ColumnSummary{Name: c}
			if i < len(t.Units) {
				cs.Unit = t.Units[i]
			}
			if i < len(t.ColumnRefs) {
				cs.Ref = shortRef(t.ColumnRefs[i])
			}
			ts.Columns = append(ts.Columns, cs)
		}
		s.Tables = append(s.Tables, ts)
	}
	for _, c := range b.Checks {
		parts := append([]string{}, c.Parts...)
		s.Checks = append(s.Checks, CheckSummary{Name: c.Name, Total: summarize(c.Total), Parts: parts, Note: c.Note, Ref: shortRef(c.Ref)})
	}
	return s
}

// WriteSummary writes what was read for a person: each figure with its
// value, unit and cell (and 上期, 去年同期, 目标, the rates, 当月, ranks and
// extra columns when given, these with their cells), each key of
// the report sheet, each table with its columns and number of rows, and
// each relation of the checks sheet (校验).
func (b *Book) WriteSummary(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "工作簿 %s\n", b.File)

	fmt.Fprintf(bw, "\n指标（%d 项）\n", len(b.Metrics))
	if len(b.Metrics) == 0 {
		fmt.Fprintf(bw, "  （没有指标：工作簿里没有“%s”工作表，或其中没有数据）\n", MetricsSheet)
	}
	var lines [][]string
	for _, m := range b.Metrics {
		lines = append(lines, metricLine(m))
	}
	writeColumns(bw, lines)

	fmt.Fprintf(bw, "\n报告信息（%d 项）\n", len(b.Info))
	if len(b.Info) == 0 {
		fmt.Fprintf(bw, "  （没有报告信息：工作簿里没有“%s”工作表，或其中没有数据）\n", InfoSheet)
	}
	lines = lines[:0]
	for _, e := range b.Info {
		lines = append(lines, []string{e.Key, e.Value.String() + "（" + e.Value.Kind.String() + "）", shortRef(e.Value.Ref)})
	}
	writeColumns(bw, lines)

	fmt.Fprintf(bw, "\n表格（%d 张）\n", len(b.Tables))
	for _, t := range b.Tables {
		fmt.Fprintf(bw, "  %s：%d 行，%d 列（工作表“%s”）\n", t.Name, len(t.Rows), len(t.Columns), t.Ref.Sheet)
		if t.Title != "" {
			fmt.Fprintf(bw, "    标题：%s\n", strings.ReplaceAll(t.Title, "\n", " / "))
		}
		fmt.Fprintf(bw, "    列：%s\n", strings.Join(t.Columns, "、"))
	}
	writeChecks(bw, b.Checks)
	return bw.Flush()
}

// writeChecks lists the relations of the checks sheet, when there are any.
func writeChecks(w io.Writer, checks []Check) {
	if len(checks) == 0 {
		return
	}
	fmt.Fprintf(w, "\n校验（%d 项）\n", len(checks))
	var lines [][]string
	for _, c := range checks {
		parts := strings.Join(c.Parts, "＋")
		if parts == "" {
			parts = "各行"
		}
		lines = append(lines, []string{c.Name, c.Total.String() + " ＝ " + parts, shortRef(c.Ref), c.Note})
	}
	writeColumns(w, lines)
}

// metricLine is one figure in the listing: its name, value with unit,
// cell, and what else its row gives.
func metricLine(m *Metric) []string {
	value, ref := m.Value.String(), m.Value.Ref
	switch {
	case m.Value.Kind == Empty:
		value = "（无数值）"
	case m.Unit != "" && m.Value.Kind == Number && !(m.Value.Ratio && isPercentUnit(m.Unit)):
		value += " " + m.Unit
	}
	if ref.Sheet == "" {
		ref = m.Ref
	}
	return []string{m.Name, value, shortRef(ref), strings.Join(metricDetails(m), "，")}
}

// metricDetails lists what a figure's row gives besides its value: 上期,
// 去年同期 and 目标, then the rates, 当月, ranks and extra columns with their
// cells, then the note.
func metricDetails(m *Metric) []string {
	var details []string
	for _, x := range []Field{{"上期", m.Prev}, {"去年同期", m.LastYear}, {"目标", m.Target}} {
		if x.Value.Kind != Empty {
			details = append(details, x.Name+" "+x.Value.String())
		}
	}
	fields := []Field{
		{"当月", m.Month}, {"增速", m.Growth}, {"当月增速", m.MonthGrowth}, {"上期增速", m.PrevGrowth},
		{"去年同期增速", m.LastGrowth}, {"环比", m.MoM}, {"排名", m.Rank}, {"上期排名", m.PrevRank},
	}
	for _, x := range append(fields, m.Extra...) {
		if x.Value.Kind != Empty {
			details = append(details, x.Name+" "+x.Value.String()+"（"+shortRef(x.Value.Ref)+"）")
		}
	}
	if m.Note != "" {
		details = append(details, "备注："+m.Note)
	}
	return details
}

// writeColumns writes rows of cells aligned in columns, for Chinese text.
func writeColumns(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i == len(r)-1 {
				b.WriteString(c)
				break
			}
			b.WriteString(pad(c, widths[i]+2))
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}
