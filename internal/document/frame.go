package document

import (
	"strconv"
	"strings"
)

// The frame's fixed words.
const (
	SignLabel  = "签发人："  // GB/T 9704 §7.2.6
	CCLabel    = "抄送："   // §7.4.2
	AddedLabel = "本期增发：" // a 简报's one-off recipients
	PrintWord  = "印发"    // after the 印发日期 (§7.4.3)
	AnnexWord  = "附件"    // §7.3.7
)

// IsBrief reports whether the report goes out as a 简报.
func (m Meta) IsBrief() bool { return m.Layout == LayoutBrief }

// HasHead reports whether the report opens with a 公文's 版头.
func (m Meta) HasHead() bool { return !m.IsBrief() && !m.Head.IsZero() }

// HasRecord reports whether the report closes with a 公文's 版记.
func (m Meta) HasRecord() bool { return !m.IsBrief() && !m.Record.IsZero() }

// HasBriefHead reports whether the report opens with a 简报's 报头.
func (m Meta) HasBriefHead() bool {
	b := m.Brief
	return m.IsBrief() && b.Name+b.Issue+b.Editor+b.Date+b.Secret+b.Copy != ""
}

// HasBriefFoot reports whether the report closes with a 简报's 报尾.
func (m Meta) HasBriefFoot() bool {
	return m.IsBrief() && len(m.Brief.FootRows()) > 0
}

// Corner is what a 版头 shows at its top left, top down: 份号, 密级和保密期限,
// 紧急程度, those given (GB/T 9704 §7.2.1–7.2.3).
func (h Head) Corner() []string {
	var out []string
	for _, s := range []string{h.Copy, h.Secret, h.Urgency} {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// SignerRows puts the names of the 签发人 two a line, in order (GB/T 9704
// §7.2.6: 一般每行排两个姓名).
func SignerRows(names []string) [][]string {
	var rows [][]string
	for i, n := range names {
		if i%2 == 0 {
			rows = append(rows, nil)
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], n)
	}
	return rows
}

// List writes bodies as the 版记 lists them: separated by “，”, a “。”
// after the last (GB/T 9704 §7.4.2).
func List(names []string) string {
	var keep []string
	for _, n := range names {
		if n = strings.TrimRight(strings.TrimSpace(n), "，。、,.;；"); n != "" {
			keep = append(keep, n)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return strings.Join(keep, "，") + "。"
}

// FootRow is one element of a 版记 or 报尾: Label and Text from the left,
// Right flush right on its last line.
type FootRow struct{ Label, Text, Right string }

// Rows are the elements of the 版记: 抄送, then 印发机关 and 印发日期
// followed by 印发 (GB/T 9704 §7.4.2–7.4.3), those given.
func (r Record) Rows() []FootRow {
	var out []FootRow
	if cc := List(r.CC); cc != "" {
		out = append(out, FootRow{Label: CCLabel, Text: cc})
	}
	date := strings.TrimSpace(r.PrintDate)
	if date != "" && !strings.HasSuffix(date, PrintWord) {
		date += PrintWord
	}
	if p := strings.TrimSpace(r.Printer); p != "" || date != "" {
		out = append(out, FootRow{Text: p, Right: date})
	}
	return out
}

// FootRows are the lines of the 报尾: 报、送、发 as given, 本期增发, and the
// print run (共印N份) flush right on the last.
func (b Brief) FootRows() []FootRow {
	var out []FootRow
	for _, to := range b.To {
		if l := List(to.Names); l != "" {
			out = append(out, FootRow{Label: to.Word + "：", Text: l})
		}
	}
	if a := List([]string{b.Added}); a != "" {
		out = append(out, FootRow{Label: AddedLabel, Text: a})
	}
	if p := strings.TrimSpace(b.Printed); p != "" {
		if len(out) == 0 {
			out = append(out, FootRow{})
		}
		out[len(out)-1].Right = p
	}
	return out
}

// AnnexLabel is the word at the top left of an annex's first page: 附件N,
// or 附件 alone when the report has one attachment, which its 附件说明
// does not number either (GB/T 9704 §7.3.4, §7.3.7: 附件顺序号和附件标题
// 应当与附件说明的表述一致).
func (d *Document) AnnexLabel(a Annex) string {
	if len(d.Meta.Attachments) <= 1 {
		return AnnexWord
	}
	return AnnexWord + strconv.Itoa(a.Number)
}
