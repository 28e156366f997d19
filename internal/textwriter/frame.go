package textwriter

import (
	"strings"

	"briefing/internal/document"
)

// pair is a line holding two things: left, a full-width space, right.
func pair(left, right string) string {
	return strings.TrimSpace(strings.TrimSpace(left) + "　" + strings.TrimSpace(right))
}

// head writes the 版头 of a 公文 or the 报头 of a 简报.
func (t *writer) head() {
	m := t.doc.Meta
	switch {
	case m.HasHead():
		t.gongwenHead(m.Head)
	case m.HasBriefHead():
		b := m.Brief
		t.line(pair(b.Secret, b.Copy))
		t.line(b.Name)
		t.line(b.Issue)
		t.line(pair(b.Editor, b.Date))
	}
}

// gongwenHead writes the corner lines, the 标志 (one body and 文件 on a
// line; several bodies one a line, then 文件), and the 签发人 two a line
// with the 发文字号 before the last names.
func (t *writer) gongwenHead(h document.Head) {
	for _, c := range h.Corner() {
		t.line(c)
	}
	if len(h.Issuers) == 1 {
		t.line(h.Issuers[0] + h.Mark)
	} else if len(h.Issuers) > 1 {
		for _, i := range h.Issuers {
			t.line(i)
		}
		t.line(h.Mark)
	}
	rows := document.SignerRows(h.Signers)
	if len(rows) == 0 {
		t.line(h.Number)
	}
	for i, row := range rows {
		names := strings.Join(row, "　")
		if i == 0 {
			names = document.SignLabel + names
		}
		if i == len(rows)-1 {
			names = pair(h.Number, names)
		}
		t.line(names)
	}
}

// annex writes an annex: its label, its title and its body.
func (t *writer) annex(a document.Annex) {
	t.line(t.doc.AnnexLabel(a))
	t.line(a.Title)
	if a.Root == nil {
		return
	}
	outer := t.src
	t.src = a.Source
	for n := a.Root.FirstChild(); n != nil; n = n.NextSibling() {
		t.block(n)
	}
	t.src = outer
}

// foot writes the 版记 or the 报尾, a row a line.
func (t *writer) foot() {
	m := t.doc.Meta
	var rows []document.FootRow
	switch {
	case m.HasRecord():
		rows = m.Record.Rows()
	case m.HasBriefFoot():
		rows = m.Brief.FootRows()
	}
	for _, r := range rows {
		t.line(pair(r.Label+r.Text, r.Right))
	}
}
