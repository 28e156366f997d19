package fill

import (
	"fmt"
	"reflect"
	"sort"
	"strings"
	"text/template"

	"briefing/internal/workbook"
)

// funcMap is the template language's function library; templates/README.md
// documents every function with an example.
func (f *Filler) funcMap() template.FuncMap {
	return template.FuncMap{
		// 取数
		"值":    f.valueOf,
		"单位":   f.unit,
		"带单位":  f.withUnit,
		"上期":   func(name string) (Value, error) { return f.sideValue("上期", name, sidePrev) },
		"同期":   func(name string) (Value, error) { return f.sideValue("同期", name, sideLastYear) },
		"去年同期": func(name string) (Value, error) { return f.sideValue("去年同期", name, sideLastYear) },
		"目标":   func(name string) (Value, error) { return f.sideValue("目标", name, sideTarget) },
		"有上期":  func(name string) (bool, error) { return f.hasSide("有上期", name, sidePrev) },
		"有同期":  func(name string) (bool, error) { return f.hasSide("有同期", name, sideLastYear) },
		"有目标":  func(name string) (bool, error) { return f.hasSide("有目标", name, sideTarget) },
		"信息":   f.info,
		"表":    f.table,
		"列":    f.column,
		"格":    f.cell,
		"首":    func(x any) (Row, error) { return end("首", x, true) },
		"末":    func(x any) (Row, error) { return end("末", x, false) },
		"有":    has,

		// 数字
		"保留":   fixed,
		"去零":   trimZeros,
		"换算":   convert,
		"加":    arith("加"),
		"减":    arith("减"),
		"乘":    arith("乘"),
		"除":    arith("除"),
		"中文数":  chineseNumeral,
		"中文个数": countNumeral,
		"第":    ordinal,
		"位次":   rankWords,
		"百分比":  percent,
		"占比":   f.share,
		"完成率":  func(name string, digits ...any) (Number, error) { return f.completion("完成率", name, digits) },
		"完成目标": f.completionWords,
		"排名":   f.rank,

		// 增减
		"增减":  change,
		"增减量": changeAmount,
		"同比": func(name string, opts ...any) (Text, error) {
			return f.compare("同比", name, sideLastYear, false, opts)
		},
		"环比": func(name string, opts ...any) (Text, error) { return f.compare("环比", name, sidePrev, false, opts) },
		"同比量": func(name string, opts ...any) (Text, error) {
			return f.compare("同比量", name, sideLastYear, true, opts)
		},
		"环比量": func(name string, opts ...any) (Text, error) {
			return f.compare("环比量", name, sidePrev, true, opts)
		},
		"增幅变化": f.rateShift,
		"增速":   f.rateValue,
		"增长": func(name string, opts ...any) (Text, error) {
			return f.growthText("增长", "", name, opts)
		},
		"绝对值":    f.absolute,
		"分别增长":   f.respectively,
		"对比":     f.contrast,
		"名次":     f.rankText,
		"超":      func(x any, step ...any) (Text, error) { return f.approx("超", x, step) },
		"逾":      func(x any, step ...any) (Text, error) { return f.approx("逾", x, step) },
		"近":      func(x any, step ...any) (Text, error) { return f.approx("近", x, step) },
		"不检查":    func() quiet { return quiet{} },
		"比例":     f.proportion,
		"比值":     f.quotient,
		"比例变化":   f.ratioChange,
		"printf": boundedPrintf,
		"表格":     f.tableText,
		"明细":     f.details,
		"合计行":    f.totalRowOf,

		// 名单
		"顿号": func(x any) (Text, error) { return join("顿号", x, "") },
		"和":  func(x any) (Text, error) { return join("和", x, "和") },
		"及":  func(x any) (Text, error) { return join("及", x, "及") },
		"等":  etc,
		"计数": func(x any) (int, error) {
			n, err := count(x)
			if err == nil {
				f.noteCount(n, "")
			}
			return n, err
		},
		"合计": sum,
		"平均": average,
		"最大": func(x any, col ...any) (any, error) { return f.extreme("最大", x, col, 1) },
		"最小": func(x any, col ...any) (any, error) { return f.extreme("最小", x, col, -1) },
		"筛选": func(rows any, col string, want any) (Rows, error) {
			return f.filter("筛选", rows, col, want, opEqual)
		},
		"包含": func(rows any, col string, want any) (Rows, error) {
			return f.filter("包含", rows, col, want, opContains)
		},
		"等于": func(args ...any) (any, error) { return f.compareOrFilter("等于", opEqual, args) },
		"大于": func(args ...any) (any, error) { return f.compareOrFilter("大于", opGreater, args) },
		"小于": func(args ...any) (any, error) { return f.compareOrFilter("小于", opLess, args) },
		"不小于": func(args ...any) (any, error) {
			return f.compareOrFilter("不小于", opAtLeast, args)
		},
		"不大于": func(args ...any) (any, error) {
			return f.compareOrFilter("不大于", opAtMost, args)
		},
		"降序": func(rows any, col string) (Rows, error) { return f.sortRows("降序", rows, col, true) },
		"排序": func(rows any, col string) (Rows, error) { return f.sortRows("排序", rows, col, true) },
		"升序": func(rows any, col string) (Rows, error) { return f.sortRows("升序", rows, col, false) },
		"前":  firstN,
		"去重": unique,
		"全同": allEqual,

		// 日期
		"日期":   formatDate,
		"年月":   formatYearMonth,
		"月日":   formatMonthDay,
		"月":    formatMonth,
		"年":    formatYear,
		"年度":   formatYearOf,
		"季度":   formatQuarter,
		"半年":   formatHalf,
		"月份段":  f.monthRange,
		"期间":   f.period,
		"上期间":  f.prevPeriod,
		"月数":   f.monthCount,
		"时序进度": f.progress,
	}
}

// Figures.

// lookupMetric finds a figure, or says it is missing and what is closest.
func (f *Filler) lookupMetric(name string) (*workbook.Metric, error) {
	m, ok := f.book.Metric(name)
	if !ok {
		return nil, nameError(f.book.MissingMetric(name))
	}
	f.used[m] = true
	return m, nil
}

func (f *Filler) metricValue(name string) (Value, error) {
	m, err := f.lookupMetric(name)
	if err != nil {
		return Value{}, err
	}
	if m.Value.Kind == workbook.Empty {
		return Value{}, fmt.Errorf("%s指标“%s”的数值是空的", at(m.Value.Ref), m.Name)
	}
	return val(m.Value), nil
}

// metricNumber is a figure's value as a number for fn.
func (f *Filler) metricNumber(fn, name string) (Number, error) {
	v, err := f.metricValue(name)
	if err != nil {
		return Number{}, err
	}
	return toNumber(fn, v)
}

// unit is 单位: a figure's unit ({{单位 "签约金额"}} → 亿元), or the unit in
// a column's header ({{单位 (表 "融资联保") "担保金额"}} → 万元).
func (f *Filler) unit(x any, col ...string) (Text, error) {
	if len(col) == 0 {
		name, ok := x.(string)
		if !ok {
			return "", kindError("单位 需要指标名，或者一张表和列名，这里给的是%s", kindName(x))
		}
		m, err := f.lookupMetric(name)
		if err != nil {
			return "", err
		}
		return Text(m.Unit), nil
	}
	if len(col) > 1 {
		return "", kindError("单位 最多有两个参数：一张表和列名")
	}
	rows, err := toRows("单位", x)
	if err != nil {
		return "", err
	}
	t := f.tableOfRows(rows)
	if t == nil {
		return "", fmt.Errorf("单位：表中没有任何一行，无法找到“%s”列", col[0])
	}
	i := t.Column(col[0])
	if i < 0 {
		return "", nameError(t.MissingColumn(col[0]))
	}
	if i < len(t.Units) && t.Units[i] != "" {
		return Text(t.Units[i]), nil
	}
	return "", kindError("%s 的“%s”列的表头没有写单位（应写作“%s（万元）”这样）", t.Ref, t.Columns[i], t.Columns[i])
}

// withUnit is 带单位: a figure's value followed by its unit, 82.8亿元 (a
// percentage is written once, 5.2%), or another of its columns ({{带单位
// "产值" "当月"}}); or the values of a table's column with the column's
// unit, 2.04亿元、5.63亿元.
func (f *Filler) withUnit(x any, col ...string) (Text, error) {
	if l, ok := x.(List); ok && len(col) == 0 {
		return f.listWithUnit(l)
	}
	name, ok := x.(string)
	if !ok {
		return "", kindError("带单位 需要指标名，或者表中的一列值（用 列 取出），这里给的是%s", kindName(x))
	}
	v, err := f.valueOf(name, col...)
	if err != nil {
		return "", err
	}
	m, _ := f.book.Metric(name)
	return Text(unitText(v.cell(), m.Unit)), nil
}

// unitText writes a value and its unit; a percentage is written once, a
// ratio without one.
func unitText(v workbook.Value, unit string) string {
	s := v.String()
	if v.Ratio || v.Kind != workbook.Number {
		return s
	}
	return s + unit
}

// listWithUnit writes the values of a column with the unit of its header.
func (f *Filler) listWithUnit(l List) (Text, error) {
	unit := ""
	if len(l) > 0 {
		unit = f.columnUnit(l[0].Ref)
	}
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = unitText(v.cell(), unit)
	}
	if len(parts) == 0 {
		f.warn("带单位：这一列是空的（或筛选后没有一行），这句话会缺少数字；可以用 {{if 有 …}} 在没有时改写这句")
	}
	return Text(strings.Join(parts, "、")), nil
}

// columnUnit is the unit in the header of the table column a cell is in.
func (f *Filler) columnUnit(r workbook.Ref) string {
	for _, t := range f.book.Tables {
		if t.Ref.Sheet != r.Sheet {
			continue
		}
		for _, row := range t.Rows {
			for j, c := range row.Cells {
				if c.Ref == r && j < len(t.Units) {
					return t.Units[j]
				}
			}
		}
	}
	return ""
}

// valueOf is 值: a figure's value, or another column of its row: 当月,
// 增速, 上期增速, 排名, or any other column such as 全市增速.
func (f *Filler) valueOf(name string, col ...string) (Value, error) {
	if len(col) > 1 {
		return Value{}, kindError("值 最多有两个参数：指标名和列名（如 \"当月\"、\"增速\"、\"全市增速\"）")
	}
	if len(col) == 0 {
		v, err := f.metricValue(name)
		if err == nil {
			f.noteValue(v)
		}
		return v, err
	}
	m, err := f.lookupMetric(name)
	if err != nil {
		return Value{}, err
	}
	cell, label, err := metricColumn(m, col[0])
	if err != nil {
		return Value{}, err
	}
	if cell.IsEmpty() {
		return Value{}, fmt.Errorf("%s指标“%s”的%s是空的", at(cell.Ref), m.Name, label)
	}
	f.noteValue(val(cell))
	return val(cell), nil
}

// metricColumn finds a column of a figure's row by the name a template
// gives it.
func metricColumn(m *workbook.Metric, col string) (workbook.Value, string, error) {
	switch strings.TrimSpace(col) {
	case "数值", "累计":
		return m.Value, "数值", nil
	case "当月", "本月":
		return m.Month, "当月", nil
	case "增速", "累计增速", "同比增速":
		return m.Growth, "增速", nil
	case "当月增速", "本月增速":
		return m.MonthGrowth, "当月增速", nil
	case "上期增速", "上月增速":
		return m.PrevGrowth, "上期增速", nil
	case "去年同期增速", "上年同期增速":
		return m.LastGrowth, "去年同期增速", nil
	case "环比", "环比增速":
		return m.MoM, "环比", nil
	case "排名":
		return m.Rank, "排名", nil
	case "上期排名", "上月排名":
		return m.PrevRank, "上期排名", nil
	case "上期":
		return m.Prev, "上期", nil
	case "去年同期", "上年同期", "同期":
		return m.LastYear, "去年同期", nil
	case "目标":
		return m.Target, "目标", nil
	}
	if x, ok := extraField(m, col); ok {
		return x.Value, x.Name, nil
	}
	return workbook.Value{}, "", kindError("%s 指标“%s”没有“%s”这一列（可用：当月、增速、当月增速、上期增速、去年同期增速、环比、排名、上期排名、上期、去年同期、目标%s）", m.Ref, m.Name, col, extraNames(m))
}

type side int

const (
	sidePrev side = iota
	sideLastYear
	sideTarget
)

var sideNames = [...]string{sidePrev: "上期", sideLastYear: "去年同期", sideTarget: "目标"}

func (s side) of(m *workbook.Metric) workbook.Value {
	switch s {
	case sidePrev:
		return m.Prev
	case sideLastYear:
		return m.LastYear
	}
	return m.Target
}

// missingSide is the message for a figure whose 上期, 去年同期 or 目标 is
// empty, for function fn.
func missingSide(fn string, m *workbook.Metric, s side) error {
	v := s.of(m)
	hint := fmt.Sprintf("；没有数时可以写 {{if 有%s \"%s\"}}……{{end}}，只在有数时写这句", strings.TrimPrefix(sideNames[s], "去年"), m.Name)
	if v.Ref.Sheet == "" {
		return fmt.Errorf("%s 的“指标”表中没有“%s”列，%s 无法取得指标“%s”的%s", m.Ref.File, sideNames[s], fn, m.Name, sideNames[s])
	}
	return fmt.Errorf("%s指标“%s”的%s是空的，%s 需要它%s", at(v.Ref), m.Name, sideNames[s], fn, hint)
}

// side is a figure's 上期, 去年同期 or 目标 as a number for fn.
func (f *Filler) side(fn string, m *workbook.Metric, s side) (Number, error) {
	v := s.of(m)
	if v.Kind == workbook.Empty {
		return Number{}, missingSide(fn, m, s)
	}
	return toNumber(fn, val(v))
}

func (f *Filler) sideValue(fn, name string, s side) (Value, error) {
	m, err := f.lookupMetric(name)
	if err != nil {
		return Value{}, err
	}
	v := s.of(m)
	if v.Kind == workbook.Empty {
		return Value{}, missingSide(fn, m, s)
	}
	return val(v), nil
}

func (f *Filler) hasSide(fn, name string, s side) (bool, error) {
	m, err := f.lookupMetric(name)
	if err != nil {
		return false, err
	}
	return s.of(m).Kind != workbook.Empty, nil
}

func (f *Filler) info(key string) (Value, error) {
	v, ok := f.book.InfoValue(key)
	if !ok {
		return Value{}, nameError(f.book.MissingInfo(key))
	}
	if v.Kind == workbook.Empty {
		return Value{}, fmt.Errorf("%s报告信息“%s”是空的", at(v.Ref), key)
	}
	return val(v), nil
}

// Tables.

func (f *Filler) table(name string) (Rows, error) {
	t, ok := f.book.Table(name)
	if !ok {
		return nil, nameError(f.book.MissingTable(name))
	}
	f.usedTables[t] = true
	if rows, ok := f.tables[t]; ok {
		return rows, nil
	}
	// The rows share their cells with the workbook (no Value is changed in
	// place): a row of three columns then takes about 250 bytes, not 700.
	rows := make(Rows, 0, len(t.Rows))
	for ri := range t.Rows {
		r := &t.Rows[ri]
		row := make(Row, len(t.Columns))
		for i, c := range t.Columns {
			if i < len(r.Cells) {
				row[c] = Value{Value: &r.Cells[i]}
			} else {
				row[c] = val(workbook.Value{Ref: r.Ref})
			}
		}
		f.rowTable[reflect.ValueOf(row).Pointer()] = t
		rows = append(rows, row)
	}
	f.tables[t] = rows
	return rows, nil
}

// tableOf is the table a row was read from, nil for a row a template built.
func (f *Filler) tableOf(r Row) *workbook.Table {
	if r == nil {
		return nil
	}
	return f.rowTable[reflect.ValueOf(r).Pointer()]
}

func (f *Filler) tableOfRows(rows Rows) *workbook.Table {
	for _, r := range rows {
		if t := f.tableOf(r); t != nil {
			return t
		}
	}
	return nil
}

// header finds the header of column col in the table of row: exactly, or
// as the workbook finds it (“累计产值” for “累计产值（亿元）”).
func (f *Filler) header(r Row, col string) (string, error) {
	if _, ok := r[col]; ok {
		return col, nil
	}
	if t := f.tableOf(r); t != nil {
		if i := t.Column(col); i >= 0 {
			return t.Columns[i], nil
		}
		return "", nameError(t.MissingColumn(col))
	}
	cols := make([]string, 0, len(r))
	for c := range r {
		cols = append(cols, c)
	}
	sort.Strings(cols)
	return "", nameError(fmt.Sprintf("表中没有“%s”这一列（现有列：%s）", col, strings.Join(cols, "、")))
}

func (f *Filler) get(r Row, col string) (Value, error) {
	h, err := f.header(r, col)
	if err != nil {
		return Value{}, err
	}
	return r[h], nil
}

func toRows(fn string, x any) (Rows, error) {
	switch v := x.(type) {
	case Rows:
		return v, nil
	case Row:
		return Rows{v}, nil
	}
	return nil, kindError("%s 需要一张表，这里给的是%s", fn, kindName(x))
}

func toList(fn string, x any) (List, error) {
	switch v := x.(type) {
	case List:
		return v, nil
	case Value:
		return List{v}, nil
	}
	return nil, kindError("%s 需要一列值（用 列 从表中取出），这里给的是%s", fn, kindName(x))
}

// column is 列: the values of one column of a table.
func (f *Filler) column(x any, col string) (List, error) {
	rows, err := toRows("列", x)
	if err != nil {
		return nil, err
	}
	l := make(List, 0, len(rows))
	for _, r := range rows {
		v, err := f.get(r, col)
		if err != nil {
			return nil, err
		}
		l = append(l, v)
	}
	return l, nil
}

// cell is 格: a row's value in a column.
func (f *Filler) cell(x any, col string) (Value, error) {
	r, ok := x.(Row)
	if !ok {
		return Value{}, kindError("格 需要表中的一行（如 range 或 with 中的 .），这里给的是%s", kindName(x))
	}
	return f.get(r, col)
}

func end(fn string, x any, first bool) (Row, error) {
	rows, err := toRows(fn, x)
	if err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s：表中没有任何一行（或筛选后没有符合条件的行）", fn)
	}
	if first {
		return rows[0], nil
	}
	return rows[len(rows)-1], nil
}

// has is 有: whether a value is not empty, a table or list has any item.
func has(x any) bool {
	switch v := x.(type) {
	case Value:
		return v.Kind != workbook.Empty
	case Rows:
		return len(v) > 0
	case List:
		return len(v) > 0
	case Text:
		return v != ""
	case string:
		return v != ""
	case nil:
		return false
	}
	return true
}
