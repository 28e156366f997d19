package docxwriter

import (
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

// table writes a table across the 版心 in 4号, as the PDF sets it: rules
// round every cell, the header row in 黑体, centred and repeated on each
// page, the columns aligned as document.ColumnAligns says, each as wide
// as its text asks.
func (w *writer) table(t *east.Table) {
	aligns := document.ColumnAligns(t, w.src)
	widths := w.columnWidths(t, len(aligns))
	w.s(`<w:tbl><w:tblPr><w:tblStyle w:val="` + styleTable + `"/>` +
		`<w:tblW` + iattr("w:w", textW) + ` w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblLook w:val="0020" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, cw := range widths {
		w.s(`<w:gridCol` + iattr("w:w", cw) + `/>`)
	}
	w.s("</w:tblGrid>\n")
	for row := range mdext.Rows(t) {
		w.row(row, aligns, widths)
	}
	w.s("</w:tbl>\n")
}

// row writes a table row; the header row repeats on each page a table
// spans. (A row may break across pages: LibreOffice 7.4 drops the rows
// after one that cannot.)
func (w *writer) row(row ast.Node, aligns []east.Alignment, widths []int) {
	head := document.IsHeaderRow(row)
	w.s(`<w:tr>`)
	if head {
		w.s(`<w:trPr><w:tblHeader/></w:trPr>`)
	}
	col := 0
	for c := row.FirstChild(); c != nil && col < len(widths); c = c.NextSibling() {
		w.s(`<w:tc><w:tcPr><w:tcW` + iattr("w:w", widths[col]) + ` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		pp := para{style: styleCell, jc: cellJc(aligns[col])}
		if head {
			pp = para{style: styleCellHead}
		}
		w.p(pp, func() { w.inline(c, look{}) })
		w.s("</w:tc>")
		col++
	}
	for ; col < len(widths); col++ {
		w.s(`<w:tc><w:tcPr><w:tcW` + iattr("w:w", widths[col]) + ` w:type="dxa"/></w:tcPr><w:p>` + para{style: styleCell}.xml() + `</w:p></w:tc>`)
	}
	w.s("</w:tr>\n")
}

// cellJc is the w:jc of a column's cells.
func cellJc(a east.Alignment) string {
	switch a {
	case east.AlignRight:
		return "right"
	case east.AlignCenter:
		return "center"
	}
	return "both"
}

// columnWidths shares the 版心 between the columns as the PDF does: each
// column its natural width (its longest cell) when that is no more than a
// fair share, the others the rest, none less than its longest unbreakable
// piece when that can be had; width left over in proportion.
func (w *writer) columnWidths(t *east.Table, n int) []int {
	if n == 0 {
		return nil
	}
	pad := 2 * 0.4
	minW, maxW := make([]float64, n), make([]float64, n)
	for row := range mdext.Rows(t) {
		col := 0
		for c := row.FirstChild(); c != nil && col < n; c = c.NextSibling() {
			text := mdext.Text(c, w.src)
			maxW[col] = max(maxW[col], emWidth(text)+pad)
			minW[col] = max(minW[col], widestPiece(text)+pad)
			col++
		}
	}
	shares := share(minW, maxW, float64(geo.Chars)*geo.BodySize/(float64(footSize)/2))
	out := make([]int, n)
	used := 0
	for i, s := range shares {
		out[i] = int(float64(textW) * s)
		used += out[i]
	}
	out[n-1] += textW - used
	return out
}

// widestPiece is the width in ems of the longest run of s that a line may
// not break: a number, a Latin word; an ideograph alone.
func widestPiece(s string) float64 {
	widest, cur := 0.0, 0.0
	for _, r := range s {
		if r < 0x80 && r != ' ' {
			cur += 0.5
		} else {
			cur = 0
			if r != ' ' {
				cur = 1
			}
		}
		widest = max(widest, cur)
	}
	return widest
}

// share returns the columns' shares of a width of total ems: see
// columnWidths.
func share(minW, maxW []float64, total float64) []float64 {
	n := len(minW)
	var sMax, sMin float64
	for i := range n {
		sMax, sMin = sMax+maxW[i], sMin+minW[i]
	}
	widths := make([]float64, n)
	switch {
	case sMax <= total:
		copy(widths, maxW)
	case sMin >= total:
		copy(widths, minW)
	default:
		lo, hi := 0.0, total
		for range 60 {
			mid := (lo + hi) / 2
			if capped(widths, minW, maxW, mid) > total {
				hi = mid
			} else {
				lo = mid
			}
		}
		capped(widths, minW, maxW, lo)
	}
	sum := 0.0
	for _, x := range widths {
		sum += x
	}
	for i := range widths {
		widths[i] /= sum
	}
	return widths
}

// capped sets each width to its natural width, capped at cut but no less
// than its minimum, and returns their sum.
func capped(widths, minW, maxW []float64, cut float64) float64 {
	sum := 0.0
	for i := range widths {
		widths[i] = min(maxW[i], max(minW[i], cut))
		sum += widths[i]
	}
	return sum
}
