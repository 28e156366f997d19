package chart

import (
	"image/color"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Palette is the fills of the series, in order, for every chart of a
// report: a dark and a light blue, a mid and a light grey, near black and
// white (the third and later hatched). In black and white they differ in
// grey and hatching.
var Palette = []color.RGBA{
	{0x2f, 0x4b, 0x7c, 0xff},
	{0x9d, 0xb9, 0xdb, 0xff},
	{0x6b, 0x6b, 0x6b, 0xff},
	{0xe0, 0xe0, 0xe0, 0xff},
	{0x1a, 0x1a, 0x1a, 0xff},
	{0xff, 0xff, 0xff, 0xff},
}

// LineColors are the colours of the lines, in order: a dark red (solid,
// round markers) and black (dashed, square markers).
var LineColors = []color.RGBA{{0xb0, 0x24, 0x18, 0xff}, {0, 0, 0, 0xff}}

var (
	black  = color.RGBA{A: 0xff}
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	gridC  = color.RGBA{0xc8, 0xc8, 0xc8, 0xff}
	edgeC  = color.RGBA{0x33, 0x33, 0x33, 0xff}
	textSz = vg.Length(10.5) // 五号
	noteSz = vg.Length(10.5)
)

// Lines is the number of grid lines the chart takes, pitch apart: its
// Height, or the default of its kind (a ranking grows with its rows).
func (ch *Chart) Lines(pitch float64) int {
	if ch.Height > 0 {
		return ch.Height
	}
	if ch.Kind == Ranking {
		n := int(math.Ceil((float64(len(ch.Categories))*17 + 60) / pitch))
		return min(max(n, 6), 20)
	}
	return 9
}

// Draw draws the chart in a box w × h points, measuring text with m.
func Draw(ch *Chart, w, h float64, m Measure) *Recording {
	rc := newRecorder(w, h, m)
	d := &drawing{ch: ch, h: handler{m}, m: m}
	c := draw.New(rc)
	d.frame(&c)
	switch ch.Kind {
	case Pie, Ring:
		d.pie(c)
	default:
		d.axes(c)
	}
	return rc.rec
}

type drawing struct {
	ch *Chart
	h  handler
	m  Measure
}

func (d *drawing) style(size vg.Length, bold bool) text.Style {
	f := font.Font{Typeface: "body", Size: size}
	if bold {
		f.Weight = 700
	}
	return text.Style{Color: black, Font: f, Handler: d.h, XAlign: draw.XLeft, YAlign: draw.YBottom}
}

// frame draws the 单位 line and the legend above the chart and the 数据来源
// below it, and leaves c the box between.
func (d *drawing) frame(c *draw.Canvas) {
	top := c.Max.Y
	st := d.style(noteSz, false)
	band := vg.Length(18)
	if d.ch.Unit != "" {
		c.FillText(st, vg.Point{X: c.Min.X, Y: top - 13}, "单位："+d.ch.Unit)
	}
	if d.ch.Kind != Pie && d.ch.Kind != Ring && !(len(d.ch.Series) == 1 && d.ch.Kind != BarLine) {
		d.legend(c, top-13)
	}
	*c = draw.Crop(*c, 0, 0, 0, -band)
	if d.ch.Source != "" {
		c.FillText(st, vg.Point{X: c.Min.X, Y: c.Min.Y + 3}, "数据来源："+d.ch.Source)
		*c = draw.Crop(*c, 0, 0, 17, 0)
	}
}

// legend draws the series' keys right-aligned on the baseline y.
func (d *drawing) legend(c *draw.Canvas, y vg.Length) {
	st := d.style(noteSz, false)
	x := c.Max.X
	bars := 0
	type key struct {
		name string
		k    int
		line bool
	}
	var ks []key
	lines := 0
	for _, se := range d.ch.Series {
		if se.Line {
			ks = append(ks, key{d.label(se), lines, true})
			lines++
		} else {
			ks = append(ks, key{d.label(se), bars, false})
			bars++
		}
	}
	for i := len(ks) - 1; i >= 0; i-- {
		k := ks[i]
		x -= st.Width(k.name)
		c.FillText(st, vg.Point{X: x, Y: y}, k.name)
		x -= 4
		if k.line {
			x -= 18
			ls := lineStyle(k.k)
			c.StrokeLine2(ls, x, y+3.5, x+18, y+3.5)
			marker(c, k.k, vg.Point{X: x + 9, Y: y + 3.5})
		} else {
			x -= 10
			bar(c, k.k, x, y-1, x+10, y+8, false)
		}
		x -= 12
	}
}

// label is a series' name in the legend: with its unit, and the axis it
// is read on in a chart of two.
func (d *drawing) label(se Series) string {
	if d.ch.Kind != BarLine || se.Unit == "" {
		return se.Name
	}
	if se.Line {
		return se.Name + "（" + se.Unit + "，右轴）"
	}
	return se.Name + "（" + se.Unit + "）"
}

func lineStyle(k int) draw.LineStyle {
	ls := draw.LineStyle{Color: LineColors[k%len(LineColors)], Width: 1.5}
	if k%2 == 1 {
		ls.Dashes = []vg.Length{4, 2}
	}
	return ls
}

// marker draws the k-th line's marker at pt: a round one, a square one.
func marker(c *draw.Canvas, k int, pt vg.Point) {
	sty := draw.GlyphStyle{Color: white, Radius: 2.6, Shape: draw.CircleGlyph{}}
	edge := draw.GlyphStyle{Color: LineColors[k%len(LineColors)], Radius: 2.6, Shape: draw.RingGlyph{}}
	if k%2 == 1 {
		sty.Shape, edge.Shape = draw.BoxGlyph{}, draw.SquareGlyph{}
	}
	c.DrawGlyphNoClip(sty, pt)
	c.DrawGlyphNoClip(edge, pt)
}

// bar fills the rectangle of series k's bars, outlined, hatched for the
// third series and later; dark makes it the highlighted bar.
func bar(c *draw.Canvas, k int, x0, y0, x1, y1 vg.Length, dim bool) {
	if x1 < x0 {
		x0, x1 = x1, x0
	}
	if y1 < y0 {
		y0, y1 = y1, y0
	}
	fill := Palette[k%len(Palette)]
	if dim {
		fill = Palette[1]
	}
	pts := []vg.Point{{X: x0, Y: y0}, {X: x1, Y: y0}, {X: x1, Y: y1}, {X: x0, Y: y1}}
	c.FillPolygon(fill, pts)
	if k%len(Palette) >= 2 {
		hatch(c, x0, y0, x1, y1)
	}
	c.StrokeLines(draw.LineStyle{Color: edgeC, Width: 0.4}, append(pts, pts[0]))
}

// hatch strokes diagonal lines 4 points apart across a rectangle.
func hatch(c *draw.Canvas, x0, y0, x1, y1 vg.Length) {
	ls := draw.LineStyle{Color: edgeC, Width: 0.4}
	w, h := x1-x0, y1-y0
	for s := vg.Length(4); s < w+h; s += 4 {
		// the line x - x0 + y - y0 = s, clipped to the rectangle
		ax, ay := x0+min(s, w), y0+max(0, s-w)
		bx, by := x0+max(0, s-h), y0+min(s, h)
		c.StrokeLine2(ls, ax, ay, bx, by)
	}
}

// scale is a nice axis: from lo to hi in steps.
type scale struct{ lo, hi, step float64 }

func (s scale) n() int { return int(math.Round((s.hi - s.lo) / s.step)) }

// niceStep is the smallest of 1, 2, 2.5, 5 times a power of ten not less
// than raw.
func niceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw*(1-1e-9) {
			return m * mag
		}
	}
	return 10 * mag
}

// niceScale covers lo..hi, and 0, in about five steps.
func niceScale(lo, hi float64) scale {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo < 1e-12 {
		hi = lo + 1
	}
	step := niceStep((hi - lo) / 5)
	return scale{math.Floor(lo/step+1e-9) * step, math.Ceil(hi/step-1e-9) * step, step}
}

// ticks are the labelled ticks of s.
func (s scale) ticks() []plot.Tick {
	var out []plot.Tick
	for i := 0; i <= s.n(); i++ {
		v := s.lo + float64(i)*s.step
		out = append(out, plot.Tick{Value: v, Label: num(v, s.step)})
	}
	return out
}

// num writes v with the decimals of step.
func num(v, step float64) string {
	places := 0
	for p := step; math.Abs(p-math.Round(p)) > 1e-9 && places < 4; p *= 10 {
		places++
	}
	s := strconv.FormatFloat(v, 'f', places, 64)
	if strings.Trim(s, "-0.") == "" {
		return "0"
	}
	return s
}

// extent is the least and greatest value of the series that match, as
// drawn (stacked bars add up).
func (d *drawing) extent(match func(Series) bool, stacked bool) (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for i := range d.ch.Categories {
		pos, neg := 0.0, 0.0
		for _, se := range d.ch.Series {
			v := se.Values[i]
			if !match(se) || math.IsNaN(v) {
				continue
			}
			if stacked {
				if v >= 0 {
					pos += v
					v = pos
				} else {
					neg += v
					v = neg
				}
			}
			lo, hi = math.Min(lo, v), math.Max(hi, v)
		}
	}
	if math.IsInf(lo, 1) {
		return 0, 1
	}
	return lo, hi
}

// axes draws a chart with axes: bars, lines, bars with lines on a second
// axis, a ranking.
func (d *drawing) axes(c draw.Canvas) {
	p := plot.New()
	p.BackgroundColor = nil
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Tick.Label.Handler, a.Tick.Label.Font, a.Tick.Label.Color = d.h, d.style(textSz, false).Font, black
		a.Label.TextStyle.Handler = d.h
		a.LineStyle = draw.LineStyle{Color: black, Width: 0.5}
		a.Tick.LineStyle = draw.LineStyle{Color: black, Width: 0.5}
		a.Tick.Length = 3
	}
	p.Title.TextStyle.Handler = d.h
	p.Legend.TextStyle.Handler = d.h
	ch := d.ch
	n := len(ch.Categories)
	isBar := func(se Series) bool { return !se.Line }
	if ch.Kind == Ranking {
		d.ranking(p, c)
		return
	}
	// the left axis: the bars, or every line of a chart of lines
	var left scale
	stacked := ch.Kind == StackedBars
	if ch.Kind == Lines {
		lo, hi := d.extent(func(Series) bool { return true }, false)
		left = niceScale(lo, hi)
	} else {
		lo, hi := d.extent(isBar, stacked)
		left = niceScale(lo, hi)
	}
	var right scale
	rightW := vg.Length(0)
	if ch.Kind == BarLine {
		lo, hi := d.extent(func(se Series) bool { return se.Line }, false)
		left, right = twin(left, lo, hi)
		st := d.style(textSz, false)
		for _, t := range right.ticks() {
			rightW = max(rightW, st.Width(t.Label)+6)
		}
	}
	p.NominalX(ch.Categories...)
	p.X.Min, p.X.Max = -0.5, float64(n)-0.5
	p.Y.Min, p.Y.Max = left.lo, left.hi
	p.Y.Tick.Marker = plot.ConstantTicks(left.ticks())
	p.Y.Padding, p.X.Padding = 0, 6 // the categories clear of the bars
	p.Add(grid{})
	if ch.Kind != Lines {
		p.Add(bars{d: d, stacked: stacked})
	}
	if ch.Kind == Lines {
		p.Add(lines{d: d, s: left})
	}
	if ch.Kind == BarLine {
		p.Add(lines{d: d, s: right, right: true, w: rightW})
	}
	p.Add(zero{})
	p.Draw(draw.Crop(c, 0, -rightW, 0, 0))
}

// twin makes the second axis of a 柱线 chart: its grid lines are the left
// axis's, its zero on the same line, its steps nice, covering lo..hi. The
// left axis may get a step or two more below or above zero, whichever
// fills both axes best with their data.
func twin(left scale, lo, hi float64) (scale, scale) {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	lLo, lHi := left.lo, left.hi
	best, bestL, bestR := -1.0, left, niceScale(lo, hi)
	for below := 0; below <= 4; below++ {
		for above := 0; above <= 2; above++ {
			l := scale{left.lo - float64(below)*left.step, left.hi + float64(above)*left.step, left.step}
			k := l.n()
			z := int(math.Round(-l.lo / l.step)) // intervals below zero
			if lo < 0 && z == 0 || hi > 0 && z == k {
				continue
			}
			need := 0.0
			if z > 0 {
				need = -lo / float64(z)
			}
			if k-z > 0 {
				need = math.Max(need, hi/float64(k-z))
			}
			s := 1.0
			if need > 0 {
				s = niceStep(need)
			}
			r := scale{-float64(z) * s, float64(k-z) * s, s}
			fill := (lHi-lLo)/(l.hi-l.lo) + (hi-lo)/(r.hi-r.lo) - 0.02*float64(below+above)
			if fill > best {
				best, bestL, bestR = fill, l, r
			}
		}
	}
	return bestL, bestR
}

// grid draws the horizontal grid lines at the left axis's ticks.
type grid struct{}

func (grid) Plot(c draw.Canvas, p *plot.Plot) {
	_, trY := p.Transforms(&c)
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		y := trY(t.Value)
		c.StrokeLine2(draw.LineStyle{Color: gridC, Width: 0.4}, c.Min.X, y, c.Max.X, y)
	}
}

// zero draws the line of value 0 over the bars, when the axis has
// negative values.
type zero struct{}

func (zero) Plot(c draw.Canvas, p *plot.Plot) {
	if p.Y.Min < 0 && p.Y.Max > 0 {
		_, trY := p.Transforms(&c)
		c.StrokeLine2(draw.LineStyle{Color: black, Width: 0.6}, c.Min.X, trY(0), c.Max.X, trY(0))
	}
}

// bars draws the bar series, grouped or stacked; an empty value is no bar.
type bars struct {
	d       *drawing
	stacked bool
}

func (b bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	ch := b.d.ch
	var idx []int
	for i, se := range ch.Series {
		if !se.Line {
			idx = append(idx, i)
		}
	}
	slot := 0.7
	w := slot / float64(len(idx))
	if b.stacked {
		w = slot
	}
	for i := range ch.Categories {
		pos, neg := 0.0, 0.0
		for k, si := range idx {
			v := ch.Series[si].Values[i]
			if math.IsNaN(v) {
				continue
			}
			x0 := float64(i) - slot/2 + float64(k)*w
			base := 0.0
			if b.stacked {
				x0 = float64(i) - slot/2
				if v >= 0 {
					base, pos = pos, pos+v
				} else {
					base, neg = neg, neg+v
				}
			}
			bar(&c, k, trX(x0), trY(base), trX(x0+w), trY(base+v), false)
		}
	}
}

// lines draws the line series on scale s: on the left axis, or on the
// right one (whose labels it draws, w wide) in a 柱线 chart. An empty
// value breaks the line.
type lines struct {
	d     *drawing
	s     scale
	right bool
	w     vg.Length
}

func (l lines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, _ := p.Transforms(&c)
	y := func(v float64) vg.Length {
		return c.Min.Y + vg.Length((v-l.s.lo)/(l.s.hi-l.s.lo))*(c.Max.Y-c.Min.Y)
	}
	if l.right {
		st := l.d.style(textSz, false)
		st.YAlign = draw.YCenter
		ls := draw.LineStyle{Color: black, Width: 0.5}
		c.StrokeLine2(ls, c.Max.X, c.Min.Y, c.Max.X, c.Max.Y)
		for _, t := range l.s.ticks() {
			yy := y(t.Value)
			c.StrokeLine2(ls, c.Max.X, yy, c.Max.X+3, yy)
			c.FillText(st, vg.Point{X: c.Max.X + 5, Y: yy}, t.Label)
		}
	}
	k := 0
	for _, se := range l.d.ch.Series {
		if !se.Line {
			continue
		}
		var run []vg.Point
		var runs [][]vg.Point
		for i, v := range se.Values {
			if math.IsNaN(v) {
				if len(run) > 0 {
					runs = append(runs, run)
				}
				run = nil
				continue
			}
			run = append(run, vg.Point{X: trX(float64(i)), Y: y(v)})
		}
		if len(run) > 0 {
			runs = append(runs, run)
		}
		for _, r := range runs {
			if len(r) > 1 {
				c.StrokeLines(lineStyle(k), r)
			}
		}
		for _, r := range runs {
			for _, pt := range r {
				marker(&c, k, pt)
			}
		}
		k++
	}
}

// ranking draws horizontal bars, the first category on top, the
// highlighted one dark and the others light, each labelled with its value.
func (d *drawing) ranking(p *plot.Plot, c draw.Canvas) {
	ch := d.ch
	n := len(ch.Categories)
	names := make([]string, n)
	for i, cname := range ch.Categories {
		names[n-1-i] = cname
	}
	lo, hi := d.extent(func(Series) bool { return true }, false)
	s := niceScale(lo, hi)
	p.NominalY(names...)
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	p.X.Min, p.X.Max = s.lo, s.hi
	p.X.Tick.Marker = plot.ConstantTicks(s.ticks())
	p.X.Padding, p.Y.Padding = 0, 0
	p.Add(rank{d: d, step: s.step})
	// room on the right for the last value's label
	p.Draw(draw.Crop(c, 0, -24, 0, 0))
}

type rank struct {
	d    *drawing
	step float64
}

func (r rank) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		x := trX(t.Value)
		c.StrokeLine2(draw.LineStyle{Color: gridC, Width: 0.4}, x, c.Min.Y, x, c.Max.Y)
	}
	ch := r.d.ch
	n := len(ch.Categories)
	se := ch.Series[0]
	places := 1
	for _, v := range se.Values {
		if !math.IsNaN(v) && math.Abs(v*10-math.Round(v*10)) > 1e-6 {
			places = 2
		}
	}
	for i, v := range se.Values {
		if math.IsNaN(v) {
			continue
		}
		y := float64(n - 1 - i)
		hl := i == ch.Highlight
		bar(&c, 0, trX(0), trY(y-0.32), trX(v), trY(y+0.32), ch.Highlight >= 0 && !hl)
		st := r.d.style(9, hl)
		st.YAlign = draw.YCenter
		label := strconv.FormatFloat(v, 'f', places, 64)
		x := trX(v) + 3
		if v < 0 {
			st.XAlign = draw.XRight
			x = trX(v) - 3
		}
		c.FillText(st, vg.Point{X: x, Y: trY(y)}, label)
	}
	if trX(0) > c.Min.X {
		c.StrokeLine2(draw.LineStyle{Color: black, Width: 0.6}, trX(0), c.Min.Y, trX(0), c.Max.Y)
	}
}

// pie draws the wedges of a pie or ring on the left and, on the right, a
// key for each: its swatch, name, value and share.
func (d *drawing) pie(c draw.Canvas) {
	ch := d.ch
	se := ch.Series[0]
	total := 0.0
	for _, v := range se.Values {
		if !math.IsNaN(v) && v > 0 {
			total += v
		}
	}
	r := (c.Max.Y - c.Min.Y) / 2 * 0.92
	ctr := vg.Point{X: c.Min.X + (c.Max.X-c.Min.X)*0.3, Y: (c.Min.Y + c.Max.Y) / 2}
	inner := vg.Length(0)
	if ch.Kind == Ring {
		inner = r * 0.55
	}
	start := math.Pi / 2
	st := d.style(textSz, false)
	keyX := c.Min.X + (c.Max.X-c.Min.X)*0.58
	rowH := vg.Length(17)
	y0 := ctr.Y + rowH*vg.Length(len(se.Values)-1)/2
	for i, v := range se.Values {
		y := y0 - rowH*vg.Length(i)
		if !math.IsNaN(v) && v > 0 && total > 0 {
			sweep := -v / total * 2 * math.Pi
			var path vg.Path
			if inner > 0 {
				path.Arc(ctr, r, start, sweep)
				path.Arc(ctr, inner, start+sweep, -sweep)
			} else {
				path.Move(ctr)
				path.Arc(ctr, r, start, sweep)
			}
			path.Close()
			col := Palette[i%len(Palette)]
			c.SetColor(col)
			c.Fill(path)
			c.SetLineStyle(draw.LineStyle{Color: white, Width: 1})
			c.Stroke(path)
			start += sweep
		}
		bar(&c, i, keyX, y-4, keyX+10, y+6, false)
		label := ch.Categories[i]
		if !math.IsNaN(v) && total > 0 {
			label += "　" + strconv.FormatFloat(v/total*100, 'f', 1, 64) + "%"
		}
		c.FillText(st, vg.Point{X: keyX + 16, Y: y - 3}, label)
	}
}
