package fill

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"text/template"
	"time"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"briefing/internal/mdext"
	"briefing/internal/workbook"
)

// Value is a workbook value inside a template. Printing it writes the value
// as the clerk sees it in the workbook, escaped so that it stays literal text.
type Value struct{ workbook.Value }

func (v Value) String() string { return mdext.Escape(display(v.Value)) }

// Row is one record of a table; a template reaches a cell by its column's
// header text: {{.企业名称}} or {{格 . "企业名称"}}.
type Row map[string]Value

// Rows is a table's records, or a selection of them.
type Rows []Row

// List is a column of values.
type List []Value

// Number is a number a template computed (a sum, a share).
type Number struct{ decimal.Decimal }

func (n Number) String() string { return n.Decimal.String() }

func display(v workbook.Value) string {
	switch v.Kind {
	case workbook.Number:
		if v.Ratio {
			return v.Num.Shift(2).String() + "%"
		}
		return v.Num.String()
	case workbook.Date:
		return chineseDate(v.Date)
	}
	return v.Text
}

func chineseDate(t time.Time) string {
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

func (f *Filler) funcMap() template.FuncMap {
	return template.FuncMap{
		"值":   f.metricValue,
		"单位":  f.metricUnit,
		"信息":  f.info,
		"表":   f.table,
		"列":   column,
		"格":   cell,
		"首":   first,
		"计数":  count,
		"合计":  sum,
		"筛选":  filterEqual,
		"不小于": filterAtLeast,
		"最大":  maxBy,
		"顿号":  func(x any) (string, error) { return join(x, "") },
		"和":   func(x any) (string, error) { return join(x, "和") },
		"中文数": chineseNumeral,
		"日期":  formatDate,
		"月":   formatMonth,
		"月份段": formatMonthRange,
		"年":   formatYear,
		"百分比": percent,
		"占比":  f.share,
		"全同":  allEqual,
		"保留":  fixed,
	}
}

func (f *Filler) missing(what, name, sheet string) error {
	msg := fmt.Sprintf("%s“%s”不存在（在 %s 中查找）", what, name, workbook.Ref{File: f.book.File, Sheet: sheet})
	if s := f.book.Suggest(name); s != "" {
		msg += fmt.Sprintf("，是否是 %s？", s)
	}
	return fmt.Errorf("%s", msg)
}

func (f *Filler) metric(name string) (*workbook.Metric, error) {
	m, ok := f.book.Metric(name)
	if !ok {
		return nil, f.missing("指标", name, workbook.MetricsSheet)
	}
	return m, nil
}

func (f *Filler) metricValue(name string) (Value, error) {
	m, err := f.metric(name)
	if err != nil {
		return Value{}, err
	}
	if m.Value.Kind == workbook.Empty {
		return Value{}, fmt.Errorf("%s：指标“%s”的数值为空", m.Value.Ref, name)
	}
	return Value{m.Value}, nil
}

func (f *Filler) metricUnit(name string) (string, error) {
	m, err := f.metric(name)
	if err != nil {
		return "", err
	}
	return mdext.Escape(m.Unit), nil
}

func (f *Filler) info(key string) (Value, error) {
	v, ok := f.book.InfoValue(key)
	if !ok {
		return Value{}, f.missing("报告信息", key, workbook.InfoSheet)
	}
	if v.Kind == workbook.Empty {
		return Value{}, fmt.Errorf("%s：报告信息“%s”为空", v.Ref, key)
	}
	return Value{v}, nil
}

func (f *Filler) table(name string) (Rows, error) {
	t, ok := f.book.Table(name)
	if !ok {
		return nil, f.missing("表", name, name)
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
		rows = append(rows, row)
	}
	return rows, nil
}

// get returns row's cell in column col, with a message naming the columns
// that exist when it has none.
func get(row Row, col string) (Value, error) {
	v, ok := row[col]
	if !ok {
		cols := make([]string, 0, len(row))
		for c := range row {
			cols = append(cols, c)
		}
		sort.Strings(cols)
		return Value{}, fmt.Errorf("表中没有“%s”这一列（现有列：%s）", col, strings.Join(cols, "、"))
	}
	return v, nil
}

func column(rows Rows, col string) (List, error) {
	l := make(List, 0, len(rows))
	for _, r := range rows {
		v, err := get(r, col)
		if err != nil {
			return nil, err
		}
		l = append(l, v)
	}
	return l, nil
}

func cell(row Row, col string) (Value, error) { return get(row, col) }

func first(rows Rows) (Row, error) {
	if len(rows) == 0 {
		return nil, fmt.Errorf("表中没有任何一行")
	}
	return rows[0], nil
}

func count(x any) (int, error) {
	switch l := x.(type) {
	case Rows:
		return len(l), nil
	case List:
		return len(l), nil
	}
	return 0, fmt.Errorf("计数 只能用于表或列，而不是 %s", kindName(x))
}

func sum(x any) (Number, error) {
	l, ok := x.(List)
	if !ok {
		return Number{}, fmt.Errorf("合计 只能用于一列数值，而不是 %s", kindName(x))
	}
	total := decimal.Zero
	for _, v := range l {
		d, err := toDecimal(v)
		if err != nil {
			return Number{}, err
		}
		total = total.Add(d)
	}
	return Number{total}, nil
}

func filterEqual(rows Rows, col string, want any) (Rows, error) {
	w := fmt.Sprint(want)
	if v, ok := want.(Value); ok {
		w = display(v.Value)
	}
	var out Rows
	for _, r := range rows {
		v, err := get(r, col)
		if err != nil {
			return nil, err
		}
		if display(v.Value) == w {
			out = append(out, r)
		}
	}
	return out, nil
}

func filterAtLeast(rows Rows, col string, min any) (Rows, error) {
	m, err := toDecimal(min)
	if err != nil {
		return nil, err
	}
	var out Rows
	for _, r := range rows {
		v, err := get(r, col)
		if err != nil {
			return nil, err
		}
		if v.Kind == workbook.Empty {
			continue
		}
		d, err := toDecimal(v)
		if err != nil {
			return nil, err
		}
		if d.GreaterThanOrEqual(m) {
			out = append(out, r)
		}
	}
	return out, nil
}

// maxBy returns the row with the largest number in column col; rows whose
// cell is empty are passed over.
func maxBy(rows Rows, col string) (Row, error) {
	var best Row
	var bestVal decimal.Decimal
	for _, r := range rows {
		v, err := get(r, col)
		if err != nil {
			return nil, err
		}
		if v.Kind == workbook.Empty {
			continue
		}
		d, err := toDecimal(v)
		if err != nil {
			return nil, err
		}
		if best == nil || d.GreaterThan(bestVal) {
			best, bestVal = r, d
		}
	}
	if best == nil {
		return nil, fmt.Errorf("“%s”列没有任何数值，无法求最大", col)
	}
	return best, nil
}

// join writes a list of names with 、, and conj (和, 及) before the last
// when conj is not empty.
func join(x any, conj string) (string, error) {
	l, ok := x.(List)
	if !ok {
		return "", fmt.Errorf("只能连接一列名称，而不是 %s", kindName(x))
	}
	parts := make([]string, len(l))
	for i, v := range l {
		parts[i] = v.String()
	}
	if conj == "" || len(parts) < 2 {
		return strings.Join(parts, "、"), nil
	}
	return strings.Join(parts[:len(parts)-1], "、") + conj + parts[len(parts)-1], nil
}

// chineseNumeral writes a whole number in Chinese numerals: 3 → 三,
// 10 → 十, 15 → 十五, 101 → 一百零一, 20000 → 二万.
func chineseNumeral(x any) (string, error) {
	d, err := toDecimal(x)
	if err != nil {
		return "", err
	}
	if !d.IsInteger() || d.IsNegative() || d.GreaterThanOrEqual(decimal.New(1, 8)) {
		return "", fmt.Errorf("中文数 只能写0到一亿之间的整数，而不是 %s", d)
	}
	if d.IsZero() {
		return "零", nil
	}
	return mdext.ChineseNumeral(int(d.IntPart())), nil
}

func toTime(x any) (time.Time, error) {
	switch v := x.(type) {
	case Value:
		if v.Kind == workbook.Date {
			return v.Date, nil
		}
		return time.Time{}, fmt.Errorf("%s：“%s”不是日期", v.Ref, display(v.Value))
	case time.Time:
		return v, nil
	}
	return time.Time{}, fmt.Errorf("需要日期，而不是 %s", kindName(x))
}

func formatDate(x any) (string, error) {
	t, err := toTime(x)
	if err != nil {
		return "", err
	}
	return chineseDate(t), nil
}

func formatMonth(x any) (string, error) {
	t, err := toTime(x)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%d月", int(t.Month())), nil
}

var periodRE = regexp.MustCompile(`^\s*(\d{4})\s*年\s*(\d{1,2})\s*(?:月)?\s*[－\-—–~～至到]\s*(\d{1,2})\s*月(?:份)?\s*$`)

// period reads a reporting period written like “2022年1－11月”.
func period(x any) (year, from, to int, err error) {
	v, ok := x.(Value)
	if !ok {
		return 0, 0, 0, fmt.Errorf("需要报告期，而不是 %s", kindName(x))
	}
	m := periodRE.FindStringSubmatch(display(v.Value))
	if m == nil {
		return 0, 0, 0, fmt.Errorf("%s：“%s”不是报告期，应写作“2022年1－11月”", v.Ref, display(v.Value))
	}
	year, _ = strconv.Atoi(m[1])
	from, _ = strconv.Atoi(m[2])
	to, _ = strconv.Atoi(m[3])
	if from < 1 || to > 12 || from > to {
		return 0, 0, 0, fmt.Errorf("%s：报告期“%s”的月份不对", v.Ref, display(v.Value))
	}
	return year, from, to, nil
}

// formatMonthRange writes the months of a reporting period: “1－11月”.
func formatMonthRange(x any) (string, error) {
	_, from, to, err := period(x)
	if err != nil {
		return "", err
	}
	if from == to {
		return fmt.Sprintf("%d月", from), nil
	}
	return fmt.Sprintf("%d－%d月", from, to), nil
}

func formatYear(x any) (string, error) {
	if v, ok := x.(Value); ok && v.Kind == workbook.Date {
		return strconv.Itoa(v.Date.Year()), nil
	}
	y, _, _, err := period(x)
	if err != nil {
		return "", err
	}
	return strconv.Itoa(y), nil
}

// percent writes part/whole × 100 rounded half-up to digits decimals.
func percent(part, whole any, digits int) (string, error) {
	p, err := toDecimal(part)
	if err != nil {
		return "", err
	}
	w, err := toDecimal(whole)
	if err != nil {
		return "", err
	}
	if w.IsZero() {
		return "", fmt.Errorf("百分比的分母为零")
	}
	return p.Shift(2).DivRound(w, int32(digits)+2).Round(int32(digits)).StringFixed(int32(digits)), nil
}

// fixed writes x with exactly digits decimals, rounded half-up.
func fixed(digits int, x any) (string, error) {
	d, err := toDecimal(x)
	if err != nil {
		return "", err
	}
	return d.Round(int32(digits)).StringFixed(int32(digits)), nil
}

func toDecimal(x any) (decimal.Decimal, error) {
	switch v := x.(type) {
	case Value:
		if v.Kind != workbook.Number {
			if v.Kind == workbook.Empty {
				return decimal.Zero, fmt.Errorf("%s：单元格为空，不是数字", v.Ref)
			}
			return decimal.Zero, fmt.Errorf("%s：“%s”不是数字", v.Ref, display(v.Value))
		}
		return v.Num, nil
	case Number:
		return v.Decimal, nil
	case int:
		return decimal.NewFromInt(int64(v)), nil
	case int64:
		return decimal.NewFromInt(v), nil
	case float64:
		return decimal.NewFromFloat(v), nil
	case string:
		d, err := decimal.NewFromString(strings.TrimSpace(v))
		if err != nil {
			return decimal.Zero, fmt.Errorf("“%s”不是数字", v)
		}
		return d, nil
	}
	return decimal.Zero, fmt.Errorf("需要数字，而不是 %s", kindName(x))
}

func kindName(x any) string {
	switch x.(type) {
	case Value:
		return "单个值"
	case Row:
		return "表中的一行"
	case Rows:
		return "表"
	case List:
		return "一列值"
	case Number, int, int64, float64:
		return "数字"
	case string:
		return "文字"
	case nil:
		return "空值"
	}
	return fmt.Sprintf("%T", x)
}

// share writes metric part as a percentage of metric whole, rounded half-up
// to digits decimals. The two units may differ by a Chinese multiplier
// (人 and 万人, 万元 and 亿元); other units cannot be compared.
func (f *Filler) share(part, whole string, digits int) (string, error) {
	p, err := f.metric(part)
	if err != nil {
		return "", err
	}
	w, err := f.metric(whole)
	if err != nil {
		return "", err
	}
	pv, err := toDecimal(Value{p.Value})
	if err != nil {
		return "", err
	}
	wv, err := toDecimal(Value{w.Value})
	if err != nil {
		return "", err
	}
	pm, pb := splitUnit(p.Unit)
	wm, wb := splitUnit(w.Unit)
	if pb != wb {
		return "", fmt.Errorf("“%s”的单位“%s”与“%s”的单位“%s”不同，不能求占比", part, p.Unit, whole, w.Unit)
	}
	return percent(Number{pv.Mul(pm)}, Number{wv.Mul(wm)}, digits)
}

// splitUnit splits a unit such as 万人 into its multiplier (10000) and its
// base unit (人).
func splitUnit(unit string) (decimal.Decimal, string) {
	mult := decimal.NewFromInt(1)
	for {
		r, size := utf8.DecodeRuneInString(unit)
		var m int64
		switch r {
		case '十':
			m = 10
		case '百':
			m = 100
		case '千':
			m = 1000
		case '万':
			m = 10000
		case '亿':
			m = 100000000
		}
		if m == 0 || len(unit) == size {
			return mult, unit
		}
		mult = mult.Mul(decimal.NewFromInt(m))
		unit = unit[size:]
	}
}

// allEqual reports whether every value of a column is the same.
func allEqual(l List) bool {
	for _, v := range l[min(1, len(l)):] {
		if display(v.Value) != display(l[0].Value) {
			return false
		}
	}
	return true
}
