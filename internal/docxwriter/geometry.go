package docxwriter

import (
	"math"

	"briefing/internal/typeset"
)

// The page in Word's units: twips (1/20 pt) for lengths, half points for
// type sizes. The numbers are typeset.GBT9704's, so that the Word file and
// the PDF share one page.
var (
	geo        = typeset.GBT9704()
	pageW      = twips(geo.PageWidth)
	pageH      = twips(geo.PageHeight)
	marginTop  = twips(geo.Top)
	marginLeft = twips(geo.Left)
	textW      = twips(geo.Width)  // 8844: the 版心's 156 mm
	textH      = twips(geo.Height) // 12756: its 225 mm
	marginRght = pageW - marginLeft - textW
	marginBot  = pageH - marginTop - textH
)

// Type sizes in half points: 3号, 2号, 4号.
var (
	bodySize  = halfPoints(geo.BodySize)
	titleSize = halfPoints(geo.TitleSize)
	footSize  = halfPoints(typeset.FootSize)
)

func twips(pt float64) int      { return int(math.Round(pt * 20)) }
func halfPoints(pt float64) int { return int(math.Round(pt * 2)) }

// linePitch is the document grid's line pitch: the largest whole number of
// twips of which Word fits geo.Lines into the 版心 (579, 28.95 pt).
func linePitch() int { return textH / geo.Lines }

// charSpace is the document grid's w:charSpace: what Word adds to the 3号
// character to make its grid pitch, in 1/4096 pt, rounded down so that
// geo.Chars characters fit in the 版心 (−849: 15.7927 pt).
func charSpace() int {
	pitch := float64(textW) / 20 / float64(geo.Chars)
	return int(math.Floor((pitch - geo.BodySize) * 4096))
}

// zi is n 字 of the grid in twips: the unit of the indents GB/T 9704 gives.
func zi(n float64) int { return int(math.Round(n * float64(textW) / float64(geo.Chars))) }

// pitches is n grid lines in twips.
func pitches(n int) int { return n * linePitch() }

// emWidth estimates the width of s in 字: ideographs and full-width marks
// 1, ASCII ½ (the 西文 face's digits are half an em).
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
