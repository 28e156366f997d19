package typeset_test

import (
	"fmt"
	"strings"

	"briefing/internal/typeset"
)

// mono stands in for the fonts package: ideographs and CJK punctuation a
// full em, ASCII half.
type mono struct{}

func (mono) Glyph(role typeset.Role, r rune) (face int, advance float64, ok bool) {
	if r < 0x80 {
		return 1, 0.5, true
	}
	return 0, 1, true
}

func ExampleLayout() {
	body := typeset.Style{Role: typeset.RoleBody, Size: 16}
	blocks := []typeset.Block{
		{Kind: typeset.KindTitle, Runs: []typeset.Run{{Text: "关于产业链供应链稳定工作情况的汇报"}}},
		{Kind: typeset.KindAddressee, Runs: []typeset.Run{{Text: "县委、县政府：", Style: body}}},
		{Kind: typeset.KindParagraph, Indent: 2, Runs: []typeset.Run{{Text: "全县累计新引进（签约）项目12个，涉及新能源新材料、新一代信息技术、绿色食品加工、智能制造等多个领域，总签约金额82.8亿元，成功申报“5020”项目3个。", Style: body}}},
		{Kind: typeset.KindClosing, Closing: &typeset.Closing{Org: "某某县工业和信息化局", Date: "2022年12月5日"}},
	}
	d, err := typeset.Layout(blocks, typeset.GBT9704(), mono{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, p := range d.Pages {
		for _, l := range p.Lines {
			var s strings.Builder
			for _, g := range l.Glyphs {
				s.WriteRune(g.R)
			}
			fmt.Printf("%6.2f %6.2f %s\n", l.Baseline, l.Glyphs[0].X, s.String())
		}
		var folio strings.Builder
		for _, g := range p.Folio.Glyphs {
			folio.WriteRune(g.R)
		}
		fmt.Printf("%6.2f %6.2f %s\n", p.Folio.Baseline, p.Folio.Glyphs[0].X, folio.String())
	}
	fmt.Println(len(typeset.Check(d)), "violations")
	// Output:
	// 124.24 113.47 关于产业链供应链稳定工作情况的汇报
	// 178.18  79.37 县委、县政府：
	// 207.79 110.94 全县累计新引进（签约）项目12个，涉及新能源新材料、新
	// 237.40  79.37 一代信息技术、绿色食品加工、智能制造等多个领域，总签约金
	// 267.01  79.37 额82.8亿元，成功申报“5020”项目3个。
	// 326.23 331.92 某某县工业和信息化局
	// 355.84 363.51 2022年12月5日
	// 774.84 456.78 — 1 —
	// 0 violations
}
