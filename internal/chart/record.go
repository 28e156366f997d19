package chart

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
)

// Recording is a chart drawn: commands in points, the origin at the top
// left of the chart's box, y growing downwards (as on a page).
type Recording struct {
	Width, Height float64
	Ops           []Op
}

// Op is one drawing command: a path filled or stroked, or a run of text.
type Op struct {
	Kind  OpKind
	Path  []Seg      // OpFill, OpStroke
	Color color.RGBA // fill, stroke or text colour
	Width float64    // OpStroke: line width
	Dash  []float64  // OpStroke: dash pattern; nil for solid
	Hatch bool       // OpFill: hatched (diagonal lines over the fill), for black and white

	// OpText: Text set from its left end at X on the baseline Y, in the
	// body face (Bold: the 黑体) at Size; W is its width as measured.
	Text    string
	X, Y, W float64
	Size    float64
	Bold    bool
}

// OpKind is what an Op does.
type OpKind uint8

const (
	OpFill OpKind = iota
	OpStroke
	OpText
)

// Seg is a piece of a path: M moves, L draws a line, C a cubic curve
// through the control points C1, C2, Z closes.
type Seg struct {
	Op                 byte
	X, Y               float64
	C1X, C1Y, C2X, C2Y float64
}

// Measure is the advance of r in em in the chart's type (the body face,
// or the 黑体 when bold).
type Measure func(r rune, bold bool) float64

// Plain measures as a typical Chinese face: ideographs and full-width
// marks 1 em, other characters half.
func Plain(r rune, bold bool) float64 {
	if r < 0x2E80 {
		return 0.5
	}
	return 1
}

// width is the width of s at size.
func (m Measure) width(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += m(r, bold)
	}
	return w * size
}

// String writes the commands one a line, numbers with two decimals: the
// form the golden files keep.
func (r *Recording) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "chart %s × %s\n", f2(r.Width), f2(r.Height))
	for _, op := range r.Ops {
		switch op.Kind {
		case OpText:
			style := ""
			if op.Bold {
				style = " bold"
			}
			fmt.Fprintf(&b, "text %s,%s w%s %spt%s #%s %q\n", f2(op.X), f2(op.Y), f2(op.W), f2(op.Size), style, hex(op.Color), op.Text)
		case OpFill, OpStroke:
			if op.Kind == OpFill {
				b.WriteString("fill #" + hex(op.Color))
				if op.Hatch {
					b.WriteString(" hatch")
				}
			} else {
				fmt.Fprintf(&b, "stroke #%s %s", hex(op.Color), f2(op.Width))
				if op.Dash != nil {
					fmt.Fprintf(&b, " dash%v", op.Dash)
				}
			}
			for _, s := range op.Path {
				switch s.Op {
				case 'Z':
					b.WriteString(" Z")
				case 'C':
					fmt.Fprintf(&b, " C%s,%s %s,%s %s,%s", f2(s.C1X), f2(s.C1Y), f2(s.C2X), f2(s.C2Y), f2(s.X), f2(s.Y))
				default:
					fmt.Fprintf(&b, " %c%s,%s", s.Op, f2(s.X), f2(s.Y))
				}
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func f2(x float64) string {
	s := strconv.FormatFloat(x, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func hex(c color.RGBA) string { return fmt.Sprintf("%02x%02x%02x", c.R, c.G, c.B) }

// Runes calls fn for each character of the chart's text, with bold.
func (r *Recording) Runes(fn func(r rune, bold bool)) {
	for _, op := range r.Ops {
		if op.Kind == OpText {
			for _, c := range op.Text {
				fn(c, op.Bold)
			}
		}
	}
}

// Missing is an error naming the first character of the text that has
// says no font sets (spaces aside), in the chart captioned caption; nil
// when every character can be set.
func (r *Recording) Missing(has func(c rune, bold bool) bool, caption string) error {
	for _, op := range r.Ops {
		if op.Kind != OpText {
			continue
		}
		for _, c := range op.Text {
			if c != ' ' && c != '\u3000' && !has(c, op.Bold) {
				return fmt.Errorf("没有任何字体含有字符“%c”（U+%04X），无法排版。它出现在%s", c, c, caption)
			}
		}
	}
	return nil
}

// recorder is a vg.Canvas that records what gonum/plot draws.
type recorder struct {
	measure Measure
	rec     *Recording
	st      state
	stack   []state
}

type state struct {
	width float64
	dash  []float64
	color color.RGBA
	m     [6]float64 // affine: x' = a x + c y + e, y' = b x + d y + f
}

var identity = [6]float64{1, 0, 0, 1, 0, 0}

func newRecorder(w, h float64, m Measure) *recorder {
	return &recorder{measure: m, rec: &Recording{Width: w, Height: h}, st: state{width: 1, color: color.RGBA{A: 255}, m: identity}}
}

var _ vg.CanvasSizer = (*recorder)(nil)

func (c *recorder) Size() (vg.Length, vg.Length) {
	return vg.Length(c.rec.Width), vg.Length(c.rec.Height)
}

func (c *recorder) SetLineWidth(w vg.Length) { c.st.width = float64(w) }

func (c *recorder) SetLineDash(p []vg.Length, _ vg.Length) {
	c.st.dash = nil
	for _, d := range p {
		c.st.dash = append(c.st.dash, float64(d))
	}
}

func (c *recorder) SetColor(col color.Color) {
	if col == nil {
		col = color.Black
	}
	r, g, b, a := col.RGBA()
	c.st.color = color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func (c *recorder) Rotate(rad float64) {
	s, co := math.Sincos(rad)
	c.mul([6]float64{co, s, -s, co, 0, 0})
}

func (c *recorder) Translate(pt vg.Point) {
	c.mul([6]float64{1, 0, 0, 1, float64(pt.X), float64(pt.Y)})
}

func (c *recorder) Scale(x, y float64) { c.mul([6]float64{x, 0, 0, y, 0, 0}) }

// mul applies n before the current transform.
func (c *recorder) mul(n [6]float64) {
	m := c.st.m
	c.st.m = [6]float64{
		m[0]*n[0] + m[2]*n[1], m[1]*n[0] + m[3]*n[1],
		m[0]*n[2] + m[2]*n[3], m[1]*n[2] + m[3]*n[3],
		m[0]*n[4] + m[2]*n[5] + m[4], m[1]*n[4] + m[3]*n[5] + m[5],
	}
}

func (c *recorder) Push() {
	st := c.st
	st.dash = append([]float64(nil), c.st.dash...)
	c.stack = append(c.stack, st)
}

func (c *recorder) Pop() {
	if n := len(c.stack); n > 0 {
		c.st, c.stack = c.stack[n-1], c.stack[:n-1]
	}
}

// pt maps a point of gonum's canvas (origin at the bottom left) to the
// recording's (origin at the top left).
func (c *recorder) pt(p vg.Point) (float64, float64) {
	x, y := float64(p.X), float64(p.Y)
	m := c.st.m
	return round(m[0]*x + m[2]*y + m[4]), round(c.rec.Height - (m[1]*x + m[3]*y + m[5]))
}

// round keeps a hundredth of a point: the recording is the same on every
// machine, whatever the last bits of the arithmetic.
func round(x float64) float64 { return math.Round(x*100) / 100 }

func (c *recorder) path(p vg.Path) []Seg {
	var out []Seg
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			x, y := c.pt(comp.Pos)
			out = append(out, Seg{Op: 'M', X: x, Y: y})
		case vg.LineComp:
			x, y := c.pt(comp.Pos)
			out = append(out, Seg{Op: 'L', X: x, Y: y})
		case vg.ArcComp:
			out = c.arc(out, comp)
		case vg.CurveComp:
			x, y := c.pt(comp.Pos)
			s := Seg{Op: 'C', X: x, Y: y}
			switch len(comp.Control) {
			case 1: // a quadratic curve, as a cubic one: not used by the charts
				s.C1X, s.C1Y = c.pt(comp.Control[0])
				s.C2X, s.C2Y = s.C1X, s.C1Y
			case 2:
				s.C1X, s.C1Y = c.pt(comp.Control[0])
				s.C2X, s.C2Y = c.pt(comp.Control[1])
			}
			out = append(out, s)
		case vg.CloseComp:
			out = append(out, Seg{Op: 'Z'})
		}
	}
	return out
}

// arc adds an arc as cubic curves of at most a quarter turn, joined to
// the path by a line (or started by a move).
func (c *recorder) arc(out []Seg, a vg.PathComp) []Seg {
	r := float64(a.Radius)
	cx, cy := float64(a.Pos.X), float64(a.Pos.Y)
	n := int(math.Ceil(math.Abs(a.Angle) / (math.Pi / 2)))
	if n == 0 {
		n = 1
	}
	step := a.Angle / float64(n)
	k := 4.0 / 3 * math.Tan(step/4)
	at := func(t float64) vg.Point {
		return vg.Point{X: vg.Length(cx + r*math.Cos(t)), Y: vg.Length(cy + r*math.Sin(t))}
	}
	x0, y0 := c.pt(at(a.Start))
	op := byte('L')
	if len(out) == 0 {
		op = 'M'
	}
	out = append(out, Seg{Op: op, X: x0, Y: y0})
	for i := 0; i < n; i++ {
		t0 := a.Start + float64(i)*step
		t1 := t0 + step
		p0, p1 := at(t0), at(t1)
		c1 := vg.Point{X: p0.X - vg.Length(k*r*math.Sin(t0)), Y: p0.Y + vg.Length(k*r*math.Cos(t0))}
		c2 := vg.Point{X: p1.X + vg.Length(k*r*math.Sin(t1)), Y: p1.Y - vg.Length(k*r*math.Cos(t1))}
		s := Seg{Op: 'C'}
		s.C1X, s.C1Y = c.pt(c1)
		s.C2X, s.C2Y = c.pt(c2)
		s.X, s.Y = c.pt(p1)
		out = append(out, s)
	}
	return out
}

func (c *recorder) Stroke(p vg.Path) {
	if c.st.width <= 0 || len(p) == 0 {
		return
	}
	c.rec.Ops = append(c.rec.Ops, Op{Kind: OpStroke, Path: c.path(p), Color: c.st.color, Width: round(c.st.width), Dash: c.st.dash})
}

func (c *recorder) Fill(p vg.Path) {
	if len(p) == 0 {
		return
	}
	c.rec.Ops = append(c.rec.Ops, Op{Kind: OpFill, Path: c.path(p), Color: c.st.color})
}

// FillString records text; the face is not used (the writers set the text
// in the report's fonts): its size and weight are.
func (c *recorder) FillString(f font.Face, pt vg.Point, s string) {
	if f.Font.Size <= 0 || s == "" {
		return
	}
	x, y := c.pt(pt)
	c.rec.Ops = append(c.rec.Ops, Op{Kind: OpText, Text: s, X: x, Y: y, Size: float64(f.Font.Size),
		Bold: f.Font.Weight >= 600, Color: c.st.color, W: round(c.measure.width(s, float64(f.Font.Size), f.Font.Weight >= 600))})
}

func (c *recorder) DrawImage(vg.Rectangle, image.Image) {} // charts draw no pictures

// handler is gonum/plot's text handler for the report's type: it measures
// text with the report's own fonts (through Measure) instead of parsing a
// font file, and draws it on the recorder.
type handler struct{ m Measure }

var _ text.Handler = handler{}

func (h handler) Cache() *font.Cache { return nil }

// Extents are those of the bundled Chinese faces, near enough: ascent
// 0.88 em, descent 0.12 em, line height 1.2 em.
func (h handler) Extents(f font.Font) font.Extents {
	s := f.Size
	return font.Extents{Ascent: 0.88 * s, Descent: 0.12 * s, Height: 1.2 * s}
}

func (h handler) Lines(txt string) []string { return strings.Split(strings.TrimRight(txt, "\n"), "\n") }

func (h handler) Box(txt string, f font.Font) (w, ht, d vg.Length) {
	e := h.Extents(f)
	return vg.Length(h.m.width(txt, float64(f.Size), f.Weight >= 600)), e.Ascent, e.Descent
}

func (h handler) Draw(c vg.Canvas, txt string, sty text.Style, pt vg.Point) {
	txt = strings.TrimRight(txt, "\n")
	if txt == "" {
		return
	}
	c.SetColor(sty.Color)
	lines := h.Lines(txt)
	e := h.Extents(sty.Font)
	ht := sty.Height(txt)
	pt.Y += ht*vg.Length(sty.YAlign) - e.Ascent
	for i, line := range lines {
		w, _, _ := h.Box(line, sty.Font)
		n := vg.Length(len(lines) - i)
		c.FillString(font.Face{Font: sty.Font}, pt.Add(vg.Point{X: vg.Length(sty.XAlign) * w, Y: n * sty.Font.Size}), line)
	}
}
