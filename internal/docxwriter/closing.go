package docxwriter

import (
	"strconv"
	"strings"
)

// attachments writes 附件说明 (GB/T 9704 §7.3.4) a blank line under the
// text, 2 字 in: “附件：1.” and the name after a tab, the numbers under
// each other and runover lines under the name (a hanging indent); no
// number for a single attachment, no punctuation after a name.
func (w *writer) attachments(list []string) {
	var names []string
	for _, a := range list {
		if a = strings.TrimRight(strings.TrimSpace(a), "，。；、：,.;: "); a != "" {
			names = append(names, a)
		}
	}
	label := zi(2) + zi(emWidth("附件："))
	if len(names) == 1 {
		w.p(para{style: styleAttachment, spacing: iattr("w:before", linePitch()),
			ind: iattr("w:left", label) + iattr("w:hanging", label-zi(2))}, func() { w.run("附件："+names[0], look{}) })
		return
	}
	num := zi(1)
	if len(names) >= 10 {
		num = zi(1.5)
	}
	left := label + num
	for i, name := range names {
		pp := para{style: styleAttachment, tabs: []tab{{"left", label}, {"left", left}},
			ind: iattr("w:left", left) + iattr("w:hanging", left-zi(2))}
		text := "\t" + strconv.Itoa(i+1) + ".\t" + name
		if i == 0 {
			pp.spacing = iattr("w:before", linePitch())
			text = "附件：" + text[1:]
		}
		w.p(pp, func() { w.run(text, look{}) })
	}
}

// closing writes 发文机关署名 and 成文日期 of an unsealed document (GB/T
// 9704 §7.3.5.2) a blank line under the text: the 署名 2 字 from the right,
// the date on the next line starting 2 字 right of the 署名's first
// character; when the date is the longer, the date keeps 2 字 from the
// right and the 署名 moves left with it.
func (w *writer) closing(org, date string) {
	org, date = strings.TrimSpace(org), strings.TrimSpace(date)
	if org == "" && date == "" {
		return
	}
	ow, dw := emWidth(org), emWidth(date)
	orgRight, dateRight := 2.0, ow-dw
	if dw > ow {
		orgRight, dateRight = 4+dw-ow, 2
	}
	before := iattr("w:before", linePitch())
	if org != "" {
		w.p(para{style: styleClosing, keepNext: date != "", spacing: before, ind: iattr("w:right", zi(orgRight))},
			func() { w.run(org, look{}) })
		before = ""
	}
	if date != "" {
		w.p(para{style: styleClosing, spacing: before, ind: iattr("w:right", zi(max(dateRight, 0)))},
			func() { w.run(date, look{}) })
	}
}
