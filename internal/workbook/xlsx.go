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
)

// How an .xlsx file is read
//
// The package's directory is read first, and refused when its parts add
// up to more than the unzipped size allowed (options.unzipSize): the sizes
// it gives are the most archive/zip will unzip, so this refuses
// decompression bombs before anything is unzipped. Every part is read
// with xmlScanner, one tag at a time: the small parts (workbook,
// relationships, styles) into the structs encoding/xml would fill
// (partxml.go), the shared strings and the worksheets keeping only the
// cells that have something. The cells
// are then understood sheet by sheet (sheets.go) after the formulas
// without a saved value are calculated (calc.go), which needs every sheet.
//
// excelize is not used to read the file: opening a package with it reads
// every part into memory (a worksheet above a size into a temporary file),
// and its row iterator gives only strings — not a cell's type, number
// format or formula, without which a “5.2%”, a date and a formula without
// a value cannot be told apart.

// xlsxReader reads the parts of one .xlsx package.
type xlsxReader struct {
	name  string // the file's base name
	opt   *options
	ps    *problems
	zr    *zip.Reader
	parts map[string]*zip.File // by lower-case name, “/” separated, no leading “/”

	sheets    []sheetPart
	names     []definedName
	usedNames map[int]bool // names the formulas to calculate use, by index in names
	styles    []numFmt
	sst       []string
	date1904  bool
	fullCalc  bool // the workbook asks to be calculated in full when opened
	cells     int  // non-empty cells read so far, against opt.maxCells
	pending   []*formulaCell
	shared    map[sharedKey]sharedFormula
}

// sheetPart is one sheet of the workbook, as workbook.xml lists it.
type sheetPart struct {
	name   string
	target string // its part; "" for a chart sheet or a dialog sheet
	broken bool   // it could not be read
}

// Relationship types (the part after the last “/” of the type URI).
const (
	relOfficeDocument = "officeDocument"
	relWorksheet      = "worksheet"
	relStyles         = "styles"
	relSharedStrings  = "sharedStrings"
)

// The small parts as encoding/xml would decode them (partxml.go reads
// them; the tags say what each field is, and the tests decode with them).
type xRels struct {
	Rels []xRel `xml:"Relationship"`
}

type xRel struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

type xWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []xSheet `xml:"sheets>sheet"`
	Names  []xName  `xml:"definedNames>definedName"`
	Calc   struct {
		Full string `xml:"fullCalcOnLoad,attr"`
	} `xml:"calcPr"`
}

type xSheet struct {
	Name  string `xml:"name,attr"`
	State string `xml:"state,attr"`
	RID   string `xml:"id,attr"`
}

type xName struct {
	Name     string `xml:"name,attr"`
	Local    string `xml:"localSheetId,attr"`
	RefersTo string `xml:",chardata"`
}

type xStyles struct {
	NumFmts []xNumFmt `xml:"numFmts>numFmt"`
	CellXfs []xXf     `xml:"cellXfs>xf"`
}

type xNumFmt struct {
	ID   string `xml:"numFmtId,attr"`
	Code string `xml:"formatCode,attr"`
}

type xXf struct {
	NumFmtID string `xml:"numFmtId,attr"`
}

// readXLSX reads an .xlsx/.xlsm package.
func readXLSX(data []byte, name string, opt *options) (*Book, error) {
	x := &xlsxReader{name: name, opt: opt, ps: &problems{}, shared: map[sharedKey]sharedFormula{}, usedNames: map[int]bool{}}
	wbPath, err := x.openPackage(data)
	if err != nil {
		return nil, err
	}
	if err := x.readWorkbook(wbPath); err != nil {
		return nil, err
	}
	grids, err := x.readSheets()
	if err != nil {
		return nil, err
	}
	x.calculate(grids)
	bld := newBuilder(name, x.ps, opt.maxCells)
	for _, g := range grids {
		if g != nil {
			bld.addSheet(g)
		}
	}
	bld.finish()
	return bld.book, x.ps.err()
}

// openPackage reads the package's directory, which costs nothing and says
// whether this is a workbook at all, and returns the workbook part's name.
func (x *xlsxReader) openPackage(data []byte) (string, error) {
	fileRef := Ref{File: x.name}
	var err error
	x.zr, err = zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fail(fileRef, "%s", openMessage(err, x.opt))
	}
	x.parts = make(map[string]*zip.File, len(x.zr.File))
	var total uint64
	for _, f := range x.zr.File {
		x.parts[partKey(f.Name)] = f
		total += f.UncompressedSize64
		if total > uint64(x.opt.unzipSize) {
			return "", fail(fileRef, "%s", unzipLimitMessage(x.opt))
		}
	}
	if msg := x.otherFormat(); msg != "" {
		return "", fail(fileRef, "%s", msg)
	}
	return x.workbookPart()
}

// workbookPart finds the workbook part the package's relationships name.
func (x *xlsxReader) workbookPart() (string, error) {
	fileRef := Ref{File: x.name}
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
		return "", fail(fileRef, "这是 Excel 二进制工作簿（.xlsb）格式，无法读取：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试")
	}
	if _, ok := x.parts[partKey(wbPath)]; !ok {
		if _, isWord := x.parts["word/document.xml"]; isWord {
			return "", fail(fileRef, "这是 Word 文档，不是 Excel 工作簿")
		}
		return "", fail(fileRef, "不是 Excel 工作簿（文件里没有工作簿部分），请确认选对了文件")
	}
	return wbPath, nil
}

// readWorkbook reads the workbook part, its relationships, the styles and
// the shared strings.
func (x *xlsxReader) readWorkbook(wbPath string) error {
	fileRef := Ref{File: x.name}
	wb, err := x.readWorkbookPart(wbPath)
	if err != nil {
		return fail(fileRef, "文件已损坏（工作簿部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
	}
	x.date1904 = xmlTrue(wb.Pr.Date1904)
	x.fullCalc = xmlTrue(wb.Calc.Full)
	relsPath := path.Join(path.Dir(wbPath), "_rels", path.Base(wbPath)+".rels")
	stylesPath, sstPath := x.readSheetList(&wb, relsPath, path.Dir(wbPath))
	x.readNames(&wb)
	if stylesPath != "" {
		if err := x.readStyles(stylesPath); err != nil {
			return fail(fileRef, "文件已损坏（单元格格式部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
		}
	}
	return x.readStrings(sstPath)
}

// readStrings reads the shared strings, if the workbook has them.
func (x *xlsxReader) readStrings(sstPath string) error {
	if sstPath == "" {
		return nil
	}
	err := x.readSharedStrings(sstPath)
	if errors.Is(err, errTooManyCells) {
		return fail(Ref{File: x.name}, "单元格太多：文字部分超过 %d 个有内容的单元格能用到的数量，请删去不需要的工作表或内容，或拆成几个工作簿", x.opt.maxCells)
	}
	if err != nil {
		return fail(Ref{File: x.name}, "%s", x.limitOr(err, "文件已损坏（文字部分无法读取：%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"))
	}
	return nil
}

func xmlTrue(s string) bool { return s == "1" || strings.EqualFold(s, "true") }

// readSheetList lists the sheets with their parts, and returns the parts
// of the styles and the shared strings.
func (x *xlsxReader) readSheetList(wb *xWorkbook, relsPath, dir string) (stylesPath, sstPath string) {
	wbRels, _ := x.rels(relsPath)
	targets := map[string]string{}
	for _, r := range wbRels.Rels {
		if r.Mode == "External" {
			continue
		}
		t := resolve(dir, r.Target)
		switch relType(r.Type) {
		case relWorksheet:
			targets[r.ID] = t
		case relStyles:
			stylesPath = t
		case relSharedStrings:
			sstPath = t
		}
	}
	for _, s := range wb.Sheets {
		x.sheets = append(x.sheets, sheetPart{name: s.Name, target: targets[s.RID]})
	}
	return stylesPath, sstPath
}

// readNames keeps the defined names, for the formulas to calculate.
func (x *xlsxReader) readNames(wb *xWorkbook) {
	for _, n := range wb.Names {
		sheet := -1
		if n.Local != "" {
			i, err := strconv.Atoi(strings.TrimSpace(n.Local))
			if err != nil || i < 0 || i >= len(x.sheets) {
				continue
			}
			sheet = i
		}
		x.names = append(x.names, definedName{name: n.Name, sheet: sheet, refersTo: n.RefersTo})
	}
}

// readSheets reads every worksheet into a grid, in the workbook's order;
// a chart sheet, or a worksheet that could not be read, has none.
func (x *xlsxReader) readSheets() ([]*grid, error) {
	grids := make([]*grid, len(x.sheets))
	for i, s := range x.sheets {
		if s.target == "" {
			continue // a chart sheet, a dialog or macro sheet: no cells
		}
		g := &grid{file: x.name, sheet: s.name, date1904: x.date1904}
		pending := len(x.pending)
		err := x.readSheet(i, g)
		if errors.Is(err, errTooManyCells) {
			return nil, fail(Ref{File: x.name}, "单元格太多：超过 %d 个有内容的单元格的上限（读到工作表%s时），请删去不需要的工作表或内容，或拆成几个工作簿", x.opt.maxCells, quote(s.name))
		}
		if err != nil {
			x.ps.add(Ref{File: x.name, Sheet: s.name}, "工作表已损坏，无法读取（%s），请用 Excel 或 WPS 打开后另存为 .xlsx 再试", xmlProblem(err))
			x.sheets[i].broken = true
			x.pending = x.pending[:pending]
			continue
		}
		grids[i] = g
	}
	return grids, nil
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

// partSize is the size a part declares, or -1.
func (x *xlsxReader) partSize(name string) int64 {
	if f, ok := x.parts[partKey(name)]; ok && f.UncompressedSize64 < 1<<62 {
		return int64(f.UncompressedSize64)
	}
	return -1
}

// maxSmallPart bounds the parts read whole (workbook, relationships,
// styles): a few megabytes in the largest workbooks.
const maxSmallPart = 32 << 20

func (x *xlsxReader) rels(name string) (xRels, bool) {
	r, err := x.readRels(name)
	if err != nil {
		return xRels{}, false
	}
	return r, true
}

func (x *xlsxReader) readStyles(name string) error {
	st, err := x.readStylesPart(name)
	if err != nil {
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

// parseCellName reads “B7” (also “$B$7”) into column and row numbers.
func parseCellName(s string) (col, row int, ok bool) {
	return parseCell(s)
}

// parseCell is parseCellName for a string or the bytes of an attribute,
// without allocating.
func parseCell[T string | []byte](s T) (col, row int, ok bool) {
	i, n := skipBlank(s, 0), len(s)
	for n > i && isXMLSpace(s[n-1]) {
		n--
	}
	i = skipDollar(s, i)
	letters := 0
	for ; i < n && letters < 4 && isLetter(s[i]); i, letters = i+1, letters+1 {
		col = col*26 + int(s[i]|0x20-'a'+1)
	}
	i = skipDollar(s, i)
	digits := 0
	for ; i < n && s[i] >= '0' && s[i] <= '9' && digits < 8; i, digits = i+1, digits+1 {
		row = row*10 + int(s[i]-'0')
	}
	ok = letters > 0 && digits > 0 && i == n && col <= maxColumns && row >= 1 && row <= maxRows
	return col, row, ok
}

func isLetter(c byte) bool { c |= 0x20; return c >= 'a' && c <= 'z' }

func skipDollar[T string | []byte](s T, i int) int {
	if i < len(s) && s[i] == '$' {
		i++
	}
	return i
}

func skipBlank[T string | []byte](s T, i int) int {
	for i < len(s) && isXMLSpace(s[i]) {
		i++
	}
	return i
}

// atoiBytes reads a small non-negative number written in ASCII digits, or
// -1.
func atoiBytes(b []byte) int {
	b = trimSpaceRight(trimSpaceLeft(b))
	if len(b) == 0 || len(b) > 9 {
		return -1
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return -1
		}
		n = n*10 + int(c-'0')
	}
	return n
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
		return fmt.Sprintf("第 %d 行内容有误", se.Line)
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
// errors of the zip reader are in English and say nothing a clerk can act
// on, so they come out as one message: the file is damaged, save it again.
func openMessage(err error, opt *options) string {
	s := err.Error()
	switch {
	case errors.Is(err, errUnzipLimit):
		return unzipLimitMessage(opt)
	case errors.Is(err, zip.ErrFormat), errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrAlgorithm),
		errors.Is(err, io.ErrUnexpectedEOF), strings.HasPrefix(s, "zip:"):
		return "文件已损坏，或不是 .xlsx 格式（压缩包无法打开），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
	}
	return "文件已损坏，无法打开，请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
}

// guarded runs f, turning a panic in it (in excelize, on a formula it
// cannot take)
// into an error.
func guarded(f func(), err *error) {
	defer func() {
		if r := recover(); r != nil {
			*err = fmt.Errorf("程序库出错：%v", r)
		}
	}()
	f()
}
