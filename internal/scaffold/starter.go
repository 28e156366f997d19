package scaffold

import (
	"strings"

	"briefing/internal/report"
	"briefing/internal/workbook"
)

// counts are what a starter workbook lists.
type counts struct{ figures, keys, tables, checks int }

// starterWorkbook is the workbook of a new report type: the report's
// sample workbook less what no template uses, every value empty, the units
// kept.
func starterWorkbook(rep *report.Report) ([]byte, counts, error) {
	book, err := rep.Workbook("")
	if err != nil {
		return nil, counts{}, err
	}
	filled, err := rep.Fill(book)
	if err != nil {
		return nil, counts{}, err
	}
	s := newStarter(book, filled.Unused)
	data, err := s.write()
	return data, s.counts(), err
}

// starter is what a starter workbook holds.
type starter struct {
	book    *workbook.Book
	metrics []*workbook.Metric
	tables  []*workbook.Table
	checks  []workbook.Check
}

// newStarter keeps the figures and tables of book that unused (lines of
// report.Filled.Unused, each led by the figure's or table's place) does
// not name, and the checks on them alone.
func newStarter(book *workbook.Book, unused []string) *starter {
	used := func(ref workbook.Ref) bool {
		for _, u := range unused {
			if strings.HasPrefix(u, ref.String()+"：") {
				return false
			}
		}
		return true
	}
	s := &starter{book: book}
	for _, m := range book.Metrics {
		if used(m.Ref) {
			s.metrics = append(s.metrics, m)
		}
	}
	for _, t := range book.Tables {
		if used(tableRef(book, t)) {
			s.tables = append(s.tables, t)
		}
	}
	for _, c := range book.Checks {
		if s.keeps(c) {
			s.checks = append(s.checks, c)
		}
	}
	return s
}

// tableRef is where Unused places a table.
func tableRef(book *workbook.Book, t *workbook.Table) workbook.Ref {
	if t.Ref.Sheet == "" {
		return workbook.Ref{File: book.File, Sheet: t.Name}
	}
	return t.Ref
}

// keeps tells whether every name a check uses is a figure or a table kept
// (or a column of the table it totals).
func (s *starter) keeps(c workbook.Check) bool {
	var table *workbook.Table
	if c.Total.Kind == workbook.Text {
		table = s.table(c.Total.Text)
		if table == nil && s.metric(c.Total.Text) == nil {
			return false
		}
	}
	for _, p := range c.Parts {
		if table != nil && table.Column(p) < 0 || table == nil && s.metric(p) == nil {
			return false
		}
	}
	return true
}

func (s *starter) metric(name string) *workbook.Metric {
	for _, m := range s.metrics {
		if m.Name == strings.TrimSpace(name) {
			return m
		}
	}
	return nil
}

func (s *starter) table(name string) *workbook.Table {
	for _, t := range s.tables {
		if t.Name == strings.TrimSpace(name) {
			return t
		}
	}
	return nil
}

func (s *starter) counts() counts {
	return counts{figures: len(s.metrics), keys: len(s.book.Info), tables: len(s.tables), checks: len(s.checks)}
}

// metricColumn is a column of the metrics sheet: its header, and the value
// of a figure in it.
type metricColumn struct {
	header string
	value  func(*workbook.Metric) workbook.Value
}

// metricColumns are the columns of the metrics sheet that hold values, in
// the order a starter workbook writes them.
var metricColumns = []metricColumn{
	{"数值", func(m *workbook.Metric) workbook.Value { return m.Value }},
	{"当月", func(m *workbook.Metric) workbook.Value { return m.Month }},
	{"增速", func(m *workbook.Metric) workbook.Value { return m.Growth }},
	{"当月增速", func(m *workbook.Metric) workbook.Value { return m.MonthGrowth }},
	{"上期增速", func(m *workbook.Metric) workbook.Value { return m.PrevGrowth }},
	{"去年同期增速", func(m *workbook.Metric) workbook.Value { return m.LastGrowth }},
	{"环比", func(m *workbook.Metric) workbook.Value { return m.MoM }},
	{"排名", func(m *workbook.Metric) workbook.Value { return m.Rank }},
	{"上期排名", func(m *workbook.Metric) workbook.Value { return m.PrevRank }},
	{"上期", func(m *workbook.Metric) workbook.Value { return m.Prev }},
	{"去年同期", func(m *workbook.Metric) workbook.Value { return m.LastYear }},
	{"目标", func(m *workbook.Metric) workbook.Value { return m.Target }},
}

// valueHeaders are the headers of the value columns the kept figures fill
// in the sample: the known columns, then the others (全市增速 …) in the
// order met, marked （%） when they hold percentages.
func (s *starter) valueHeaders() []string {
	var headers []string
	for _, c := range metricColumns {
		for _, m := range s.metrics {
			if c.value(m).Kind != workbook.Empty {
				headers = append(headers, c.header)
				break
			}
		}
	}
	seen := map[string]bool{}
	for _, m := range s.metrics {
		for _, f := range m.Extra {
			if f.Value.Kind == workbook.Empty || seen[f.Name] {
				continue
			}
			seen[f.Name] = true
			h := f.Name
			if f.Value.Ratio && !strings.HasSuffix(h, "%）") {
				h += "（%）"
			}
			headers = append(headers, h)
		}
	}
	return headers
}

// totalRow is the 合计 row of a table a check totals (校验 needs it to
// check the table), the clerk's rows to go above it; none for the others.
func (s *starter) totalRow(t *workbook.Table) [][]any {
	for _, c := range s.checks {
		if c.Total.Kind == workbook.Text && s.table(c.Total.Text) == t {
			return [][]any{{"合计"}}
		}
	}
	return nil
}
