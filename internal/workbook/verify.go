package workbook

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"
)

// Verify evaluates every relation of the checks sheet (see Check) and
// returns one Problem per relation that does not hold — at the relation's
// 校验项 cell, naming every cell involved and the sum — or that cannot be
// evaluated (a figure without a value, text where a number is added). A
// relation holds when the sum and the total differ by at most half a unit
// of the last digit shown by the coarsest of them (100 → 0.5; 7.7 against
// 2.04 and 5.63 → 0.05). Percentages are added in percent.
//
// A relation that fails is not a reason to refuse the workbook: a report
// may still be made, with the problems as warnings.
func (b *Book) Verify() []Problem {
	if b == nil {
		return nil
	}
	var ps []Problem
	for i := range b.Checks {
		ps = append(ps, b.verify(&b.Checks[i])...)
	}
	return ps
}

// verify evaluates one relation by its form.
func (b *Book) verify(c *Check) []Problem {
	if ps := b.checkNames(c, nil); len(ps) > 0 {
		return ps
	}
	if c.Total.Kind == Number {
		return b.verifyNumber(c)
	}
	if m, ok := b.Metric(c.Total.Text); ok {
		return b.verifyFigure(c, m)
	}
	t, _ := b.Table(c.Total.Text)
	return verifyTable(c, t)
}

// term is one value of a sum, with what messages call it.
type term struct {
	label string // the figure's name; "" for a table's cell
	v     Value
}

// where names a term for a message: “开发区产值 2.04（指标!C6）”, or
// the cell alone for a table's cell.
func (t term) where() string {
	if t.label == "" {
		return shortRef(t.v.Ref)
	}
	return t.label + at(t.v.Ref)
}

// at is “（指标!C6）”, or "" for a value built by hand.
func at(r Ref) string {
	if r.Sheet == "" {
		return ""
	}
	return "（" + shortRef(r) + "）"
}

// figureTerms are the values of the figures a check names as its parts.
func (b *Book) figureTerms(c *Check) []term {
	terms := make([]term, len(c.Parts))
	for i, p := range c.Parts {
		m, _ := b.Metric(p)
		terms[i] = term{label: m.Name, v: m.Value}
	}
	return terms
}

// verifyFigure: the figure's 数值 is the sum of the parts' 数值.
func (b *Book) verifyFigure(c *Check, total *Metric) []Problem {
	terms := b.figureTerms(c)
	all := append(terms[:len(terms):len(terms)], term{label: total.Name, v: total.Value})
	if p := addable(c, all); p != nil {
		return []Problem{*p}
	}
	s := sumOf(terms, total.Value)
	if s.holds() {
		return nil
	}
	msg := fmt.Sprintf("%s＝%s，而%s是 %s%s，相差 %s（允许相差 %s）",
		listTerms(terms), s.sumText(), total.Name, total.Value.String(), at(total.Value.Ref), s.gapText(), s.toleranceText())
	return failed(c, msg)
}

// verifyNumber: the parts' 数值 add up to the number, or the parts of the
// one ratio the check names do.
func (b *Book) verifyNumber(c *Check) []Problem {
	terms := b.figureTerms(c)
	if len(terms) == 1 && terms[0].v.Kind == Proportion {
		return verifyRatio(c, terms[0])
	}
	if p := addable(c, terms); p != nil {
		return []Problem{*p}
	}
	s := sumOf(terms, c.Total)
	if s.holds() {
		return nil
	}
	want := c.Total.String()
	if s.percent && !c.Total.Ratio {
		want += "%"
	}
	return failed(c, fmt.Sprintf("%s＝%s，应为 %s（允许相差 %s）", listTerms(terms), s.sumText(), want, s.toleranceText()))
}

// verifyRatio: the parts of a ratio add up to the number.
func verifyRatio(c *Check, ratio term) []Problem {
	parts := make([]term, len(ratio.v.Parts))
	for i, p := range ratio.v.Parts {
		parts[i] = term{v: p}
	}
	s := sumOf(parts, c.Total)
	if s.holds() {
		return nil
	}
	return failed(c, fmt.Sprintf("%s %s%s各项之和为 %s，应为 %s（允许相差 %s）",
		ratio.label, ratio.v.String(), at(ratio.v.Ref), s.sumText(), c.Total.String(), s.toleranceText()))
}

// failed is the problem of a relation that does not hold.
func failed(c *Check, msg string) []Problem {
	return []Problem{{Ref: c.Ref, Msg: quote(c.Name) + "不成立：" + msg}}
}

// cannot is the problem of a relation that cannot be evaluated.
func cannot(c *Check, msg string) *Problem {
	return &Problem{Ref: c.Ref, Msg: quote(c.Name) + "无法校验：" + msg}
}

// listTerms writes the terms of a sum: “开发区产值 2.04（指标!C6）＋乡镇工业产值 5.63（指标!C7）”.
func listTerms(terms []term) string {
	texts := make([]string, len(terms))
	for i, t := range terms {
		texts[i] = t.label + " " + t.v.String() + at(t.v.Ref)
	}
	return strings.Join(texts, "＋")
}

// addable reports the first term that cannot be added — empty, not a
// number — or that is a percentage among numbers that are not.
func addable(c *Check, terms []term) *Problem {
	for _, t := range terms {
		switch t.v.Kind {
		case Number:
		case Empty:
			return cannot(c, t.where()+"是空的")
		default:
			return cannot(c, fmt.Sprintf("%s是%s%s，不能相加", t.where(), t.v.Kind, quote(t.v.String())))
		}
	}
	for _, t := range terms[1:] {
		if t.v.Ratio != terms[0].v.Ratio {
			pct, plain := t, terms[0]
			if plain.v.Ratio {
				pct, plain = plain, pct
			}
			return cannot(c, pct.where()+"是百分数，"+plain.where()+"不是，不能相加")
		}
	}
	return nil
}

// sum is a sum of terms set against its total, in the numbers they show
// (percent for percentages).
type sum struct {
	sum, total decimal.Decimal
	partPlaces int  // the most decimals a term shows: the sum is written with them
	places     int  // the most decimals any shows: the difference is written with them
	coarsest   int  // the fewest decimals any shows: they set the tolerance
	percent    bool // the terms are percentages
}

// sumOf adds the terms, to be compared with total.
func sumOf(terms []term, total Value) sum {
	s := sum{total: shown(total), coarsest: total.Places(), places: total.Places()}
	for i, t := range terms {
		s.sum = s.sum.Add(shown(t.v))
		p := t.v.Places()
		s.partPlaces = max(s.partPlaces, p)
		s.places = max(s.places, p)
		s.coarsest = min(s.coarsest, p)
		s.percent = s.percent || (i == 0 && t.v.Ratio)
	}
	return s
}

// shown is the number a value shows: the percent number of a percentage.
func shown(v Value) decimal.Decimal {
	if v.Ratio {
		return v.Num.Shift(2)
	}
	return v.Num
}

// tolerance is half a unit of the coarsest last digit shown.
func (s sum) tolerance() decimal.Decimal {
	return decimal.New(5, int32(-s.coarsest-1))
}

// holds reports whether the sum and the total differ by no more than the tolerance.
func (s sum) holds() bool {
	return s.sum.Sub(s.total).Abs().LessThanOrEqual(s.tolerance())
}

func (s sum) sumText() string {
	return numberText(s.sum, false, s.partPlaces, s.partPlaces) + s.unit("%")
}

func (s sum) gapText() string {
	return formatFixed(s.sum.Sub(s.total).Abs(), s.places, s.places) + s.unit(" 个百分点")
}

func (s sum) toleranceText() string {
	return formatGeneral(s.tolerance()) + s.unit(" 个百分点")
}

// unit is u for a sum of percentages, "" otherwise.
func (s sum) unit(u string) string {
	if s.percent {
		return u
	}
	return ""
}
