package wording_test

import (
	"fmt"

	"briefing/internal/wording"
)

func ExampleCheck() {
	invest := wording.Fact{Name: "固定资产投资", Level: wording.Minus, Widen: wording.Plus, Where: "指标!B5", Reads: "同比下降1.3%"}
	segs := []wording.Segment{
		{Text: "### 固定资产投资增长较快\n\n全县固定资产投资", Typed: true, File: "主要工作.md", Line: 3},
		{Text: "同比下降1.3%", File: "主要工作.md", Line: 5, Facts: []wording.Fact{invest}},
		{Text: "，降幅比上月收窄", Typed: true, File: "主要工作.md", Line: 5},
		{Text: "0.4", File: "主要工作.md", Line: 5, Facts: []wording.Fact{invest}},
		{Text: "个百分点；新引进项目", Typed: true, File: "主要工作.md", Line: 5},
		{Text: "0", File: "主要工作.md", Line: 5, Facts: []wording.Fact{{Name: "新引进项目数", Count: true, Where: "指标!B9"}}},
		{Text: "个。\n", Typed: true, File: "主要工作.md", Line: 5},
	}
	for _, w := range wording.Check(segs, nil) {
		fmt.Printf("%s 第%d行：%s\n", w.File, w.Line, w.Msg)
	}
	// Output:
	// 主要工作.md 第3行：“增长较快”与数据不符：固定资产投资同比下降1.3%（指标!B5）。句子：“固定资产投资增长较快”。请用 同比、增长 等函数让措辞随数据变化，或改写为不带方向的说法（如“固定资产投资增速为……”），确属原意时在句中加 {{不检查}}
	// 主要工作.md 第5行：“收窄”与数据不符：固定资产投资同比下降1.3%（指标!B5）。句子：“全县固定资产投资同比下降1.3%，降幅比上月收窄0.4个百分点”。请用 增幅变化、环比 等函数让措辞随数据变化，或改写为不带方向的说法（如“固定资产投资增速为……”），确属原意时在句中加 {{不检查}}
	// 主要工作.md 第5行：“0个”与数据不符：新引进项目数0（指标!B9）。句子：“新引进项目0个”。数目为0时这句话读不通：用 {{if}} 在没有时改写这句
}
