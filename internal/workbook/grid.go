package workbook

import (
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/shopspring/decimal"
)

// A grid is one sheet as read from the file, before it is understood as
// figures, report information or a table: the non-empty cells row by row,
// with what the file says about each (type, number format), and the merged
// ranges. Both the .xlsx reader and the CSV reader produce grids.
type grid struct {
	file     string // base name of the file, for refs
	sheet    string // the sheet's name as on its tab (a CSV file: its name without .csv)
	rows     []rawRow
	merges   []mergeRange
	date1904 bool
}

// rawKind is what the file says a cell holds.
type rawKind uint8

const (
	rawEmpty  rawKind = iota
	rawText           // a string cell, a CSV field, a formula's text result
	rawNumber         // text is the stored number (“0.052000000000000005”); fmt says how it shows
	rawBool           // text is TRUE or FALSE
	rawError          // text is the error value: #DIV/0!, #N/A …
	rawISO            // a date cell stored as ISO 8601 text (t="d")
	rawFailed         // a formula that could not be calculated; its problem is already reported
)

type rawCell struct {
	col     int // 1-based column number
	kind    rawKind
	formula bool // the value is a formula's result
	fmt     numFmt
	text    string
}

type rawRow struct {
	num   int       // 1-based row number
	cells []rawCell // sorted by column, no two in the same column
}

// mergeRange is a merged range of cells, corners included.
type mergeRange struct{ c1, r1, c2, r2 int }

// Limits of a worksheet (Excel's own).
const (
	maxColumns = 16384
	maxRows    = 1048576
)

// cell returns the cell of row r in column col, and whether it is there.
func (r *rawRow) cell(col int) (*rawCell, bool) {
	i := sort.Search(len(r.cells), func(i int) bool { return r.cells[i].col >= col })
	if i < len(r.cells) && r.cells[i].col == col {
		return &r.cells[i], true
	}
	return nil, false
}

// set puts c into the row, replacing what was in its column.
func (r *rawRow) set(c rawCell) {
	i := sort.Search(len(r.cells), func(i int) bool { return r.cells[i].col >= c.col })
	if i < len(r.cells) && r.cells[i].col == c.col {
		r.cells[i] = c
		return
	}
	r.cells = append(r.cells, rawCell{})
	copy(r.cells[i+1:], r.cells[i:])
	r.cells[i] = c
}

// blank reports whether a cell shows nothing: absent, or text of spaces only.
func (c *rawCell) blank() bool {
	switch c.kind {
	case rawEmpty:
		return true
	case rawText:
		return trim(c.text) == ""
	}
	return false
}

// count is the number of cells of the row that show something.
func (r *rawRow) count() int {
	n := 0
	for i := range r.cells {
		if !r.cells[i].blank() {
			n++
		}
	}
	return n
}

// normalize sorts rows and cells into order and merges duplicates, for
// files written by programs that do not keep them in order.
func (g *grid) normalize() {
	if !sort.SliceIsSorted(g.rows, func(i, j int) bool { return g.rows[i].num < g.rows[j].num }) {
		sort.SliceStable(g.rows, func(i, j int) bool { return g.rows[i].num < g.rows[j].num })
	}
	out := g.rows[:0]
	for _, r := range g.rows {
		if !sort.SliceIsSorted(r.cells, func(i, j int) bool { return r.cells[i].col < r.cells[j].col }) {
			cells := r.cells
			r.cells = nil
			for _, c := range cells {
				r.set(c)
			}
		} else {
			// drop duplicate columns, the last one wins
			cs := r.cells[:0]
			for _, c := range r.cells {
				if len(cs) > 0 && cs[len(cs)-1].col == c.col {
					cs[len(cs)-1] = c
					continue
				}
				cs = append(cs, c)
			}
			r.cells = cs
		}
		if len(out) > 0 && out[len(out)-1].num == r.num {
			for _, c := range r.cells {
				out[len(out)-1].set(c)
			}
			continue
		}
		out = append(out, r)
	}
	g.rows = out
}

// rowIndex returns the index in g.rows of the first row numbered at least n.
func (g *grid) rowIndex(n int) int {
	return sort.Search(len(g.rows), func(i int) bool { return g.rows[i].num >= n })
}

// fillMerges copies the value of a merged range's top-left cell where the
// clerk sees it: into every cell of the range in a two-row header [h1, h2]
// (“产值” merged over “本月 | 累计” names both), and down the first column
// of the range elsewhere (“城关镇” merged over three rows is the town of
// each). A header cell merged across columns above no second header row
// names only its first column: the others have no name of their own. Numbers are never copied outside the header: a number merged over
// three rows is one number, and copying it would count it three times.
//
// budget bounds the work (cells looked at), against a file merging a whole
// sheet many times over; fillMerges returns what is left of it, negative
// when it ran out before the end.
func (g *grid) fillMerges(h1, h2 int, budget int) int {
	for _, m := range g.merges {
		if budget--; budget < 0 {
			return budget
		}
		oi := g.rowIndex(m.r1)
		if oi == len(g.rows) || g.rows[oi].num != m.r1 {
			continue
		}
		origin, ok := g.rows[oi].cell(m.c1)
		if !ok || origin.blank() {
			continue
		}
		o := *origin
		number := o.kind == rawNumber && o.fmt.kind != fmtDate
		if o.kind == rawText {
			if _, isNum := parseTextNumber(o.text); isNum {
				number = true
			}
		}
		for i := oi; i < len(g.rows) && g.rows[i].num <= m.r2; i++ {
			r := &g.rows[i]
			header := h2 > h1 && r.num >= h1 && r.num <= h2
			if !header && number {
				continue
			}
			last := m.c2
			if !header {
				last = m.c1 // down the first column only
			}
			for col := m.c1; col <= last; col++ {
				if budget--; budget < 0 {
					return budget
				}
				if col == m.c1 && r.num == m.r1 {
					continue
				}
				if c, ok := r.cell(col); ok && !c.blank() {
					continue
				}
				c := o
				c.col = col
				r.set(c)
			}
		}
	}
	return budget
}

// sheetCtx turns the raw cells of one grid into values, reporting problems.
type sheetCtx struct {
	g   *grid
	ps  *problems
	ref Ref // the sheet
}

func (sc *sheetCtx) at(col, row int) Ref {
	return Ref{File: sc.ref.File, Sheet: sc.ref.Sheet, Cell: cellName(col, row)}
}

// cellName writes a cell's address: (2, 7) → “B7”.
func cellName(col, row int) string {
	var b [16]byte
	buf := append(b[:0], colName(col)...)
	return string(strconv.AppendInt(buf, int64(row), 10))
}

// colName writes a column's letters: 1 → A, 28 → AB.
func colName(col int) string {
	if col < 1 {
		return "?"
	}
	if col <= 26 {
		return letters[col-1 : col] // no allocation for A…Z
	}
	var b [4]byte
	i := len(b)
	for col > 0 && i > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

const letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"

// display is a cell's text as the clerk reads it, for names, units, keys and
// notes.
func (sc *sheetCtx) display(c *rawCell) string {
	switch c.kind {
	case rawText:
		return trim(c.text)
	case rawNumber:
		num, ok := parseRawNumber(c.text)
		if !ok {
			return trim(c.text)
		}
		switch c.fmt.kind {
		case fmtDate:
			if t, ok := serialDate(num.Floor().IntPart(), sc.g.date1904); ok {
				return dateText(t, c.fmt.parts)
			}
		case fmtPercent:
			return numberText(num, true, int(c.fmt.minDec), int(c.fmt.maxDec))
		case fmtNumber:
			return numberText(num, false, int(c.fmt.minDec), int(c.fmt.maxDec))
		}
		return formatGeneral(num)
	case rawISO:
		if t, ok := parseISODate(c.text); ok {
			return dateText(t, 0)
		}
	}
	return trim(c.text)
}

// parseISODate reads the value of a date cell stored as text (t="d").
func parseISODate(s string) (time.Time, bool) {
	s = trim(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.999999999", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return makeDate(t.Year(), int(t.Month()), t.Day())
		}
	}
	return parseTextDate(s)
}

// unitRule is what a cell's number is checked against: the 单位 of its
// figure or the unit in its column's header.
type unitRule struct {
	unit  string // "" when there is none
	where string // how a message names where the unit was written: “单位”列 / 表头
	// strict: a number followed by a different unit-like suffix is an error,
	// and so is any text that is not a number (the figures' 数值 columns).
	// Otherwise (tables), only a known unit that differs is an error and
	// other text stays text.
	strict bool
}

// want is what a cell must hold to be read.
type want uint8

const (
	anyValue           want = iota // tables, 报告信息: text stays text
	numberOnly                     // rates, 当月: a number
	numberOrProportion             // a figure's 数值, 上期, 去年同期, 目标: a number or a ratio (“1.9:75.1:23.7”)
)

// value turns a raw cell into a Value, as w asks. It reports the cell's
// problem and returns ok=false when the cell cannot be read that way (or
// its problem was reported already).
func (sc *sheetCtx) value(c *rawCell, row int, u unitRule, w want) (Value, bool) {
	ref := sc.at(c.col, row)
	needNumber := w != anyValue
	v := Value{Ref: ref}
	switch c.kind {
	case rawEmpty:
		return v, true
	case rawFailed:
		return v, false
	case rawError:
		if c.formula {
			sc.ps.add(ref, "公式结果是错误值 %s，请先改正公式", trim(c.text))
		} else {
			sc.ps.add(ref, "单元格里是错误值 %s，请改为正确的内容", trim(c.text))
		}
		return v, false
	case rawBool:
		if needNumber {
			sc.ps.add(ref, "%s 不是数字", quote(c.text))
			return v, false
		}
		v.Kind, v.Text = Text, c.text
		return v, true
	case rawISO:
		t, ok := parseISODate(c.text)
		if !ok {
			sc.ps.add(ref, "日期 %s 无法识别", quote(c.text))
			return v, false
		}
		v.Kind, v.Date, v.Text = Date, t, dateText(t, 0)
		if needNumber {
			sc.ps.add(ref, "这一格是日期（%s），不是数字", v.Text)
			return Value{Ref: ref}, false
		}
		return v, true
	case rawNumber:
		return sc.numberCell(c, ref, u, needNumber)
	}
	return sc.textCell(c, ref, u, w)
}

func (sc *sheetCtx) numberCell(c *rawCell, ref Ref, u unitRule, needNumber bool) (Value, bool) {
	v := Value{Ref: ref}
	num, ok := parseRawNumber(c.text)
	if !ok {
		sc.ps.add(ref, "单元格里的数 %s 无法识别，文件可能已损坏", quote(c.text))
		return v, false
	}
	switch c.fmt.kind {
	case fmtDate:
		t, ok := serialDate(num.Floor().IntPart(), sc.g.date1904)
		if !ok {
			sc.ps.add(ref, "单元格设为日期格式，但 %s 不是有效的日期，请检查内容或把格式改为“常规”", quote(formatGeneral(num)))
			return v, false
		}
		if needNumber {
			sc.ps.add(ref, "这一格是日期（%s），不是数字；如果本该是数字，请把单元格格式改为“常规”或“数值”", dateText(t, c.fmt.parts))
			return v, false
		}
		v.Kind, v.Date, v.Text = Date, t, dateText(t, c.fmt.parts)
		return v, true
	case fmtTime:
		if needNumber {
			sc.ps.add(ref, "这一格是时间格式，不是数字；如果本该是数字，请把单元格格式改为“常规”或“数值”")
			return v, false
		}
		v.Kind, v.Text = Text, timeText(num, c.fmt.seconds)
		return v, true
	case fmtPercent:
		if u.unit != "" && !isPercentUnit(u.unit) {
			shown := numberText(num, true, int(c.fmt.minDec), int(c.fmt.maxDec))
			sc.ps.add(ref, "%s 是百分数，但%s写的单位是%s", quote(shown), u.where, quote(u.unit))
			return v, false
		}
		v.Kind, v.Num, v.Ratio = Number, num, true
		v.Text = numberText(num, true, int(c.fmt.minDec), int(c.fmt.maxDec))
		return v, true
	}
	minDec, maxDec := -1, -1
	if c.fmt.kind == fmtNumber {
		minDec, maxDec = int(c.fmt.minDec), int(c.fmt.maxDec)
	}
	v.Kind = Number
	if isPercentUnit(u.unit) {
		v.Num, v.Ratio = num.Shift(-2), true
	} else {
		v.Num = num
	}
	v.Text = numberText(v.Num, v.Ratio, minDec, maxDec)
	return v, true
}

// textCell reads a cell that holds text: a number typed as text (“1,234”,
// “5.2%”, “82.8亿元”), a date, a ratio, or words.
func (sc *sheetCtx) textCell(c *rawCell, ref Ref, u unitRule, w want) (Value, bool) {
	s := trim(c.text)
	if s == "" {
		return Value{Ref: ref}, true
	}
	if tn, ok := parseTextNumber(s); ok {
		return sc.typedNumber(s, tn, ref, u, w)
	}
	if t, ok := parseTextDate(s); ok {
		return sc.typedDate(t, ref, w)
	}
	if parts, ok := parseProportion(s); ok {
		return sc.typedProportion(s, parts, ref, w)
	}
	if w != anyValue {
		sc.ps.add(ref, "%s 不是数字", quote(s))
		return Value{Ref: ref}, false
	}
	return Value{Kind: Text, Text: s, Ref: ref}, true
}

// typedNumber is a number typed as text, checked against the unit rule.
func (sc *sheetCtx) typedNumber(s string, tn textNumber, ref Ref, u unitRule, w want) (Value, bool) {
	switch {
	case tn.percent:
		return sc.typedPercent(s, tn, ref, u)
	case tn.unit != "" && !(u.unit != "" && sameUnit(tn.unit, u.unit)):
		return sc.typedSuffix(s, tn, ref, u, w)
	}
	return plainNumber(tn, ref, u), true
}

// typedSuffix is a number followed by something other than the unit of
// its column or row: another unit is refused, and so is any suffix where a
// number is wanted; otherwise (“3个月” in a table) it is text.
func (sc *sheetCtx) typedSuffix(s string, tn textNumber, ref Ref, u unitRule, w want) (Value, bool) {
	switch {
	case u.unit != "" && (u.strict && unitLike(tn.unit) || knownUnit(tn.unit)):
		sc.ps.add(ref, "%s 的单位%s与%s写的单位%s不一致，请换算后只填数字", quote(s), quote(tn.unit), u.where, quote(u.unit))
	case w != anyValue && u.unit == "" && unitLike(tn.unit):
		sc.ps.add(ref, "%s 不是数字：单位请写在“单位”列，数值列只填数字", quote(s))
	case w != anyValue:
		sc.ps.add(ref, "%s 不是数字", quote(s))
	default:
		return Value{Kind: Text, Text: s, Ref: ref}, true
	}
	return Value{Ref: ref}, false
}

// plainNumber is a number typed as text, a percentage when the unit is %.
func plainNumber(tn textNumber, ref Ref, u unitRule) Value {
	v := Value{Kind: Number, Ref: ref, Num: tn.num.Normalize(), Text: formatFixed(tn.num, tn.places, tn.places)}
	if isPercentUnit(u.unit) {
		v.Num, v.Ratio = tn.num.Shift(-2).Normalize(), true
		v.Text += "%"
	}
	return v
}

// typedPercent is a percentage typed as text (“5.2%”), refused where the
// unit is another one.
func (sc *sheetCtx) typedPercent(s string, tn textNumber, ref Ref, u unitRule) (Value, bool) {
	if u.unit != "" && !isPercentUnit(u.unit) {
		sc.ps.add(ref, "%s 是百分数，但%s写的单位是%s", quote(s), u.where, quote(u.unit))
		return Value{Ref: ref}, false
	}
	text := formatFixed(tn.num, tn.places, tn.places) + "%"
	return Value{Kind: Number, Num: tn.value().Normalize(), Ratio: true, Text: text, Ref: ref}, true
}

// typedDate is a date typed as text, refused where a number is wanted.
func (sc *sheetCtx) typedDate(t time.Time, ref Ref, w want) (Value, bool) {
	if w != anyValue {
		sc.ps.add(ref, "这一格是日期（%s），不是数字", dateText(t, 0))
		return Value{Ref: ref}, false
	}
	return Value{Kind: Date, Date: t, Text: dateText(t, 0), Ref: ref}, true
}

// typedProportion is a ratio typed as text (“1.9:75.1:23.7”), refused
// where only a number will do (a rate, 当月).
func (sc *sheetCtx) typedProportion(s string, parts []string, ref Ref, w want) (Value, bool) {
	if w == numberOnly {
		sc.ps.add(ref, "%s 是比例，不是数字；这一列只能填数字", quote(s))
		return Value{Ref: ref}, false
	}
	return proportionValue(parts, ref), true
}

// timeText writes the time of day of an Excel serial number: 8:30, 8:30:15.
func timeText(num decimal.Decimal, seconds bool) string {
	f := math.Mod(num.InexactFloat64(), 1) // the time of day; the days before it do not show
	if f < 0 || math.IsNaN(f) {
		f = 0
	}
	total := int64(f*86400 + 0.5)
	h, m, s := total/3600%24, total/60%60, total%60
	if seconds {
		return strconv.FormatInt(h, 10) + ":" + twoDigits(m) + ":" + twoDigits(s)
	}
	return strconv.FormatInt(h, 10) + ":" + twoDigits(m)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

// knownUnits are units a clerk writes after a number. In a table a number
// followed by one of these, different from the column's unit, is an error;
// any other suffix (“3个月”) leaves the cell as text.
var knownUnits = map[string]bool{}

func init() {
	for _, u := range []string{
		"元", "千元", "万元", "百万元", "千万元", "亿元", "万亿元", "美元", "万美元", "亿美元",
		"个", "万个", "家", "户", "万户", "人", "万人", "人次", "万人次", "名",
		"吨", "万吨", "千克", "公斤", "克", "公里", "千米", "米", "平方米", "万平方米",
		"平方公里", "亩", "万亩", "公顷", "立方米", "万立方米",
		"千瓦", "万千瓦", "千瓦时", "万千瓦时", "亿千瓦时", "度", "万度",
		"辆", "万辆", "台", "套", "件", "项", "所", "座", "栋", "床", "张", "份", "篇", "条",
		"头", "只", "株", "万株", "棵", "批", "场", "次", "起", "宗",
		"天", "周", "小时", "分钟", "位", "%", "‰", "个百分点", "倍",
		"km", "m", "kg", "t", "kw", "kwh", "m2", "m3", "㎡", "㎞", "㎏",
	} {
		knownUnits[fold(u)] = true
	}
}

func knownUnit(s string) bool { return knownUnits[fold(s)] }
