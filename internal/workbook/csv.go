package workbook

import (
	"bytes"
	"encoding/csv"
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
	ref := Ref{File: name, Sheet: sheet}
	text, ok := decodeText(data)
	if !ok {
		return nil, fail(Ref{File: name}, "无法识别文件的编码：请在 Excel 中把它另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后再试")
	}
	g := &grid{file: name, sheet: sheet}
	r := csv.NewReader(strings.NewReader(text))
	r.Comma = separator(text)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	cells := 0
	for num := 1; ; num++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fail(ref, "第 %d 行格式有误（引号不成对等），请用 Excel 打开检查后重新保存", pe.Line)
			}
			return nil, fail(ref, "无法读取（%s）", err.Error())
		}
		if num > maxRows {
			return nil, fail(ref, "行数超过 Excel 的上限 %d 行", maxRows)
		}
		row := rawRow{num: num}
		for i, field := range rec {
			if i >= maxColumns {
				return nil, fail(ref, "第 %d 行超过 Excel 的上限 %d 列", num, maxColumns)
			}
			if trim(field) == "" {
				continue
			}
			if cells++; cells > o.maxCells {
				return nil, fail(Ref{File: name}, "单元格太多：超过 %d 个有内容的单元格的上限，请删去不需要的内容，或拆成几个文件", o.maxCells)
			}
			row.cells = append(row.cells, rawCell{col: i + 1, kind: rawText, text: strings.Clone(field)})
		}
		if len(row.cells) > 0 {
			g.rows = append(g.rows, row)
		}
	}
	return g, nil
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
func separator(text string) rune {
	line, _, _ := strings.Cut(text, "\n")
	if strings.Count(line, "\t") > strings.Count(line, ",") {
		return '\t'
	}
	return ','
}
