package chart

import (
	"bytes"
	"image"
	"image/png"
	"math"
	"testing"

	"golang.org/x/image/font/opentype"

	bundled "briefing/fonts"
)

// TestPNG rasterizes a chart with the bundled Song at 300 dpi: the same
// bytes twice, an opaque picture of the drawing's size, and the
// characters of its 单位 line drawn (dark pixels where the text is), not
// left out.
func TestPNG(t *testing.T) {
	song, err := opentype.Parse(bundled.Song())
	if err != nil {
		t.Fatal(err)
	}
	faceOf := func(r rune, bold bool) (*opentype.Font, float64) { return song, Plain(r, bold) }
	ch := resolve(t, kindBodies["柱线"])
	rec := Draw(ch, 442.2, 250, Plain)
	a, err := rec.PNG(300, faceOf)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := rec.PNG(300, faceOf)
	if !bytes.Equal(a, b) {
		t.Fatal("the same chart rasterized twice differs")
	}
	img, err := png.Decode(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	px := func(pt float64) int { return int(math.Round(pt * 300 / 72)) }
	if got, want := img.Bounds().Size(), (image.Point{px(442.2), px(250)}); got != want {
		t.Errorf("picture of %v pixels, want %v", got, want)
	}
	if _, ok := img.(*image.RGBA); !ok {
		t.Errorf("picture is a %T, not opaque RGB", img)
	}
	var unit *Op
	for i, op := range rec.Ops {
		if op.Kind == OpText && len(op.Text) > 0 && []rune(op.Text)[0] == '单' {
			unit = &rec.Ops[i]
			break
		}
	}
	if unit == nil {
		t.Fatal("no 单位 line drawn")
	}
	dark := 0
	for y := px(unit.Y - unit.Size*0.8); y < px(unit.Y); y++ {
		for x := px(unit.X); x < px(unit.X+2*unit.Size); x++ {
			if r, _, _, _ := img.At(x, y).RGBA(); r < 0x8000 {
				dark++
			}
		}
	}
	if dark < 50 {
		t.Errorf("“单位” is not drawn: %d dark pixels where it stands", dark)
	}
}
