package docxwriter

import "briefing/internal/document"

// annex writes an annex from a new page (GB/T 9704 §7.3.7): “附件N” on
// its first line in 黑体, its title on the third in the title's type (an
// outline level of its own), a blank line, its body.
func (w *writer) annex(a document.Annex) {
	w.p(para{style: styleAnnexLabel, newPage: true}, func() { w.run(w.doc.AnnexLabel(a), look{}) })
	w.p(para{style: styleAnnexTitle}, func() { w.run(a.Title, look{}) })
	if a.Root == nil {
		return
	}
	outer := w.src
	w.src = a.Source
	w.children(a.Root)
	w.src = outer
}
