package pdfwriter

import (
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/typeset"
)

// figure is the Ref of a chart's block: the chart and its caption.
type figure struct {
	chart   *chart.Chart
	caption string
}

// chartBlocks adds the blocks of a chart: the figure, on whole grid lines,
// and its caption “图N　标题” centred on the line below it.
func (b *blocker) chartBlocks(n ast.Node, ch *chart.Chart) {
	if b.figs == nil {
		b.figs = b.doc.Figures()
	}
	caption := document.Caption(b.figs[ch], ch)
	b.add(typeset.Block{Kind: typeset.KindFigure, Figure: &typeset.Figure{Lines: ch.Lines(b.g.Pitch())},
		Ref: &figure{chart: ch, caption: caption}})
	b.add(typeset.Block{Kind: typeset.KindParagraph, Align: typeset.AlignCenter,
		Runs: []typeset.Run{{Text: caption, Style: b.body()}}, Ref: n})
}

// ChartRole is the role of a chart's text: the body face, the 黑体 for
// bold (the highlighted county's value).
func ChartRole(bold bool) typeset.Role {
	if bold {
		return typeset.RoleHei
	}
	return typeset.RoleBody
}

// measure measures a chart's text with the report's fonts.
func measure(set *fonts.Set) chart.Measure {
	return func(r rune, bold bool) float64 {
		if _, adv, ok := set.Glyph(ChartRole(bold), r); ok {
			return adv
		}
		return 1
	}
}

// chartGap is the blank kept under a chart's drawing, above its caption:
// the space between two lines of the grid.
func chartGap(g typeset.Geometry) float64 { return g.Pitch() - g.BodySize }

// drawCharts draws every chart of doc as it will be placed (the width of
// the 版心, its grid lines high) and counts the characters of their text
// into counts, so that their fonts embed them. A character no font has is
// an error naming the chart.
func drawCharts(doc *document.Document, g typeset.Geometry, set *fonts.Set, counts map[faceRune]int) (map[*chart.Chart]*chart.Recording, error) {
	if len(doc.Charts) == 0 {
		return nil, nil
	}
	figs := doc.Figures()
	out := make(map[*chart.Chart]*chart.Recording, len(figs))
	m := measure(set)
	for ch, n := range figs {
		h := float64(ch.Lines(g.Pitch()))*g.Pitch() - chartGap(g)
		rec := chart.Draw(ch, g.Width, h, m)
		has := func(r rune, bold bool) bool {
			_, _, ok := set.Glyph(ChartRole(bold), r)
			return ok
		}
		if err := rec.Missing(has, document.Caption(n, ch)); err != nil {
			return nil, err
		}
		rec.Runes(func(r rune, bold bool) {
			if face, _, ok := set.Glyph(ChartRole(bold), r); ok && r != ' ' && r != '\u3000' {
				counts[faceRune{face, r}]++
			}
		})
		out[ch] = rec
	}
	return out, nil
}

// figure draws a chart in its box, as marked content /Figure with the
// caption as its alternative text: a reader (and the typography check)
// tells the chart's labels from the body's lines.
func (d *drawer) figure(f typeset.PlacedFigure) error {
	fig, ok := f.Ref.(*figure)
	if !ok || d.charts[fig.chart] == nil {
		return nil
	}
	rec := d.charts[fig.chart]
	d.pdf.RawWriteStr("/Figure <</Alt " + pdfText(fig.caption) + ">> BDC")
	ox, oy := f.X, f.Y
	for _, op := range rec.Ops {
		switch op.Kind {
		case chart.OpFill, chart.OpStroke:
			c := op.Color
			if op.Kind == chart.OpFill {
				d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
			} else {
				d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
				d.pdf.SetLineWidth(op.Width)
				d.pdf.SetDashPattern(op.Dash, 0)
			}
			for _, s := range op.Path {
				switch s.Op {
				case 'M':
					d.pdf.MoveTo(ox+s.X, oy+s.Y)
				case 'L':
					d.pdf.LineTo(ox+s.X, oy+s.Y)
				case 'C':
					d.pdf.CurveBezierCubicTo(ox+s.C1X, oy+s.C1Y, ox+s.C2X, oy+s.C2Y, ox+s.X, oy+s.Y)
				case 'Z':
					d.pdf.ClosePath()
				}
			}
			if op.Kind == chart.OpFill {
				d.pdf.DrawPath("F")
			} else {
				d.pdf.DrawPath("D")
			}
		case chart.OpText:
			if err := d.line(d.chartLine(op, ox, oy)); err != nil {
				return err
			}
		}
	}
	d.pdf.SetDashPattern(nil, 0)
	d.pdf.RawWriteStr("EMC")
	// The text and stroke state is the drawer's to set again.
	d.pdf.SetTextColor(0, 0, 0)
	d.pdf.SetDrawColor(0, 0, 0)
	d.color, d.stroke = typeset.Color{}, -1
	return nil
}

// chartLine is a run of a chart's text as a line of glyphs in the
// report's fonts.
func (d *drawer) chartLine(op chart.Op, ox, oy float64) typeset.Line {
	st := typeset.Style{Role: ChartRole(op.Bold), Size: op.Size, Color: typeset.Color{R: op.Color.R, G: op.Color.G, B: op.Color.B}}
	x := ox + op.X
	var gs []typeset.Glyph
	for _, r := range op.Text {
		face, adv, _ := d.fonts.Glyph(st.Role, r)
		gs = append(gs, typeset.Glyph{R: r, Face: face, Style: st, X: x, Width: adv * op.Size})
		x += adv * op.Size
	}
	return typeset.Line{Baseline: oy + op.Y, Glyphs: gs, Final: true, Kind: typeset.KindFigure}
}

// pdfText is s as a PDF text string: UTF-16BE with its byte order mark,
// in hex.
func pdfText(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		h := strconv.FormatUint(uint64(u), 16)
		b.WriteString(strings.ToUpper(strings.Repeat("0", 4-len(h)) + h))
	}
	b.WriteString(">")
	return b.String()
}

// ChartDrawings are the drawings of doc's charts as the PDF places them
// (the width of the 版心, their grid lines high, text measured with the
// fonts of opts), in the order of their numbers 图1, 图2 ….
func ChartDrawings(doc *document.Document, opts Options) ([]*chart.Recording, error) {
	opts.defaults()
	recs, err := drawCharts(doc, opts.Geometry, opts.Fonts, map[faceRune]int{})
	if err != nil {
		return nil, err
	}
	out := make([]*chart.Recording, len(recs))
	for ch, n := range doc.Figures() {
		out[n-1] = recs[ch]
	}
	return out, nil
}
