package docxwriter

import (
	"strconv"
	"strings"
)

// The faces of a Chinese office PC, by the names Word looks up (the same
// the HTML page's font stacks reach first), and the 西文 face.
const (
	fontFang  = "仿宋_GB2312"
	fontTitle = "方正小标宋简体"
	fontHei   = "黑体"
	fontKai   = "楷体_GB2312"
	fontSong  = "宋体"
	fontLatin = "Times New Roman"
)

// The styles' ids. Their names, which Word and LibreOffice show, are
// Chinese (see styles); Normal and Title are Word's own, shown as 正文 and
// 标题 by a Chinese Word.
const (
	styleNormal     = "Normal"
	styleTitle      = "Title"
	styleAddressee  = "Addressee"
	styleCentred    = "Heading0"
	styleQuote      = "Quote"
	styleLiteral    = "Literal"
	styleAttachment = "Attachments"
	styleClosing    = "Closing"
	styleAnnexLabel = "AnnexLabel"
	styleAnnexTitle = "AnnexTitle"
	styleHead       = "Head"
	styleIssuer     = "Issuer"
	styleRecord     = "Record"
	styleCell       = "TableText"
	styleCellHead   = "TableHead"
	styleFolio      = "Folio"
	styleTable      = "Table"
)

// headingStyle is the paragraph style of a heading of 公文 level 1–4
// (一、（一）1.（1）), leadStyle the character style of the same level, for
// a heading that leads its paragraph.
func headingStyle(level int) string { return "Heading" + strconv.Itoa(level) }
func leadStyle(level int) string    { return "Heading" + strconv.Itoa(level) + "Char" }

// style is one w:style.
type style struct {
	kind, id, name, basedOn, link string
	outline                       int // w:outlineLvl + 1; 0 for none
	pPr, rPr                      string
}

// fonts is w:rFonts with East Asian face ea and the 西文 face.
func fonts(ea string) string {
	return `<w:rFonts` + attr("w:ascii", fontLatin) + attr("w:hAnsi", fontLatin) + attr("w:eastAsia", ea) + attr("w:cs", fontLatin) + `/>`
}

// size is w:sz and w:szCs.
func size(half int) string {
	return `<w:sz` + iattr("w:val", half) + `/><w:szCs` + iattr("w:val", half) + `/>`
}

// gridScale is the width of the body's characters, in per cent. Word sets
// each character of a paragraph on the grid in a cell of the grid's pitch
// (15.79 pt), whatever its width; LibreOffice (7.4) gives a character as
// many cells as its advance needs, so that a 3号 character, 16 pt wide,
// takes two. At 98 % (15.68 pt) it takes one in both. Text in other sizes
// (the title, the 标志, tables, the 版记, the page number) is set off the
// grid, at full width.
const gridScale = 98

// scale is w:w: the characters' width in per cent.
func scale(pct int) string { return `<w:w` + iattr("w:val", pct) + `/>` }

// noIndent is a paragraph's w:ind without the body's 2 字.
var noIndent = iattr("w:firstLine", 0)

// levelFonts are the faces of the heading levels (GB/T 9704 §7.3.3):
// 一、 黑体, （一） 楷体, 1. and （1） 仿宋.
var levelFonts = []string{fontHei, fontHei, fontKai, fontFang, fontFang}

// styles lists the document's styles: the body, the title and each part
// of a 公文, the four heading levels (with an outline level each, so that
// Word's navigation pane and LibreOffice's navigator list them) and their
// character styles for run-in leads, the frame, tables and the page number.
func styles() []style {
	P := linePitch()
	out := []style{
		{kind: "paragraph", id: styleNormal, name: "Normal",
			pPr: para{chinese: true, jc: "both", ind: iattr("w:firstLine", zi(2))}.inner(), rPr: fonts(fontFang) + scale(gridScale) + size(bodySize)},
		{kind: "paragraph", id: styleTitle, name: "Title", basedOn: styleNormal,
			pPr: para{keepNext: true, noGrid: true, spacing: exact(P, 0, P), ind: noIndent, jc: "center"}.inner(),
			rPr: fonts(fontTitle) + scale(100) + size(titleSize)},
		{kind: "paragraph", id: styleAddressee, name: "主送机关", basedOn: styleNormal,
			pPr: para{ind: noIndent}.inner()},
	}
	for level := 1; level <= 4; level++ {
		out = append(out,
			style{kind: "paragraph", id: headingStyle(level), name: levelName(level) + "标题", basedOn: styleNormal,
				link: leadStyle(level), outline: level, pPr: para{keepNext: true}.inner(), rPr: fonts(levelFonts[level])},
			style{kind: "character", id: leadStyle(level), name: levelName(level) + "标题 字符", basedOn: "DefaultParagraphFont",
				link: headingStyle(level), rPr: fonts(levelFonts[level])})
	}
	return append(out, append(partStyles(), frameStyles()...)...)
}

// levelName is 一级, 二级, 三级, 四级.
func levelName(level int) string { return []string{"", "一级", "二级", "三级", "四级"}[level] }

// partStyles are the styles of the other parts of the text.
func partStyles() []style {
	P := linePitch()
	return []style{
		{kind: "paragraph", id: styleCentred, name: "居中标题", basedOn: styleNormal,
			pPr: para{keepNext: true, ind: noIndent, jc: "center"}.inner(), rPr: fonts(fontHei)},
		{kind: "paragraph", id: styleQuote, name: "按语", basedOn: styleNormal, rPr: fonts(fontKai)},
		{kind: "paragraph", id: styleLiteral, name: "原样文字", basedOn: styleNormal,
			pPr: para{ind: noIndent, jc: "left"}.inner()},
		{kind: "paragraph", id: styleAttachment, name: "附件说明", basedOn: styleNormal,
			pPr: para{jc: "both"}.inner()},
		{kind: "paragraph", id: styleClosing, name: "落款", basedOn: styleNormal,
			pPr: para{ind: noIndent, jc: "right"}.inner()},
		{kind: "paragraph", id: styleAnnexLabel, name: "附件标识", basedOn: styleNormal,
			pPr: para{keepNext: true, ind: noIndent, jc: "left"}.inner(), rPr: fonts(fontHei)},
		{kind: "paragraph", id: styleAnnexTitle, name: "附件标题", basedOn: styleTitle, outline: 1,
			pPr: para{keepNext: true, spacing: exact(P, P, P)}.inner()},
		{kind: "paragraph", id: styleCell, name: "表格文字", basedOn: styleNormal,
			pPr: para{noGrid: true, spacing: exact(P-cellRule*20/8, 0, 0), ind: noIndent}.inner(), rPr: scale(100) + size(footSize)},
		{kind: "paragraph", id: styleCellHead, name: "表头", basedOn: styleCell,
			pPr: para{keepNext: true, jc: "center"}.inner(), rPr: fonts(fontHei)},
	}
}

// frameStyles are the styles of the 版头, 版记 and page number.
func frameStyles() []style {
	return []style{
		{kind: "paragraph", id: styleHead, name: "版头", basedOn: styleNormal,
			pPr: para{ind: noIndent, jc: "left"}.inner()},
		{kind: "paragraph", id: styleIssuer, name: "发文机关标志", basedOn: styleHead,
			pPr: para{noGrid: true, jc: "center"}.inner(),
			rPr: fonts(fontTitle) + `<w:color w:val="FF0000"/>` + scale(100)},
		{kind: "paragraph", id: styleRecord, name: "版记", basedOn: styleHead,
			pPr: para{noGrid: true, spacing: exact(linePitch(), 0, 0), ind: iattr("w:left", zi(1)*footSize/bodySize) + iattr("w:right", zi(1)*footSize/bodySize) + iattr("w:firstLine", 0)}.inner(),
			rPr: scale(100) + size(footSize)},
		{kind: "paragraph", id: styleFolio, name: "页码", basedOn: styleNormal,
			pPr: para{noGrid: true, spacing: exact(twips(float64(footSize)/2), 0, 0), ind: noIndent}.inner(),
			rPr: `<w:rFonts` + attr("w:ascii", fontSong) + attr("w:hAnsi", fontSong) + attr("w:eastAsia", fontSong) + attr("w:cs", fontSong) + ` w:hint="eastAsia"/>` + scale(100) + size(footSize)},
	}
}

// stylesXML is word/styles.xml: the defaults of every paragraph (3号仿宋
// on the grid, the rules of chineseRules) and the styles.
func stylesXML() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + nsW + `">` + "\n")
	b.WriteString(`<w:docDefaults><w:rPrDefault><w:rPr>` + fonts(fontFang) + `<w:kern w:val="0"/>` + size(bodySize) +
		`<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
		`<w:pPrDefault><w:pPr>` + para{chinese: true, spacing: ` w:before="0" w:after="0" w:line="240" w:lineRule="auto"`}.inner() +
		`</w:pPr></w:pPrDefault></w:docDefaults>` + "\n")
	b.WriteString(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` + "\n")
	b.WriteString(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` + "\n")
	for _, s := range styles() {
		b.WriteString(s.xml())
	}
	b.WriteString(tableStyle())
	b.WriteString(`</w:styles>`)
	return b.String()
}

// xml writes one style.
func (s style) xml() string {
	var b strings.Builder
	b.WriteString(`<w:style` + attr("w:type", s.kind))
	if s.id == styleNormal {
		b.WriteString(` w:default="1"`)
	}
	b.WriteString(attr("w:styleId", s.id) + `><w:name` + attr("w:val", s.name) + `/>`)
	if s.basedOn != "" {
		b.WriteString(`<w:basedOn` + attr("w:val", s.basedOn) + `/>`)
	}
	if s.link != "" {
		b.WriteString(`<w:link` + attr("w:val", s.link) + `/>`)
	}
	b.WriteString(`<w:qFormat/>`)
	pPr := s.pPr
	if s.outline > 0 {
		pPr += `<w:outlineLvl` + iattr("w:val", s.outline-1) + `/>`
	}
	if pPr != "" {
		b.WriteString("<w:pPr>" + pPr + "</w:pPr>")
	}
	if s.rPr != "" {
		b.WriteString("<w:rPr>" + s.rPr + "</w:rPr>")
	}
	b.WriteString("</w:style>\n")
	return b.String()
}

// cellRule is the table's rules, in eighths of a point: ½ pt, as the PDF
// draws them.
const cellRule = 4

// tableStyle is the style of tables: rules round every cell, as the PDF
// draws them; cell margins 0.4 em of 4号 across and none up and down, so
// that a line of a cell and its rule take one grid line (see TableText)
// and the text after a table stays on the grid.
func tableStyle() string {
	edges := ""
	for _, e := range []string{"top", "left", "bottom", "right", "insideH", "insideV"} {
		edges += tableBorder(e, cellRule)
	}
	h := twips(0.4 * float64(footSize) / 2)
	return `<w:style w:type="table" w:styleId="` + styleTable + `"><w:name w:val="公文表格"/><w:basedOn w:val="TableNormal"/><w:qFormat/>` +
		`<w:tblPr><w:tblBorders>` + edges + `</w:tblBorders><w:tblCellMar>` +
		`<w:top w:w="0" w:type="dxa"/><w:left` + iattr("w:w", h) + ` w:type="dxa"/>` +
		`<w:bottom w:w="0" w:type="dxa"/><w:right` + iattr("w:w", h) + ` w:type="dxa"/>` +
		`</w:tblCellMar></w:tblPr></w:style>` + "\n"
}
