package workbook

import (
	"fmt"
	"slices"
	"strings"
)

// The columns of the checks sheet (校验).
const (
	cName = iota
	cTotal
	cParts
	cNote
	nCheckColumns
)

var checkHeaders = [nCheckColumns][]string{
	cName:  {"校验项", "名称", "项目"},
	cTotal: {"合计", "总数", "总计", "等于"},
	cParts: {"各项", "组成", "部分", "分项"},
	cNote:  {"说明"},
}

// checkColumn is the column of the checks sheet a header names, or -1.
func checkColumn(header string) int {
	k := fold(cleanName(header))
	for col, names := range checkHeaders {
		if slices.Contains(names, k) {
			return col
		}
	}
	return -1
}

// readChecks reads the checks sheet: a header row with 校验项, 合计 and
// 各项 (and optionally 说明), then one relation per row. The names it uses
// are looked up when the whole workbook is read (see checkNames).
func (b *builder) readChecks(sc *sheetCtx) {
	hi, cols := sc.findChecksHeader()
	if hi < 0 {
		b.ps.add(sc.ref, "找不到表头：应当有一行写着“校验项”“合计”“各项”（可以再加“说明”），其下每行一项校验")
		return
	}
	header := &sc.g.rows[hi]
	b.fill(sc, header.num, header.num)
	seen := map[string]Ref{}
	for i := hi + 1; i < len(sc.g.rows); i++ {
		r := &sc.g.rows[i]
		if r.count() == 0 || sc.repeatsHeader(r, header) {
			continue
		}
		if c, ok := sc.readCheck(cols, r, seen); ok {
			b.book.Checks = append(b.book.Checks, c)
		}
	}
}

// findChecksHeader finds the header row among the first 20 filled rows
// and the column of each of its headers; -1 when there is none.
func (sc *sheetCtx) findChecksHeader() (int, [nCheckColumns]int) {
	for i, seen := 0, 0; i < len(sc.g.rows) && seen < 20; i++ {
		r := &sc.g.rows[i]
		if r.count() == 0 {
			continue
		}
		seen++
		var cols [nCheckColumns]int
		for j := range r.cells {
			if col := checkColumn(sc.display(&r.cells[j])); col >= 0 && cols[col] == 0 {
				cols[col] = r.cells[j].col
			}
		}
		if cols[cName] != 0 && cols[cTotal] != 0 && cols[cParts] != 0 {
			return i, cols
		}
	}
	return -1, [nCheckColumns]int{}
}

// readCheck reads one row of the checks sheet, reporting its problems.
func (sc *sheetCtx) readCheck(cols [nCheckColumns]int, r *rawRow, seen map[string]Ref) (Check, bool) {
	c := Check{Ref: sc.at(cols[cName], r.num), PartsRef: sc.at(cols[cParts], r.num)}
	c.Name = cleanName(sc.display(cellAt(r, cols[cName])))
	if c.Name == "" {
		sc.reportUnnamedCheck(cols, r, c.Ref)
		return c, false
	}
	if first, dup := seen[fold(c.Name)]; dup {
		sc.ps.add(c.Ref, "校验项%s重复，第一次出现在 %s；同一个名称只能有一行", quote(c.Name), first.Cell)
		return c, false
	}
	seen[fold(c.Name)] = c.Ref
	c.Note = trim(sc.display(cellAt(r, cols[cNote])))
	totalOK := sc.checkTotal(&c, cellAt(r, cols[cTotal]), r.num)
	partsOK := sc.checkParts(&c, cellAt(r, cols[cParts]))
	return c, totalOK && partsOK
}

// reportUnnamedCheck reports a row with a 合计 or 各项 but no 校验项.
func (sc *sheetCtx) reportUnnamedCheck(cols [nCheckColumns]int, r *rawRow, ref Ref) {
	for _, col := range []int{cTotal, cParts} {
		if !cellAt(r, cols[col]).blank() {
			sc.ps.add(ref, "这一行填了%s，但“校验项”是空的", checkHeaders[col][0])
			return
		}
	}
}

// checkTotal reads the 合计 of a check: a number, or the name of a figure
// or a table.
func (sc *sheetCtx) checkTotal(c *Check, cell *rawCell, row int) bool {
	v, ok := sc.value(cell, row, unitRule{}, anyValue)
	if !ok {
		return false
	}
	c.Total = v
	switch v.Kind {
	case Number, Text:
		return true
	case Empty:
		sc.ps.add(v.Ref, "%s 的合计是空的：请填一个指标名、一张表（工作表）的名字，或一个数（如 100）", quote(c.Name))
	default:
		sc.ps.add(v.Ref, "%s 不能作合计：请填一个指标名、一张表（工作表）的名字，或一个数（如 100）", quote(v.String()))
	}
	return false
}

// checkParts reads the 各项 of a check: names separated by 、，,＋+ or spaces.
func (sc *sheetCtx) checkParts(c *Check, cell *rawCell) bool {
	if cell.kind != rawText && !cell.blank() {
		sc.ps.add(c.PartsRef, "各项是%s：请写要相加的指标名（或表格的列名），用顿号分开", quote(sc.display(cell)))
		return false
	}
	c.Parts = splitParts(sc.display(cell))
	return true
}

// splitParts splits the text of 各项 into names.
func splitParts(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool {
		return isBlank(r) || strings.ContainsRune("、，,＋+", r)
	})
}

// checkNames finds the figures, table and columns a check names, and
// returns a problem for each one the book lacks, with the closest name.
// Names in refused (folded) are of figures whose rows were refused: their
// problem is reported already.
func (b *Book) checkNames(c *Check, refused map[string]bool) []Problem {
	switch c.Total.Kind {
	case Number:
		return b.partFigureNames(c, refused)
	case Text:
		if _, ok := b.Metric(c.Total.Text); ok {
			return b.partFigureNames(c, refused)
		}
		if t, ok := b.Table(c.Total.Text); ok {
			return b.tableNames(c, t)
		}
		if refused[fold(c.Total.Text)] {
			return nil
		}
		return []Problem{{c.Total.Ref, "合计" + quote(c.Total.Text) + "既不是指标，也不是工作表的名字" + b.hint(c.Total.Text, true)}}
	}
	return []Problem{{c.Total.Ref, fmt.Sprintf("%s 不能作合计：请填一个指标名、一张表（工作表）的名字，或一个数（如 100）", quote(c.Total.String()))}}
}

// partFigureNames checks that the parts of a check are figures.
func (b *Book) partFigureNames(c *Check, refused map[string]bool) []Problem {
	if len(c.Parts) == 0 {
		return []Problem{{c.PartsRef, fmt.Sprintf("%s 的各项是空的：请写要相加的指标名，用顿号分开", quote(c.Name))}}
	}
	var ps []Problem
	for _, p := range c.Parts {
		if _, ok := b.Metric(p); !ok && !refused[fold(p)] {
			ps = append(ps, Problem{c.PartsRef, "各项中的" + quote(p) + "在工作表“指标”中没有" + b.hint(p, false)})
		}
	}
	return ps
}

// tableNames checks that the parts of a check are columns of the table,
// and that the table has a 合计 row.
func (b *Book) tableNames(c *Check, t *Table) []Problem {
	var ps []Problem
	for _, p := range c.Parts {
		if t.Column(p) < 0 {
			msg := "各项中的" + quote(p) + "不是工作表" + quote(t.Name) + "的列"
			if s := t.Suggest(p); s != "" {
				msg += "（是否是 " + s + "？）"
			}
			ps = append(ps, Problem{c.PartsRef, msg})
		}
	}
	if totalRow(t) < 0 {
		ps = append(ps, Problem{c.Total.Ref, "工作表" + quote(t.Name) + "中没有合计行（第一个文字格是“合计”“总计”“全县合计”或“全市合计”的行），无法校验"})
	}
	return ps
}

// hint is “（是否是 X？）” for the figure (or, with tables, the figure or
// table) closest to name, "" when none is close.
func (b *Book) hint(name string, tables bool) string {
	var names []string
	for _, m := range b.Metrics {
		names = append(names, m.Name)
	}
	if tables {
		for _, t := range b.Tables {
			names = append(names, t.Name)
		}
	}
	if s := closest(name, names); s != "" {
		return "（是否是 " + s + "？）"
	}
	return ""
}

// totalWords are the first text of a table's 合计 row, folded.
var totalWords = []string{"合计", "总计", "全县合计", "全市合计"}

// totalRow is the index of the table's 合计 row: the first row whose first
// text cell is 合计, 总计, 全县合计 or 全市合计 (spaces do not count); -1
// when there is none.
func totalRow(t *Table) int {
	for i, r := range t.Rows {
		if IsTotal(firstText(r)) {
			return i
		}
	}
	return -1
}

// subtotalRow reports whether a row is a subtotal (its first text cell
// ends with 小计), which a 合计 already counts.
func subtotalRow(r Row) bool { return IsSubtotal(firstText(r)) }

// IsTotal reports whether the first text cell of a table's row marks its
// 合计 row: 合计, 总计, 全县合计 or 全市合计, spaces and widths aside.
func IsTotal(first string) bool { return slices.Contains(totalWords, fold(first)) }

// IsSubtotal reports whether the first text cell of a row marks a 小计.
func IsSubtotal(first string) bool { return strings.HasSuffix(fold(first), "小计") }

// firstText is the row's first text cell, folded; "" when it has none.
func firstText(r Row) string {
	for _, v := range r.Cells {
		if v.Kind == Text {
			return fold(v.Text)
		}
	}
	return ""
}
