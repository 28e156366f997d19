package docxwriter

import (
	"math"

	"briefing/internal/document"
	"briefing/internal/typeset"
)

// The frame of page 1: the 版头 of a 公文 or the 报头 of a 简报, set as the
// PDF sets it (typeset.Head, typeset.BriefHead), so that the title below
// falls on the grid: the lines of 3号 text on grid lines (the corner
// lines on lines 1, 2, 3), the 标志 or the 简报's name between them in a
// line of its exact height, red, in 方正小标宋简体, as large as fits up to
// 初号; the 发文字号 and 签发人 two blank lines under the 标志; the red rule
// 4 mm under them, as the last line's bottom border; the title two blank
// lines under the rule.

// headItem is a paragraph (or the table of a joint 标志) of the head.
type headItem struct {
	pp     para
	table  bool // body writes a table, not a paragraph's runs
	body   func()
	before int // twips above it
	height int // twips of an exact line; 0 for a line of the grid
	after  int // twips under it
}

// headStack collects the head's items and the height they take, in twips
// from the top of the 版心.
type headStack struct {
	items []headItem
	y     int
}

// add adds a paragraph off the grid, before twips under the last item,
// in a line height twips high.
func (h *headStack) add(pp para, before, height int, body func()) {
	pp.noGrid = true
	before = max(before, 0)
	h.items = append(h.items, headItem{pp: pp, body: body, before: before, height: height})
	h.y += before + height
}

// line adds a paragraph on grid line k (from 0): on the grid, as the body,
// so that its characters stand where the body's would.
func (h *headStack) line(k int, pp para, body func()) {
	before := max(pitches(k)-h.y, 0)
	h.items = append(h.items, headItem{pp: pp, body: body, before: before})
	h.y += before + linePitch()
}

// nextLine is the first grid line at or below the bottom of the head.
func (h *headStack) nextLine() int {
	return (h.y + linePitch() - 1) / linePitch()
}

// The red rule: 1.5 pt (0.53 mm, w:sz in eighths of a point), its top
// ruleSpace points under the last line's box, which is 4 mm under the
// characters' em box when a line centres them.
const ruleSize = 12

var ruleSpace = int(math.Round((typeset.RuleGap - (float64(linePitch())/20-geo.BodySize)/2)))

// head writes the 版头 of a 公文 or the 报头 of a 简报, when there is one.
func (w *writer) head() {
	m := w.doc.Meta
	hs := &headStack{}
	switch {
	case m.HasHead():
		w.gongwenHead(hs, m.Head)
	case m.HasBriefHead():
		w.briefHead(hs, m.Brief)
	default:
		return
	}
	w.closeHead(hs)
}

// closeHead puts the red rule under the head's last paragraph, two blank
// lines above the grid line of the title, and writes the head.
func (w *writer) closeHead(hs *headStack) {
	if len(hs.items) == 0 {
		return
	}
	if hs.items[len(hs.items)-1].table {
		hs.add(para{style: styleHead}, 0, 20, nil)
	}
	last := &hs.items[len(hs.items)-1]
	rule := hs.y + ruleSpace*20 + ruleSize*20/8
	last.pp.borders = border("bottom", ruleSize, ruleSpace, "FF0000")
	last.after = pitches((rule+linePitch()-1)/linePitch()+1) - rule
	for _, it := range hs.items {
		if it.table {
			it.body()
			continue
		}
		it.pp.spacing = iattr("w:before", it.before) + iattr("w:after", it.after)
		if it.height > 0 {
			it.pp.spacing = exact(it.height, it.before, it.after)
		}
		w.p(it.pp, it.body)
	}
}

// fitSize is the size of a 标志 or name em ems wide: as large as fits the
// 版心, in half points, up to 初号 (typeset.IssuerMaxSize).
func fitSize(em float64) float64 {
	if em <= 0 {
		return typeset.IssuerMaxSize
	}
	return min(typeset.IssuerMaxSize, math.Floor(geo.Width/em*2)/2)
}

// redLine is the exact height of the line of a 标志 or name in size s:
// 1.1 s, so that an application that sets the baseline at 80 % of an
// exact line, as LibreOffice does, sets the top of the characters' em box
// (0.88 s above the baseline) on the top of the line.
func redLine(s float64) int { return twips(s * typeset.EmAscent / 0.8) }

// gongwenHead adds the corner lines, the 标志 35 mm under the top of the
// 版心, and the 发文字号 and 签发人 two blank lines under it.
func (w *writer) gongwenHead(hs *headStack, h document.Head) {
	for i, c := range h.Corner() {
		hs.line(i, para{style: styleHead}, func() { w.run(c, look{font: fontHei}) })
	}
	if len(h.Issuers) > 0 {
		w.issuers(hs, h)
	}
	k := 0
	if hs.y > 0 {
		k = hs.nextLine() + 2
	}
	w.numberRows(hs, h, k)
}

// issuers adds the 发文机关标志: one body and 文件 on a line, centred;
// several bodies by joint.
func (w *writer) issuers(hs *headStack, h document.Head) {
	top := twips(typeset.IssuerTop) - hs.y
	if len(h.Issuers) > 1 {
		w.joint(hs, h, top)
		return
	}
	text := h.Issuers[0] + h.Mark
	s := fitSize(emWidth(text))
	hs.add(para{style: styleIssuer}, top, redLine(s), func() { w.run(text, look{size: halfPoints(s)}) })
}

// numberRows adds the 发文字号 on grid line k, centred; with 签发人 the
// names two a line, 1 字 from the right, “签发人：” before the first and
// runover names under it, the 发文字号 1 字 from the left on the line of
// the last names (GB/T 9704 §7.2.5–7.2.6).
func (w *writer) numberRows(hs *headStack, h document.Head, k int) {
	if len(h.Signers) == 0 {
		if h.Number != "" {
			hs.line(k, para{style: styleHead, jc: "center"}, func() { w.run(h.Number, look{}) })
		}
		return
	}
	nw := 0.0
	for _, s := range h.Signers {
		nw = max(nw, emWidth(s))
	}
	lw := emWidth(document.SignLabel)
	cols := float64(min(2, len(h.Signers)))
	x0 := float64(geo.Chars) - 1 - (lw + cols*nw + cols - 1)
	tabs := []tab{{"left", zi(1)}, {"left", zi(x0)}, {"left", zi(x0 + lw)}, {"left", zi(x0 + lw + nw + 1)}}
	rows := document.SignerRows(h.Signers)
	for i, row := range rows {
		hs.line(k+i, para{style: styleHead, tabs: tabs}, func() {
			lead := "\t"
			if i == len(rows)-1 {
				lead += h.Number
			}
			if i == 0 {
				w.run(lead+"\t"+document.SignLabel, look{})
			} else {
				w.run(lead+"\t\t", look{})
			}
			for j, name := range row {
				if j > 0 {
					w.run("\t", look{})
				}
				w.run(name, look{font: fontKai})
			}
		})
	}
}

// briefHead adds the 报头 of a 简报: 密级 and 份号 on line 1, the red name
// from the top of the next line, the 期号 under it, 编印单位 and date on
// one line, 1 字 from either side.
func (w *writer) briefHead(hs *headStack, b document.Brief) {
	if b.Secret != "" || b.Copy != "" {
		hs.line(0, para{style: styleHead, tabs: []tab{{"right", textW}}}, func() {
			w.run(b.Secret+"\t"+b.Copy, look{font: fontHei})
		})
	}
	if b.Name != "" {
		s := fitSize(emWidth(b.Name))
		hs.add(para{style: styleIssuer}, 0, redLine(s), func() { w.run(b.Name, look{size: halfPoints(s)}) })
	}
	k := hs.nextLine()
	if b.Issue != "" {
		hs.line(k, para{style: styleHead, jc: "center"}, func() { w.run(b.Issue, look{}) })
		k++
	}
	if b.Editor != "" || b.Date != "" {
		one := zi(1)
		hs.line(k, para{style: styleHead, tabs: []tab{{"left", one}, {"right", textW - one}}},
			func() { w.run("\t"+b.Editor+"\t"+b.Date, look{}) })
	}
}
