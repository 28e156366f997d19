package workbook

import (
	"slices"
	"strings"
)

// readMetrics reads the metrics sheet: a header row (see metricLayout),
// then one figure per row. Rows above the header (a title) are skipped,
// and so are empty rows and rows that repeat the header.
func (b *builder) readMetrics(sc *sheetCtx) {
	hi := findMetricHeader(sc)
	if hi < 0 {
		b.ps.add(sc.ref, "找不到表头：应当有一行写着“名称”“数值”“单位”（可以再加“上期”“去年同期”“目标”“备注”），其下每行一个指标")
		return
	}
	l := sc.metricLayout(&sc.g.rows[hi])
	if l.cols[fUnit] == 0 {
		b.ps.add(sc.ref, "表头（第 %d 行）缺少“单位”列；没有单位的指标，单位格留空即可", l.row.num)
	}
	b.fill(sc, l.row.num, l.row.num)
	seen := map[string]Ref{}
	for i := hi + 1; i < len(sc.g.rows); i++ {
		r := &sc.g.rows[i]
		if r.count() == 0 || sc.repeatsHeader(r, l.row) {
			continue
		}
		if m := b.readMetric(sc, l, r, seen); m != nil {
			b.book.Metrics = append(b.book.Metrics, m)
		}
	}
}

// readMetric reads one row of the metrics sheet; nil when it is not a
// figure (no name) or has a problem, which it reports.
func (b *builder) readMetric(sc *sheetCtx, l *metricLayout, r *rawRow, seen map[string]Ref) *Metric {
	nameRef := sc.at(l.cols[fName], r.num)
	name := cleanName(sc.display(l.cell(r, fName)))
	if name == "" {
		sc.reportNameless(l, r, nameRef)
		return nil
	}
	if first, dup := seen[fold(name)]; dup {
		b.ps.add(nameRef, "指标名%s重复，第一次出现在 %s；同一个名称只能有一行", quote(name), first.Cell)
		return nil
	}
	seen[fold(name)] = nameRef
	b.named[fold(name)] = true
	m := &Metric{Name: name, Ref: nameRef}
	m.Unit = cleanName(sc.display(l.cell(r, fUnit)))
	m.Note = trim(sc.display(l.cell(r, fNote)))
	ok := sc.readMetricValues(l, r, m)
	m.Extra = sc.readExtras(l, r)
	if !ok {
		return nil
	}
	return m
}

// cell is the row's cell in the column of field f; an empty cell when the
// row or the sheet has none.
func (l *metricLayout) cell(r *rawRow, f int) *rawCell {
	return cellAt(r, l.cols[f])
}

// cellAt is the row's cell in column col, empty when there is none.
func cellAt(r *rawRow, col int) *rawCell {
	if c, ok := r.cell(col); ok {
		return c
	}
	return &rawCell{col: col}
}

// reportNameless reports a row with figures but no name.
func (sc *sheetCtx) reportNameless(l *metricLayout, r *rawRow, ref Ref) {
	for _, f := range l.order {
		if metricColumns[f].field != nil && !l.cell(r, f).blank() {
			sc.ps.add(ref, "这一行填了%s，但“名称”是空的", l.texts[f])
			return
		}
	}
}

// readMetricValues reads the row's values into m. It reports whether all
// could be read and the row has a value or a rate.
func (sc *sheetCtx) readMetricValues(l *metricLayout, r *rawRow, m *Metric) bool {
	var failed [nFields]bool
	ok := true
	for _, f := range l.order {
		col := metricColumns[f]
		if col.field == nil {
			continue
		}
		v, good := sc.metricCell(l.cell(r, f), r.num, col.as, m.Unit, l.texts[f])
		*col.field(m) = v
		failed[f] = !good
		ok = ok && good
	}
	return sc.hasValue(l, m, failed) && ok
}

// metricCell reads one cell of a figure's row as its column wants it.
func (sc *sheetCtx) metricCell(c *rawCell, row int, as readAs, unit, header string) (Value, bool) {
	figure := unitRule{unit: unit, where: "“单位”列", strict: true}
	switch as {
	case asFigure:
		return sc.value(c, row, figure, numberOrProportion)
	case asMonth:
		return sc.value(c, row, figure, numberOnly)
	case asRate:
		return sc.value(c, row, unitRule{unit: "%", where: quote(header) + "列", strict: true}, numberOnly)
	}
	return sc.rank(c, row)
}

// rank reads a rank: a positive whole number (3; not 第3位, 3.5 or 0).
func (sc *sheetCtx) rank(c *rawCell, row int) (Value, bool) {
	v, ok := sc.value(c, row, unitRule{}, anyValue)
	if !ok || v.Kind == Empty {
		return v, ok
	}
	if v.Kind == Number && !v.Ratio && v.Num.IsInteger() && v.Num.IsPositive() {
		v.Text = formatGeneral(v.Num)
		return v, true
	}
	sc.ps.add(v.Ref, "%s 不是排名：排名只填正整数，如 3", quote(v.String()))
	return Value{Ref: v.Ref}, false
}

// hasValue reports whether a figure has a value or a rate (数值, 增速, 当月
// or 当月增速), reporting the row when it has none. A cell that could not
// be read counts as filled: its problem is reported already.
func (sc *sheetCtx) hasValue(l *metricLayout, m *Metric, failed [nFields]bool) bool {
	var empty []int
	for _, f := range l.order {
		if !slices.Contains(valueFields, f) {
			continue
		}
		if failed[f] || metricColumns[f].field(m).Kind != Empty {
			return true
		}
		empty = append(empty, f)
	}
	if len(empty) == 0 {
		return true // not reached: the header has one of them (see isMetricHeader)
	}
	sc.reportNoValue(l, m, empty)
	return false
}

// reportNoValue reports a figure whose value and rates are all empty, at
// the first of their cells, naming their columns as the header does.
func (sc *sheetCtx) reportNoValue(l *metricLayout, m *Metric, empty []int) {
	ref := metricColumns[empty[0]].field(m).Ref
	if len(empty) == 1 {
		sc.ps.add(ref, "%s 的%s是空的；没有数就删掉这一行，或在备注里说明", quote(m.Name), l.texts[empty[0]])
		return
	}
	texts := make([]string, len(empty))
	for i, f := range empty {
		texts[i] = l.texts[f]
	}
	sc.ps.add(ref, "%s 的%s都是空的；至少填写其中一项，没有数就删掉这一行", quote(m.Name), strings.Join(texts, "、"))
}

// readExtras reads the row's cells of the extra columns, as they are.
func (sc *sheetCtx) readExtras(l *metricLayout, r *rawRow) []Field {
	if len(l.extras) == 0 {
		return nil
	}
	fields := make([]Field, len(l.extras))
	for i, x := range l.extras {
		fields[i] = Field{Name: x.name, Value: sc.lenientValue(cellAt(r, x.col), r.num, x.rule)}
	}
	return fields
}

// lenientValue reads a cell as it is and never refuses it: what cannot
// be read under the rule (a unit that differs, an error value) is its text.
func (sc *sheetCtx) lenientValue(c *rawCell, row int, u unitRule) Value {
	quiet := *sc
	quiet.ps = &problems{}
	if v, ok := quiet.value(c, row, u, anyValue); ok {
		return v
	}
	ref := sc.at(c.col, row)
	if c.kind == rawFailed {
		return Value{Ref: ref}
	}
	return Value{Kind: Text, Text: sc.display(c), Ref: ref}
}
