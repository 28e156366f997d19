package scaffold

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/internal/workbook"
)

// sheets writes a starter workbook's sheets with excelize.
type sheets struct {
	f          *excelize.File
	bold, date int
}

// write writes the starter workbook: 报告信息, 指标, a sheet per table and
// 校验, each with its header in bold and its values empty.
func (s *starter) write() ([]byte, error) {
	w, err := newSheets()
	if err != nil {
		return nil, err
	}
	defer w.f.Close()
	steps := []func() error{
		func() error { return w.info(s.book.Info) },
		func() error { return w.metrics(s.metrics, s.valueHeaders()) },
	}
	for _, t := range s.tables {
		steps = append(steps, func() error { return w.sheet(t.Name, t.Columns, s.totalRow(t)) })
	}
	if len(s.checks) > 0 {
		steps = append(steps, func() error { return w.checks(s.checks) })
	}
	for _, step := range append(steps, w.finish) {
		if err := step(); err != nil {
			return nil, err
		}
	}
	buf, err := w.f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func newSheets() (*sheets, error) {
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	ymd := `yyyy"年"m"月"d"日"`
	date, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	if err != nil {
		return nil, err
	}
	return &sheets{f: f, bold: bold, date: date}, nil
}

// sheet adds a sheet: a bold header, then the rows.
func (w *sheets) sheet(name string, header []string, rows [][]any) error {
	if _, err := w.f.NewSheet(name); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = h
	}
	if err := w.f.SetSheetRow(name, "A1", &head); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(max(len(header), 1), 1)
	if err := w.f.SetCellStyle(name, "A1", last, w.bold); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := w.f.SetSheetRow(name, cell, &r); err != nil {
			return err
		}
	}
	for i, h := range header {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := w.f.SetColWidth(name, col, col, float64(max(10, 2*len([]rune(h))+2))); err != nil {
			return err
		}
	}
	return nil
}

// info writes 报告信息: each key, its value empty; a key whose sample value
// was a date gets a date format, so that a date typed there reads as one.
func (w *sheets) info(entries []workbook.InfoEntry) error {
	var rows [][]any
	for _, e := range entries {
		rows = append(rows, []any{e.Key})
	}
	if err := w.sheet(workbook.InfoSheet, []string{"项目", "内容"}, rows); err != nil {
		return err
	}
	for i, e := range entries {
		if e.Value.Kind == workbook.Date {
			cell, _ := excelize.CoordinatesToCellName(2, i+2)
			if err := w.f.SetCellStyle(workbook.InfoSheet, cell, cell, w.date); err != nil {
				return err
			}
		}
	}
	return w.f.SetColWidth(workbook.InfoSheet, "B", "B", 30)
}

// metrics writes 指标: each figure's name and unit, its values empty.
func (w *sheets) metrics(ms []*workbook.Metric, values []string) error {
	var rows [][]any
	for _, m := range ms {
		rows = append(rows, []any{m.Name, m.Unit})
	}
	return w.sheet(workbook.MetricsSheet, append([]string{"名称", "单位"}, values...), rows)
}

// checks writes 校验 as the sample has it.
func (w *sheets) checks(cs []workbook.Check) error {
	var rows [][]any
	for _, c := range cs {
		var total any = c.Total.Text
		if c.Total.Kind == workbook.Number {
			total, _ = c.Total.Num.Float64()
		}
		rows = append(rows, []any{c.Name, total, strings.Join(c.Parts, "、"), c.Note})
	}
	return w.sheet(workbook.ChecksSheet, []string{"校验项", "合计", "各项", "说明"}, rows)
}

// finish drops excelize's first sheet, opens the workbook on 报告信息 and
// dates it as nothing else: the same report type gives the same bytes.
func (w *sheets) finish() error {
	if err := w.f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	if i, err := w.f.GetSheetIndex(workbook.InfoSheet); err == nil {
		w.f.SetActiveSheet(i)
	}
	const epoch = "2000-01-01T00:00:00Z"
	return w.f.SetDocProps(&excelize.DocProperties{Creator: "briefing init", Created: epoch, Modified: epoch})
}
