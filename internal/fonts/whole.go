package fonts

import "io"

// wholeGlyphs tells whether every table of a face lies within the file (a
// file cut short fails here) and whether the tables that give the glyphs
// and their widths are as long as they say: head, hhea, maxp, hmtx, loca
// and glyf, the tables parseFont and the subsetter read.
func wholeGlyphs(r io.ReaderAt, d *faceDir, size int64) bool {
	for _, t := range d.tables {
		if int64(t.off)+int64(t.len) > size {
			return false
		}
	}
	head, hhea, maxp := small(r, d, "head"), small(r, d, "hhea"), small(r, d, "maxp")
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || be.Uint16(head[18:]) < 16 {
		return false
	}
	nMetrics, nGlyphs := int(be.Uint16(hhea[34:])), int(be.Uint16(maxp[4:]))
	hmtx, ok := d.table("hmtx")
	if !ok || nMetrics == 0 || 4*nMetrics > int(hmtx.len) {
		return false
	}
	return wholeLoca(r, d, nGlyphs, be.Uint16(head[50:]) == 1)
}

// small reads a small table (head, hhea, maxp), or returns nil.
func small(r io.ReaderAt, d *faceDir, tag string) []byte {
	t, ok := d.table(tag)
	if !ok || t.len > 64<<10 {
		return nil
	}
	b, err := readAt(r, int64(t.off), int(t.len))
	if err != nil {
		return nil
	}
	return b
}

// wholeLoca tells whether the glyph index (loca) has an entry for every
// glyph and each points within the glyph table (glyf).
func wholeLoca(r io.ReaderAt, d *faceDir, nGlyphs int, long bool) bool {
	lt, ok1 := d.table("loca")
	gt, ok2 := d.table("glyf")
	width := 2
	if long {
		width = 4
	}
	need := (nGlyphs + 1) * width
	if !ok1 || !ok2 || int(lt.len) < need {
		return false
	}
	loca, err := readAt(r, int64(lt.off), need)
	if err != nil {
		return false
	}
	for g := 0; g <= nGlyphs; g++ {
		at := 2 * int(be.Uint16(loca[2*g:]))
		if long {
			at = int(be.Uint32(loca[4*g:]))
		}
		if at > int(gt.len) {
			return false
		}
	}
	return true
}
