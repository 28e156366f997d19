package workbook

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/efp"
)

// formulaCell is a formula cell without a saved value, to be calculated
// (see calc.go).
type formulaCell struct {
	sheet    int // index in xlsxReader.sheets
	row, col int
	text     string // the formula without “=”; for a shared formula's other cells, filled in from its master
	si       int    // the shared formula it is one of, -1 when none
	kind     string // the <f> element's t: "", shared, array, dataTable
	reads    []cellRange
	deps     []int32 // the formulas it reads, by index
}

// sharedKey names a shared formula: a sheet and its si.
type sharedKey struct{ sheet, si int }

// sharedFormula is the master cell of a shared formula, which holds its
// text: the other cells shift its references by their distance from it.
type sharedFormula struct {
	row, col int
	text     string
}

// cellRange is a rectangle of cells on one sheet, corners included.
type cellRange struct{ sheet, c1, r1, c2, r2 int }

// definedName is a name the workbook defines (定义的名称).
type definedName struct {
	name     string
	sheet    int    // the sheet it belongs to, -1 for the whole workbook
	refersTo string // as written, without “=”
}

// Excel's limit on the nesting of a formula's functions.
const maxFormulaNesting = 64

// Functions a formula without a saved value may not use: what INDIRECT
// and OFFSET read is known only once they are calculated, so the order
// of calculation and circular references cannot be found beforehand;
// REPT and MUNIT make results as large as their arguments say.
var unsafeFunctions = map[string]string{
	"INDIRECT": "它引用哪些单元格要算了才知道",
	"OFFSET":   "它引用哪些单元格要算了才知道",
	"REPT":     "它的结果可能极大",
	"MUNIT":    "它的结果可能极大",
}

// formulaProblem is why a formula is not calculated, in Chinese.
type formulaProblem string

// analyse finds the ranges formula f reads. It returns the problem that
// keeps f from being calculated, or "".
func (x *xlsxReader) analyse(f *formulaCell) formulaProblem {
	if utf8.RuneCountInString(f.text) > maxFormulaChars {
		return formulaProblem("公式超过 Excel 的上限 " + strconv.Itoa(maxFormulaChars) + " 个字符")
	}
	if f.kind == "dataTable" {
		return "这是模拟运算表，程序不支持"
	}
	depth := 0
	ps := efp.ExcelParser()
	for _, t := range ps.Parse(f.text) {
		if p := x.token(f, t, &depth); p != "" {
			return p
		}
	}
	return ""
}

// token takes in one token of f's formula: a function's nesting and
// name, or a reference.
func (x *xlsxReader) token(f *formulaCell, t efp.Token, depth *int) formulaProblem {
	switch {
	case t.TSubType == efp.TokenSubTypeStart:
		if *depth++; *depth > maxFormulaNesting {
			return formulaProblem("公式嵌套超过 Excel 的上限 " + strconv.Itoa(maxFormulaNesting) + " 层")
		}
		name := strings.ToUpper(strings.TrimPrefix(t.TValue, "_xlfn."))
		if why, bad := unsafeFunctions[name]; bad && t.TType == efp.TokenTypeFunction {
			return formulaProblem("用到了函数" + quote(name) + "，" + why)
		}
	case t.TSubType == efp.TokenSubTypeStop:
		*depth--
	case t.TType == efp.TokenTypeOperand && t.TSubType == efp.TokenSubTypeRange:
		rs, p := x.reference(t.TValue, f.sheet)
		f.reads = append(f.reads, rs...)
		return p
	}
	return ""
}

// reference resolves a reference of a formula on sheet: “B2”, “$A:$A”,
// “Sheet 1!A1:B2” (efp leaves out the quotes around a sheet's name), or
// a defined name.
func (x *xlsxReader) reference(tok string, sheet int) ([]cellRange, formulaProblem) {
	sheetName, ref, qualified := cutSheet(tok)
	if qualified {
		i, p := x.sheetOf(sheetName)
		if p != "" {
			return nil, p
		}
		sheet = i
	}
	if r, ok := parseRef(ref); ok {
		r.sheet = sheet
		return []cellRange{r}, ""
	}
	if qualified {
		return nil, formulaProblem("引用" + quote(tok) + "无法识别")
	}
	return x.nameRange(ref, sheet)
}

// sheetOf finds the sheet a reference names.
func (x *xlsxReader) sheetOf(name string) (int, formulaProblem) {
	switch {
	case strings.HasPrefix(name, "["):
		return 0, "引用了其他工作簿的单元格"
	case strings.Contains(name, ":"):
		return 0, formulaProblem("引用了几个工作表的同一区域（" + quote(name) + "），程序不支持")
	}
	for i, s := range x.sheets {
		if strings.EqualFold(s.name, name) {
			if s.target == "" || s.broken {
				return 0, formulaProblem("引用的工作表" + quote(name) + "无法读取")
			}
			return i, ""
		}
	}
	return 0, formulaProblem("引用的工作表" + quote(name) + "不存在")
}

// nameRange resolves a defined name used on sheet: the sheet's own name
// first, then the workbook's, spelled exactly (as excelize looks it up).
func (x *xlsxReader) nameRange(name string, sheet int) ([]cellRange, formulaProblem) {
	found := -1
	for i, n := range x.names {
		if n.name == name && (n.sheet == sheet || n.sheet == -1 && found < 0) {
			found = i
		}
	}
	if found < 0 {
		return nil, formulaProblem("用到的名称" + quote(name) + "在工作簿中没有定义")
	}
	x.usedNames[found] = true
	sheetName, ref, qualified := cutSheet(x.names[found].refersTo)
	r, ok := parseRef(ref)
	if !qualified || !ok {
		return nil, formulaProblem("用到的名称" + quote(name) + "不是一个单元格区域，程序不支持")
	}
	i, p := x.sheetOf(sheetName)
	r.sheet = i
	return []cellRange{r}, p
}

// cutSheet splits “Sheet1!A1” or “'Sheet 1'!A1” into the sheet's name and
// the reference.
func cutSheet(s string) (sheet, ref string, ok bool) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "="))
	if strings.HasPrefix(s, "'") {
		if i := strings.Index(s, "'!"); i > 0 {
			return strings.ReplaceAll(s[1:i], "''", "'"), s[i+2:], true
		}
	}
	i := strings.LastIndexByte(s, '!')
	if i < 0 {
		return "", s, false
	}
	return s[:i], s[i+1:], true
}

// parseRef reads a reference without its sheet: a cell (“$B$2”), a range
// of cells (“A1:B2”), of whole columns (“A:B”) or of whole rows (“1:2”).
func parseRef(s string) (cellRange, bool) {
	a, b, isRange := strings.Cut(s, ":")
	if !isRange {
		c, r, ok := parseCellName(a)
		return cellRange{c1: c, r1: r, c2: c, r2: r}, ok
	}
	if c1, r1, ok := parseCellName(a); ok {
		c2, r2, ok := parseCellName(b)
		return orderRange(c1, r1, c2, r2), ok
	}
	if c1, ok := parseColumn(a); ok {
		c2, ok := parseColumn(b)
		return orderRange(c1, 1, c2, maxRows), ok
	}
	r1, ok1 := parseRow(a)
	r2, ok2 := parseRow(b)
	return orderRange(1, r1, maxColumns, r2), ok1 && ok2
}

func orderRange(c1, r1, c2, r2 int) cellRange {
	return cellRange{c1: min(c1, c2), r1: min(r1, r2), c2: max(c1, c2), r2: max(r1, r2)}
}

// parseColumn reads “B” or “$B”.
func parseColumn(s string) (int, bool) {
	s = strings.TrimPrefix(s, "$")
	if s == "" || len(s) > 3 {
		return 0, false
	}
	col := 0
	for i := 0; i < len(s); i++ {
		ch := s[i] | 0x20
		if ch < 'a' || ch > 'z' {
			return 0, false
		}
		col = col*26 + int(ch-'a'+1)
	}
	return col, col <= maxColumns
}

// parseRow reads “7” or “$7”.
func parseRow(s string) (int, bool) {
	s = strings.TrimPrefix(s, "$")
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 1 && n <= maxRows && s[0] != '+' && s[0] != '-'
}

// expandShared gives a shared formula's other cell its own text: the
// master's, with relative references moved by the distance between them.
func (x *xlsxReader) expandShared(f *formulaCell) formulaProblem {
	m, ok := x.shared[sharedKey{f.sheet, f.si}]
	if !ok {
		return "这是共享公式的一部分，但找不到它的主公式"
	}
	ps := efp.ExcelParser()
	tokens := ps.Parse(m.text)
	for i, t := range tokens {
		if t.TType == efp.TokenTypeOperand && t.TSubType == efp.TokenSubTypeRange {
			moved, ok := shiftRef(t.TValue, f.row-m.row, f.col-m.col)
			if !ok {
				return "共享公式移到这里后，引用超出了工作表的范围"
			}
			tokens[i].TValue = moved
		}
	}
	f.text = render(tokens)
	return ""
}

// shiftRef moves the relative parts of a reference (those without “$”)
// by dr rows and dc columns, and writes it with its sheet quoted. A name
// is returned as it is.
func shiftRef(tok string, dr, dc int) (string, bool) {
	sheet, ref, qualified := cutSheet(tok)
	if _, ok := parseRef(ref); !ok {
		return tok, true
	}
	parts := strings.Split(ref, ":")
	for i, p := range parts {
		moved, ok := shiftPart(p, dr, dc)
		if !ok {
			return "", false
		}
		parts[i] = moved
	}
	out := strings.Join(parts, ":")
	if qualified {
		out = "'" + strings.ReplaceAll(sheet, "'", "''") + "'!" + out
	}
	return out, true
}

// shiftPart moves one end of a reference: “B2”, “$B2”, “B”, “$2”.
func shiftPart(p string, dr, dc int) (string, bool) {
	colAbs := strings.HasPrefix(p, "$")
	rest := strings.TrimPrefix(p, "$")
	i := strings.IndexFunc(rest, func(r rune) bool { return r == '$' || r >= '0' && r <= '9' })
	if i < 0 {
		i = len(rest)
	}
	col, row := rest[:i], rest[i:]
	rowAbs := strings.HasPrefix(row, "$") || col == "" && colAbs
	c, okC := shiftCol(col, colAbs, dc)
	r, okR := shiftRow(strings.TrimPrefix(row, "$"), rowAbs, dr)
	return c + r, okC && okR
}

// shiftCol moves a column's letters by dc unless absolute.
func shiftCol(col string, abs bool, dc int) (string, bool) {
	if col == "" {
		return "", true
	}
	c, _ := parseColumn(col)
	if !abs {
		c += dc
	}
	return dollar(abs) + colName(c), c >= 1 && c <= maxColumns
}

// shiftRow moves a row's number by dr unless absolute.
func shiftRow(row string, abs bool, dr int) (string, bool) {
	if row == "" {
		return "", true
	}
	r, _ := strconv.Atoi(row)
	if !abs {
		r += dr
	}
	return dollar(abs) + strconv.Itoa(r), r >= 1 && r <= maxRows
}

func dollar(abs bool) string {
	if abs {
		return "$"
	}
	return ""
}

// render writes tokens back as a formula, as efp's Render does.
func render(tokens []efp.Token) string {
	var b strings.Builder
	for _, t := range tokens {
		switch {
		case t.TType == efp.TokenTypeFunction && t.TSubType == efp.TokenSubTypeStart:
			b.WriteString(t.TValue + "(")
		case t.TSubType == efp.TokenSubTypeStop:
			b.WriteByte(')')
		case t.TType == efp.TokenTypeSubexpression && t.TSubType == efp.TokenSubTypeStart:
			b.WriteByte('(')
		case t.TType == efp.TokenTypeOperand && t.TSubType == efp.TokenSubTypeText:
			b.WriteString(`"` + strings.ReplaceAll(t.TValue, `"`, `""`) + `"`)
		case t.TType == efp.TokenTypeOperatorInfix && t.TSubType == efp.TokenSubTypeIntersection:
			b.WriteByte(' ')
		default:
			b.WriteString(t.TValue)
		}
	}
	return b.String()
}
