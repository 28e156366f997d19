package htmlwriter

import (
	"fmt"
	"math"
	"strings"

	"briefing/internal/document"
	"briefing/internal/typeset"
)

// The frame on the page: the 版头 of a 公文 or the 报头 of a 简报 is a
// <header class="frame"> whose parts stand on the lines of the grid where
// the PDF sets them (plan), the 标志 or the 简报's name in red, sized as
// the PDF sizes it, and a red rule; the annexes are sections that start a
// printed page; the 版记 or 报尾 is a <footer class="frame"> after the
// text, in 4号 between black rules. Red is used for nothing else.

// plan is where the PDF sets the parts of the head, in grid lines.
type plan struct {
	corner int     // lines at the top left (份号, 密级, 紧急程度; a 简报's 密级 and 份号)
	drop   int     // lines from the corner lines to the 发文字号 or 期号
	title  int     // line of the title
	size   float64 // the 标志's or name's size, pt
	em     float64 // its widest line, in its size
}

// emWidth estimates the width of text in ems: ideographs 1, ASCII ½.
func emWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x80 {
			w += 0.5
		} else {
			w++
		}
	}
	return w
}

// fit is the size typeset gives a 标志 em ems wide.
func fit(em float64) float64 {
	g := typeset.GBT9704()
	if em <= 0 {
		return typeset.IssuerMaxSize
	}
	return min(typeset.IssuerMaxSize, math.Floor(g.Width/em*2)/2)
}

// below is the first grid line whose top is at or below y (from the top
// of the 版心).
func below(y float64) int {
	return int(math.Ceil(y/typeset.GBT9704().Pitch() - 1e-6))
}

// titleLine is the line of the title: two blank lines under the red rule,
// RuleGap under bottom.
func titleLine(bottom float64) int {
	return below(bottom+typeset.RuleGap+typeset.RedRuleWidth) + 2
}

// gongwenPlan places the 版头 as typeset.Head does.
func gongwenPlan(h document.Head) plan {
	g := typeset.GBT9704()
	P := g.Pitch()
	p := plan{corner: len(h.Corner())}
	bottom := 0.0
	if p.corner > 0 {
		bottom = float64(p.corner-1)*P + g.BodySize
	}
	if n := float64(len(h.Issuers)); n > 0 {
		p.em = emWidth(h.Issuers[0] + h.Mark)
		height := 1.0
		if n > 1 {
			p.em, height = 0, typeset.JointPitch*(n-1)+1
			for _, i := range h.Issuers {
				p.em = max(p.em, emWidth(i))
			}
			if h.Mark != "" {
				p.em += 0.5 + emWidth(h.Mark)*height
			}
		}
		p.size = fit(p.em)
		bottom = typeset.IssuerTop + p.size*height
	}
	rows := len(document.SignerRows(h.Signers))
	if rows == 0 && h.Number != "" {
		rows = 1
	}
	k := below(bottom)
	if rows > 0 {
		if bottom > 0 {
			k += 2
		}
		bottom = float64(k+rows-1)*P + g.BodySize
	}
	p.drop, p.title = k-p.corner, titleLine(bottom)
	return p
}

// briefPlan places the 报头 as typeset.BriefHead does.
func briefPlan(b document.Brief) plan {
	g := typeset.GBT9704()
	P := g.Pitch()
	p := plan{}
	if b.Secret != "" || b.Copy != "" {
		p.corner = 1
	}
	bottom := float64(p.corner) * P
	if b.Name != "" {
		p.em = emWidth(b.Name)
		p.size = fit(p.em)
		bottom += p.size
	}
	k := below(bottom)
	p.drop = k - p.corner
	for _, s := range []string{b.Issue, b.Editor + b.Date} {
		if s != "" {
			bottom, k = float64(k)*P+g.BodySize, k+1
		}
	}
	p.title = titleLine(bottom)
	return p
}

// sizeClasses are the classes that give the 标志 its size in print and
// let it shrink to a narrow screen.
func (p plan) sizeClasses() string {
	return fmt.Sprintf("h%d e%d", int(math.Round(p.size*2)), int(math.Ceil(p.em*2)))
}

// head writes the 版头 of a 公文 or the 报头 of a 简报.
func (r *writer) head() {
	m := r.doc.Meta
	switch {
	case m.HasHead():
		r.gongwenHead(m.Head)
	case m.HasBriefHead():
		r.briefHead(m.Brief)
	}
}

// gongwenHead writes the 版头: the corner lines, the 标志 (one body and
// 文件 on a line; several bodies one under another, spread to one width,
// and 文件 beside them), the 发文字号 and the 签发人, the red rule.
func (r *writer) gongwenHead(h document.Head) {
	p := gongwenPlan(h)
	r.f("<header class=\"frame head c%d t%d\">\n", p.corner, p.title)
	for _, c := range h.Corner() {
		r.f("<div class=\"corner\">%s</div>\n", esc(c))
	}
	r.f("<div class=\"issuers d%d\">", p.drop)
	switch {
	case len(h.Issuers) == 1:
		r.f("<div class=\"issuer red %s\">%s</div>", p.sizeClasses(), esc(h.Issuers[0]+h.Mark))
	case len(h.Issuers) > 1:
		r.f("<div class=\"joint red %s g%d\"><div class=\"bodies\">", p.sizeClasses(), len(h.Issuers))
		for _, i := range h.Issuers {
			r.f("<div>%s</div>", esc(i))
		}
		r.s("</div>")
		if h.Mark != "" {
			r.f("<div class=\"mark\">%s</div>", esc(h.Mark))
		}
		r.s("</div>")
	}
	r.s("</div>\n")
	r.numberRow(h)
	r.s("<hr class=\"red-rule\">\n</header>\n")
}

// numberRow writes the 发文字号, centred, or 1 字 from the left on the
// line of the last 签发人, whose names go two a line, runover names under
// the first (a copy of “签发人：” hidden from sight and from assistive
// technology keeps them there). Each is one line of text, so that the
// faces share its baseline on the grid.
func (r *writer) numberRow(h document.Head) {
	if h.Number == "" && len(h.Signers) == 0 {
		return
	}
	if len(h.Signers) == 0 {
		r.f("<div class=\"numrow center\"><span class=\"number\">%s</span></div>\n", esc(h.Number))
		return
	}
	nw := 0.0
	for _, s := range h.Signers {
		nw = max(nw, emWidth(s))
	}
	rows := document.SignerRows(h.Signers)
	for i, row := range rows {
		r.f("<div class=\"signrow e%d\">", int(math.Ceil(nw*2)))
		if i == len(rows)-1 && h.Number != "" {
			r.f("<span class=\"number\">%s</span>", esc(h.Number))
		}
		if i == 0 {
			r.f("<span class=\"label\">%s</span>", document.SignLabel)
		} else {
			r.f("<span class=\"label pad\" aria-hidden=\"true\">%s</span>", document.SignLabel)
		}
		for _, n := range row {
			r.f("<span class=\"name\">%s</span>", esc(n))
		}
		r.s("</div>\n")
	}
}

// briefHead writes the 报头: 密级 and 份号, the red name, 期号, 编印单位
// and date, the red rule.
func (r *writer) briefHead(b document.Brief) {
	p := briefPlan(b)
	r.f("<header class=\"frame brief c%d t%d\">\n", p.corner, p.title)
	if p.corner > 0 {
		r.f("<div class=\"corner split\"><span>%s</span><span>%s</span></div>\n", esc(b.Secret), esc(b.Copy))
	}
	if b.Name != "" {
		r.f("<div class=\"name-box d%d\"><div class=\"name red %s\">%s</div></div>\n", p.drop, p.sizeClasses(), esc(b.Name))
	}
	if b.Issue != "" {
		r.f("<div class=\"issue\">%s</div>\n", esc(b.Issue))
	}
	if b.Editor != "" || b.Date != "" {
		r.f("<div class=\"editor split\"><span>%s</span><span>%s</span></div>\n", esc(b.Editor), esc(b.Date))
	}
	r.s("<hr class=\"red-rule\">\n</header>\n")
}

// annex writes an annex as a section: 附件N, its title, its body; in
// print it starts a page (GB/T 9704 §7.3.7).
func (r *writer) annex(a document.Annex) {
	r.f("<section class=\"annex\">\n<div class=\"annex-label\">%s</div>\n<h1 class=\"annex-title\">%s</h1>\n", esc(r.doc.AnnexLabel(a)), esc(a.Title))
	if a.Root != nil {
		outer := r.src
		r.src = a.Source
		r.children(a.Root)
		r.src = outer
	}
	r.s("</section>\n")
}

// foot writes the 版记 (抄送, 印发机关 and 印发日期, between thick rules
// with thin ones between) or the 报尾 (报、送、发, 本期增发, 共印N份).
func (r *writer) foot() {
	m := r.doc.Meta
	var rows []document.FootRow
	class := "record"
	switch {
	case m.HasRecord():
		rows = m.Record.Rows()
	case m.HasBriefFoot():
		rows, class = m.Brief.FootRows(), "record brief-foot"
	default:
		return
	}
	r.f("<footer class=\"frame %s\">\n", class)
	for _, row := range rows {
		r.s("<div class=\"row\">")
		if row.Label != "" {
			r.f("<span class=\"label\">%s</span>", esc(row.Label))
		}
		if row.Text != "" {
			r.f("<span class=\"text\">%s</span>", esc(row.Text))
		}
		if row.Right != "" {
			r.f("<span class=\"right\">%s</span>", esc(row.Right))
		}
		r.s("</div>\n")
	}
	r.s("</footer>\n")
}

// frameCSS is the part of the style sheet made from numbers: heights in
// grid lines (t: the head, d: the drop to the 发文字号), the padding above
// the 标志 after c corner lines (35 mm from the top of the 版心), the
// 标志's size in half points (h) and its width in half ems (e), the
// height of a joint 标志's 文件 in its bodies' size (g).
func frameCSS() string {
	var b strings.Builder
	b.WriteString("\n/* The frame's numbers (htmlwriter.frameCSS). */\n")
	for n := 0; n <= 22; n++ {
		fmt.Fprintf(&b, ".head.t%d,.brief.t%d{height:calc(%d * var(--pitch))}.d%d{height:calc(%d * var(--pitch))}\n", n, n, n, n, n)
	}
	for c := 0; c <= 3; c++ {
		fmt.Fprintf(&b, ".head.c%d .issuers{padding-top:calc(35mm - %d * var(--pitch))}\n", c, c)
	}
	for h := 8; h <= 2*int(typeset.IssuerMaxSize); h++ {
		fmt.Fprintf(&b, ".h%d{--s:%gpt}", h, float64(h)/2)
	}
	b.WriteString("\n")
	for e := 1; e <= 160; e++ {
		fmt.Fprintf(&b, ".e%d{--em:%g}", e, float64(e)/2)
	}
	b.WriteString("\n")
	for n := 2; n <= 8; n++ {
		fmt.Fprintf(&b, ".g%d{--grow:%g}", n, typeset.JointPitch*float64(n-1)+1)
	}
	b.WriteString("\n")
	return b.String()
}
