package docxwriter

import (
	"archive/zip"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"briefing/internal/document"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	typeBase  = "application/vnd.openxmlformats-officedocument."
)

// part is one file of the package.
type part struct{ name, data string }

// zipTime is the time of every file in the package: the same input, the
// same bytes.
var zipTime = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)

// pack writes the parts, in their order, as a zip archive.
func pack(out io.Writer, parts []part) error {
	zw := zip.NewWriter(out)
	for _, p := range parts {
		method := zip.Deflate
		if strings.HasSuffix(p.name, ".png") {
			method = zip.Store // compressed already
		}
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method, Modified: zipTime})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

// parts are the package's files in a fixed order: the content types and
// relationships first, then the document and what it refers to.
func (w *writer) parts(body string) []part {
	ps := []part{
		{"[Content_Types].xml", w.contentTypes()},
		{"_rels/.rels", rootRels},
		{"docProps/app.xml", appXML(w.opts.Generator)},
		{"docProps/core.xml", coreXML(w.doc.Meta)},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", w.documentRels()},
		{"word/styles.xml", stylesXML()},
		{"word/settings.xml", settingsXML},
		{"word/fontTable.xml", fontTableXML()},
		{"word/footer1.xml", footerXML(true)},
		{"word/footer2.xml", footerXML(false)},
	}
	for _, m := range w.media {
		ps = append(ps, part{"word/" + m.name, string(m.data)})
	}
	return ps
}

// contentTypes is [Content_Types].xml: PNG among the defaults when the
// document has pictures.
func (w *writer) contentTypes() string {
	if len(w.media) == 0 {
		return contentTypes
	}
	return strings.Replace(contentTypes, `<Default Extension="rels"`, `<Default Extension="png" ContentType="image/png"/><Default Extension="rels"`, 1)
}

var contentTypes = xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
	`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
	`<Default Extension="xml" ContentType="application/xml"/>` +
	`<Override PartName="/word/document.xml" ContentType="` + typeBase + `wordprocessingml.document.main+xml"/>` +
	`<Override PartName="/word/styles.xml" ContentType="` + typeBase + `wordprocessingml.styles+xml"/>` +
	`<Override PartName="/word/settings.xml" ContentType="` + typeBase + `wordprocessingml.settings+xml"/>` +
	`<Override PartName="/word/fontTable.xml" ContentType="` + typeBase + `wordprocessingml.fontTable+xml"/>` +
	`<Override PartName="/word/footer1.xml" ContentType="` + typeBase + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/word/footer2.xml" ContentType="` + typeBase + `wordprocessingml.footer+xml"/>` +
	`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
	`<Override PartName="/docProps/app.xml" ContentType="` + typeBase + `extended-properties+xml"/>` +
	`</Types>`

var rootRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `extended-properties" Target="docProps/app.xml"/>` +
	`</Relationships>`

// The relationships of the document; the footers' ids are those its
// w:sectPr names.
const (
	relOddFooter  = "rId4"
	relEvenFooter = "rId5"
)

// documentRels are the document's relationships, its pictures' last.
func (w *writer) documentRels() string {
	if len(w.media) == 0 {
		return documentRels
	}
	var b strings.Builder
	for _, m := range w.media {
		b.WriteString(`<Relationship Id="` + m.rel + `" Type="` + relBase + `image" Target="` + m.name + `"/>`)
	}
	return strings.Replace(documentRels, `</Relationships>`, b.String()+`</Relationships>`, 1)
}

var documentRels = xmlHeader + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
	`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>` +
	`<Relationship Id="rId2" Type="` + relBase + `settings" Target="settings.xml"/>` +
	`<Relationship Id="rId3" Type="` + relBase + `fontTable" Target="fontTable.xml"/>` +
	`<Relationship Id="` + relOddFooter + `" Type="` + relBase + `footer" Target="footer1.xml"/>` +
	`<Relationship Id="` + relEvenFooter + `" Type="` + relBase + `footer" Target="footer2.xml"/>` +
	`</Relationships>`

// settingsXML: different footers on odd and even pages, punctuation not
// compressed (each mark takes its cell of the grid), Word 2013's layout.
var settingsXML = xmlHeader + `<w:settings xmlns:w="` + nsW + `"><w:zoom w:percent="100"/>` +
	`<w:defaultTabStop w:val="420"/><w:evenAndOddHeaders/><w:characterSpacingControl w:val="doNotCompress"/>` +
	`<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
	`<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/><w:decimalSymbol w:val="."/><w:listSeparator w:val=","/></w:settings>`

// fontTableXML names the faces with their English names and the GB 2312
// character set, for an application that looks for a substitute.
func fontTableXML() string {
	s := xmlHeader + `<w:fonts xmlns:w="` + nsW + `">`
	for _, f := range [][2]string{{fontFang, "FangSong_GB2312"}, {fontTitle, "FZXiaoBiaoSong-B05S"}, {fontHei, "SimHei"}, {fontKai, "KaiTi_GB2312"}, {fontSong, "SimSun"}} {
		s += `<w:font` + attr("w:name", f[0]) + `><w:altName` + attr("w:val", f[1]) + `/><w:charset w:val="86"/><w:family w:val="modern"/><w:pitch w:val="fixed"/></w:font>`
	}
	return s + `<w:font w:name="Times New Roman"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font></w:fonts>`
}

func appXML(generator string) string {
	return xmlHeader + `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>` +
		esc(generator) + `</Application></Properties>`
}

// coreXML holds the title, subject, author (the 发文机关) and language, and
// the date of fileTime.
func coreXML(m document.Meta) string {
	stamp := fileTime(m).Format("2006-01-02T15:04:05Z")
	subject := m.Subject
	if subject == "" {
		subject = m.Title
	}
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + esc(m.Title) + `</dc:title><dc:subject>` + esc(subject) + `</dc:subject><dc:creator>` + esc(m.Org) + `</dc:creator>` +
		`<dc:language>zh-CN</dc:language>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + stamp + `</dcterms:modified></cp:coreProperties>`
}

// fileTime is the date written into the file, as the PDF's:
// SOURCE_DATE_EPOCH when set, else the report's 成文日期.
func fileTime(m document.Meta) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	if !m.Time.IsZero() {
		return m.Time.UTC()
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}
