package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strings"
	"testing"
)

// xsheet is a worksheet for pkg: its name and what its <sheetData> holds
// (or a function writing it, for large sheets).
type xsheet struct {
	name  string
	data  string
	write func(w io.Writer)
}

// pkg builds an .xlsx package by hand, as programs other than Excel write
// them: the parts a workbook needs, no styles, inline text. extra goes into
// workbook.xml after <sheets> (definedNames, calcPr).
func pkg(tb testing.TB, extra string, sheets ...xsheet) []byte {
	tb.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	add := func(name string, write func(w io.Writer)) {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		write(w)
	}
	text := func(s string) func(io.Writer) { return func(w io.Writer) { io.WriteString(w, s) } }
	var list, rels strings.Builder
	for i, s := range sheets {
		fmt.Fprintf(&list, `<sheet name="%s" sheetId="%d" r:id="rId%d"/>`, xmlEscape(s.name), i+1, i+1)
		fmt.Fprintf(&rels, `<Relationship Id="rId%d" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet%d.xml"/>`, i+1, i+1)
	}
	add("[Content_Types].xml", text(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`))
	add("_rels/.rels", text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`))
	add("xl/workbook.xml", text(`<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>`+list.String()+`</sheets>`+extra+`</workbook>`))
	add("xl/_rels/workbook.xml.rels", text(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rels.String()+`</Relationships>`))
	for i, s := range sheets {
		add(fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1), func(w io.Writer) {
			io.WriteString(w, `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
			if s.write != nil {
				s.write(w)
			}
			io.WriteString(w, s.data+`</sheetData></worksheet>`)
		})
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '&':
			b.WriteString("&amp;")
		case '"':
			b.WriteString("&quot;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// metricRows is the <sheetData> of a 指标 sheet: a header row, then a row
// for each name with the cell XML given for its 数值 (column B).
func metricRows(rows ...[2]string) string {
	var b strings.Builder
	b.WriteString(`<row r="1"><c r="A1" t="inlineStr"><is><t>名称</t></is></c><c r="B1" t="inlineStr"><is><t>数值</t></is></c><c r="C1" t="inlineStr"><is><t>单位</t></is></c></row>`)
	for i, r := range rows {
		n := i + 2
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>%s</t></is></c>%s<c r="C%d" t="inlineStr"><is><t>亿元</t></is></c></row>`,
			n, n, xmlEscape(r[0]), strings.ReplaceAll(r[1], `"B#"`, fmt.Sprintf(`"B%d"`, n)), n)
	}
	return b.String()
}

// fcell is a formula cell without a saved value at B#, as openpyxl writes
// it (an empty <v>).
func fcell(formula string) string {
	return `<c r="B#"><f>` + xmlEscape(formula) + `</f><v></v></c>`
}

// vcell is a number at B#.
func vcell(v string) string { return `<c r="B#"><v>` + v + `</v></c>` }

type zipHeader = zip.FileHeader

// rewriteZip copies a package part by part, compressed data as it is,
// letting edit change each part's header (its sizes, its checksum).
func rewriteZip(tb testing.TB, data []byte, edit func(name string, hdr *zipHeader)) []byte {
	tb.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		tb.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		hdr := f.FileHeader
		edit(f.Name, &hdr)
		w, err := zw.CreateRaw(&hdr)
		if err != nil {
			tb.Fatal(err)
		}
		rc, _ := f.OpenRaw()
		io.Copy(w, rc)
	}
	zw.Close()
	return buf.Bytes()
}

// zipOfParts is a zip of the given parts.
func zipOfParts(tb testing.TB, parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, content := range parts {
		w, err := zw.Create(name)
		if err != nil {
			tb.Fatal(err)
		}
		io.WriteString(w, content)
	}
	zw.Close()
	return buf.Bytes()
}
