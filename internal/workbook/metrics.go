package workbook

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// The columns of the metrics sheet (指标).
const (
	fName = iota
	fValue
	fUnit
	fPrev
	fLastYear
	fTarget
	fNote
	fGrowth
	fPrevGrowth
	fLastGrowth
	fMoM
	fMonth
	fMonthGrowth
	fRank
	fPrevRank
	nFields
)

// readAs is how the cells of a column of the metrics sheet are read.
type readAs uint8

const (
	asText   readAs = iota // 名称, 单位, 备注: their text
	asFigure               // a number in the row's unit, or a ratio
	asMonth                // a number in the row's unit
	asRate                 // a percentage: 5.2 is 5.2%
	asRank                 // a positive whole number
)

// metricColumn is one column the metrics sheet may have.
type metricColumn struct {
	names []string // the header texts it may have; messages use the first
	as    readAs
	field func(*Metric) *Value // where its value goes; nil for the text columns
}

var metricColumns = [nFields]metricColumn{
	fName:     {names: []string{"名称", "指标名称"}},
	fValue:    {[]string{"数值", "本期数值", "本期", "累计", "累计值", "本年累计", "绝对值", "总量"}, asFigure, func(m *Metric) *Value { return &m.Value }},
	fUnit:     {names: []string{"单位", "计量单位"}},
	fPrev:     {[]string{"上期", "上期数值"}, asFigure, func(m *Metric) *Value { return &m.Prev }},
	fLastYear: {[]string{"去年同期", "上年同期"}, asFigure, func(m *Metric) *Value { return &m.LastYear }},
	fTarget:   {[]string{"目标", "目标值", "年度目标", "全年目标", "年度计划", "年计划", "目标任务"}, asFigure, func(m *Metric) *Value { return &m.Target }},
	fNote:     {names: []string{"备注", "说明"}},
	fGrowth: {[]string{"增速", "累计增速", "同比增速", "同比增长", "增长", "同比", "增长率", "比上年同期增长", "同比增长率"},
		asRate, func(m *Metric) *Value { return &m.Growth }},
	fPrevGrowth:  {[]string{"上期增速", "上月增速", "上期累计增速", "上月累计增速"}, asRate, func(m *Metric) *Value { return &m.PrevGrowth }},
	fLastGrowth:  {[]string{"去年同期增速", "上年同期增速"}, asRate, func(m *Metric) *Value { return &m.LastGrowth }},
	fMoM:         {[]string{"环比", "环比增速", "环比增长"}, asRate, func(m *Metric) *Value { return &m.MoM }},
	fMonth:       {[]string{"当月", "本月", "当月值", "本月数值"}, asMonth, func(m *Metric) *Value { return &m.Month }},
	fMonthGrowth: {[]string{"当月增速", "本月增速", "当月同比", "当月增长"}, asRate, func(m *Metric) *Value { return &m.MonthGrowth }},
	fRank:        {[]string{"排名", "位次", "排位", "名次", "全市排名", "全市位次", "全省排名", "全省位次"}, asRank, func(m *Metric) *Value { return &m.Rank }},
	fPrevRank:    {[]string{"上期排名", "上月排名", "上期全市排名", "上月全市排名", "上期位次", "上月位次"}, asRank, func(m *Metric) *Value { return &m.PrevRank }},
}

// valueFields are the columns of which a row needs at least one: a
// bureau often publishes only an indicator's rate.
var valueFields = []int{fValue, fGrowth, fMonth, fMonthGrowth}

// bookkeeping are headers of columns that only number or sort the rows;
// they are not read.
var bookkeeping = []string{"序号", "编号", "行次", "代码", "分类", "类别"}

// headerKey is the form a header of the metrics sheet is matched by: no
// spaces, full-width forms made ASCII, no unit in brackets at the end
// (“增速（%）” is 增速).
func headerKey(s string) string {
	return fold(withoutUnit(cleanName(s)))
}

// namedField is the column a header names, or -1.
func namedField(key string) int {
	for f, col := range metricColumns {
		if slices.Contains(col.names, key) {
			return f
		}
	}
	return -1
}

var (
	// 1-7月, 1－7月, 1至7月, 1~7月, 1-7月累计: the value since January (累计).
	reSinceJanuary = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^1(?:-|~|至|—|到)(\d{1,2})月份?(?:累计)?$`) })
	// 7月, 7月份: the month alone (当月).
	reOneMonth = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{1,2})月份?$`) })
)

// periodField is the column a header that is only a period stands for,
// as bureaus title them: “1-7月” is 数值 (累计), “7月” is 当月; -1 for
// any other header.
func periodField(key string) int {
	if m := reSinceJanuary().FindStringSubmatch(key); m != nil && monthIn(m[1], 2) {
		return fValue
	}
	if m := reOneMonth().FindStringSubmatch(key); m != nil && monthIn(m[1], 1) {
		return fMonth
	}
	return -1
}

// monthIn reports whether s is a month number from first to 12.
func monthIn(s string, first int) bool {
	n, err := strconv.Atoi(s)
	return err == nil && n >= first && n <= 12
}

// headerField is the column a header names, by its text or its period.
func headerField(key string) int {
	if f := namedField(key); f >= 0 {
		return f
	}
	return periodField(key)
}

// metricLayout is where the columns of a metrics sheet are.
type metricLayout struct {
	row      *rawRow         // the header row
	cols     [nFields]int    // each column's sheet column; 0 when the sheet has none
	texts    [nFields]string // each column's header as typed, for messages
	byPeriod [nFields]bool   // the column was found by its period (“1-7月”), not its name
	order    []int           // the fields the sheet has, in the sheet's order
	extras   []extraColumn   // the other columns with a header, in the sheet's order
}

// extraColumn is a column of the metrics sheet read into Metric.Extra.
type extraColumn struct {
	col  int
	name string   // the header without spaces and without “（%）”
	rule unitRule // “%” when its plain numbers are percentages
}

// findMetricHeader is the index of the header row of the metrics sheet:
// the first of its first 20 filled rows with 名称 and one of 数值, 增速,
// 当月 and 当月增速; -1 when there is none.
func findMetricHeader(sc *sheetCtx) int {
	for i, seen := 0, 0; i < len(sc.g.rows) && seen < 20; i++ {
		r := &sc.g.rows[i]
		if r.count() == 0 {
			continue
		}
		seen++
		if sc.isMetricHeader(r) {
			return i
		}
	}
	return -1
}

// isMetricHeader reports whether a row names the columns a metrics sheet needs.
func (sc *sheetCtx) isMetricHeader(r *rawRow) bool {
	var name, value bool
	for j := range r.cells {
		switch f := headerField(headerKey(sc.display(&r.cells[j]))); {
		case f == fName:
			name = true
		case slices.Contains(valueFields, f):
			value = true
		}
	}
	return name && value
}

// metricLayout reads the header row: the columns it names, then those it
// titles by a period, then the others as extra columns. Bookkeeping
// columns (序号, 分类 …) and columns without a header are not read.
func (sc *sheetCtx) metricLayout(r *rawRow) *metricLayout {
	l := &metricLayout{row: r}
	periods, others := l.claimNamed(sc)
	for _, c := range periods {
		if !l.claimPeriod(sc, c) {
			others = append(others, c)
		}
	}
	slices.SortFunc(others, func(a, b *rawCell) int { return a.col - b.col })
	for _, c := range others {
		l.addExtra(sc, c)
	}
	l.sortFields()
	return l
}

// claimNamed gives each column the header names (名称, 累计, 增速 …) its
// field, and returns the others: those titled by a period (“1-7月”) and
// the rest, bookkeeping columns left out.
func (l *metricLayout) claimNamed(sc *sheetCtx) (periods, others []*rawCell) {
	for j := range l.row.cells {
		c := &l.row.cells[j]
		key := headerKey(sc.display(c))
		switch f := namedField(key); {
		case key == "" || slices.Contains(bookkeeping, key):
		case f >= 0:
			l.claim(sc, c, f)
		case periodField(key) >= 0:
			periods = append(periods, c)
		default:
			others = append(others, c)
		}
	}
	return periods, others
}

// sortFields lists the fields the sheet has in the order of their
// columns, so that a row's cells are read, and their problems reported,
// from left to right.
func (l *metricLayout) sortFields() {
	for f := range l.cols {
		if l.cols[f] != 0 {
			l.order = append(l.order, f)
		}
	}
	slices.SortFunc(l.order, func(a, b int) int { return l.cols[a] - l.cols[b] })
}

// claim makes c the column of field f; a second column for f is a problem.
func (l *metricLayout) claim(sc *sheetCtx, c *rawCell, f int) {
	if l.cols[f] != 0 {
		sc.ps.add(sc.at(c.col, l.row.num), "表头里有两列都是%s（另一列在 %s），请删去或改名一列",
			quote(metricColumns[f].names[0]), cellName(l.cols[f], l.row.num))
		return
	}
	l.cols[f], l.texts[f] = c.col, cleanName(sc.display(c))
}

// periodNames is how messages name the columns a period stands for.
var periodNames = map[int]string{fValue: "累计", fMonth: "当月"}

// claimPeriod makes a column titled by a period (“1-7月”) the column of
// the field it stands for. When a column names that field (“累计”) it is
// an extra column instead, and claimPeriod returns false. Two periods for
// one field are a problem: which one is this report's is not guessed.
func (l *metricLayout) claimPeriod(sc *sheetCtx, c *rawCell) bool {
	text := cleanName(sc.display(c))
	f := periodField(headerKey(text))
	switch {
	case l.cols[f] != 0 && !l.byPeriod[f]:
		return false
	case l.cols[f] != 0:
		sc.ps.add(sc.at(c.col, l.row.num), "表头%s和 %s 的%s都是期间，不知道哪一列是本期的%s：请把本期那一列的表头改为%s，另一列就按表头文字读取",
			quote(text), cellName(l.cols[f], l.row.num), quote(l.texts[f]), quote(periodNames[f]), quote(periodNames[f]))
		return true
	}
	l.cols[f], l.texts[f], l.byPeriod[f] = c.col, text, true
	return true
}

// addExtra adds c to the extra columns; two with the same name are a problem.
func (l *metricLayout) addExtra(sc *sheetCtx, c *rawCell) {
	text := cleanName(sc.display(c))
	name := extraName(text)
	for _, x := range l.extras {
		if fold(x.name) == fold(name) {
			sc.ps.add(sc.at(c.col, l.row.num), "表头里有两列都是%s（另一列在 %s），请删去或改名一列", quote(name), cellName(x.col, l.row.num))
			return
		}
	}
	rule := unitRule{unit: headerUnit(text), where: "表头" + quote(text)}
	if rule.unit == "" && namesRate(name) {
		rule.unit = "%"
	}
	l.extras = append(l.extras, extraColumn{col: c.col, name: name, rule: rule})
}

// extraName is the name of an extra column: its header without spaces and
// without a percent unit at its end (“全市增速（%）” is 全市增速).
func extraName(header string) string {
	s := strings.Map(func(r rune) rune {
		if isBlank(r) {
			return -1
		}
		return r
	}, header)
	if isPercentUnit(headerUnit(s)) {
		s = withoutUnit(s)
	}
	return s
}

// rateEndings are the last words of a header that names a rate.
var rateEndings = []string{"增速", "增长", "增幅", "进度", "占比", "比重", "增长率"}

// namesRate reports whether a header names a rate, whose plain numbers
// are percentages (全市增速, 时序进度).
func namesRate(name string) bool {
	for _, e := range rateEndings {
		if strings.HasSuffix(name, e) {
			return true
		}
	}
	return false
}
