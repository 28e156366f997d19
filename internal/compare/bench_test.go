package compare

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// pages writes a report of about n pages (some 3 KB of text a page, as a
// thousand-page report of 3 MB): paragraphs of figures, each sentence unique by its numbers.
// With month set the figures change, as next month's would, and every
// twentieth paragraph is dropped or a new one added.
func pages(n int, month int) string {
	r := rand.New(rand.NewPCG(uint64(month), 7))
	var b strings.Builder
	for p := 0; p < n*4; p++ {
		switch {
		case month > 0 && p%40 == 3:
			continue // dropped
		case month > 0 && p%40 == 23:
			fmt.Fprintf(&b, "新增第%d段：本月新开工项目%d个，计划总投资%.1f亿元。\n", p, r.IntN(9), r.Float64()*30)
		}
		fmt.Fprintf(&b, "%d、第%d部分\n", p%10+1, p)
		for s := 0; s < 6; s++ {
			fmt.Fprintf(&b, "1-%d月份，全县第%d项指标完成%.2f亿元，同比增长%.1f%%，增速高于全市平均水平%.1f个百分点，居全市第%d位；",
				7+month, p*6+s, r.Float64()*100, r.Float64()*20-5, r.Float64()*3, 1+r.IntN(12))
		}
		b.WriteString("\n")
	}
	return b.String()
}

// BenchmarkText1000Pages compares two months of a thousand-page report:
// most sentences change a number, some paragraphs come and go.
func BenchmarkText1000Pages(b *testing.B) {
	old, new := pages(1000, 0), pages(1000, 1)
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	for b.Loop() {
		Text(old, new)
	}
}

// BenchmarkTextNoAnchors compares the same two months without their
// headings: no sentence is in both, so the exact diff runs out of work,
// nothing anchors the alignment, and the similar sentences of the one
// long stretch are paired within a window.
func BenchmarkTextNoAnchors(b *testing.B) {
	strip := func(s string) string {
		var keep []string
		for _, l := range strings.Split(s, "\n") {
			if !strings.Contains(l, "部分") {
				keep = append(keep, l)
			}
		}
		return strings.Join(keep, "\n")
	}
	old, new := strip(pages(1000, 0)), strip(pages(1000, 1))
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	for b.Loop() {
		Text(old, new)
	}
}

// BenchmarkTextLongLine compares one paragraph of 300,000 characters
// without a sentence end, changed throughout: the word diff is bounded.
func BenchmarkTextLongLine(b *testing.B) {
	old := strings.ReplaceAll(pages(100, 0), "；", "，")
	new := strings.ReplaceAll(pages(100, 1), "；", "，")
	old, new = strings.ReplaceAll(old, "\n", ""), strings.ReplaceAll(new, "\n", "")
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	for b.Loop() {
		Text(old, new)
	}
}

// BenchmarkTextRewritten compares thirty paragraphs of 30,000 characters,
// each rewritten throughout with the same few characters: every pair is
// similar enough to be diffed word by word, and each such diff as costly as
// can be; the work they share bounds them all.
func BenchmarkTextRewritten(b *testing.B) {
	r := rand.New(rand.NewPCG(9, 9))
	chars := []rune("全县工业投资消费增长下降同比亿元个百分点，。")
	text := func() string {
		var s strings.Builder
		for p := 0; p < 30; p++ {
			for k := 0; k < 30000; k++ {
				s.WriteRune(chars[r.IntN(len(chars))])
			}
			s.WriteString("\n")
		}
		return strings.ReplaceAll(s.String(), "。", "、")
	}
	old, new := text(), text()
	b.SetBytes(int64(len(old) + len(new)))
	b.ResetTimer()
	for b.Loop() {
		Text(old, new)
	}
}
