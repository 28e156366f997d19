package docxwriter

import (
	"briefing/internal/document"
	"briefing/internal/typeset"
)

// joint adds the 标志 of a joint document (联合行文) top twips under the
// head so far: a borderless table, centred, of the bodies one under
// another, each spread to the width of the longest, and the Mark (文件)
// beside them, as tall as their block and centred on it (GB/T 9704
// §7.2.4), in the size typeset gives them.
func (w *writer) joint(hs *headStack, h document.Head, top int) {
	n := len(h.Issuers)
	widest := 0.0
	for _, b := range h.Issuers {
		widest = max(widest, emWidth(b))
	}
	grow := typeset.JointPitch*float64(n-1) + 1
	em, markW := widest, emWidth(h.Mark)
	if markW > 0 {
		em += 0.5 + markW*grow
	}
	s := fitSize(em)
	j := jointTable{size: s, grow: grow, height: redLine(s) + (n-1)*twips(typeset.JointPitch*s)}
	// A little slack in each column, so that no application breaks a
	// line that just fits.
	j.cols = []int{twips((widest+0.5)*s) + 40}
	if markW > 0 {
		j.height = max(j.height, redLine(s*grow))
		j.cols = append(j.cols, twips(markW*grow*s)+40)
	}
	hs.add(para{style: styleHead}, top-20, 20, nil)
	hs.items = append(hs.items, headItem{table: true, body: func() { w.jointTable(h, j) }})
	hs.y += j.height
}

// jointTable is the table of a joint 标志: the bodies in size, the Mark
// grow times larger, the row height twips high.
type jointTable struct {
	size, grow float64
	height     int
	cols       []int
}

// jointTable writes the table of a joint 标志.
func (w *writer) jointTable(h document.Head, j jointTable) {
	total := 0
	for _, c := range j.cols {
		total += c
	}
	w.s(`<w:tbl><w:tblPr><w:tblW` + iattr("w:w", total) + ` w:type="dxa"/><w:jc w:val="center"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid>`)
	for _, c := range j.cols {
		w.s(`<w:gridCol` + iattr("w:w", c) + `/>`)
	}
	w.s(`</w:tblGrid><w:tr><w:trPr><w:trHeight` + iattr("w:val", j.height) + ` w:hRule="exact"/></w:trPr>`)
	w.s(`<w:tc><w:tcPr><w:tcW` + iattr("w:w", j.cols[0]) + ` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
	for i, b := range h.Issuers {
		line := twips(typeset.JointPitch * j.size)
		if i == 0 {
			line = redLine(j.size)
		}
		w.p(para{style: styleIssuer, spacing: exact(line, 0, 0), ind: iattr("w:right", twips(j.size/2)), jc: "distribute"},
			func() { w.run(b, look{size: halfPoints(j.size)}) })
	}
	w.s(`</w:tc>`)
	if len(j.cols) > 1 {
		mark := j.size * j.grow
		w.s(`<w:tc><w:tcPr><w:tcW` + iattr("w:w", j.cols[1]) + ` w:type="dxa"/><w:vAlign w:val="center"/></w:tcPr>`)
		w.p(para{style: styleIssuer, spacing: exact(redLine(mark), 0, 0), jc: "left"},
			func() { w.run(h.Mark, look{size: halfPoints(mark)}) })
		w.s(`</w:tc>`)
	}
	w.s("</w:tr></w:tbl>\n")
}
