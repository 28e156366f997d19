package docxwriter

import (
	"math"

	"briefing/internal/document"
	"briefing/internal/typeset"
)

// The rules of the 版记 in eighths of a point: 1 pt (0.35 mm) first and
// last, ¾ pt (0.26 mm) between (GB/T 9704 §7.4.1).
var (
	thickRule = eighths(typeset.ThickRule)
	thinRule  = eighths(typeset.ThinRule)
)

func eighths(pt float64) int { return int(math.Round(pt * 8)) }

// foot writes the 版记 of a 公文 (抄送, 印发机关 and 印发日期, a thin rule
// between, thick ones round them) or the 报尾 of a 简报 (报、送、发,
// 本期增发, 共印N份, thick rules round them), in 4号, a row a grid line
// at least, 1 字 in from either side: a floating table, one cell a row,
// whose bottom lies on the bottom edge of the 版心 of the page it falls on
// (its anchor, the paragraph after it, is the document's last), the text
// above it.
func (w *writer) foot() {
	m := w.doc.Meta
	var rows []document.FootRow
	between := ""
	switch {
	case m.HasRecord():
		rows, between = m.Record.Rows(), tableBorder("insideH", thinRule)
	case m.HasBriefFoot():
		rows = m.Brief.FootRows()
	default:
		return
	}
	if len(rows) == 0 {
		return
	}
	w.s(`<w:tbl><w:tblPr><w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0"` +
		` w:horzAnchor="page" w:vertAnchor="margin"` + iattr("w:tblpX", marginLeft) + ` w:tblpYSpec="bottom"/>` +
		`<w:tblW` + iattr("w:w", textW) + ` w:type="dxa"/><w:tblBorders>` + tableBorder("top", thickRule) + tableBorder("bottom", thickRule) + between +
		`</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>` +
		`</w:tblPr><w:tblGrid><w:gridCol` + iattr("w:w", textW) + `/></w:tblGrid>` + "\n")
	for _, r := range rows {
		w.s(`<w:tr><w:trPr><w:trHeight` + iattr("w:val", linePitch()) + ` w:hRule="atLeast"/></w:trPr>` +
			`<w:tc><w:tcPr><w:tcW` + iattr("w:w", textW) + ` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		w.footRow(r)
		w.s("</w:tc></w:tr>\n")
	}
	w.s("</w:tbl>\n")
	w.p(para{noGrid: true, spacing: exact(20, 0, 0), ind: noIndent}, nil)
}

// tableBorder is one edge of a table's borders, black, sz eighths of a
// point.
func tableBorder(edge string, sz int) string {
	return `<w:` + edge + ` w:val="single"` + iattr("w:sz", sz) + ` w:space="0" w:color="000000"/>`
}

// footRow writes one row: Label and Text from the left, runover lines
// under the Text, Right flush right after a tab.
func (w *writer) footRow(r document.FootRow) {
	one := zi(1) * footSize / bodySize
	label := int(emWidth(r.Label) * float64(footSize) * 10)
	pp := para{style: styleRecord, tabs: []tab{{"right", textW - one}},
		ind: iattr("w:left", one+label) + iattr("w:right", one) + iattr("w:hanging", label)}
	w.p(pp, func() {
		w.run(r.Label+r.Text, look{})
		if r.Right != "" {
			w.run("\t"+r.Right, look{})
		}
	})
}
