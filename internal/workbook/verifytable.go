package workbook

import "fmt"

// verifyTable: in each column the check names (or, when it names none, in
// each column whose 合计 row holds a number that is not a percentage), the
// table's 合计 row is the sum of its other rows. Subtotal rows (小计) are
// not added: the 合计 counts them already.
func verifyTable(c *Check, t *Table) []Problem {
	ti := totalRow(t)
	cols := tableColumns(c, t, ti)
	if len(cols) == 0 {
		return []Problem{*cannot(c, fmt.Sprintf("工作表%s的合计行%s没有数字：请在“各项”中写出要校验的列", quote(t.Name), at(t.Rows[ti].Ref)))}
	}
	var ps []Problem
	for _, ci := range cols {
		if p := verifyColumn(c, t, ti, ci); p != nil {
			ps = append(ps, *p)
		}
	}
	return ps
}

// tableColumns are the indexes of the columns a table check adds up.
func tableColumns(c *Check, t *Table, ti int) []int {
	var cols []int
	if len(c.Parts) > 0 {
		for _, p := range c.Parts {
			cols = append(cols, t.Column(p))
		}
		return cols
	}
	for ci := range t.Columns {
		if v := cellOf(t.Rows[ti], ci); v.Kind == Number && !v.Ratio {
			cols = append(cols, ci)
		}
	}
	return cols
}

// verifyColumn checks one column of a table against its 合计 row.
func verifyColumn(c *Check, t *Table, ti, ci int) *Problem {
	total := term{v: cellOf(t.Rows[ti], ci)}
	if total.v.Kind != Number {
		return cannot(c, fmt.Sprintf("合计行的%s列%s", quote(t.Columns[ci]), kindText(total)))
	}
	terms, span := columnTerms(t, ti, ci)
	if p := addable(c, append(terms, total)); p != nil {
		return p
	}
	s := sumOf(terms, total.v)
	if s.holds() {
		return nil
	}
	p := failed(c, fmt.Sprintf("工作表%s的%s列，合计行以外各行之和为 %s%s，而合计行是 %s%s，相差 %s（允许相差 %s）",
		quote(t.Name), quote(t.Columns[ci]), s.sumText(), span, total.v.String(), at(total.v.Ref), s.gapText(), s.toleranceText()))
	return &p[0]
}

// kindText says what a cell that should be a number is: “是空的（重点企业!C9）”.
func kindText(t term) string {
	if t.v.Kind == Empty {
		return "是空的" + at(t.v.Ref)
	}
	return fmt.Sprintf("是%s%s%s，不是数字", t.v.Kind, quote(t.v.String()), at(t.v.Ref))
}

// columnTerms are the filled cells of a column outside the 合计 and
// subtotal rows, and the span of the rows they were looked for in:
// “（重点企业!C3:C9）”.
func columnTerms(t *Table, ti, ci int) ([]term, string) {
	var terms []term
	var first, last Ref
	for i, r := range t.Rows {
		if i == ti || subtotalRow(r) {
			continue
		}
		v := cellOf(r, ci)
		if first.Sheet == "" {
			first = v.Ref
		}
		last = v.Ref
		if v.Kind != Empty {
			terms = append(terms, term{v: v})
		}
	}
	return terms, span(first, last)
}

// span writes the cells from first to last: “（重点企业!C3:C9）”.
func span(first, last Ref) string {
	switch {
	case first.Sheet == "":
		return ""
	case first.Cell == last.Cell:
		return at(first)
	}
	return "（" + shortRef(first) + ":" + last.Cell + "）"
}

// cellOf is the row's value in column ci; empty when a row built by hand
// has fewer cells.
func cellOf(r Row, ci int) Value {
	if ci < len(r.Cells) {
		return r.Cells[ci]
	}
	return Value{}
}
