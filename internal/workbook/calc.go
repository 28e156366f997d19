package workbook

import (
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// How formulas without a saved value are calculated
//
// Excel saves each formula's result with it, and that is what is read.
// Programs (openpyxl, pandas, excelize) write formulas without one, and
// those are calculated here with excelize's engine — but not the way
// excelize calculates a cell by itself, following each reference into the
// formulas it reads by recursion. That made up numbers for circular
// references (a cell met again reads as empty: B2 = D2 + 1, D2 = B2 + 1
// gave 2) and overflowed the stack, fatally, on a chain of 100,000
// formulas. Instead:
//
//  1. each formula's references are found before anything is calculated
//     (formula.go); formulas whose references are known only once
//     calculated (INDIRECT, OFFSET) are refused;
//  2. the formulas are put in an order where each comes after those it
//     reads (Kahn's algorithm: a queue, no recursion); what is left over
//     is in a circular reference or reads one, and each circle is
//     reported with its cells;
//  3. an excelize workbook is built of only the cells the formulas read,
//     and each formula is calculated in that order, its value then put in
//     its place: the engine never has more than one formula to follow.
//
// Budgets bound the work: how many formulas (options.maxFormulas), how
// many cells their references cover (options.formulaCells: excelize reads
// some 200,000 cells a second), the rows and cells excelize holds for them
// (twice that budget, for the rows: see spanOf) and the text they read
// (formulaText).

// formulaText bounds the bytes of text the formulas read, counted each
// time they read it: CONCAT of a column of long texts makes a longer one.
const formulaText = 64 << 20

// calcState is where a formula is in its calculation.
type calcState uint8

const (
	calcWaiting calcState = iota
	calcRefused           // not to be calculated; reported
	calcDone
	calcBlocked // reads a formula that was not calculated
	calcCircle  // in a circular reference, or reads one
)

// calc calculates the formulas of one workbook.
type calc struct {
	x       *xlsxReader
	grids   []*grid // by sheet index; nil for a sheet without cells
	fs      []*formulaCell
	cells   []*rawCell // each formula's cell in its grid
	state   []calcState
	book    *excelize.File
	area    int            // cells the references cover, against x.opt.formulaCells
	extents map[int][2]int // by sheet: its last row and column (see extent)
	text    int            // bytes of text read, against formulaText

	problems []calcProblemAt
}

// calcProblemAt is a problem of the calculation, with the formula it is
// at (-1 for the whole file), to be listed in the order of the workbook.
type calcProblemAt struct {
	at int
	p  Problem
}

// add notes a problem at formula i (-1: the whole file).
func (c *calc) add(i int, format string, args ...any) {
	ref := Ref{File: c.x.name}
	if i >= 0 {
		ref = c.ref(i)
	}
	var ps problems
	ps.add(ref, format, args...)
	c.problems = append(c.problems, calcProblemAt{i, ps.list[0]})
}

// flush lists the problems in the order of the workbook: the whole
// file's first, then sheet by sheet, row by row.
func (c *calc) flush() {
	sort.SliceStable(c.problems, func(i, j int) bool {
		a, b := c.problems[i].at, c.problems[j].at
		return a < 0 && b >= 0 || a >= 0 && b >= 0 && c.before(int32(a), int32(b))
	})
	for _, p := range c.problems {
		c.x.ps.list = append(c.x.ps.list, p.p)
	}
}

// calculate gives the formulas without a saved value their value, or
// reports why they have none.
func (x *xlsxReader) calculate(grids []*grid) {
	if len(x.pending) == 0 {
		return
	}
	file := Ref{File: x.name}
	switch {
	case len(x.pending) > x.opt.maxFormulas:
		x.ps.add(file, "有 %d 个公式没有保存计算结果，超过程序自己计算的上限 %d 个：请用 Excel 或 WPS 打开这个文件，保存一次后再试", len(x.pending), x.opt.maxFormulas)
		return
	case x.date1904:
		x.ps.add(file, "工作簿用的是 1904 日期系统，其中 %d 个公式没有保存计算结果，程序无法计算：请用 Excel 或 WPS 打开这个文件，保存一次后再试", len(x.pending))
		return
	}
	c := &calc{x: x, grids: grids, fs: x.pending, state: make([]calcState, len(x.pending)), extents: map[int][2]int{}}
	defer c.flush()
	if !c.prepare() {
		return
	}
	order := c.order()
	if c.build() {
		c.run(order)
	}
	c.reportBlocked()
}

// ref is where formula i is.
func (c *calc) ref(i int) Ref {
	f := c.fs[i]
	return Ref{File: c.x.name, Sheet: c.x.sheets[f.sheet].name, Cell: cellName(f.col, f.row)}
}

// refuse reports why formula i is not calculated.
func (c *calc) refuse(i int, p formulaProblem) {
	c.state[i] = calcRefused
	shown := "公式" + quote("="+c.fs[i].text)
	if c.fs[i].text == "" {
		shown = "公式"
	}
	c.add(i, "%s没有保存计算结果，程序也算不出来（%s）；请用 Excel 或 WPS 打开这个文件，保存一次后再试", shown, p)
}

// prepare finds each formula's cell and references, within the budget of
// cells. It reports false when the budget ran out: nothing is calculated.
func (c *calc) prepare() bool {
	c.cells = make([]*rawCell, len(c.fs))
	for _, g := range c.grids {
		if g != nil {
			g.normalize()
		}
	}
	for i := range c.fs {
		if c.prepareOne(i); c.area > c.x.opt.formulaCells {
			c.add(-1, "没有保存计算结果的公式一共引用了超过 %d 个单元格，超过程序自己计算的上限：请用 Excel 或 WPS 打开这个文件，保存一次后再试", c.x.opt.formulaCells)
			return false
		}
	}
	return true
}

// prepareOne finds formula i's cell and references, and counts the cells
// they cover.
func (c *calc) prepareOne(i int) {
	f := c.fs[i]
	if c.cells[i] = c.cellOf(f); c.cells[i] == nil {
		c.state[i] = calcRefused // the file wrote the cell twice: the other one is read
		return
	}
	var p formulaProblem
	var err error
	guarded(func() { p = c.x.prepare(f) }, &err)
	if err != nil {
		p = "程序无法读懂这个公式"
	}
	if p != "" {
		c.refuse(i, p)
		return
	}
	for _, r := range f.reads {
		c.area += c.cover(r)
	}
}

// prepare expands a shared formula and finds its references.
func (x *xlsxReader) prepare(f *formulaCell) formulaProblem {
	if f.si >= 0 && f.text == "" {
		if p := x.expandShared(f); p != "" {
			return p
		}
	}
	return x.analyse(f)
}

// cellOf finds a formula's cell in its grid.
func (c *calc) cellOf(f *formulaCell) *rawCell {
	g := c.grids[f.sheet]
	if g == nil {
		return nil
	}
	i := g.rowIndex(f.row)
	if i == len(g.rows) || g.rows[i].num != f.row {
		return nil
	}
	cell, ok := g.rows[i].cell(f.col)
	if !ok || cell.kind != rawFailed {
		return nil
	}
	return cell
}

// cover is the number of cells excelize looks at for a range: a whole
// column or row only as far as the sheet has cells.
func (c *calc) cover(r cellRange) int {
	maxRow, maxCol := c.extent(r.sheet)
	r2, c2 := r.r2, r.c2
	if r2 == maxRows {
		r2 = max(r.r1, min(r2, maxRow))
	}
	if c2 == maxColumns {
		c2 = max(r.c1, min(c2, maxCol))
	}
	return (r2 - r.r1 + 1) * (c2 - r.c1 + 1)
}

// extent is the last row and column of a sheet with a cell, at least 1.
func (c *calc) extent(sheet int) (maxRow, maxCol int) {
	if e, ok := c.extents[sheet]; ok {
		return e[0], e[1]
	}
	maxRow, maxCol = 1, 1
	if g := c.grids[sheet]; g != nil && len(g.rows) > 0 {
		maxRow = max(1, g.rows[len(g.rows)-1].num)
		for _, r := range g.rows {
			maxCol = max(maxCol, r.cells[len(r.cells)-1].col)
		}
	}
	c.extents[sheet] = [2]int{maxRow, maxCol}
	return maxRow, maxCol
}

// pendingAt is a formula's place, for finding the formulas in a range.
type pendingAt struct {
	col, row int
	id       int32
}

// link finds the formulas each formula reads.
func (c *calc) link() {
	bySheet := map[int][]pendingAt{}
	for i, f := range c.fs {
		bySheet[f.sheet] = append(bySheet[f.sheet], pendingAt{f.col, f.row, int32(i)})
	}
	for _, ps := range bySheet {
		sort.Slice(ps, func(i, j int) bool {
			return ps[i].col < ps[j].col || ps[i].col == ps[j].col && ps[i].row < ps[j].row
		})
	}
	for i, f := range c.fs {
		if c.state[i] != calcWaiting {
			continue
		}
		for _, r := range f.reads {
			f.deps = within(bySheet[r.sheet], r, f.deps)
		}
	}
}

// within appends the formulas of ps (sorted by column, then row) that are
// in r.
func within(ps []pendingAt, r cellRange, ids []int32) []int32 {
	i := sort.Search(len(ps), func(i int) bool { return ps[i].col >= r.c1 })
	for i < len(ps) && ps[i].col <= r.c2 {
		col := ps[i].col
		j := i + sort.Search(len(ps)-i, func(k int) bool { return ps[i+k].col > col || ps[i+k].row >= r.r1 })
		for ; j < len(ps) && ps[j].col == col && ps[j].row <= r.r2; j++ {
			ids = append(ids, ps[j].id)
		}
		i += sort.Search(len(ps)-i, func(k int) bool { return ps[i+k].col > col })
	}
	return ids
}

// order puts the formulas in an order where each comes after the formulas
// it reads, and reports those left over: in a circle, or reading one.
func (c *calc) order() []int32 {
	c.link()
	waiting, readBy := c.readers()
	order := make([]int32, 0, len(c.fs))
	for i := range c.fs {
		if waiting[i] == 0 {
			order = append(order, int32(i))
		}
	}
	for k := 0; k < len(order); k++ {
		for _, j := range readBy[order[k]] {
			if waiting[j]--; waiting[j] == 0 {
				order = append(order, j)
			}
		}
	}
	c.circles(waiting)
	return order
}

// readers counts the formulas each formula reads, and lists the formulas
// that read each.
func (c *calc) readers() (waiting []int32, readBy [][]int32) {
	waiting = make([]int32, len(c.fs))
	readBy = make([][]int32, len(c.fs))
	for i, f := range c.fs {
		for _, d := range f.deps {
			waiting[i]++
			readBy[d] = append(readBy[d], int32(i))
		}
	}
	return waiting, readBy
}

// circles reports each circular reference among the formulas left waiting,
// once, at its first cell. Every formula left waiting reads another one
// left waiting, so following such reads from any of them comes round to a
// formula already met: on this walk (a new circle), or on an earlier one.
func (c *calc) circles(waiting []int32) {
	seen := make([]uint8, len(c.fs)) // 1: on the current walk, 2: walked
	for i := range c.fs {
		if waiting[i] > 0 && seen[i] == 0 {
			c.walk(int32(i), waiting, seen)
		}
	}
}

// walk follows reads from formula u until it meets a formula already met.
func (c *calc) walk(u int32, waiting []int32, seen []uint8) {
	var path []int32
	for seen[u] == 0 {
		seen[u] = 1
		path = append(path, u)
		u = c.waitingDep(u, waiting)
	}
	if seen[u] == 1 {
		k := 0
		for path[k] != u {
			k++
		}
		c.reportCircle(path[k:])
	}
	for _, v := range path {
		seen[v] = 2
		if c.state[v] == calcWaiting {
			c.state[v] = calcCircle
		}
	}
}

// waitingDep is a formula that formula u reads and that is left waiting.
func (c *calc) waitingDep(u int32, waiting []int32) int32 {
	for _, d := range c.fs[u].deps {
		if waiting[d] > 0 {
			return d
		}
	}
	return u // cannot happen: u would not be waiting
}

// maxCircleShown is how many cells of a long circle a message names.
const maxCircleShown = 5

// reportCircle reports one circular reference, starting at its first
// cell in the order of the workbook.
func (c *calc) reportCircle(circle []int32) {
	first := 0
	for k := range circle {
		if c.before(circle[k], circle[first]) {
			first = k
		}
		c.state[circle[k]] = calcRefused
	}
	circle = append(circle[first:len(circle):len(circle)], circle[:first]...)
	c.add(int(circle[0]), "公式循环引用：%s，无法计算；请在 Excel 中改正公式后保存", c.circleText(circle))
}

// circleText names the cells of a circle, the first again at the end:
// “B2 → D2 → B2”; a long one by its first cells and its length.
func (c *calc) circleText(circle []int32) string {
	home := c.fs[circle[0]].sheet
	var names []string
	for k, i := range circle {
		if k == maxCircleShown && len(circle) > maxCircleShown+1 {
			names = append(names, "……")
			break
		}
		names = append(names, c.cellIn(int(i), home))
	}
	text := strings.Join(append(names, c.cellIn(int(circle[0]), home)), " → ")
	if len(circle) > maxCircleShown+1 {
		text += "（循环共 " + strconv.Itoa(len(circle)) + " 个单元格）"
	}
	return text
}

// before reports whether formula a comes before b in the workbook.
func (c *calc) before(a, b int32) bool {
	fa, fb := c.fs[a], c.fs[b]
	if fa.sheet != fb.sheet {
		return fa.sheet < fb.sheet
	}
	if fa.row != fb.row {
		return fa.row < fb.row
	}
	return fa.col < fb.col
}

// cellIn names formula i's cell as seen from sheet home: “B2”, or
// “表2!B2” on another sheet.
func (c *calc) cellIn(i, home int) string {
	f := c.fs[i]
	if f.sheet == home {
		return cellName(f.col, f.row)
	}
	return escapeText(c.x.sheets[f.sheet].name) + "!" + cellName(f.col, f.row)
}

// reportBlocked reports, sheet by sheet, the formulas not calculated
// because they read one that was not: once, at the first of them.
func (c *calc) reportBlocked() {
	first := map[[2]int]int{} // by sheet and state: the first formula
	count := map[[2]int]int{}
	var keys [][2]int
	for i := range c.fs {
		if s := c.state[i]; s == calcBlocked || s == calcCircle {
			k := [2]int{c.fs[i].sheet, int(s)}
			if count[k]++; count[k] == 1 {
				first[k] = i
				keys = append(keys, k)
			}
		}
	}
	for _, k := range keys {
		c.add(first[k], "这个公式%s，无法计算%s", blockedWhy[calcState(k[1])], sheetCount(count[k]))
	}
}

var blockedWhy = map[calcState]string{
	calcBlocked: "用到的单元格没有算出来（见其他问题）",
	calcCircle:  "用到了循环引用中的单元格",
}

// sheetCount says how many formulas of a sheet a message stands for.
func sheetCount(n int) string {
	if n < 2 {
		return ""
	}
	return "（这个工作表共有 " + strconv.Itoa(n) + " 个这样的公式）"
}

// run calculates the formulas in order.
func (c *calc) run(order []int32) {
	for _, i := range order {
		if c.state[i] != calcWaiting {
			continue
		}
		if !c.depsDone(int(i)) {
			c.state[i] = calcBlocked
			continue
		}
		if c.text += c.textRead(c.fs[i]); c.text > formulaText {
			c.add(-1, "没有保存计算结果的公式一共要读的文字超过 %s，超过程序自己计算的上限：请用 Excel 或 WPS 打开这个文件，保存一次后再试", sizeText(formulaText))
			return
		}
		c.eval(int(i))
	}
}

func (c *calc) depsDone(i int) bool {
	for _, d := range c.fs[i].deps {
		if c.state[d] != calcDone {
			return false
		}
	}
	return true
}

// textRead is the bytes of text formula f reads, now that what it reads
// is calculated.
func (c *calc) textRead(f *formulaCell) int {
	n := 0
	for _, r := range f.reads {
		c.each(r, func(_, _ int, rc *rawCell) {
			if rc.kind == rawText {
				n += len(rc.text)
			}
		})
	}
	return n
}

// each calls fn for every cell of the grid in r.
func (c *calc) each(r cellRange, fn func(row, col int, rc *rawCell)) {
	g := c.grids[r.sheet]
	if g == nil {
		return
	}
	for i := g.rowIndex(r.r1); i < len(g.rows) && g.rows[i].num <= r.r2; i++ {
		row := &g.rows[i]
		j := sort.Search(len(row.cells), func(k int) bool { return row.cells[k].col >= r.c1 })
		for ; j < len(row.cells) && row.cells[j].col <= r.c2; j++ {
			fn(row.num, row.cells[j].col, &row.cells[j])
		}
	}
}

// eval calculates formula i and puts its value in its place.
func (c *calc) eval(i int) {
	f := c.fs[i]
	sheet, cell := c.x.sheets[f.sheet].name, cellName(f.col, f.row)
	var (
		val string
		err error
	)
	guarded(func() {
		if err = c.book.SetCellFormula(sheet, cell, f.text); err == nil {
			val, err = c.book.CalcCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		}
	}, &err)
	kind, text, p := calcResult(val, err)
	if p != "" {
		c.refuse(i, p)
		return
	}
	c.cells[i].kind, c.cells[i].text = kind, text
	c.put(sheet, cell, c.cells[i])
	c.state[i] = calcDone
}

// Excel's error values.
var errorValues = map[string]bool{
	"#NULL!": true, "#DIV/0!": true, "#VALUE!": true, "#REF!": true, "#NAME?": true,
	"#NUM!": true, "#N/A": true, "#GETTING_DATA": true, "#SPILL!": true, "#CALC!": true,
	"#FIELD!": true, "#BLOCKED!": true, "#CONNECT!": true, "#BUSY!": true, "#UNKNOWN!": true,
}

// calcResult reads what excelize's CalcCellValue returned: a value and
// its kind, or the problem that kept it from one.
func calcResult(val string, err error) (rawKind, string, formulaProblem) {
	v := strings.TrimSpace(val)
	switch {
	case err != nil && strings.HasPrefix(err.Error(), "not support "):
		return rawFailed, "", formulaProblem(calcProblem(err))
	case errorValues[v]:
		return rawError, v, ""
	case err != nil:
		return rawFailed, "", formulaProblem(calcProblem(err))
	case val == "":
		return rawEmpty, "", ""
	case val == "TRUE" || val == "FALSE":
		return rawBool, val, ""
	case utf8RuneCount(val) > maxCellChars:
		return rawError, "#VALUE!", "" // Excel's limit on a text
	}
	if _, ok := parseRawNumber(val); ok {
		return rawNumber, val, ""
	}
	return rawText, val, ""
}

func utf8RuneCount(s string) int {
	if len(s) <= maxCellChars {
		return len(s)
	}
	return len([]rune(s))
}

// calcProblem says in Chinese why a formula could not be calculated.
func calcProblem(err error) string {
	s := err.Error()
	if fn, ok := strings.CutPrefix(s, "not support "); ok {
		return "程序不支持函数" + quote(strings.TrimSuffix(fn, " function"))
	}
	switch {
	case s == excelize.ErrInvalidFormula.Error():
		return "公式写法有误"
	case strings.HasPrefix(s, "#"):
		return "算出的是错误值 " + s
	}
	return "程序无法计算这个公式"
}

// build makes the workbook the formulas are calculated in: the sheets
// they are on or read, the cells they read, the names they use, and in
// the place of every formula not calculated yet, #N/A — so that a
// reference the analysis missed could only give an error, never a number
// and never a formula to follow. excelize holds every row of a sheet up
// to the last one used, and every cell of a row up to its last one: that
// span is bounded too, or one cell at XFD1048576 would take 600 MB.
func (c *calc) build() bool {
	cells := c.layout()
	if n, most := spanOf(cells), 2*c.x.opt.formulaCells; n > most {
		c.add(-1, "没有保存计算结果的公式和它们引用的单元格分布太广（程序要为它们准备 %d 行和单元格，上限是 %d），程序算不过来：请用 Excel 或 WPS 打开这个文件，保存一次后再试", n, most)
		for i := range c.state {
			if c.state[i] == calcWaiting {
				c.state[i] = calcRefused
			}
		}
		return false
	}
	c.book = excelize.NewFile()
	for k, i := range c.sheetsUsed() {
		if !c.addSheet(k, c.x.sheets[i].name) {
			return c.refuseAll("工作表名" + quote(c.x.sheets[i].name) + "程序无法处理")
		}
	}
	for _, a := range cells {
		c.place(a)
	}
	c.addNames()
	return true
}

// refuseAll refuses every formula still waiting, for problem p.
func (c *calc) refuseAll(p string) bool {
	for i := range c.fs {
		if c.state[i] == calcWaiting {
			c.refuse(i, formulaProblem(p))
		}
	}
	return false
}

// sheetsUsed lists the sheets that formulas waiting are on or read.
func (c *calc) sheetsUsed() []int {
	used := map[int]bool{}
	for i, f := range c.fs {
		if c.state[i] != calcWaiting {
			continue
		}
		used[f.sheet] = true
		for _, r := range f.reads {
			used[r.sheet] = true
		}
	}
	var list []int
	for i := range used {
		list = append(list, i)
	}
	sort.Ints(list)
	return list
}

// addSheet adds the k-th sheet of the workbook built.
func (c *calc) addSheet(k int, name string) bool {
	var err error
	guarded(func() {
		if k == 0 {
			err = c.book.SetSheetName("Sheet1", name)
			return
		}
		_, err = c.book.NewSheet(name)
	}, &err)
	return err == nil
}

// copyAt is a cell of the workbook built.
type copyAt struct {
	sheet, row, col int
	what            placed
	c               *rawCell // placedCopy: the cell copied
}

// placed is what a cell of the workbook built holds, the last winning
// where several fall on one cell.
type placed uint8

const (
	placedEmpty   placed = iota // an empty cell marking how far a sheet goes
	placedCopy                  // a cell a formula reads
	placedFormula               // a formula to calculate, #N/A until then
)

// layout lists the cells of the workbook built in order, each once: the
// cells the formulas read, the formulas' places, and an empty cell at the
// last row (column) of a sheet a formula reads a whole column (row) of,
// for excelize reads a whole column only as far as the sheet goes.
func (c *calc) layout() []copyAt {
	var cells []copyAt
	for i, f := range c.fs {
		if c.state[i] == calcWaiting {
			cells = append(cells, copyAt{f.sheet, f.row, f.col, placedFormula, nil})
			cells = c.reads(f, cells)
		}
	}
	sort.Slice(cells, func(i, j int) bool { return cells[i].before(cells[j]) })
	out := cells[:0]
	for _, a := range cells {
		if n := len(out); n > 0 && out[n-1].sheet == a.sheet && out[n-1].row == a.row && out[n-1].col == a.col {
			out[n-1] = a
			continue
		}
		out = append(out, a)
	}
	return out
}

// reads appends the cells formula f reads, and the empty cells marking
// how far their sheets go.
func (c *calc) reads(f *formulaCell, cells []copyAt) []copyAt {
	for _, r := range f.reads {
		maxRow, maxCol := c.extent(r.sheet)
		if r.r2 == maxRows {
			cells = append(cells, copyAt{r.sheet, maxRow, 1, placedEmpty, nil})
		}
		if r.c2 == maxColumns {
			cells = append(cells, copyAt{r.sheet, 1, maxCol, placedEmpty, nil})
		}
		c.each(r, func(row, col int, rc *rawCell) {
			if rc.kind != rawFailed {
				cells = append(cells, copyAt{r.sheet, row, col, placedCopy, rc})
			}
		})
	}
	return cells
}

// before orders cells by sheet, row and column, then by what they hold.
func (a copyAt) before(b copyAt) bool {
	switch {
	case a.sheet != b.sheet:
		return a.sheet < b.sheet
	case a.row != b.row:
		return a.row < b.row
	case a.col != b.col:
		return a.col < b.col
	}
	return a.what < b.what
}

// spanOf is the rows and cells excelize holds for cells (in order): each
// sheet's rows up to its last, and each row's cells up to its last.
func spanOf(cells []copyAt) int {
	n := 0
	for k, a := range cells {
		if k+1 == len(cells) || cells[k+1].sheet != a.sheet {
			n += a.row // the sheet's last row
		}
		if k+1 == len(cells) || cells[k+1].sheet != a.sheet || cells[k+1].row != a.row {
			n += a.col // the row's last cell
		}
	}
	return n
}

// place writes one cell of the workbook built.
func (c *calc) place(a copyAt) {
	sheet, cell := c.x.sheets[a.sheet].name, cellName(a.col, a.row)
	switch a.what {
	case placedFormula:
		c.book.SetCellFormula(sheet, cell, "NA()")
	case placedCopy:
		c.put(sheet, cell, a.c)
	default:
		c.book.SetCellDefault(sheet, cell, "")
	}
}

// put writes a cell's value into the workbook built.
func (c *calc) put(sheet, cell string, rc *rawCell) {
	b := c.book
	switch rc.kind {
	case rawNumber:
		b.SetCellDefault(sheet, cell, rc.text)
	case rawText:
		b.SetCellStr(sheet, cell, rc.text)
	case rawBool:
		b.SetCellBool(sheet, cell, rc.text == "TRUE")
	case rawError:
		b.SetCellFormula(sheet, cell, errorFormula(rc.text))
	case rawISO:
		if t, ok := parseISODate(rc.text); ok {
			b.SetCellDefault(sheet, cell, strconv.Itoa(serialOf(t)))
		} else {
			b.SetCellStr(sheet, cell, rc.text)
		}
	default:
		b.SetCellDefault(sheet, cell, "")
	}
}

// serialOf is the serial number of a day in Excel's 1900 date system.
func serialOf(t time.Time) int {
	return int(t.Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// errorFormula is a formula excelize calculates to the error value e: a
// cell cannot be given an error value any other way.
func errorFormula(e string) string {
	switch e {
	case "#DIV/0!":
		return "1/0"
	case "#VALUE!":
		return `"a"*1`
	case "#NUM!":
		return "SQRT(-1)"
	}
	return "NA()"
}

// addNames defines in the workbook built the names the formulas use.
func (c *calc) addNames() {
	for i := range c.x.usedNames {
		n := c.x.names[i]
		scope := ""
		if n.sheet >= 0 {
			scope = c.x.sheets[n.sheet].name
		}
		c.book.SetDefinedName(&excelize.DefinedName{Name: n.name, RefersTo: n.refersTo, Scope: scope})
	}
}
