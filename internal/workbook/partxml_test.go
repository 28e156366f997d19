package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html/charset"
)

// partReader is an xlsxReader of a package holding the parts given.
func partReader(t *testing.T, parts map[string][]byte) *xlsxReader {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, data := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(data)
	}
	zw.Close()
	x := &xlsxReader{name: "t.xlsx", opt: makeOptions(nil), ps: &problems{}}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	x.zr, x.parts = zr, map[string]*zip.File{}
	for _, f := range zr.File {
		x.parts[partKey(f.Name)] = f
	}
	return x
}

// asEncodingXML decodes data into v as the reader did with encoding/xml.
func asEncodingXML(data []byte, v any) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charset.NewReaderLabel
	return d.Decode(v)
}

// sameAsEncodingXML checks that the scanner reads part (of kind rels,
// workbook or styles) as encoding/xml decodes it, and fails where it fails.
func sameAsEncodingXML(t *testing.T, label, kind string, data []byte) {
	t.Helper()
	x := partReader(t, map[string][]byte{"p.xml": data})
	var got, want any
	var err, werr error
	switch kind {
	case "rels":
		var w xRels
		werr = asEncodingXML(data, &w)
		want = w
		got, err = x.readRels("p.xml")
	case "workbook":
		var w xWorkbook
		werr = asEncodingXML(data, &w)
		want = w
		got, err = x.readWorkbookPart("p.xml")
	case "styles":
		var w xStyles
		werr = asEncodingXML(data, &w)
		want = w
		got, err = x.readStylesPart("p.xml")
	}
	switch {
	case (err != nil) != (werr != nil):
		t.Errorf("%s: error %v, encoding/xml's %v", label, err, werr)
	case err == nil && !reflect.DeepEqual(got, want):
		t.Errorf("%s:\n got %+v\nwant %+v", label, got, want)
	}
}

// TestSmallPartsAsEncodingXML: the relationships, workbook and styles of
// every workbook of the repository, and parts written to try the corners,
// read as encoding/xml decodes them.
func TestSmallPartsAsEncodingXML(t *testing.T) {
	files, _ := filepath.Glob("../../samples/*.xlsx")
	more, _ := filepath.Glob("../../samples/*/*.xlsx")
	files = append(files, more...)
	if len(files) == 0 {
		t.Fatal("no sample workbooks")
	}
	kinds := func(name string) string {
		switch {
		case strings.HasSuffix(name, ".rels"):
			return "rels"
		case strings.HasSuffix(name, "workbook.xml"):
			return "workbook"
		case strings.HasSuffix(name, "styles.xml"):
			return "styles"
		}
		return ""
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if kind := kinds(f.Name); kind != "" {
				rc, _ := f.Open()
				part, _ := io.ReadAll(rc)
				rc.Close()
				sameAsEncodingXML(t, filepath.Base(file)+" "+f.Name, kind, part)
			}
		}
	}
	corners := []struct{ kind, xml string }{
		{"rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="x"><Relationship Id="r1" Type="a/worksheet" Target="ws/s1.xml"/><Relationship Id="r&amp;2" Type="a/styles" Target="st.xml" TargetMode="External"></Relationship></Relationships>`},
		{"rels", `<Relationships><x><Relationship Id="nested"/></x><Relationship Id="top"/></Relationships>`},
		{"workbook", `<workbook xmlns:r="r"><workbookPr date1904="1"/><workbookPr/><sheets><sheet name="指标" sheetId="1" r:id="rId1"/><sheet name="a&lt;b" state="hidden" r:id="rId2"/></sheets><definedNames><definedName name="税率" localSheetId="0">指标!$B$2</definedName><definedName name="c"><![CDATA[A&B]]>x&amp;y</definedName></definedNames><calcPr fullCalcOnLoad="true"/></workbook>`},
		{"workbook", `<workbook><sheets><x><sheet name="nested"/></x></sheets><definedNames><definedName name="m">a<b>skipped</b>c</definedName></definedNames></workbook>`},
		{"workbook", "<workbook>\r\n<definedNames><definedName name=\"n\">1\r\n2</definedName></definedNames></workbook>"},
		{"workbook", `<workbook><sheets><sheet name="x" r:id="a" id="b"/></sheets></workbook>`},
		{"styles", `<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellStyleXfs><xf numFmtId="9"/></cellStyleXfs><cellXfs><xf numFmtId="0"/><xf numFmtId="164"><alignment/></xf><xf/></cellXfs></styleSheet>`},
		{"workbook", `<workbook><sheets><sheet name="a` + "\x00" + `"/></sheets></workbook>`},
		{"workbook", `<workbook><sheets></workbook>`},
		{"workbook", `<workbook><definedNames><definedName name="x">&bogus;</definedName></definedNames></workbook>`},
		{"styles", `<styleSheet>`},
		{"styles", ``},
		{"rels", `<a/><b/>`},
	}
	for i, c := range corners {
		sameAsEncodingXML(t, "corner "+string(rune('A'+i)), c.kind, []byte(c.xml))
	}
}
