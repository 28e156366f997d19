package workbook

import (
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// builder turns the grids of a workbook into a Book.
type builder struct {
	book   *Book
	ps     *problems
	budget int // cells that filling merged ranges may still look at (see grid.fillMerges)
	sheets map[string]Ref
	named  map[string]bool // every figure's folded name, read or refused (see checkNames)
}

func newBuilder(file string, ps *problems, maxCells int) *builder {
	return &builder{book: &Book{File: file}, ps: ps, budget: 4 * maxCells, sheets: map[string]Ref{}, named: map[string]bool{}}
}

// addSheet reads one sheet by what its name says it is.
func (b *builder) addSheet(g *grid) {
	g.normalize()
	ref := Ref{File: g.file, Sheet: g.sheet}
	b.book.Sheets = append(b.book.Sheets, ref)
	name := cleanName(g.sheet)
	key := fold(name)
	if first, dup := b.sheets[key]; dup {
		b.ps.add(ref, "工作表名与%s重复（名称前后的空格、全角半角不算区别），请改掉其中一个", quote(first.Sheet))
		return
	}
	b.sheets[key] = ref
	sc := &sheetCtx{g: g, ps: b.ps, ref: ref}
	switch key {
	case fold(MetricsSheet):
		b.readMetrics(sc)
	case fold(InfoSheet):
		b.readInfo(sc)
	case fold(ChecksSheet):
		b.readChecks(sc)
	default:
		if t := b.readTable(sc, name); t != nil {
			b.book.Tables = append(b.book.Tables, t)
		}
	}
}

// fill fills the merged ranges of a sheet (see grid.fillMerges), within
// the workbook's budget.
func (b *builder) fill(sc *sheetCtx, h1, h2 int) {
	if b.budget < 0 {
		return
	}
	if b.budget = sc.g.fillMerges(h1, h2, b.budget); b.budget < 0 {
		b.ps.add(sc.ref, "合并单元格太多（%d 处），无法处理，请取消不必要的合并后再试", len(sc.g.merges))
	}
}

// finish checks what only the whole workbook shows: figures named like
// a table, and the names the checks sheet uses.
func (b *builder) finish() {
	for _, m := range b.book.Metrics {
		if t, ok := b.sheets[fold(m.Name)]; ok && !fixedSheet(m.Name) {
			b.ps.add(m.Ref, "%s 既是指标名，又是工作表%s的名字，模板里无法区分，请改掉其中一个", quote(m.Name), quote(t.Sheet))
		}
	}
	for i := range b.book.Checks {
		b.ps.list = append(b.ps.list, b.book.checkNames(&b.book.Checks[i], b.named)...)
	}
}

// fixedSheet reports whether a name is that of a sheet with a fixed meaning.
func fixedSheet(name string) bool {
	k := fold(name)
	return k == fold(MetricsSheet) || k == fold(InfoSheet) || k == fold(ChecksSheet)
}

// repeatsHeader reports whether a row repeats the header row, as sheets
// printed on several pages do: it has at least two filled cells (one for a
// one-column header), each the same as the header's in its column.
func (sc *sheetCtx) repeatsHeader(r, header *rawRow) bool {
	n := 0
	for j := range r.cells {
		c := &r.cells[j]
		if c.blank() {
			continue
		}
		h, ok := header.cell(c.col)
		if !ok || h.blank() || fold(sc.display(c)) != fold(sc.display(h)) {
			return false
		}
		n++
	}
	return n >= 2 || (n == 1 && header.count() == 1)
}

// Header texts an optional header row of the report sheet may have.
var (
	infoKeyHeaders   = []string{"项目", "名称", "键", "字段", "信息", "key"}
	infoValueHeaders = []string{"内容", "值", "数值", "取值", "value"}
)

func oneOf(s string, list []string) bool {
	k := fold(s)
	for _, x := range list {
		if k == x {
			return true
		}
	}
	return false
}

// readInfo reads the report sheet: one key per row, its value in the next
// filled cell to the right. An optional first row “项目 | 内容” is a header.
func (b *builder) readInfo(sc *sheetCtx) {
	g := sc.g
	b.fill(sc, 0, 0)
	seen := map[string]Ref{}
	first := true
	for i := range g.rows {
		r := &g.rows[i]
		if r.count() == 0 {
			continue
		}
		k := 0
		for k < len(r.cells) && r.cells[k].blank() {
			k++
		}
		kc := &r.cells[k]
		key := cleanName(sc.display(kc))
		var vc *rawCell
		for j := k + 1; j < len(r.cells); j++ {
			if !r.cells[j].blank() {
				vc = &r.cells[j]
				break
			}
		}
		if first {
			first = false
			if oneOf(key, infoKeyHeaders) && (vc == nil || oneOf(sc.display(vc), infoValueHeaders)) {
				continue
			}
		}
		keyRef := sc.at(kc.col, r.num)
		if first, dup := seen[fold(key)]; dup {
			b.ps.add(keyRef, "项目%s重复，第一次出现在 %s；同一个项目只能有一行", quote(key), first.Cell)
			continue
		}
		seen[fold(key)] = keyRef
		if vc == nil {
			b.ps.add(sc.at(kc.col+1, r.num), "%s 没有填写内容（不需要就删掉这一行）", quote(key))
			continue
		}
		v, ok := sc.value(vc, r.num, unitRule{}, anyValue)
		if !ok {
			continue
		}
		if strings.HasSuffix(key, "日期") && v.Kind != Date {
			b.ps.add(v.Ref, "%s 应当是日期（如 2022年12月5日 或 2022-12-5），现在是%s", quote(key), quote(v.String()))
			continue
		}
		b.book.Info = append(b.book.Info, InfoEntry{Key: key, Value: v})
	}
}

// maxTitleRows is how many rows above a table's header may be titles.
const maxTitleRows = 10

// readTable reads a sheet as a table: title rows (one filled cell each,
// besides notes like “单位：亿元”) are skipped, the next row is the header (two rows when header cells are
// merged over the row below), each following row that is not empty and
// does not repeat the header is a record. It returns nil for an empty sheet.
func (b *builder) readTable(sc *sheetCtx, name string) *Table {
	g := sc.g
	var filled []int // indexes of the rows that show something
	for i := range g.rows {
		if g.rows[i].count() > 0 {
			filled = append(filled, i)
		}
	}
	if len(filled) == 0 {
		return nil
	}
	t := &Table{Name: name, Ref: sc.ref}
	k := 0
	for j := 0; j < len(filled) && j < maxTitleRows; j++ {
		if sc.headerLike(&g.rows[filled[j]]) {
			k = j
			break
		}
	}
	var titles []string
	for _, i := range filled[:k] {
		r := &g.rows[i]
		for j := range r.cells {
			if !r.cells[j].blank() {
				titles = append(titles, sc.display(&r.cells[j]))
			}
		}
	}
	t.Title = strings.Join(titles, "\n")

	hi := filled[k]
	h1 := g.rows[hi].num
	h2 := h1
	if hi+1 < len(g.rows) && g.rows[hi+1].num == h1+1 && sc.subHeader(&g.rows[hi], &g.rows[hi+1]) {
		h2 = h1 + 1
	}
	b.fill(sc, h1, h2)
	top := &g.rows[hi]
	var bottom *rawRow
	if h2 > h1 {
		bottom = &g.rows[hi+1]
	}

	// The columns: every column with a header text, in order.
	colsOf := map[int]int{} // sheet column → index in t.Columns
	var tableCols []int     // index in t.Columns → sheet column
	var sheetCols []int
	headerCols := map[int]bool{}
	for _, r := range []*rawRow{top, bottom} {
		if r == nil {
			continue
		}
		for j := range r.cells {
			if !r.cells[j].blank() {
				headerCols[r.cells[j].col] = true
			}
		}
	}
	byName := map[string]Ref{}
	for col := range headerCols {
		sheetCols = append(sheetCols, col)
	}
	sort.Ints(sheetCols)
	for _, col := range sheetCols {
		var topText, bottomText string
		if c, ok := top.cell(col); ok {
			topText = cleanName(sc.display(c))
		}
		if bottom != nil {
			if c, ok := bottom.cell(col); ok {
				bottomText = cleanName(sc.display(c))
			}
		}
		label, unit := topText, headerUnit(topText)
		ref := sc.at(col, h1)
		switch {
		case bottomText == "" || bottomText == topText:
		case topText == "":
			label, unit, ref = bottomText, headerUnit(bottomText), sc.at(col, h2)
		default:
			label = topText + "/" + bottomText
			if u := headerUnit(bottomText); u != "" {
				unit = u
			}
			ref = sc.at(col, h2)
		}
		if first, dup := byName[fold(label)]; dup {
			b.ps.add(ref, "表头%s重复，第一次出现在 %s；同一张表的列名不能相同", quote(label), first.Cell)
			continue
		}
		byName[fold(label)] = ref
		colsOf[col] = len(t.Columns)
		tableCols = append(tableCols, col)
		t.Columns = append(t.Columns, label)
		t.Units = append(t.Units, unit)
		t.ColumnRefs = append(t.ColumnRefs, ref)
	}

	rules := make([]unitRule, len(t.Columns))
	for ci := range t.Columns {
		rules[ci] = unitRule{unit: t.Units[ci], where: "表头" + quote(t.Columns[ci])}
	}
	headerless := map[int]bool{} // columns with data and no header, reported once
	start := hi + 1
	if bottom != nil {
		start = hi + 2
	}
	for i := start; i < len(g.rows); i++ {
		r := &g.rows[i]
		if r.count() == 0 || sc.repeatsHeader(r, top) || (bottom != nil && sc.repeatsHeader(r, bottom)) {
			continue
		}
		row := Row{Table: t, Cells: make([]Value, len(t.Columns))}
		if len(tableCols) > 0 {
			row.Ref = sc.at(tableCols[0], r.num)
		}
		for ci, col := range tableCols {
			row.Cells[ci] = Value{Ref: sc.at(col, r.num)}
		}
		for j := range r.cells {
			c := &r.cells[j]
			if c.blank() {
				continue
			}
			ci, ok := colsOf[c.col]
			if !ok {
				if !headerless[c.col] && !headerCols[c.col] {
					headerless[c.col] = true
					b.ps.add(sc.at(c.col, r.num), "这一列有内容，但表头（第 %d 行）是空的：请补上列名，或删去这一列", h1)
				}
				continue
			}
			v, _ := sc.value(c, r.num, rules[ci], anyValue)
			row.Cells[ci] = v
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// noteCell matches the notes above a table that are not column headers:
// 单位：亿元, 填报单位：县统计局, 填报日期：2022年12月5日.
var noteCell = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(填报|制表|编制)?单位\s*[:：]|^(填报|制表|统计|截止|截至)?(日期|时间)\s*[:：]`)
})

// headerLike reports whether a row can be a table's header: two or more
// filled cells that are not notes. The rows above the header are its title.
func (sc *sheetCtx) headerLike(r *rawRow) bool {
	n := 0
	for j := range r.cells {
		c := &r.cells[j]
		if c.blank() || noteCell().MatchString(sc.display(c)) {
			continue
		}
		if n++; n == 2 {
			return true
		}
	}
	return false
}

// subHeader reports whether the row below a header row is a second header
// row: a header cell is merged down over it, or a header cell merged across
// columns has texts under two or more of them (“产值” over “本月 | 累计”).
// A row with numbers in it is data, never a header.
func (sc *sheetCtx) subHeader(top, next *rawRow) bool {
	for j := range next.cells {
		c := &next.cells[j]
		if c.blank() {
			continue
		}
		if c.kind != rawText {
			return false
		}
		if _, isNum := parseTextNumber(c.text); isNum {
			return false
		}
	}
	for _, m := range sc.g.merges {
		if m.r1 != top.num {
			continue
		}
		if m.r2 > top.num {
			return true
		}
		if m.c2 > m.c1 {
			n := 0
			i := sort.Search(len(next.cells), func(i int) bool { return next.cells[i].col >= m.c1 })
			for ; i < len(next.cells) && next.cells[i].col <= m.c2; i++ {
				if !next.cells[i].blank() {
					if n++; n == 2 {
						return true
					}
				}
			}
		}
	}
	return false
}

// headerUnit finds the unit written in a column header: “产值（亿元）” →
// 亿元, “增速(%)” → %, “面积（单位：亩）” → 亩. Other text in parentheses
// (“项目（含续建）”, “投资（2022年）”) is not a unit.
func headerUnit(h string) string {
	h = trim(h)
	var open, close string
	switch {
	case strings.HasSuffix(h, "）"):
		open, close = "（", "）"
	case strings.HasSuffix(h, ")"):
		open, close = "(", ")"
	default:
		return ""
	}
	i := strings.LastIndex(h, open)
	if i < 0 {
		if open == "（" {
			i = strings.LastIndex(h, "(")
		} else {
			i = strings.LastIndex(h, "（")
		}
		if i < 0 {
			return ""
		}
		_, size := utf8.DecodeRuneInString(h[i:])
		open = h[i : i+size]
	}
	if i == 0 {
		return ""
	}
	inner := trim(h[i+len(open) : len(h)-len(close)])
	for _, p := range []string{"单位：", "单位:"} {
		inner = trim(strings.TrimPrefix(inner, p))
	}
	if inner == "" || utf8.RuneCountInString(inner) > 6 || strings.IndexFunc(inner, unicode.IsDigit) >= 0 {
		return ""
	}
	if !compoundUnit(inner) {
		return ""
	}
	return inner
}

// compoundUnit reports whether s is a unit a header may carry: a known unit,
// one with a magnitude before it (千公顷), or several joined by “/” or “·”
// (元/天·人). Other words in parentheses (“含续建项目”) are not units.
func compoundUnit(s string) bool {
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '·' || r == '•' || r == '／' })
	if len(parts) == 0 {
		return false
	}
	for _, p := range parts {
		if knownUnit(p) {
			continue
		}
		ok := false
		for _, mag := range []string{"十", "百", "千", "万", "亿", "十万", "百万", "千万"} {
			if rest, found := strings.CutPrefix(p, mag); found && knownUnit(rest) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
