package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html/charset"
)

// How an .xlsx file is read
//
// The file is first opened with excelize, with excelize's own limits on
// the unzipped size (Options.UnzipSizeLimit, UnzipXMLSizeLimit): that
// refuses decompression bombs and broken packages before anything else is
// read, and gives the calculation engine for formulas that have no cached
// value. The cells themselves are then read by streaming each worksheet's
// XML, one element at a time, from the same package: excelize's own row
// iterator (File.Rows) streams too, but gives only strings — not a cell's
// type, number format or formula — and a “5.2%”, a date and a formula
// without a value cannot be told apart without them, while loading a sheet
// whole to ask (GetCellType, GetCellStyle) is what streaming avoids.

// xlsxReader reads the parts of one .xlsx package.
type xlsxReader struct {
	name  string // the file's base name
	opt   *options
	ps    *problems
	zr    *zip.Reader
	parts map[string]*zip.File // by lower-case name, “/” separated, no leading “/”
	xf    *excelize.File

	styles   []numFmt
	sst      []string
	date1904 bool
	cells    int // non-empty cells read so far, against opt.maxCells
	formulas int // formulas calculated so far, against opt.maxFormulas
}

// Relationship types (the part after the last “/” of the type URI).
const (
	relOfficeDocument = "officeDocument"
	relWorksheet      = "worksheet"
	relStyles         = "styles"
	relSharedStrings  = "sharedStrings"
)

type xRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
		Mode   string `xml:"TargetMode,attr"`
	} `xml:"Relationship"`
}

type xWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string `xml:"name,attr"`
		State string `xml:"state,attr"`
		RID   string `xml:"id,attr"`
	} `xml:"sheets>sheet"`
}

type xStyles struct {
	NumFmts []struct {
		ID   string `xml:"numFmtId,attr"`
		Code string `xml:"formatCode,attr"`
	} `xml:"numFmts>numFmt"`
	CellXfs []struct {
		NumFmtID string `xml:"numFmtId,attr"`
	} `xml:"cellXfs>xf"`
}

// readXLSX reads an .xlsx/.xlsm package.
func readXLSX(data []byte, name string, opt *options) (*Book, error) {
	x := &xlsxReader{name: name, opt: opt, ps: &problems{}}
	fileRef := Ref{File: name}

	// The package's directory first: it costs nothing to read, and says
	// whether this is a workbook at all.
	var err error
	x.zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fail(fileRef, "%s", openMessage(err, opt))
	}
	x.parts = make(map[string]*zip.File, len(x.zr.File))
	for _, f := range x.zr.File {
		x.parts[partKey(f.Name)] = f
	}
	if msg := x.otherFormat(); msg != "" {
		return nil, fail(fileRef, "%s", msg)
	}
	wbPath := "xl/workbook.xml"
	if rels, ok := x.rels("_rels/.rels"); ok {
		for _, r := range rels.Rels {
			if relType(r.Type) == relOfficeDocument && r.Mode != "External" {
				wbPath = resolve("", r.Target)
				break
			}
		}
	}
	if strings.HasSuffix(strings.ToLower(wbPath), ".bin") {
		return nil, fail(fileRef, "这是 Excel 二进制工作簿（.xlsb）格式，无法读取：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试")
	}
	if _, ok := x.parts[partKey(wbPath)]; !ok {
		if _, isWord := x.parts["word/document.xml"]; isWord {
			return nil, fail(fileRef, "这是 Word 文档，不是 Excel 工作簿")
		}
		return nil, fail(fileRef, "不是 Excel 工作簿（文件里没有工作簿部分），请确认选对了文件")
	}

	// Then excelize, with its limits on the unzipped size.
	guarded(func() {
		x.xf, err = excelize.OpenReader(bytes.NewReader(data), excelize.Options{
			UnzipSizeLimit:    opt.unzipSize,
			UnzipXMLSizeLimit: opt.unzipXMLSize,
		})
	}, &err)
	if x.xf != nil {
		defer x.xf.Close()
	}
	if err != nil {
		return nil, fail(fileRef, "%s", openMessage(err, opt))
	}

	var wb xWorkbook
	if err := x.decode(wbPath, &wb); err != nil {
		return nil, fail(fileRef, "文件已损坏（工作簿部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
	}
	x.date1904 = wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")

	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	wbRels, _ := x.rels(relsPath)
	targets := map[string]string{}
	types := map[string]string{}
	stylesPath, sstPath := "", ""
	for _, r := range wbRels.Rels {
		if r.Mode == "External" {
			continue
		}
		t := resolve(path.Dir(wbPath), r.Target)
		targets[r.ID], types[r.ID] = t, relType(r.Type)
		switch relType(r.Type) {
		case relStyles:
			stylesPath = t
		case relSharedStrings:
			sstPath = t
		}
	}
	if stylesPath != "" {
		if err := x.readStyles(stylesPath); err != nil {
			return nil, fail(fileRef, "文件已损坏（单元格格式部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
		}
	}
	if sstPath != "" {
		err := x.readSharedStrings(sstPath)
		if errors.Is(err, errTooManyCells) {
			return nil, fail(fileRef, "单元格太多：文字部分超过 %d 个有内容的单元格能用到的数量，请删去不需要的工作表或内容，或拆成几个工作簿", opt.maxCells)
		}
		if err != nil {
			return nil, fail(fileRef, "%s", x.limitOr(err, "文件已损坏（文字部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"))
		}
	}

	bld := newBuilder(name, x.ps, opt.maxCells)
	for _, s := range wb.Sheets {
		if types[s.RID] != relWorksheet {
			continue // a chart sheet, a dialog or macro sheet: no cells
		}
		g := &grid{file: name, sheet: s.Name, date1904: x.date1904}
		sheetRef := Ref{File: name, Sheet: s.Name}
		err := x.readSheet(targets[s.RID], g)
		if errors.Is(err, errTooManyCells) {
			return nil, fail(fileRef, "单元格太多：超过 %d 个有内容的单元格的上限（读到工作表%s时），请删去不需要的工作表或内容，或拆成几个工作簿", opt.maxCells, quote(s.Name))
		}
		if err != nil {
			x.ps.add(sheetRef, "工作表已损坏，无法读取（%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
			continue
		}
		x.calculate(g, sheetRef)
		bld.addSheet(g)
	}
	bld.finish()
	return bld.book, x.ps.err()
}

var errTooManyCells = errors.New("too many cells")

// maxMerges bounds the merged ranges of one sheet.
const maxMerges = 100_000

// otherFormat recognises packages that are zip files but not workbooks
// Excel saves as .xlsx.
func (x *xlsxReader) otherFormat() string {
	if f, ok := x.parts["mimetype"]; ok && f.UncompressedSize64 < 200 {
		if rc, err := f.Open(); err == nil {
			b, _ := io.ReadAll(io.LimitReader(rc, 200))
			rc.Close()
			if strings.Contains(string(b), "opendocument.spreadsheet") {
				return "这是 OpenDocument 表格（.ods）格式，无法读取：请在 WPS 或 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"
			}
			if strings.Contains(string(b), "opendocument") {
				return "这是 OpenDocument 文档，不是 Excel 工作簿，请确认选对了文件"
			}
		}
	}
	return ""
}

// partKey is how a part name is looked up: some programs write “\” or a
// leading “/”, or change the case.
func partKey(name string) string {
	name = strings.ReplaceAll(name, "\\", "/")
	return strings.ToLower(strings.TrimPrefix(name, "/"))
}

// resolve turns a relationship target into a part name.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return strings.TrimPrefix(path.Clean(target), "/")
	}
	return strings.TrimPrefix(path.Clean(path.Join("/", dir, target)), "/")
}

func relType(uri string) string {
	return uri[strings.LastIndex(uri, "/")+1:]
}

// open opens a part for reading.
func (x *xlsxReader) open(name string) (io.ReadCloser, error) {
	f, ok := x.parts[partKey(name)]
	if !ok {
		return nil, partErrorf("缺少部件%s", quote(name))
	}
	if f.UncompressedSize64 > uint64(x.opt.unzipSize) {
		return nil, errUnzipLimit
	}
	return f.Open()
}

var errUnzipLimit = errors.New("unzip size limit")

func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	return d
}

// decode reads a small part whole into v.
func (x *xlsxReader) decode(name string, v any) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	return newDecoder(rc).Decode(v)
}

func (x *xlsxReader) rels(name string) (xRels, bool) {
	var r xRels
	if err := x.decode(name, &r); err != nil {
		return xRels{}, false
	}
	return r, true
}

func (x *xlsxReader) readStyles(name string) error {
	var st xStyles
	if err := x.decode(name, &st); err != nil {
		return err
	}
	custom := map[int]string{}
	for _, nf := range st.NumFmts {
		if id, err := strconv.Atoi(strings.TrimSpace(nf.ID)); err == nil {
			custom[id] = nf.Code
		}
	}
	x.styles = make([]numFmt, len(st.CellXfs))
	for i, xf := range st.CellXfs {
		id, err := strconv.Atoi(strings.TrimSpace(xf.NumFmtID))
		if err != nil {
			continue
		}
		if code, ok := custom[id]; ok {
			x.styles[i] = parseNumFmt(code)
		} else {
			x.styles[i] = builtinNF[id]
		}
	}
	return nil
}

// readSharedStrings streams the shared string table: the text of each
// <si>, its runs joined, phonetic guides (<rPh>) left out.
func (x *xlsxReader) readSharedStrings(name string) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newDecoder(rc)
	var (
		b             strings.Builder
		inSI, inT     bool
		phonetic      int
		size          int
		maxStringSize = int(x.opt.unzipSize)
	)
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "si":
				inSI = true
				b.Reset()
			case "rPh":
				phonetic++
			case "t":
				inT = inSI && phonetic == 0
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "si":
				if inSI {
					// more strings than cells could ever use: a bloated file
					if len(x.sst) > 2*x.opt.maxCells+1000 {
						return errTooManyCells
					}
					x.sst = append(x.sst, unescapeOOXML(b.String()))
				}
				inSI = false
			case "rPh":
				if phonetic > 0 {
					phonetic--
				}
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				size += len(el)
				if size > maxStringSize {
					return errUnzipLimit
				}
				b.Write(el)
			}
		}
	}
}

// unescapeOOXML decodes the _xHHHH_ escapes OOXML uses for control
// characters in text (“_x000D_” is a carriage return).
func unescapeOOXML(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		if i+7 <= len(s) && s[i] == '_' && s[i+1] == 'x' && s[i+6] == '_' {
			if n, err := strconv.ParseUint(s[i+2:i+6], 16, 16); err == nil {
				b.WriteRune(rune(n))
				i += 7
				continue
			}
		}
		b.WriteByte(s[i])
		i++
	}
	return b.String()
}

// pendingFormula is a formula cell without a cached value.
type pendingFormula struct {
	row, col int
	formula  string
}

// readSheet streams one worksheet's XML into g.
func (x *xlsxReader) readSheet(name string, g *grid) error {
	rc, err := x.open(name)
	if err != nil {
		return err
	}
	defer rc.Close()
	d := newDecoder(rc)

	var (
		row         *rawRow
		rowNum      int
		rowNumbered bool // the current row had its number written
		col         int
		inCell      bool
		c           rawCell
		cellT       string
		hasV        bool
		v, f, is    strings.Builder
		inV, inF    bool
		inIS, inT   bool
		phonetic    int
	)
	flushRow := func() {
		if row != nil && len(row.cells) > 0 {
			g.rows = append(g.rows, *row)
		}
		row = nil
	}
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		switch el := tok.(type) {
		case xml.StartElement:
			switch el.Name.Local {
			case "row":
				flushRow()
				n := rowNum + 1
				s, explicit := attr(el, "r")
				if explicit {
					if n, err = strconv.Atoi(strings.TrimSpace(s)); err != nil {
						return partErrorf("行号%s无效", quote(s))
					}
				}
				rowNumbered = explicit
				if n < 1 || n > maxRows {
					return partErrorf("行号 %d 超出范围", n)
				}
				rowNum, col = n, 0
				row = &rawRow{num: n}
			case "c":
				if row == nil { // a cell outside a row
					row = &rawRow{num: rowNum + 1}
					rowNum++
					rowNumbered = false
					if rowNum > maxRows {
						return partErrorf("行号 %d 超出范围", rowNum)
					}
				}
				inCell, hasV = true, false
				v.Reset()
				f.Reset()
				is.Reset()
				c = rawCell{}
				cellT = ""
				col++
				for _, a := range el.Attr {
					switch a.Name.Local {
					case "r":
						cc, rr, ok := parseCellName(a.Value)
						if !ok {
							return partErrorf("单元格地址%s无效", quote(a.Value))
						}
						if rr != row.num && !rowNumbered && len(row.cells) == 0 && rr > rowNum-1 {
							// a row without a number takes its first cell's
							row.num, rowNum = rr, rr
						}
						if rr != row.num {
							return partErrorf("单元格%s不在第 %d 行", quote(a.Value), row.num)
						}
						col = cc
					case "s":
						if s, err := strconv.Atoi(strings.TrimSpace(a.Value)); err == nil && s >= 0 && s < len(x.styles) {
							c.fmt = x.styles[s]
						}
					case "t":
						cellT = a.Value
					}
				}
				if col > maxColumns {
					return partErrorf("列号 %d 超出范围", col)
				}
				c.col = col
			case "v":
				if inCell {
					inV, hasV = true, true
				}
			case "f":
				if inCell {
					inF, c.formula = true, true
				}
			case "is":
				if inCell {
					inIS = true
				}
			case "rPh":
				phonetic++
			case "t":
				inT = inIS && phonetic == 0
			case "mergeCell":
				if s, ok := attr(el, "ref"); ok {
					if m, ok := parseRange(s); ok {
						if len(g.merges) >= maxMerges {
							return partErrorf("合并单元格超过 %d 处，超出程序能处理的范围", maxMerges)
						}
						g.merges = append(g.merges, m)
					}
				}
			}
		case xml.EndElement:
			switch el.Name.Local {
			case "v":
				inV = false
			case "f":
				inF = false
			case "is":
				inIS = false
			case "rPh":
				if phonetic > 0 {
					phonetic--
				}
			case "t":
				inT = false
			case "c":
				if !inCell {
					continue
				}
				inCell = false
				if err := x.finishCell(&c, cellT, hasV, v.String(), is.String()); err != nil {
					return err
				}
				if c.kind == rawEmpty && !(c.formula && !hasV) {
					continue
				}
				if c.formula && !hasV {
					c.kind, c.text = rawFailed, f.String()
				}
				if x.cells++; x.cells > x.opt.maxCells {
					return errTooManyCells
				}
				row.cells = append(row.cells, c)
			case "row":
				flushRow()
			case "sheetData":
				flushRow()
			}
		case xml.CharData:
			switch {
			case inV:
				v.Write(el)
			case inF:
				f.Write(el)
			case inT:
				is.Write(el)
			}
		}
	}
	flushRow()
	return nil
}

// finishCell sets a cell's kind and text from its type and value.
func (x *xlsxReader) finishCell(c *rawCell, t string, hasV bool, v, inline string) error {
	switch t {
	case "s":
		if !hasV || strings.TrimSpace(v) == "" {
			return nil
		}
		i, err := strconv.Atoi(strings.TrimSpace(v))
		if err != nil || i < 0 || i >= len(x.sst) {
			return partErrorf("文字索引%s无效", quote(v))
		}
		c.kind, c.text = rawText, x.sst[i]
	case "inlineStr":
		s := unescapeOOXML(inline)
		if s == "" && hasV {
			s = v
		}
		if s != "" {
			c.kind, c.text = rawText, s
		}
	case "str":
		if v != "" {
			c.kind, c.text = rawText, unescapeOOXML(v)
		}
	case "b":
		if hasV {
			c.kind, c.text = rawBool, "FALSE"
			if strings.TrimSpace(v) == "1" || strings.EqualFold(strings.TrimSpace(v), "true") {
				c.text = "TRUE"
			}
		}
	case "e":
		if hasV {
			c.kind, c.text = rawError, v
		}
	case "d":
		if hasV && strings.TrimSpace(v) != "" {
			c.kind, c.text = rawISO, v
		}
	default: // "n" or none
		if hasV && strings.TrimSpace(v) != "" {
			c.kind, c.text = rawNumber, strings.TrimSpace(v)
		}
	}
	return nil
}

func attr(el xml.StartElement, name string) (string, bool) {
	for _, a := range el.Attr {
		if a.Name.Local == name {
			return a.Value, true
		}
	}
	return "", false
}

// parseCellName reads “B7” (also “$B$7”) into column and row numbers.
func parseCellName(s string) (col, row int, ok bool) {
	s = strings.ReplaceAll(strings.TrimSpace(s), "$", "")
	i := 0
	for i < len(s) && i < 4 {
		ch := s[i] | 0x20 // lower case
		if ch < 'a' || ch > 'z' {
			break
		}
		col = col*26 + int(ch-'a'+1)
		i++
	}
	if i == 0 || i == len(s) || col > maxColumns {
		return 0, 0, false
	}
	row, err := strconv.Atoi(s[i:])
	if err != nil || row < 1 || row > maxRows || s[i] == '+' || s[i] == '-' {
		return 0, 0, false
	}
	return col, row, true
}

// parseRange reads “A1:C2” (or a single cell) into a merged range.
func parseRange(s string) (mergeRange, bool) {
	a, b, found := strings.Cut(s, ":")
	if !found {
		b = a
	}
	c1, r1, ok1 := parseCellName(a)
	c2, r2, ok2 := parseCellName(b)
	if !ok1 || !ok2 {
		return mergeRange{}, false
	}
	if c1 > c2 {
		c1, c2 = c2, c1
	}
	if r1 > r2 {
		r1, r2 = r2, r1
	}
	return mergeRange{c1: c1, r1: r1, c2: c2, r2: r2}, true
}

// calculate gives the formulas of g that have no cached value (files
// written by programs) their value, with excelize's calculation engine.
// A formula it cannot calculate is reported with its cell.
func (x *xlsxReader) calculate(g *grid, sheetRef Ref) {
	for i := range g.rows {
		r := &g.rows[i]
		for j := range r.cells {
			c := &r.cells[j]
			if c.kind != rawFailed || !c.formula {
				continue
			}
			ref := Ref{File: sheetRef.File, Sheet: sheetRef.Sheet, Cell: cellName(c.col, r.num)}
			formula := c.text
			shown := "公式"
			if formula != "" {
				shown = "公式" + quote("="+formula)
			}
			if x.formulas++; x.formulas > x.opt.maxFormulas {
				if x.formulas == x.opt.maxFormulas+1 {
					x.ps.add(sheetRef, "有太多公式（超过 %d 个）没有保存计算结果，请用 Excel 或 WPS 打开这个文件，保存一次后再试", x.opt.maxFormulas)
				}
				continue
			}
			var (
				val string
				err error
			)
			guarded(func() {
				val, err = x.xf.CalcCellValue(g.sheet, ref.Cell, excelize.Options{RawCellValue: true})
			}, &err)
			switch {
			case err != nil && strings.HasPrefix(trim(val), "#") && !strings.Contains(err.Error(), "not support"):
				c.kind, c.text = rawError, trim(val)
			case err != nil:
				x.ps.add(ref, "%s没有保存计算结果，程序也算不出来（%s）；请用 Excel 或 WPS 打开这个文件，保存一次后再试", shown, calcProblem(err))
			case strings.HasPrefix(val, "#"):
				c.kind, c.text = rawError, val
			case val == "":
				c.kind, c.text = rawEmpty, ""
			case val == "TRUE" || val == "FALSE":
				c.kind, c.text = rawBool, val
			default:
				if _, ok := parseRawNumber(val); ok {
					c.kind, c.text = rawNumber, val
				} else {
					c.kind, c.text = rawText, val
				}
			}
		}
	}
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

// partError is a problem found in a part's content, in Chinese.
type partError string

func (e partError) Error() string { return string(e) }

func partErrorf(format string, args ...any) error { return partError(fmt.Sprintf(format, args...)) }

// xmlProblem says in Chinese what is wrong with a part: the readers' own
// errors are in English and say nothing a clerk can act on.
func xmlProblem(err error) string {
	var pe partError
	var se *xml.SyntaxError
	var fe flate.CorruptInputError
	switch {
	case errors.As(err, &pe):
		return string(pe)
	case errors.As(err, &se):
		return fmt.Sprintf("第 %d 行 XML 有误", se.Line)
	case errors.Is(err, errUnzipLimit):
		return "解压后过大"
	case errors.As(err, &fe), errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm):
		return "压缩数据有误"
	case errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "数据不完整"
	}
	return "内容不符合格式"
}

func (x *xlsxReader) limitOr(err error, format string) string {
	if errors.Is(err, errUnzipLimit) {
		return unzipLimitMessage(x.opt)
	}
	return fmt.Sprintf(format, xmlProblem(err))
}

func unzipLimitMessage(opt *options) string {
	return fmt.Sprintf("解压后的内容超过 %s 的上限，可能是文件已损坏或被恶意构造，拒绝读取；如果确实是正常的工作簿，请删去不需要的工作表或内容后再试", sizeText(opt.unzipSize))
}

// openMessage turns an error of opening the package into Chinese. The
// errors of excelize and of the zip and XML readers are in English and say
// nothing a clerk can act on, so all but the size limit come out as one
// message: the file is damaged, save it again.
func openMessage(err error, opt *options) string {
	s := err.Error()
	switch {
	case strings.Contains(s, "unzip size exceeds"), errors.Is(err, errUnzipLimit):
		return unzipLimitMessage(opt)
	case errors.Is(err, excelize.ErrWorkbookFileFormat):
		return "不是 Excel 能打开的 .xlsx 文件格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm),
		errors.Is(err, io.ErrUnexpectedEOF), strings.HasPrefix(s, "zip:"):
		return "文件已损坏，或不是 .xlsx 格式（压缩包无法打开），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
	}
	return "文件已损坏，无法打开，请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
}

// guarded runs f, turning a panic in it (in excelize, on a malformed file)
// into an error.
func guarded(f func(), err *error) {
	defer func() {
		if r := recover(); r != nil {
			*err = fmt.Errorf("程序库出错：%v", r)
		}
	}()
	f()
}
