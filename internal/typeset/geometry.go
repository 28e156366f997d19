package typeset

// MM is one millimetre in points.
const MM = 72 / 25.4

// EmAscent is the part of an ideograph's em box above the baseline (the
// ideographic em box reaches from baseline − 0.88 em to baseline + 0.12 em).
const EmAscent = 0.88

// GBT9704 is the page of GB/T 9704-2012: A4, 版心 156 × 225 mm at 37 mm from
// the top and 28 mm from the left, 22 lines of 28 characters in 3号 (16 pt),
// the title in 2号 (22 pt) and the page number in 4号 (14 pt), 7 mm below
// the 版心.
func GBT9704() Geometry {
	return Geometry{
		PageWidth: 595.28, PageHeight: 841.89,
		Top: 37 * MM, Left: 28 * MM,
		Width: 156 * MM, Height: 225 * MM,
		Lines: 22, Chars: 28,
		BodySize: 16, TitleSize: 22, FolioSize: 14,
		FolioGap: 7 * MM,
	}
}

// Pitch is the distance between two baselines of body text. The first
// line's em box touches the top of the 版心 and the last line's the bottom:
// (225 mm − 16 pt) / 21 ≈ 29.609 pt on the GB/T 9704 page.
func (g Geometry) Pitch() float64 {
	if g.Lines < 2 {
		return g.Height
	}
	return (g.Height - g.BodySize) / float64(g.Lines-1)
}

// Baseline is the baseline of grid line slot (0-based) on every page.
func (g Geometry) Baseline(slot int) float64 {
	return g.Top + EmAscent*g.BodySize + float64(slot)*g.Pitch()
}

// SlotTop is the top of the em box of body text on grid line slot: where
// the 版心 starts for slot 0.
func (g Geometry) SlotTop(slot int) float64 {
	return g.Top + float64(slot)*g.Pitch()
}

// CharWidth is one 字 of the grid, Width/Chars (156/28 mm ≈ 15.794 pt): the
// unit of the indents and insets GB/T 9704 gives in 字.
func (g Geometry) CharWidth() float64 {
	return g.Width / float64(g.Chars)
}

// gap is the space added between two body glyphs so that Chars ideographs
// fill the line exactly: the first starts at the left edge of the 版心 and
// the advance box of the last ends at its right edge ((156 mm − 28 × 16 pt)
// / 27 ≈ −0.215 pt).
func (g Geometry) gap() float64 {
	if g.Chars < 2 {
		return 0
	}
	return (g.Width - float64(g.Chars)*g.BodySize) / float64(g.Chars-1)
}

// cell is the distance from one ideograph to the next in a full line of
// body text: (Width − BodySize)/(Chars − 1).
func (g Geometry) cell() float64 { return g.BodySize + g.gap() }

// FolioBaseline is the baseline of the page number: the top of its em box
// is FolioGap below the 版心.
func (g Geometry) FolioBaseline() float64 {
	return g.Top + g.Height + g.FolioGap + EmAscent*g.FolioSize
}

// FolioInset is the 空一字 between the page number and the edge of the
// 版心: one 字 of the grid, CharWidth.
func (g Geometry) FolioInset() float64 { return g.CharWidth() }

func (g Geometry) right() float64  { return g.Left + g.Width }
func (g Geometry) bottom() float64 { return g.Top + g.Height }
