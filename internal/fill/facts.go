package fill

import (
	"errors"
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// Facts: what the wording guard needs to know about each figure a template
// prints. A function that reads a figure notes the figure's fact; the
// recorder gives what an action printed the facts its functions noted, so
// that after filling, the guard (guard.go) can hold the words the template
// typed beside a figure against the figure's sign.

// sign is the sign of a quantity, or unknown (the zero value).
type sign int8

const (
	unknownSign sign = iota
	negative
	zero
	positive
)

func signOfDecimal(d decimal.Decimal) sign {
	switch d.Sign() {
	case -1:
		return negative
	case 0:
		return zero
	}
	return positive
}

// fact is what the guard knows about a figure.
type fact struct {
	name      string
	level     sign // its growth: the published rate, or the value against 去年同期
	change    sign // rate − the previous period's rate
	widen     sign // |rate| − |previous rate|
	prevLevel sign // the previous period's rate
	count     bool // it counts items: 0 reads wrong
	where     string
	reads     string
}

// run is one execution of a template.
type run struct {
	rec  *recorder
	srcs map[string]string
}

// note records that the action running now read a figure.
func (f *Filler) note(ft fact) {
	if f.run == nil || f.checking {
		return
	}
	f.run.rec.pending = append(f.run.rec.pending, ft)
}

// warn records a problem that does not stop the report, at the action
// running now.
func (f *Filler) warn(msg string) {
	if f.run == nil || f.checking {
		return
	}
	f.run.rec.warn(f.run.srcs, msg)
}

// factOf is the fact of a figure as a view shows it.
func (f *Filler) factOf(v *view) fact {
	ft := fact{name: v.m.Name, count: isCount(v.m.Unit, v.value), where: v.value.Ref.Cell}
	if v.value.Ref.Sheet != "" {
		ft.where = v.value.Ref.Sheet + "!" + v.value.Ref.Cell
	}
	if rate, ok := number(v.rate); ok {
		ft.level, ft.where = signOfDecimal(rate), cellOf(v.rate.Ref)
		ft.reads = f.rateWords(Number{D: rate, Places: v.rate.Places(), Ratio: true}, false, changeOpts{places: -1}, "同比")
		f.compareRates(&ft, rate, v.prevRate())
		return ft
	}
	cur, ok1 := number(v.value)
	base, ok2 := number(v.m.LastYear)
	if ok1 && ok2 && !v.month {
		ft.level = signOfDecimal(cur.Sub(base))
		ft.reads = "为" + v.value.String() + v.m.Unit + "，去年同期为" + v.m.LastYear.String() + v.m.Unit
		ft.where = cellOf(v.value.Ref) + "、" + cellOf(v.m.LastYear.Ref)
	} else if ok1 {
		ft.reads = "为" + v.value.String() + v.m.Unit
	}
	return ft
}

// compareRates fills in how a rate moved from the previous period's.
func (f *Filler) compareRates(ft *fact, rate decimal.Decimal, prev workbook.Value) {
	p, ok := number(prev)
	if !ok {
		return
	}
	ft.prevLevel = signOfDecimal(p)
	ft.change = signOfDecimal(rate.Sub(p))
	ft.widen = signOfDecimal(rate.Abs().Sub(p.Abs()))
	ft.reads += "，上期增速为" + prev.String()
}

// number is a workbook value's number, when it is one.
func number(v workbook.Value) (decimal.Decimal, bool) {
	if v.Kind != workbook.Number {
		return decimal.Decimal{}, false
	}
	return v.Num, true
}

// cellOf writes a cell as messages show it: 指标!D5.
func cellOf(r workbook.Ref) string {
	if r.Sheet == "" {
		return r.Cell
	}
	return r.Sheet + "!" + r.Cell
}

// countUnits are the measure words of figures that count items.
var countUnits = []string{"个", "家", "项", "户", "条", "座", "所", "批", "名", "人", "次", "场", "宗", "件", "款", "台", "套"}

// isCount reports whether a figure with this unit and value counts items.
func isCount(unit string, v workbook.Value) bool {
	if v.Kind != workbook.Number || v.Ratio || !v.Num.IsInteger() {
		return false
	}
	for _, u := range countUnits {
		if unit == u {
			return true
		}
	}
	return false
}

// noteValue notes the fact of a workbook value a template reads: the
// figure's own, for a cell of the 指标 sheet; for a table's cell, the sign
// of a rate (a column of 增速).
func (f *Filler) noteValue(v Value) {
	if f.run == nil || f.checking {
		return
	}
	if m := f.metricOf(v.Ref); m != nil {
		if vw, err := f.view("", m.Name, v.Ref == m.Month.Ref || v.Ref == m.MonthGrowth.Ref); err == nil {
			f.note(f.factOf(vw))
		}
		return
	}
	if d, ok := number(v.cell()); ok && v.Ratio {
		f.note(fact{level: signOfDecimal(d), where: cellOf(v.Ref), reads: "为" + v.Value.String()})
	}
}

// metricOf is the figure a cell of the 指标 sheet belongs to.
func (f *Filler) metricOf(r workbook.Ref) *workbook.Metric {
	if r.Cell == "" || !strings.EqualFold(r.Sheet, workbook.MetricsSheet) && r.Sheet != workbook.MetricsSheet {
		return nil
	}
	for _, m := range f.book.Metrics {
		for _, c := range []workbook.Ref{m.Value.Ref, m.Growth.Ref, m.Month.Ref, m.MonthGrowth.Ref} {
			if c == r {
				return m
			}
		}
	}
	return nil
}

// noteCount notes a count of items printed (计数, 等).
func (f *Filler) noteCount(n int, what string) {
	f.note(fact{count: true, reads: what})
}

// errNoFigure is the error of a figure the workbook lacks, when the
// caller has its own message.
var errNoFigure = errors.New("no such figure")

// quietMark is what {{不检查}} prints: the guard passes over its sentence.
const quietMark = '\uE008'

// quiet is the value of {{不检查}}.
type quiet struct{}

func (quiet) String() string { return string(quietMark) }
