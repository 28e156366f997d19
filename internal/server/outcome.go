package server

import (
	"errors"
	"strings"
	"time"

	"briefing/internal/compare"
	"briefing/internal/report"
	"briefing/internal/workbook"
	"briefing/internal/workspace"
)

// outcome is what one build found and made, as the page shows it.
type outcome struct {
	Gen      int
	Source   source
	At       time.Time
	Took     time.Duration
	Problems []problem // what stopped the build; none when it was built
	Warnings []problem
	// Reminders are the figures and tables no template uses.
	Reminders []string
	Figures   []figure
	Info      []figure
	Tables    []table
	Entry     *workspace.Entry // the archived build; nil when it failed
	Pages     int
	Base      *workspace.Entry // the build it is compared with
	Diff      *compare.Result
	DiffError string // why the comparison could not be made
}

// problem is one problem or warning: where, and what.
type problem struct {
	Where string // sheet and cell, or template file and line
	What  string
}

// figure is one value read from the workbook.
type figure struct {
	Name, Value, Unit, Growth, Cell string
}

// table is one table read from the workbook.
type table struct {
	Name, Sheet string
	Columns     string
	Rows        int
}

func (o *outcome) failed() bool { return len(o.Problems) > 0 }

func (o *outcome) done(started time.Time) *outcome {
	o.Took = time.Since(started)
	return o
}

// fail records what stopped the build, one problem per place.
func (o *outcome) fail(err error) {
	var we *workbook.Error
	var ps report.Problems
	switch {
	case errors.As(err, &we):
		for _, p := range we.Problems {
			o.Problems = append(o.Problems, problem{Where: p.Ref.String(), What: p.Msg})
		}
	case errors.As(err, &ps):
		for _, e := range ps {
			o.Problems = append(o.Problems, lines(e.Error())...)
		}
	default:
		o.Problems = append(o.Problems, lines(err.Error())...)
	}
}

// warn records the warnings of a filled report.
func (o *outcome) warn(ws []string) {
	for _, w := range ws {
		o.Warnings = append(o.Warnings, lines(w)...)
	}
}

// lines splits a message into its problems, one a line, each into its
// place (before the first colon) and what is wrong.
func lines(msg string) []problem {
	var out []problem
	for _, l := range strings.Split(strings.TrimSpace(msg), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		where, what, ok := strings.Cut(l, "：")
		if !ok || len([]rune(where)) > 80 {
			where, what = "", l
		}
		out = append(out, problem{Where: where, What: what})
	}
	return out
}

// read records the figures of the workbook.
func (o *outcome) read(b *workbook.Book) {
	for _, m := range b.Metrics {
		o.Figures = append(o.Figures, figure{Name: m.Name, Value: m.Value.String(), Unit: m.Unit,
			Growth: m.Growth.String(), Cell: cellOf(m.Value.Ref, m.Ref)})
	}
	for _, e := range b.Info {
		o.Info = append(o.Info, figure{Name: e.Key, Value: e.Value.String(), Cell: cellOf(e.Value.Ref, workbook.Ref{})})
	}
	for _, t := range b.Tables {
		o.Tables = append(o.Tables, table{Name: t.Name, Sheet: t.Ref.Sheet, Columns: strings.Join(t.Columns, "、"), Rows: len(t.Rows)})
	}
}

// cellOf is where a value is, as “指标!B3”.
func cellOf(r, fallback workbook.Ref) string {
	if r.Cell == "" {
		r = fallback
	}
	if r.Cell == "" {
		return r.Sheet
	}
	return r.Sheet + "!" + r.Cell
}

// compare compares the build with base, the one before it.
func (o *outcome) compare(base *workspace.Entry, book *workbook.Book, txt string) {
	o.Base = base
	if base == nil {
		return
	}
	old, oldTxt, err := bookOf(base)
	if err != nil {
		o.DiffError = "无法读取上次的工作簿：" + err.Error()
		return
	}
	o.Diff = compare.Compare(old, book, oldTxt, txt)
}
