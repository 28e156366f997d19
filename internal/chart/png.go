package chart

import (
	"bytes"
	"image/color"
	"image/png"

	"golang.org/x/image/font/opentype"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/vgimg"
)

// FaceOf is the face that sets r in the chart's type (the body face, or
// the 黑体 when bold) and its advance in em, as the PDF writer sets it;
// nil when no face has r (nothing is drawn, the advance is kept).
type FaceOf func(r rune, bold bool) (face *opentype.Font, advance float64)

// PNG rasterizes the recording at dpi dots per inch, on white, with
// gonum/plot's image canvas (vg/vgimg): the paths as they are, each
// character of the text in the face faceOf gives it, at the position the
// PDF gives it (runs are not reshaped, so the picture is the PDF's
// drawing). The same recording and faces give the same bytes.
func (r *Recording) PNG(dpi int, faceOf FaceOf) ([]byte, error) {
	c := vgimg.NewWith(vgimg.UseWH(vg.Length(r.Width), vg.Length(r.Height)), vgimg.UseDPI(dpi), vgimg.UseBackgroundColor(color.White))
	pt := func(x, y float64) vg.Point { return vg.Point{X: vg.Length(x), Y: vg.Length(r.Height - y)} }
	for _, op := range r.Ops {
		switch op.Kind {
		case OpFill, OpStroke:
			var p vg.Path
			for _, s := range op.Path {
				switch s.Op {
				case 'M':
					p.Move(pt(s.X, s.Y))
				case 'L':
					p.Line(pt(s.X, s.Y))
				case 'C':
					p.CubeTo(pt(s.C1X, s.C1Y), pt(s.C2X, s.C2Y), pt(s.X, s.Y))
				case 'Z':
					p.Close()
				}
			}
			c.SetColor(op.Color)
			if op.Kind == OpFill {
				c.Fill(p)
				continue
			}
			c.SetLineWidth(vg.Length(op.Width))
			var dash []vg.Length
			for _, d := range op.Dash {
				dash = append(dash, vg.Length(d))
			}
			c.SetLineDash(dash, 0)
			c.Stroke(p)
		case OpText:
			c.SetColor(op.Color)
			x := op.X
			for _, ch := range op.Text {
				f, adv := faceOf(ch, op.Bold)
				if f != nil && ch != ' ' && ch != '\u3000' {
					c.FillString(font.Face{Font: font.Font{Size: vg.Length(op.Size)}, Face: f}, pt(x, op.Y), string(ch))
				}
				x += adv * op.Size
			}
		}
	}
	// Opaque on white, the image is written as RGB, without alpha.
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, c.Image()); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
