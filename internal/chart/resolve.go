package chart

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"briefing/internal/workbook"
)

// Chart is a chart with its data, ready to draw.
type Chart struct {
	Kind       Kind
	Title      string
	Categories []string
	Series     []Series
	Highlight  int    // index of the category to stand out; -1 for none
	Unit       string // “亿元、%”: shown as “单位：…” above the chart; "" for none
	Source     string // shown as “数据来源：…” below the chart; "" for none
	Height     int    // grid lines; 0 for the default of the kind

	// Table and Metrics are what the data was read from (a table, or
	// figures of the 指标 sheet).
	Table   *workbook.Table
	Metrics []*workbook.Metric
}

// Series is one column of data: a set of bars, a line or the wedges.
type Series struct {
	Name   string
	Unit   string
	Values []float64 // NaN for an empty cell: a gap, not a zero
	Line   bool      // drawn as a line (on the second axis in a 柱线 chart)
	Cells  []string  // where each value came from, for messages
}

// Resolve reads the data spec names from book. Its errors name the body
// line of the key that names what is missing, or the cell.
func Resolve(s *Spec, book *workbook.Book) (*Chart, []*Error) {
	ch := &Chart{Kind: s.Kind, Title: s.Title, Source: s.Source, Height: s.Height, Highlight: -1}
	var errs []*Error
	if s.Table != "" {
		errs = ch.fromTable(s, book)
	} else {
		errs = ch.fromMetrics(s, book)
	}
	if len(errs) > 0 {
		return nil, errs
	}
	if err := ch.drawable(s); err != nil {
		return nil, []*Error{err}
	}
	if s.Highlight != "" {
		for i, c := range ch.Categories {
			if c == s.Highlight || strings.TrimSuffix(c, "县") == strings.TrimSuffix(s.Highlight, "县") {
				ch.Highlight = i
			}
		}
		if ch.Highlight < 0 {
			return nil, []*Error{{Line: s.Line("突出"), Msg: fmt.Sprintf("图表要突出的“%s”不在分类中（%s）", s.Highlight, strings.Join(first(ch.Categories, 6), "、"))}}
		}
	}
	if err := ch.units(s); err != nil {
		return nil, []*Error{err}
	}
	if ch.Kind == Ranking {
		ch.rank()
	}
	return ch, nil
}

// fromTable reads the columns of a table, a category a row; a 合计 row
// is left out.
func (ch *Chart) fromTable(s *Spec, book *workbook.Book) []*Error {
	t, ok := book.Table(s.Table)
	if !ok {
		return []*Error{{Line: s.Line("表"), Msg: "画图表时，" + book.MissingTable(s.Table)}}
	}
	ch.Table = t
	var errs []*Error
	col := func(key, name string) int {
		j := t.Column(name)
		if j < 0 {
			errs = append(errs, &Error{Line: s.Line(key), Msg: "画图表时，" + t.MissingColumn(name)})
		}
		return j
	}
	cat := col("分类", s.Category)
	type want struct {
		name string
		line bool
		j    int
	}
	var cols []want
	for _, n := range s.Bars {
		cols = append(cols, want{n, false, col("柱", n)})
	}
	for _, n := range s.Lines {
		cols = append(cols, want{n, true, col("线", n)})
	}
	if len(errs) > 0 {
		return errs
	}
	for _, c := range cols {
		unit := ""
		if c.j < len(t.Units) {
			unit = t.Units[c.j]
		}
		ch.Series = append(ch.Series, Series{Name: c.name, Unit: unit, Line: c.line || s.Kind == Lines})
	}
	for _, r := range t.Rows {
		name := strings.TrimSpace(r.Cells[cat].String())
		if name == "" || name == "合计" || name == "总计" {
			continue
		}
		ch.Categories = append(ch.Categories, name)
		for i, c := range cols {
			v, err := number(r.Cells[c.j])
			if err != nil {
				err.Line = s.Line(seriesKey(c.line))
				errs = append(errs, err)
			}
			ch.Series[i].Values = append(ch.Series[i].Values, v)
			ch.Series[i].Cells = append(ch.Series[i].Cells, r.Cells[c.j].Ref.String())
		}
	}
	return errs
}

// fromMetrics makes one series of the 数值 of figures, a figure a
// category.
func (ch *Chart) fromMetrics(s *Spec, book *workbook.Book) []*Error {
	var errs []*Error
	se := Series{Name: s.Title, Line: s.Kind == Lines}
	for i, n := range s.Metrics {
		m, ok := book.Metric(n)
		if !ok {
			errs = append(errs, &Error{Line: s.Line("指标"), Msg: "画图表时，" + book.MissingMetric(n)})
			continue
		}
		ch.Metrics = append(ch.Metrics, m)
		v, err := number(m.Value)
		if err != nil {
			err.Line = s.Line("指标")
			errs = append(errs, err)
		}
		if i == 0 {
			se.Unit = m.Unit
		} else if m.Unit != se.Unit && len(errs) == 0 {
			errs = append(errs, &Error{Line: s.Line("指标"), Cell: m.Ref.String(),
				Msg: fmt.Sprintf("图表的指标单位不一致：“%s”是%s，“%s”是%s，不能画在同一坐标轴上", s.Metrics[0], unitName(se.Unit), n, unitName(m.Unit))})
		}
		ch.Categories = append(ch.Categories, n)
		se.Values = append(se.Values, v)
		se.Cells = append(se.Cells, m.Value.Ref.String())
	}
	ch.Series = []Series{se}
	return errs
}

// seriesKey is the key of the body that names a series: 柱 (数值, 条)
// or 线.
func seriesKey(line bool) string {
	if line {
		return "线"
	}
	return "柱"
}

// maxCategories is how many categories a chart of a kind can show
// legibly on the 版心's width (a ranking grows down the page instead).
func maxCategories(k Kind) int {
	switch k {
	case Pie, Ring:
		return 10
	case Ranking:
		return 40
	}
	return 24
}

// drawable checks that the data read can be drawn: some categories, not
// more than the kind shows, a number in every series, and for a pie or
// ring no negative share and a total above zero.
func (ch *Chart) drawable(s *Spec) *Error {
	from, key := "所列的指标", "指标"
	if ch.Table != nil {
		from, key = "表“"+ch.Table.Name+"”", "表"
	}
	n := len(ch.Categories)
	switch {
	case n == 0:
		return &Error{Line: s.Line(key), Msg: fmt.Sprintf("图表没有数据：%s中除合计行外没有一行填了分类（“%s”列）", from, s.Category)}
	case n > maxCategories(ch.Kind):
		return &Error{Line: s.Line(key), Msg: fmt.Sprintf("图表的分类太多：%s有%d个分类，%s图最多画%d个；请在工作簿中另列一张只含要画的行的表，或分成几张图", from, n, ch.Kind, maxCategories(ch.Kind))}
	}
	for _, se := range ch.Series {
		total, numbers := 0.0, 0
		for i, v := range se.Values {
			if math.IsNaN(v) {
				continue
			}
			numbers++
			if v < 0 && (ch.Kind == Pie || ch.Kind == Ring) {
				return &Error{Line: s.Line(key), Cell: se.Cells[i], Msg: fmt.Sprintf("%s图画的是各部分的占比，“%s”的%s是负数（%s），不能画", ch.Kind, ch.Categories[i], se.Name, strconv.FormatFloat(v, 'f', -1, 64))}
			}
			total += v
		}
		switch {
		case numbers == 0:
			return &Error{Line: s.Line(seriesKey(se.Line)), Msg: fmt.Sprintf("图表没有数据：“%s”的单元格都是空的", se.Name)}
		case total == 0 && (ch.Kind == Pie || ch.Kind == Ring):
			return &Error{Line: s.Line(key), Msg: fmt.Sprintf("%s图画的是各部分的占比，而“%s”的合计是零，画不出占比", ch.Kind, se.Name)}
		}
	}
	return nil
}

// number is a cell as a number: a percentage in percent, an empty cell
// NaN.
func number(v workbook.Value) (float64, *Error) {
	switch v.Kind {
	case workbook.Empty:
		return math.NaN(), nil
	case workbook.Number:
		f, _ := v.Num.Float64()
		if v.Ratio {
			f *= 100
		}
		return f, nil
	}
	if t := strings.TrimSpace(v.Text); t == "" || t == "-" || t == "—" || t == "－" {
		return math.NaN(), nil
	}
	return 0, &Error{Cell: v.Ref.String(), Msg: fmt.Sprintf("图表要画的“%s”不是数字", clip(v.String()))}
}

// units checks that the series on one axis share a unit, and that 单位,
// when given, names them; when not, makes it from them.
func (ch *Chart) units(s *Spec) *Error {
	var axes [2][]string // the units of the bars (or the only axis) and of the lines
	for _, se := range ch.Series {
		a := 0
		if se.Line && ch.Kind == BarLine {
			a = 1
		}
		axes[a] = append(axes[a], se.Unit)
	}
	var shown []string
	for a, us := range axes {
		for i, u := range us {
			if u != us[0] {
				key := "柱"
				if a == 1 || ch.Kind == Lines {
					key = "线"
				}
				return &Error{Line: s.Line(key), Msg: fmt.Sprintf("图表同一坐标轴上的列单位不一致：%s是%s，%s是%s（单位不同的数据用“柱线”分两个坐标轴画）",
					names1(ch, a, 0), unitName(us[0]), names1(ch, a, i), unitName(u))}
			}
		}
		if len(us) > 0 && us[0] != "" {
			shown = append(shown, us[0])
		}
	}
	if s.Unit == "" {
		ch.Unit = strings.Join(shown, "、")
		return nil
	}
	given := names(s.Unit)
	for _, u := range shown {
		found := false
		for _, g := range given {
			found = found || g == u || (g == "％" && u == "%")
		}
		if !found {
			return &Error{Line: s.Line("单位"), Msg: fmt.Sprintf("图表写的单位“%s”与数据的单位不符：表中的列是%s", s.Unit, strings.Join(shown, "、"))}
		}
	}
	ch.Unit = s.Unit
	return nil
}

// names1 is the name of the i-th series on axis a.
func names1(ch *Chart, a, i int) string {
	n := 0
	for _, se := range ch.Series {
		if (a == 1) == (se.Line && ch.Kind == BarLine) {
			if n == i {
				return "“" + se.Name + "”"
			}
			n++
		}
	}
	return ""
}

func unitName(u string) string {
	if u == "" {
		return "没有单位"
	}
	return "“" + u + "”"
}

// rank orders a ranking largest first (a gap last).
func (ch *Chart) rank() {
	n := len(ch.Categories)
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	vs := ch.Series[0].Values
	less := func(a, b int) bool {
		va, vb := vs[idx[a]], vs[idx[b]]
		if math.IsNaN(vb) {
			return !math.IsNaN(va)
		}
		return va > vb
	}
	// insertion sort: stable and small
	for i := 1; i < n; i++ {
		for j := i; j > 0 && less(j, j-1); j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	cats := make([]string, n)
	hl := -1
	for k, i := range idx {
		cats[k] = ch.Categories[i]
		if i == ch.Highlight {
			hl = k
		}
	}
	for si := range ch.Series {
		v, c := make([]float64, n), make([]string, n)
		for k, i := range idx {
			v[k], c[k] = ch.Series[si].Values[i], ch.Series[si].Cells[i]
		}
		ch.Series[si].Values, ch.Series[si].Cells = v, c
	}
	ch.Categories, ch.Highlight = cats, hl
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
