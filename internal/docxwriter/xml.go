package docxwriter

import (
	"encoding/xml"
	"strconv"
	"strings"
)

// esc escapes s for XML text or an attribute value. Characters XML does not
// allow become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// attr is ` name="value"`, escaped.
func attr(name, value string) string { return " " + name + `="` + esc(value) + `"` }

// iattr is ` name="n"`.
func iattr(name string, n int) string { return " " + name + `="` + strconv.Itoa(n) + `"` }

// para is a paragraph's properties, written in the order the schema
// requires (ECMA-376 §17.3.1.26): Word refuses elements out of order.
type para struct {
	style    string // w:pStyle: a paragraph style's id
	keepNext bool
	newPage  bool   // w:pageBreakBefore
	chinese  bool   // the Chinese rules: see chineseRules
	borders  string // the children of w:pBdr
	tabs     []tab
	noGrid   bool   // w:snapToGrid off
	spacing  string // attributes of w:spacing
	ind      string // attributes of w:ind
	jc       string // w:jc: left, center, right, both, distribute
}

// chineseRules are the line-breaking rules of the body: the Chinese
// line-start and line-end rules (w:kinsoku), no space added between
// ideographs and Latin letters or digits, and punctuation allowed to hang
// past the right edge (w:overflowPunct), Word's default. LibreOffice (7.4)
// reads that element the other way round: the explicit “on” is what keeps
// it from hanging marks, which in a grid it would drop from its PDF.
// Widow control is off (w:widowControl): it would leave pages a line short
// of 22.
const chineseRules = `<w:kinsoku/><w:overflowPunct/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>`

// tab is a tab stop: kind left, right or center, at pos twips.
type tab struct {
	kind string
	pos  int
}

// xml writes <w:pPr>…</w:pPr>, or nothing when p is empty.
func (p para) xml() string {
	if in := p.inner(); in != "" {
		return "<w:pPr>" + in + "</w:pPr>"
	}
	return ""
}

// inner writes the children of w:pPr.
func (p para) inner() string {
	var b strings.Builder
	if p.style != "" {
		b.WriteString(`<w:pStyle` + attr("w:val", p.style) + `/>`)
	}
	if p.keepNext {
		b.WriteString(`<w:keepNext/>`)
	}
	if p.newPage {
		b.WriteString(`<w:pageBreakBefore/>`)
	}
	if p.chinese {
		b.WriteString(`<w:widowControl w:val="0"/>`)
	}
	if p.borders != "" {
		b.WriteString(`<w:pBdr>` + p.borders + `</w:pBdr>`)
	}
	if len(p.tabs) > 0 {
		b.WriteString(`<w:tabs>`)
		for _, t := range p.tabs {
			b.WriteString(`<w:tab` + attr("w:val", t.kind) + iattr("w:pos", t.pos) + `/>`)
		}
		b.WriteString(`</w:tabs>`)
	}
	if p.chinese {
		b.WriteString(chineseRules)
	}
	if p.noGrid {
		b.WriteString(`<w:snapToGrid w:val="0"/>`)
	}
	if p.spacing != "" {
		b.WriteString(`<w:spacing` + p.spacing + `/>`)
	}
	if p.ind != "" {
		b.WriteString(`<w:ind` + p.ind + `/>`)
	}
	if p.jc != "" {
		b.WriteString(`<w:jc` + attr("w:val", p.jc) + `/>`)
	}
	return b.String()
}

// border is one edge of a paragraph's border: a single line of sz eighths
// of a point, space pt from the text, in colour (hex RGB, "auto" black).
func border(edge string, sz, space int, colour string) string {
	return `<w:` + edge + ` w:val="single"` + iattr("w:sz", sz) + iattr("w:space", space) + attr("w:color", colour) + `/>`
}

// exact is w:spacing's attributes for an exact line height of h twips,
// before and after twips around the paragraph.
func exact(h, before, after int) string {
	return iattr("w:before", before) + iattr("w:after", after) + iattr("w:line", h) + ` w:lineRule="exact"`
}
