package fonts

import (
	"errors"
	"fmt"
	"sort"
)

// Subsetting: a face cut down to some characters, for a PDF. Each Piece
// (pieces.go) is such a subset. fpdf's own path for a Unicode font
// (AddUTF8FontFromBytes) re-reads the whole font when it writes the PDF,
// work that grows with the size of the font, not with the characters a
// report uses (fonts/README.md); Subset and SubsetData cut a font down for
// it, which the fpdf benchmarks (fpdf_bench_test.go) still measure. The
// subset keeps the glyph outlines, instructions and metrics byte for byte.

// Composite glyph flags.
const (
	argWords     = 0x0001
	haveScale    = 0x0008
	moreComps    = 0x0020
	haveXYScale  = 0x0040
	haveTwoByTwo = 0x0080
)

// Subset returns a standalone TrueType font with only the glyphs of runes
// (and .notdef, and the components of composite glyphs), for
// fpdf.AddUTF8FontFromBytes. Runes the face lacks are ignored. The face must
// be loaded (as every face returned by Set.Face is).
func (f *Face) Subset(runes []rune) ([]byte, error) {
	if f.Data == nil {
		return nil, errors.New("face not loaded")
	}
	return subsetFont(f.Data, runes)
}

func subsetFont(data []byte, runes []rune) ([]byte, error) {
	d, err := readDir(bytesReaderAt(data), 0)
	if err != nil {
		return nil, err
	}
	tb := func(tag string) []byte { b, _ := tableBytes(data, d, tag); return b }
	head, hhea, maxp, hmtx, loca, glyf, cmapT := tb("head"), tb("hhea"), tb("maxp"), tb("hmtx"), tb("loca"), tb("glyf"), tb("cmap")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || hmtx == nil || loca == nil || glyf == nil || cmapT == nil {
		return nil, errors.New("subset: missing or short head/hhea/maxp/hmtx/loca/glyf/cmap")
	}
	cm, ok := pickCmap(cmapT)
	if !ok {
		return nil, errors.New("subset: no Unicode cmap")
	}
	nGlyphs := int(be.Uint16(maxp[4:]))
	nMetrics := int(be.Uint16(hhea[34:]))
	longLoca := be.Uint16(head[50:]) == 1
	if nMetrics == 0 || 4*nMetrics > len(hmtx) {
		return nil, errors.New("subset: bad hmtx")
	}
	glyphAt := func(g int) ([]byte, error) {
		var a, b int
		if longLoca {
			if 4*g+8 > len(loca) {
				return nil, fmt.Errorf("subset: glyph %d beyond loca", g)
			}
			a, b = int(be.Uint32(loca[4*g:])), int(be.Uint32(loca[4*g+4:]))
		} else {
			if 2*g+4 > len(loca) {
				return nil, fmt.Errorf("subset: glyph %d beyond loca", g)
			}
			a, b = 2*int(be.Uint16(loca[2*g:])), 2*int(be.Uint16(loca[2*g+2:]))
		}
		if a > b || b > len(glyf) {
			return nil, fmt.Errorf("subset: bad loca entry for glyph %d", g)
		}
		return glyf[a:b], nil
	}

	// The glyphs to keep: .notdef, the runes' glyphs, and their components.
	keep := map[int]bool{0: true}
	runeGlyph := map[rune]int{}
	var queue []int
	for _, r := range runes {
		if r < 0 || r > 0xFFFF {
			continue
		}
		g := int(cm.glyph(r))
		if g == 0 || g >= nGlyphs {
			continue
		}
		runeGlyph[r] = g
		if !keep[g] {
			keep[g] = true
			queue = append(queue, g)
		}
	}
	for len(queue) > 0 {
		g := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		gd, err := glyphAt(g)
		if err != nil {
			return nil, err
		}
		err = components(gd, func(pos, comp int) {
			if comp < nGlyphs && !keep[comp] {
				keep[comp] = true
				queue = append(queue, comp)
			}
		})
		if err != nil {
			return nil, err
		}
	}
	old := make([]int, 0, len(keep))
	for g := range keep {
		old = append(old, g)
	}
	sort.Ints(old)
	newID := make(map[int]int, len(old))
	for i, g := range old {
		newID[g] = i
	}

	// glyf, loca (long format) and hmtx for the kept glyphs, in old order.
	size := 0
	for _, g := range old {
		gd, err := glyphAt(g)
		if err != nil {
			return nil, err
		}
		size += (len(gd) + 3) &^ 3
	}
	nglyf := make([]byte, 0, size)
	nloca := make([]byte, 0, 4*(len(old)+1))
	nhmtx := make([]byte, 0, 4*len(old))
	for _, g := range old {
		nloca = be.AppendUint32(nloca, uint32(len(nglyf)))
		gd, err := glyphAt(g)
		if err != nil {
			return nil, err
		}
		start := len(nglyf)
		nglyf = append(nglyf, gd...)
		cp := nglyf[start:]
		_ = components(gd, func(pos, comp int) {
			be.PutUint16(cp[pos:], uint16(newID[comp]))
		})
		for len(nglyf)%4 != 0 {
			nglyf = append(nglyf, 0)
		}
		var adv, lsb uint16
		if g < nMetrics {
			adv, lsb = be.Uint16(hmtx[4*g:]), be.Uint16(hmtx[4*g+2:])
		} else {
			adv = be.Uint16(hmtx[4*(nMetrics-1):])
			if p := 4*nMetrics + 2*(g-nMetrics); p+2 <= len(hmtx) {
				lsb = be.Uint16(hmtx[p:])
			}
		}
		nhmtx = be.AppendUint16(nhmtx, adv)
		nhmtx = be.AppendUint16(nhmtx, lsb)
	}
	nloca = be.AppendUint32(nloca, uint32(len(nglyf)))

	m := make(map[rune]uint16, len(runeGlyph))
	for r, g := range runeGlyph {
		m[r] = uint16(newID[g])
	}

	nhead := append([]byte(nil), head...)
	be.PutUint16(nhead[50:], 1)
	nhhea := append([]byte(nil), hhea...)
	be.PutUint16(nhhea[34:], uint16(len(old)))
	nmaxp := append([]byte(nil), maxp...)
	be.PutUint16(nmaxp[4:], uint16(len(old)))

	ncmap, err := buildCmap4(m)
	if err != nil {
		return nil, err
	}
	tables := []sfntTable{
		{"head", nhead}, {"hhea", nhhea}, {"maxp", nmaxp},
		{"hmtx", nhmtx}, {"loca", nloca}, {"glyf", nglyf},
		{"cmap", ncmap},
	}
	if post := tb("post"); len(post) >= 32 {
		np := append([]byte(nil), post[:32]...)
		be.PutUint32(np, 0x00030000) // no glyph names
		tables = append(tables, sfntTable{"post", np})
	}
	// Tables kept as they are: names (copyright, licence), OS/2 metrics, and
	// the hinting programs the glyphs' instructions may call.
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if b := tb(tag); b != nil {
			tables = append(tables, sfntTable{tag, b})
		}
	}
	return assemble(sfnt1, tables), nil
}

// components calls fn with the position (within gd) of the glyph index of
// each component of a composite glyph; it does nothing for a simple glyph.
func components(gd []byte, fn func(pos, glyph int)) error {
	if len(gd) < 10 || int16(be.Uint16(gd)) >= 0 {
		return nil
	}
	p := 10
	for {
		if p+4 > len(gd) {
			return errors.New("subset: truncated composite glyph")
		}
		flags := be.Uint16(gd[p:])
		fn(p+2, int(be.Uint16(gd[p+2:])))
		p += 4
		if flags&argWords != 0 {
			p += 4
		} else {
			p += 2
		}
		switch {
		case flags&haveScale != 0:
			p += 2
		case flags&haveXYScale != 0:
			p += 4
		case flags&haveTwoByTwo != 0:
			p += 8
		}
		if flags&moreComps == 0 {
			return nil
		}
	}
}

// buildCmap4 writes a cmap table with one subtable, platform 3 encoding 1
// format 4, mapping the BMP characters of m. Runs of consecutive characters
// with consecutive glyphs share a segment (idDelta, no glyphIdArray).
func buildCmap4(m map[rune]uint16) ([]byte, error) {
	rs := make([]rune, 0, len(m))
	for r := range m {
		if r >= 0 && r < 0xFFFF {
			rs = append(rs, r)
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, r := range rs {
		g := m[r]
		if n := len(segs); n > 0 && uint16(r) == segs[n-1].end+1 && g-uint16(r) == segs[n-1].delta {
			segs[n-1].end = uint16(r)
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	n := len(segs)
	if 16+8*n > 0xFFFF {
		return nil, fmt.Errorf("subset: %d cmap segments do not fit a format 4 subtable", n)
	}
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 2 << es
	sub := make([]byte, 0, 16+8*n)
	sub = be.AppendUint16(sub, 4)
	sub = be.AppendUint16(sub, uint16(16+8*n))
	sub = be.AppendUint16(sub, 0) // language
	sub = be.AppendUint16(sub, uint16(2*n))
	sub = be.AppendUint16(sub, uint16(sr))
	sub = be.AppendUint16(sub, uint16(es))
	sub = be.AppendUint16(sub, uint16(2*n-sr))
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.end)
	}
	sub = be.AppendUint16(sub, 0) // reservedPad
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.start)
	}
	for _, s := range segs {
		sub = be.AppendUint16(sub, s.delta)
	}
	for range segs {
		sub = be.AppendUint16(sub, 0) // idRangeOffset
	}
	out := []byte{0, 0, 0, 1, 0, 3, 0, 1, 0, 0, 0, 12}
	return append(out, sub...), nil
}
