package pdfwriter

import (
	"briefing/internal/document"
	"briefing/internal/typeset"
)

// styled is text in style s, as runs (none for empty text).
func styled(text string, s typeset.Style) []typeset.Run {
	if text == "" {
		return nil
	}
	return []typeset.Run{{Text: text, Style: s}}
}

// role is a 3号 style of role r.
func (b *blocker) role(r typeset.Role) typeset.Style {
	s := b.body()
	s.Role = r
	return s
}

// red is the style of the 发文机关标志 and the 简报's name: the title's
// face, in red; typeset sizes it to fit.
func (b *blocker) red() typeset.Style {
	return typeset.Style{Role: typeset.RoleTitle, Size: b.g.TitleSize, Color: typeset.Red}
}

// head adds the 版头 of a 公文 or the 报头 of a 简报, when there is one.
func (b *blocker) head() {
	m := b.doc.Meta
	switch {
	case m.HasHead():
		b.add(typeset.Block{Kind: typeset.KindHead, Head: b.gongwenHead(m.Head)})
	case m.HasBriefHead():
		br := m.Brief
		hei, body := b.role(typeset.RoleHei), b.body()
		b.add(typeset.Block{Kind: typeset.KindBriefHead, BriefHead: &typeset.BriefHead{
			Secret: styled(br.Secret, hei), Copy: styled(br.Copy, hei), Name: styled(br.Name, b.red()),
			Issue: styled(br.Issue, body), Editor: styled(br.Editor, body), Date: styled(br.Date, body),
		}})
	}
}

// gongwenHead is the 版头 (GB/T 9704 §7.2): 份号, 密级, 紧急程度 in 3号黑体,
// the 标志 red, the 发文字号 in 3号仿宋, “签发人：” in 仿宋 and the names
// in 楷体.
func (b *blocker) gongwenHead(h document.Head) *typeset.Head {
	hei, kai, body := b.role(typeset.RoleHei), b.role(typeset.RoleKai), b.body()
	th := &typeset.Head{Mark: styled(h.Mark, b.red()), Number: styled(h.Number, body)}
	for _, c := range h.Corner() {
		th.Corner = append(th.Corner, styled(c, hei))
	}
	for _, i := range h.Issuers {
		th.Issuers = append(th.Issuers, styled(i, b.red()))
	}
	if len(h.Signers) > 0 {
		th.Label = styled(document.SignLabel, body)
	}
	for _, s := range h.Signers {
		th.Signers = append(th.Signers, styled(s, kai))
	}
	return th
}

// annex adds an annex: “附件N” on line 1 of a new page in 3号黑体, its
// title in 2号小标宋 on line 3, and its body (GB/T 9704 §7.3.7).
func (b *blocker) annex(a document.Annex) {
	b.add(typeset.Block{Kind: typeset.KindAnnex, Align: typeset.AlignLeft,
		Runs: styled(b.doc.AnnexLabel(a), b.role(typeset.RoleHei))})
	b.add(typeset.Block{Kind: typeset.KindAnnexTitle, Align: typeset.AlignCenter,
		Runs: styled(a.Title, typeset.Style{Role: typeset.RoleTitle, Size: b.g.TitleSize})})
	if a.Root == nil {
		return
	}
	outer := b.src
	b.src = a.Source
	for n := a.Root.FirstChild(); n != nil; n = n.NextSibling() {
		b.node(n)
	}
	b.src = outer
}

// foot adds the 版记 of a 公文 (§7.4: first and last rule thick, those
// between thin) or the 报尾 of a 简报 (a rule above, a closing rule), in
// 4号仿宋.
func (b *blocker) foot() {
	m := b.doc.Meta
	var rows []document.FootRow
	ft := &typeset.Foot{Style: typeset.Style{Role: typeset.RoleBody, Size: typeset.FootSize}, Last: typeset.ThickRule}
	switch {
	case m.HasRecord():
		rows, ft.Duplex = m.Record.Rows(), true
	case m.HasBriefFoot():
		rows = m.Brief.FootRows()
	default:
		return
	}
	for i, r := range rows {
		row := typeset.FootRow{Label: r.Label, Text: r.Text, Right: r.Right, Rule: typeset.ThickRule}
		if i > 0 {
			row.Rule = 0
			if ft.Duplex {
				row.Rule = typeset.ThinRule
			}
		}
		ft.Rows = append(ft.Rows, row)
	}
	b.add(typeset.Block{Kind: typeset.KindRecord, Foot: ft})
}
