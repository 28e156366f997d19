package typeset

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// MissingGlyphError reports a character that no face of the Shaper has.
// The typesetter never sets a replacement box.
type MissingGlyphError struct {
	R       rune
	Role    Role
	Block   int    // index of the Block in Layout's input; -1 for the page number
	Context string // the text around the character
}

func (e *MissingGlyphError) Error() string {
	where := fmt.Sprintf("block %d", e.Block)
	if e.Block < 0 {
		where = "the page number"
	}
	return fmt.Sprintf("typeset: no font has U+%04X %q (role %s) in %s: “%s”", e.R, e.R, e.Role, where, e.Context)
}

// sg is a shaped glyph.
type sg struct {
	r     rune
	face  int32 // -1: a blank the fonts lack; it takes room but is not drawn
	style uint16
	cls   uint16
	adv   float64 // advance in points
}

// shaper turns runs into shaped glyphs and break penalties. Glyphs of all
// blocks go into one slice; a block refers to its range.
type shaper struct {
	s      Shaper
	styles []Style
	index  map[Style]uint16
	gl     []sg
	pen    []float64 // pen[i]: penalty for a break before gl[i]
	// dropped counts the characters of glyphs shaped and dropped again
	// (table rows, shaped again when placed).
	dropped map[faceRune]int
}

func (sh *shaper) style(s Style) uint16 {
	if i, ok := sh.index[s]; ok {
		return i
	}
	i := uint16(len(sh.styles))
	sh.styles = append(sh.styles, s)
	sh.index[s] = i
	return i
}

func (sh *shaper) size(g *sg) float64 { return sh.styles[g.style].Size }

// shape appends the glyphs of runs (in style def where a run leaves Role or
// Size unset) and returns their range.
func (sh *shaper) shape(runs []Run, def Style, block int) (lo, hi int, err error) {
	lo = len(sh.gl)
	text := ""
	var ends []int // byte offset where each run ends
	if len(runs) == 1 {
		text = runs[0].Text
		ends = []int{len(text)}
	} else {
		var b strings.Builder
		for _, r := range runs {
			b.WriteString(r.Text)
			ends = append(ends, b.Len())
		}
		text = b.String()
	}
	styles := make([]uint16, len(runs))
	for i, r := range runs {
		st := r.Style
		if st.Role == "" {
			st.Role = def.Role
		}
		if st.Size == 0 {
			st.Size = def.Size
		}
		styles[i] = sh.style(st)
	}
	// UAX #14 from uniseg, a segment at a time: FirstLineSegmentInString
	// runs only the line-breaking state machine (StepString would run the
	// grapheme, word and sentence ones too, at twice the cost), and its LB8a
	// and LB9 keep ZWJ sequences and combining marks on their base.
	ri, off, state := 0, 0, -1
	pending := rawNone // UAX #14's decision for the boundary before the next glyph
	rest := text
	for len(rest) > 0 {
		var seg string
		var must bool
		seg, rest, must, state = uniseg.FirstLineSegmentInString(rest, state)
		for i, r := range seg {
			for ri < len(ends)-1 && off+i >= ends[ri] {
				ri++
			}
			st := styles[ri]
			size := sh.styles[st].Size
			if r == '\t' {
				r = ' '
			}
			if r < 0x20 || r >= 0x7F && r < 0xA0 || r >= 0x200B && r <= 0x200F || r >= 0x2028 && r <= 0x202E || r >= 0x2060 && r <= 0x206F || r == 0xFEFF || r == 0xAD {
				continue // controls and format characters: no glyph
			}
			g := sg{r: r, style: st, cls: class(r)}
			face, adv, ok := sh.s.Glyph(sh.styles[st].Role, r)
			switch {
			case ok:
				g.face, g.adv = int32(face), adv*size
			case g.cls&cSpace != 0:
				g.face, g.adv = -1, size/4
				if r == '\u3000' {
					g.adv = size
				}
			default:
				sh.gl, sh.pen = sh.gl[:lo], sh.pen[:lo]
				return 0, 0, &MissingGlyphError{R: r, Role: sh.styles[st].Role, Block: block, Context: snippet(text, off+i)}
			}
			if len(sh.gl) == lo || r >= 0x300 && extends(r) {
				pending = rawNone
			}
			sh.gl = append(sh.gl, g)
			sh.pen = append(sh.pen, float64(pending))
			pending = rawDont
		}
		off += len(seg)
		// The segment ends at a break opportunity; a segment without glyphs
		// (a newline) hands its boundary on to the next glyph. uniseg
		// v0.4.7 also reports mustBreak after 👍🏽 in mid-text: only a
		// newline makes a break mandatory.
		raw := rawCan
		if must && uniseg.HasTrailingLineBreakInString(seg) {
			raw = rawMust
		}
		pending = max(pending, raw)
	}
	hi = len(sh.gl)
	sh.settle(lo, hi)
	return lo, hi, nil
}

// extends reports whether r continues the grapheme cluster before it, so
// that not even an emergency break may come before it.
func extends(r rune) bool {
	return r == 0x200D || r >= 0xFE00 && r <= 0xFE0F || r >= 0xE0100 && r <= 0xE01EF ||
		r >= 0x1F3FB && r <= 0x1F3FF || // emoji modifiers
		unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc)
}

// settle turns the raw UAX #14 decisions of glyphs lo..hi into penalties
// under the Chinese rules.
func (sh *shaper) settle(lo, hi int) {
	gl := sh.gl
	for p := lo + 1; p < hi; p++ {
		var pa, nb rune
		if p-2 >= lo {
			pa = gl[p-2].r
		}
		if p+1 < hi {
			nb = gl[p+1].r
		}
		sh.pen[p] = breakPen(int(sh.pen[p]), pa, gl[p-1].r, gl[p].r, nb)
	}
	if lo < hi {
		sh.pen[lo] = penNever
	}
}

// snippet is the text around byte offset off, for error messages.
func snippet(text string, off int) string {
	const n = 12
	a, b := off, off
	for i := 0; i < n && a > 0; i++ {
		_, w := utf8.DecodeLastRuneInString(text[:a])
		a -= w
	}
	for i := 0; i <= n && b < len(text); i++ {
		_, w := utf8.DecodeRuneInString(text[b:])
		b += w
	}
	s := text[a:b]
	if a > 0 {
		s = "…" + s
	}
	if b < len(text) {
		s += "…"
	}
	return s
}

// text is the text that glyphs lo..hi set on a line: without the blanks
// at its end and the blanks the fonts lack.
func (sh *shaper) text(lo, hi int) string {
	for hi > lo && sh.gl[hi-1].cls&cSpace != 0 {
		hi--
	}
	var b strings.Builder
	for _, g := range sh.gl[lo:hi] {
		if g.face >= 0 {
			b.WriteRune(g.r)
		}
	}
	return b.String()
}

// discard drops the glyphs from mark on, counting them in dropped first:
// their characters are still drawn (Plan.Chars).
func (sh *shaper) discard(mark int) {
	if sh.dropped == nil {
		sh.dropped = map[faceRune]int{}
	}
	for _, g := range sh.gl[mark:] {
		if g.face >= 0 && g.r != ' ' && g.r != '\u3000' {
			sh.dropped[faceRune{g.face, g.r}]++
		}
	}
	sh.gl, sh.pen = sh.gl[:mark], sh.pen[:mark]
}

// faceRune is a character in a face.
type faceRune struct {
	face int32
	r    rune
}
