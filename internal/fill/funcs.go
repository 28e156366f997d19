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
		"值":    f.metricValue,
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

		// 名单
		"顿号": func(x any) (Text, error) { return join("顿号", x, "") },
		"和":  func(x any) (Text, error) { return join("和", x, "和") },
		"及":  func(x any) (Text, error) { return join("及", x, "及") },
		"等":  etc,
		"计数": count,
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
		"日期":  formatDate,
		"年月":  formatYearMonth,
		"月日":  formatMonthDay,
		"月":   formatMonth,
		"年":   formatYear,
		"年度":  formatYearOf,
		"季度":  formatQuarter,
		"半年":  formatHalf,
		"月份段": formatMonthRange,
		"期间":  formatPeriod,
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
	return Value{m.Value}, nil
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

// withUnit is 带单位: a figure's value followed by its unit, 82.8亿元; a
// percentage with the unit % is written once, 5.2%.
func (f *Filler) withUnit(name string) (Text, error) {
	v, err := f.metricValue(name)
	if err != nil {
		return "", err
	}
	m, _ := f.book.Metric(name)
	s := v.Value.String()
	if !(v.Ratio && (m.Unit == "%" || m.Unit == "％")) {
		s += m.Unit
	}
	return Text(s), nil
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
	return toNumber(fn, Value{v})
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
	return Value{v}, nil
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
	return Value{v}, nil
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
	rows := make(Rows, 0, len(t.Rows))
	for _, r := range t.Rows {
		row := make(Row, len(t.Columns))
		for i, c := range t.Columns {
			if i < len(r.Cells) {
				row[c] = Value{r.Cells[i]}
			} else {
				row[c] = Value{workbook.Value{Ref: r.Ref}}
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
