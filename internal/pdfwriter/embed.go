package pdfwriter

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"codeberg.org/go-pdf/fpdf"

	"briefing/internal/fonts"
	"briefing/internal/typeset"
)

// The fonts of a PDF: each face's characters, most used first, cut into
// pieces (fonts.Set.StartPieces: simple TrueType fonts of up to 223
// characters, made once per process for the same characters), handed to
// fpdf as fonts it embeds as they are: their names, widths and metrics at
// once, their programs (as placeholders that finish replaces) cut while
// the pages are drawn. fpdf's own path for Unicode fonts would parse each
// font again, subset it again, hash it and write a 128 KB glyph map for
// every report; this one costs fpdf a small JSON font definition a piece.
// Most text is set in a face's first piece, so a line seldom changes font.

// drawn is how one character of a face is drawn: with which piece, which
// code, and how far the viewer then moves (1/1000 em).
type drawn struct {
	piece int
	code  byte
	width int
}

// embedding is the fonts registered with a PDF.
type embedding struct {
	chars    map[faceRune]drawn
	family   map[[2]int]string   // [face, piece] → fpdf family
	programs map[string]*program // the pieces' programs, by the placeholders fpdf has (see finish)
	set      *fonts.Set
	cuts     []*fonts.Cutting // by face
}

// program is a piece's font program, once it is cut (embedding.wait).
type program struct {
	face, piece int
	data        []byte // zlib-compressed
	length      int    // uncompressed: the /Length1 fpdf wrote as 0
}

// maxPlaceholder bounds the length of a program's placeholder.
const maxPlaceholder = 64

type faceRune struct {
	face int
	r    rune
}

// embedFonts starts cutting the characters of each face (chars[face])
// into pieces and registers them with pdf, each with a placeholder for its
// program: the pieces are cut while the pages are drawn, and wait gives
// their programs to finish.
func embedFonts(pdf *fpdf.Fpdf, chars [][]rune, set *fonts.Set) (*embedding, error) {
	n := 0
	for _, runes := range chars {
		n += len(runes)
	}
	e := &embedding{chars: make(map[faceRune]drawn, n), family: map[[2]int]string{}, programs: map[string]*program{},
		set: set, cuts: make([]*fonts.Cutting, len(chars))}
	for face, runes := range chars {
		if len(runes) == 0 {
			continue
		}
		c, err := set.StartPieces(face, runes)
		if err != nil {
			return nil, e.faceError(set, face, err)
		}
		e.cuts[face] = c
		for i := range c.Heads {
			if err := e.register(pdf, face, i, &c.Heads[i]); err != nil {
				return nil, e.faceError(set, face, err)
			}
		}
	}
	return e, nil
}

// wait waits for the pieces to be cut and returns their programs, by
// their placeholders.
func (e *embedding) wait() (map[string]*program, error) {
	for face, c := range e.cuts {
		if c == nil {
			continue
		}
		pieces, err := c.Wait()
		if err != nil {
			return nil, e.faceError(e.set, face, err)
		}
		for _, p := range e.programs {
			if p.face == face {
				p.data, p.length = pieces[p.piece].Program, pieces[p.piece].Length
			}
		}
	}
	return e.programs, nil
}

func (e *embedding) faceError(set *fonts.Set, face int, err error) error {
	name := strconv.Itoa(face)
	if f := set.Face(face); f != nil {
		name = f.Path
	}
	return fmt.Errorf("字体 %s 无法嵌入 PDF：%v", name, err)
}

// register hands piece i of face to fpdf, with a placeholder for its
// program (and 0 for its length) that finish replaces.
func (e *embedding) register(pdf *fpdf.Fpdf, face, i int, p *fonts.Piece) error {
	family := "f" + strconv.Itoa(face) + "p" + strconv.Itoa(i)
	def, err := definition(p, family)
	if err != nil {
		return err
	}
	placeholder := "%briefing: the program of font " + family
	e.programs[placeholder] = &program{face: face, piece: i}
	pdf.AddFontFromBytes(family, "", def, []byte(placeholder))
	if err := pdf.Error(); err != nil {
		return err
	}
	e.family[[2]int{face, i}] = family
	for j, r := range p.Runes {
		e.chars[faceRune{face, r}] = drawn{piece: i, code: byte(fonts.FirstCode + j), width: p.Widths[j]}
	}
	return nil
}

// laidChars counts the characters drawn in each face of a document.
// Spaces are not drawn.
func laidChars(laid *typeset.Document) map[faceRune]int {
	counts := map[faceRune]int{}
	count := func(l *typeset.Line) {
		for _, g := range l.Glyphs {
			if g.R != ' ' && g.R != '\u3000' {
				counts[faceRune{g.Face, g.R}]++
			}
		}
	}
	for i := range laid.Pages {
		p := &laid.Pages[i]
		for j := range p.Lines {
			count(&p.Lines[j])
		}
		if p.Folio != nil {
			count(p.Folio)
		}
	}
	return counts
}

// byUse returns, for each face (in order) the characters counted, the most
// used first (ties in character order): the same counts give the same
// lists.
func byUse(counts map[faceRune]int) [][]rune {
	type use struct {
		faceRune
		n int
	}
	uses := make([]use, 0, len(counts))
	for k, n := range counts {
		uses = append(uses, use{k, n})
	}
	slices.SortFunc(uses, func(a, b use) int {
		if a.face != b.face {
			return cmp.Compare(a.face, b.face)
		}
		if a.n != b.n {
			return cmp.Compare(b.n, a.n)
		}
		return cmp.Compare(a.r, b.r)
	})
	var out [][]rune
	for _, u := range uses {
		for len(out) <= u.face {
			out = append(out, nil)
		}
		out[u.face] = append(out[u.face], u.r)
	}
	return out
}

// fontDef is fpdf's definition of a simple font (the JSON that
// AddFontFromBytes reads).
type fontDef struct {
	Tp           string
	Name         string
	Desc         fontDesc
	Up, Ut       int
	Cw           []int
	Enc          string
	Diff         string
	File         string
	OriginalSize int
}

type fontDesc struct {
	Ascent, Descent, CapHeight, Flags int
	FontBBox                          struct{ Xmin, Ymin, Xmax, Ymax int }
	ItalicAngle, StemV, MissingWidth  int
}

// definition is the fpdf font definition of a piece: a TrueType font whose
// encoding names each code's character (uni4E2D), so that the text can be
// searched and copied.
func definition(p *fonts.Piece, family string) ([]byte, error) {
	m := p.Metrics
	d := fontDef{Tp: "TrueType", Name: p.Name, Up: m.UnderlinePosition, Ut: m.UnderlineThickness,
		Cw: make([]int, 256), File: family + ".z", OriginalSize: p.Length}
	d.Desc = fontDesc{Ascent: m.Ascent, Descent: m.Descent, CapHeight: m.CapHeight, Flags: m.Flags,
		ItalicAngle: m.ItalicAngle, StemV: m.StemV, MissingWidth: m.MissingWidth}
	d.Desc.FontBBox.Xmin, d.Desc.FontBBox.Ymin, d.Desc.FontBBox.Xmax, d.Desc.FontBBox.Ymax = m.BBox[0], m.BBox[1], m.BBox[2], m.BBox[3]
	diff := make([]byte, 0, 4+10*len(p.Runes))
	diff = strconv.AppendInt(diff, fonts.FirstCode, 10)
	for i := range d.Cw {
		d.Cw[i] = m.MissingWidth
	}
	for i, r := range p.Runes {
		d.Cw[fonts.FirstCode+i] = p.Widths[i]
		diff = appendGlyphName(append(diff, " /"...), r)
	}
	d.Diff = string(diff)
	return json.Marshal(d)
}

// glyphName is the name by which PDF readers know a character's glyph.
func glyphName(r rune) string {
	return string(appendGlyphName(nil, r))
}

// appendGlyphName appends glyphName(r) to b.
func appendGlyphName(b []byte, r rune) []byte {
	const hex = "0123456789ABCDEF"
	digits := 4
	if r > 0xFFFF {
		b, digits = append(b, 'u'), 6
	} else {
		b = append(b, "uni"...)
	}
	for i := digits - 1; i >= 0; i-- {
		b = append(b, hex[(r>>(4*i))&0xF])
	}
	return b
}
