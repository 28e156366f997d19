package workbook

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readCSV reads a CSV file as one sheet named by the file (指标.csv is the
// sheet 指标). The encoding is detected, never asked: UTF-8 with or without
// a byte-order mark, UTF-16 with one (Excel's “Unicode 文本”), otherwise
// GB18030 — which includes GBK and GB2312 — as Excel on Chinese Windows
// saves “CSV（逗号分隔）”. The separator is a comma, or a tab when the first
// line has more tabs than commas.
func readCSV(data []byte, name string, o *options) (*grid, error) {
	sheet := cleanName(strings.TrimSuffix(name, filepath.Ext(name)))
	text, ok := decodeText(data)
	if !ok {
		return nil, fail(Ref{File: name}, "无法识别文件的编码：请在 Excel 中把它另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后再试")
	}
	r := &csvReader{name: name, ref: Ref{File: name, Sheet: sheet}, max: o.maxCells,
		s: csvScanner{text: text, sep: separator(text)}}
	g := &grid{file: name, sheet: sheet}
	if err := r.read(g); err != nil {
		return nil, err
	}
	return g, nil
}

// csvReader turns the records of a CSV file into the rows of a grid,
// within the limits: Excel's rows and columns, the cells of a workbook.
type csvReader struct {
	name  string
	ref   Ref // the sheet
	s     csvScanner
	max   int // cells allowed
	cells int
}

// read reads every record into g.
func (r *csvReader) read(g *grid) error {
	for num := 1; ; num++ {
		fields, err := r.s.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.problem(num, err)
		}
		if num > maxRows {
			return fail(r.ref, "行数超过 Excel 的上限 %d 行", maxRows)
		}
		row, err := r.row(num, fields)
		if err != nil {
			return err
		}
		if len(row.cells) > 0 {
			g.rows = append(g.rows, row)
		}
	}
}

// row makes the row of a record: its fields that show something.
func (r *csvReader) row(num int, fields []string) (rawRow, error) {
	row := rawRow{num: num}
	for i, field := range fields {
		if trim(field) == "" {
			continue
		}
		if r.cells++; r.cells > r.max {
			return row, fail(Ref{File: r.name}, "单元格太多：超过 %d 个有内容的单元格的上限，请删去不需要的内容，或拆成几个文件", r.max)
		}
		row.cells = append(row.cells, rawCell{col: i + 1, kind: rawText, text: field})
	}
	return row, nil
}

// problem says what is wrong with record num.
func (r *csvReader) problem(num int, err error) error {
	switch err {
	case errTooManyFields:
		return fail(r.ref, "第 %d 行超过 Excel 的上限 %d 列", num, maxColumns)
	case errFieldTooLong:
		at := Ref{File: r.ref.File, Sheet: r.ref.Sheet, Cell: cellName(len(r.s.fields)+1, num)}
		if r.s.quoted {
			return fail(at, "这一格从引号开始，超过 Excel 一个单元格的上限 %d 个字符还没有结束：多半是引号不成对，请用 Excel 打开检查后重新保存", maxCellChars)
		}
		return fail(at, "这一格超过 Excel 一个单元格的上限 %d 个字符，请删去不需要的内容", maxCellChars)
	}
	return fail(r.ref, "第 %d 行无法读取", num)
}

var (
	errTooManyFields = errors.New("too many fields")
	errFieldTooLong  = errors.New("field too long")
)

// csvScanner splits CSV text into records as Excel opens a CSV file: a
// field in double quotes may hold separators, line breaks and doubled
// quotes (""); a quote elsewhere is a character like any other; text
// after a field's closing quote belongs to the field. A blank line is a
// record without fields, as it is an empty row in Excel. Fields are
// slices of the text, copied only to undo doubled quotes, and no record
// grows beyond Excel's columns, no field beyond its characters.
type csvScanner struct {
	text   string
	pos    int
	sep    byte
	fields []string // the current record's, reused
	quoted bool     // the field being read started with a quote
}

// next returns the next record, or io.EOF at the end of the text.
func (s *csvScanner) next() ([]string, error) {
	if s.pos >= len(s.text) {
		return nil, io.EOF
	}
	s.fields = s.fields[:0]
	for {
		if len(s.fields) == maxColumns {
			return nil, errTooManyFields
		}
		field, end, err := s.field()
		if err != nil {
			return nil, err
		}
		s.fields = append(s.fields, field)
		if end {
			return s.fields, nil
		}
	}
}

// field reads one field and the separator or line end after it,
// reporting whether the record ends there.
func (s *csvScanner) field() (string, bool, error) {
	s.quoted = s.pos < len(s.text) && s.text[s.pos] == '"'
	if !s.quoted {
		return s.plain()
	}
	s.pos++
	quoted, err := s.quotedPart()
	if err != nil || s.pos >= len(s.text) {
		return checkFieldEnd(quoted, true, err)
	}
	rest, end, err := s.plain()
	return checkFieldEnd(quoted+rest, end, err)
}

// quotedPart reads a field's text up to its closing quote, doubled quotes
// made one; without a closing quote, up to the end.
func (s *csvScanner) quotedPart() (string, error) {
	var b strings.Builder
	for {
		i := strings.IndexByte(s.text[s.pos:], '"')
		if i < 0 {
			i = len(s.text) - s.pos
		}
		if b.Len()+i > maxCellBytes {
			return "", errFieldTooLong
		}
		b.WriteString(s.text[s.pos : s.pos+i])
		s.pos += i + 1
		if s.pos >= len(s.text) || s.text[s.pos] != '"' {
			return b.String(), nil
		}
		b.WriteByte('"') // a doubled quote
		s.pos++
	}
}

// plain reads a field without quotes, up to a separator or line end.
func (s *csvScanner) plain() (string, bool, error) {
	start := s.pos
	for s.pos < len(s.text) {
		switch c := s.text[s.pos]; {
		case c == s.sep:
			s.pos++
			return checkField(s.text[start:s.pos-1], false)
		case c == '\n':
			s.pos++
			return checkField(strings.TrimSuffix(s.text[start:s.pos-1], "\r"), true)
		}
		if s.pos++; s.pos-start > maxCellBytes {
			return "", false, errFieldTooLong
		}
	}
	return checkField(strings.TrimSuffix(s.text[start:], "\r"), true)
}

// checkField refuses a field longer than a cell may be.
func checkField(f string, end bool) (string, bool, error) {
	if len(f) > maxCellChars && utf8.RuneCountInString(f) > maxCellChars {
		return "", false, errFieldTooLong
	}
	return f, end, nil
}

func checkFieldEnd(f string, end bool, err error) (string, bool, error) {
	if err != nil {
		return "", false, err
	}
	return checkField(f, end)
}

// decodeText turns a text file's bytes into a string, detecting its
// encoding (see readCSV).
func decodeText(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
		return string(data), utf8.Valid(data)
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, err := dec.Bytes(data)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
			return "", false
		}
		return string(out), true
	case utf8.Valid(data):
		return string(data), true
	}
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return "", false
	}
	return string(out), true
}

// separator picks the field separator from the first line.
func separator(text string) byte {
	line, _, _ := strings.Cut(text, "\n")
	if strings.Count(line, "\t") > strings.Count(line, ",") {
		return '\t'
	}
	return ','
}
