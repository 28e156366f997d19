package workbook

import (
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Excel's own limits on what one cell holds.
const (
	maxCellChars    = 32767 // characters of a cell's text
	maxFormulaChars = 8192  // characters of a formula
	// maxCellBytes bounds the bytes of a cell's text as written in XML:
	// four bytes a character, and entities (“&amp;”) longer still.
	maxCellBytes = 8 * maxCellChars
)

// sheetReader streams one worksheet's XML into a grid.
type sheetReader struct {
	x     *xlsxReader
	g     *grid
	sheet int // the sheet's index in x.sheets
	s     *xmlScanner

	row         *rawRow
	rowNum      int
	rowNumbered bool // the current row had its number written
	col         int
	cell        *cellXML // the cell being read, nil outside one
	cur         cellXML  // what cell points to, reused from cell to cell
}

// cellXML is what the elements of one <c> said.
type cellXML struct {
	c        rawCell
	t        string // the type attribute: s, str, inlineStr, b, e, d, n
	hasV     bool
	hasF     bool
	v, f, is []byte // as written, entities not decoded
	fType    string // the <f> element's t: shared, array, dataTable
	fRef     string // its ref (a shared formula's master)
	fSI      int    // its si (a shared formula), -1 when none
	inIS     bool
	phonetic int
}

// readSheet streams the worksheet of x.sheets[i] into g.
func (x *xlsxReader) readSheet(i int, g *grid) error {
	s, rc, err := x.scanPart(x.sheets[i].target)
	if err != nil {
		return err
	}
	defer rc.Close()
	sr := &sheetReader{x: x, g: g, sheet: i, s: s}
	return sr.run()
}

// run reads tags to the end of the part.
func (sr *sheetReader) run() error {
	for {
		kind, err := sr.s.next()
		if err == io.EOF {
			sr.flushRow()
			return nil
		}
		if err == errTextTooLong {
			return sr.tooLong()
		}
		if err != nil {
			return err
		}
		if kind == xmlStart {
			err = sr.start()
		}
		if kind == xmlEnd || sr.s.empty {
			err = firstErr(err, sr.end())
		}
		if err != nil {
			return err
		}
	}
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// tooLong says which cell holds more than Excel allows.
func (sr *sheetReader) tooLong() error {
	if sr.cell != nil && sr.cell.hasF && sr.s.keep == &sr.cell.f {
		return partErrorf("单元格 %s 的公式超过 Excel 的上限 %d 个字符", sr.cellName(), maxFormulaChars)
	}
	return partErrorf("单元格 %s 的内容超过 Excel 的上限 %d 个字符", sr.cellName(), maxCellChars)
}

func (sr *sheetReader) cellName() string {
	if sr.row == nil {
		return cellName(max(sr.col, 1), max(sr.rowNum, 1))
	}
	return cellName(max(sr.col, 1), sr.row.num)
}

// start handles a start tag.
func (sr *sheetReader) start() error {
	switch s := sr.s; {
	case s.is("row"):
		return sr.startRow()
	case s.is("c"):
		return sr.startCell()
	case s.is("mergeCell"):
		return sr.merge()
	case sr.cell != nil:
		sr.startInCell()
	}
	return nil
}

// startInCell handles a start tag inside <c>.
func (sr *sheetReader) startInCell() {
	s, c := sr.s, sr.cell
	switch {
	case s.is("v"):
		c.hasV = true
		sr.keep(&c.v, maxCellBytes)
	case s.is("f"):
		sr.startFormula()
	case s.is("is"):
		c.inIS = true
	case s.is("rPh"):
		c.phonetic++
	case s.is("t") && c.inIS && c.phonetic == 0:
		sr.keep(&c.is, maxCellBytes)
	}
}

// keep sends the text that follows to dst.
func (sr *sheetReader) keep(dst *[]byte, max int) {
	sr.s.keep, sr.s.keepMax = dst, max
}

// end handles an end tag (or the end of an empty element).
func (sr *sheetReader) end() error {
	s := sr.s
	sr.s.keep = nil
	switch {
	case s.is("row"), s.is("sheetData"):
		sr.flushRow()
	case s.is("c"):
		return sr.endCell()
	case sr.cell == nil:
	case s.is("is"):
		sr.cell.inIS = false
	case s.is("rPh"):
		sr.cell.phonetic = max(0, sr.cell.phonetic-1)
	}
	return nil
}

func (sr *sheetReader) flushRow() {
	if sr.row != nil && len(sr.row.cells) > 0 {
		sr.g.rows = append(sr.g.rows, *sr.row)
	}
	sr.row = nil
}

// startRow begins a row, numbered as written or following the last.
func (sr *sheetReader) startRow() error {
	sr.flushRow()
	n := sr.rowNum + 1
	s, explicit := sr.s.attr("r")
	if explicit {
		var err error
		if n, err = strconv.Atoi(strings.TrimSpace(s)); err != nil {
			return partErrorf("行号%s无效", quote(s))
		}
	}
	if n < 1 || n > maxRows {
		return partErrorf("行号 %d 超出范围", n)
	}
	sr.rowNumbered = explicit
	sr.rowNum, sr.col = n, 0
	sr.row = &rawRow{num: n}
	return nil
}

// startCell begins a cell, placed by its address or after the last.
func (sr *sheetReader) startCell() error {
	if sr.row == nil { // a cell outside a row
		sr.rowNum++
		if sr.rowNum > maxRows {
			return partErrorf("行号 %d 超出范围", sr.rowNum)
		}
		sr.row = &rawRow{num: sr.rowNum}
		sr.rowNumbered = false
	}
	sr.cur = cellXML{fSI: -1, v: sr.cur.v[:0], f: sr.cur.f[:0], is: sr.cur.is[:0]}
	sr.cell = &sr.cur
	sr.col++
	for _, a := range sr.s.attrs {
		if err := sr.cellAttr(a.name, a.value); err != nil {
			return err
		}
	}
	if sr.col > maxColumns {
		return partErrorf("列号 %d 超出范围", sr.col)
	}
	sr.cell.c.col = sr.col
	return nil
}

// cellAttr reads one attribute of <c>, without allocating.
func (sr *sheetReader) cellAttr(name, value []byte) error {
	switch string(name) {
	case "r":
		return sr.place(value)
	case "s":
		if s := atoiBytes(value); s >= 0 && s < len(sr.x.styles) {
			sr.cell.c.fmt = sr.x.styles[s]
		}
	case "t":
		sr.cell.t = cellType(value)
	}
	return nil
}

// cellType is the type attribute of <c> as a string, allocated only when
// it is not one of the types.
func cellType(v []byte) string {
	for _, t := range [...]string{"s", "str", "inlineStr", "b", "e", "d", "n"} {
		if string(v) == t {
			return t
		}
	}
	return string(v)
}

// place puts the cell at its address: a row without a number takes its
// first cell's.
func (sr *sheetReader) place(addr []byte) error {
	cc, rr, ok := parseCell(addr)
	if !ok {
		return partErrorf("单元格地址%s无效", quote(string(addr)))
	}
	row := sr.row
	if rr != row.num && !sr.rowNumbered && len(row.cells) == 0 && rr > sr.rowNum-1 {
		row.num, sr.rowNum = rr, rr
	}
	if rr != row.num {
		return partErrorf("单元格%s不在第 %d 行", quote(string(addr)), row.num)
	}
	sr.col = cc
	return nil
}

// startFormula reads the attributes of <f> and keeps its text.
func (sr *sheetReader) startFormula() {
	c := sr.cell
	c.hasF = true
	c.fType, _ = sr.s.attr("t")
	c.fRef, _ = sr.s.attr("ref")
	if si, ok := sr.s.attr("si"); ok {
		if n, err := strconv.Atoi(strings.TrimSpace(si)); err == nil && n >= 0 {
			c.fSI = n
		}
	}
	sr.keep(&c.f, maxFormulaChars*4)
}

// endCell finishes a cell: its value, or a formula to calculate.
func (sr *sheetReader) endCell() error {
	c := sr.cell
	if c == nil {
		return nil
	}
	sr.cell = nil
	if !c.hasF && !c.hasV && len(c.is) == 0 {
		return nil // an empty cell, formatted
	}
	f, err := sr.formula(c)
	if err == nil && f != nil {
		c.c.kind, c.c.formula = rawFailed, true
	} else if err == nil {
		err = sr.value(c)
	}
	if err != nil || c.c.kind == rawEmpty {
		return err
	}
	return sr.store(c.c, f)
}

// value sets a cell's value from what its elements said.
func (sr *sheetReader) value(c *cellXML) error {
	err := sr.x.finishCell(&c.c, c.t, c.hasV, c.v, c.is)
	switch {
	case err == errBadText:
		return partErrorf("单元格 %s 的文字编码有误", sr.cellName())
	case err == nil && tooManyChars(c.c.text):
		return sr.tooLong()
	}
	return err
}

// tooManyChars reports whether s has more characters than a cell may.
func tooManyChars(s string) bool {
	return len(s) > maxCellChars && utf8.RuneCountInString(s) > maxCellChars
}

// store adds a cell to its row, within the workbook's cells, and its
// formula to those to calculate.
func (sr *sheetReader) store(c rawCell, f *formulaCell) error {
	if sr.x.cells++; sr.x.cells > sr.x.opt.maxCells {
		return errTooManyCells
	}
	sr.row.cells = append(sr.row.cells, c)
	if f != nil {
		f.row, f.col = sr.row.num, c.col
		sr.x.pending = append(sr.x.pending, f)
	}
	return nil
}

// formula returns the formula of a cell that must be calculated, or nil
// when the cell has none or its saved value is to be read. It records a
// shared formula's master, which other cells of the sheet may use.
func (sr *sheetReader) formula(c *cellXML) (*formulaCell, error) {
	if !c.hasF {
		return nil, nil
	}
	text, ok := decodeXMLText(c.f)
	if !ok {
		return nil, partErrorf("单元格 %s 的公式不是有效的文字", sr.cellName())
	}
	text = strings.TrimPrefix(strings.TrimSpace(text), "=")
	if c.fType == "shared" && c.fRef != "" && c.fSI >= 0 && text != "" {
		sr.x.shared[sharedKey{sr.sheet, c.fSI}] = sharedFormula{row: sr.row.num, col: c.c.col, text: text}
	}
	c.c.formula = true
	shared := c.fType == "shared" && text == "" && c.fSI >= 0
	if sr.cached(c) || text == "" && !shared {
		return nil, nil // a saved value, or an empty formula: an empty cell
	}
	f := &formulaCell{sheet: sr.sheet, text: text, si: -1, kind: c.fType}
	if shared {
		f.si = c.fSI
	}
	return f, nil
}

// cached reports whether a formula cell's value is to be read as saved.
// An empty <v></v> is no value — openpyxl and pandas write one after
// every formula — except in a text result (t="str"), where it is the
// empty text. When the workbook asks to be calculated in full when
// opened (calcPr fullCalcOnLoad, as XlsxWriter writes it, with 0 after
// every formula), no saved value is read.
func (sr *sheetReader) cached(c *cellXML) bool {
	switch {
	case sr.x.fullCalc || !c.hasV && len(c.is) == 0:
		return false
	case c.t == "str" || c.t == "inlineStr":
		return true
	}
	return strings.TrimSpace(string(c.v)) != ""
}

// merge records a merged range.
func (sr *sheetReader) merge() error {
	s, ok := sr.s.attr("ref")
	if !ok {
		return nil
	}
	m, ok := parseRange(s)
	if !ok {
		return nil
	}
	if len(sr.g.merges) >= maxMerges {
		return partErrorf("合并单元格超过 %d 处，超出程序能处理的范围", maxMerges)
	}
	sr.g.merges = append(sr.g.merges, m)
	return nil
}

// readSharedStrings streams the shared string table: the text of each
// <si>, its runs joined, phonetic guides (<rPh>) left out.
func (x *xlsxReader) readSharedStrings(name string) error {
	s, rc, err := x.scanPart(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	sst := &sstReader{x: x, s: s}
	return sst.run()
}

// sstReader reads the shared string table.
type sstReader struct {
	x        *xlsxReader
	s        *xmlScanner
	text     []byte
	inSI     bool
	phonetic int
}

// run reads tags to the end of the part.
func (r *sstReader) run() error {
	for {
		kind, err := r.s.next()
		if err == nil && (kind == xmlEnd || r.s.empty) {
			if kind == xmlStart {
				r.start()
			}
			err = r.end()
		} else if err == nil {
			r.start()
		}
		switch {
		case err == io.EOF:
			return nil
		case err == errTextTooLong:
			return partErrorf("第 %d 个文字超过 Excel 的上限 %d 个字符", len(r.x.sst)+1, maxCellChars)
		case err != nil:
			return err
		}
	}
}

func (r *sstReader) start() {
	switch {
	case r.s.is("si"):
		r.inSI, r.text = true, r.text[:0]
	case r.s.is("rPh"):
		r.phonetic++
	case r.s.is("t") && r.inSI && r.phonetic == 0:
		r.s.keep, r.s.keepMax = &r.text, maxCellBytes
	}
}

func (r *sstReader) end() error {
	r.s.keep = nil
	switch {
	case r.s.is("si") && r.inSI:
		r.inSI = false
		// more strings than cells could ever use: a bloated file
		if len(r.x.sst) > 2*r.x.opt.maxCells+1000 {
			return errTooManyCells
		}
		s, ok := decodeXMLText(r.text)
		if !ok {
			return partErrorf("第 %d 个文字编码有误", len(r.x.sst)+1)
		}
		if tooManyChars(s) {
			return errTextTooLong
		}
		r.x.sst = append(r.x.sst, unescapeOOXML(s))
	case r.s.is("rPh"):
		r.phonetic = max(0, r.phonetic-1)
	}
	return nil
}

var errBadText = errors.New("bad text")

// finishCell sets a cell's kind and text from its type and value (v and
// inline as written, entities not decoded).
func (x *xlsxReader) finishCell(c *rawCell, t string, hasV bool, vRaw, inlineRaw []byte) error {
	v, ok1 := decodeXMLText(vRaw)
	inline, ok2 := decodeXMLText(inlineRaw)
	if !ok1 || !ok2 {
		return errBadText
	}
	switch t {
	case "s":
		return x.sharedText(c, hasV, v)
	case "inlineStr", "str":
		textCell(c, t, hasV, v, inline)
	case "b":
		boolCell(c, hasV, v)
	default:
		valueCell(c, t, hasV, v)
	}
	return nil
}

// textCell sets a text cell: inline text (t="inlineStr") or a formula's
// text result (t="str").
func textCell(c *rawCell, t string, hasV bool, v, inline string) {
	s := unescapeOOXML(v)
	if t == "inlineStr" {
		if s = unescapeOOXML(inline); s == "" && hasV {
			s = v
		}
	}
	if s != "" {
		c.kind, c.text = rawText, s
	}
}

// boolCell sets a TRUE or FALSE cell.
func boolCell(c *rawCell, hasV bool, v string) {
	if !hasV {
		return
	}
	v = strings.TrimSpace(v)
	c.kind, c.text = rawBool, "FALSE"
	if v == "1" || strings.EqualFold(v, "true") {
		c.text = "TRUE"
	}
}

// valueCell sets an error value (t="e"), a date as ISO text (t="d") or a
// number (t="n" or none).
func valueCell(c *rawCell, t string, hasV bool, v string) {
	switch {
	case t == "e" && hasV:
		c.kind, c.text = rawError, v
	case !hasV || strings.TrimSpace(v) == "":
	case t == "d":
		c.kind, c.text = rawISO, v
	case t != "e":
		c.kind, c.text = rawNumber, strings.TrimSpace(v)
	}
}

// sharedText sets a cell's text from the shared strings.
func (x *xlsxReader) sharedText(c *rawCell, hasV bool, v string) error {
	if !hasV || strings.TrimSpace(v) == "" {
		return nil
	}
	i, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil || i < 0 || i >= len(x.sst) {
		return partErrorf("文字索引%s无效", quote(v))
	}
	c.kind, c.text = rawText, x.sst[i]
	return nil
}
