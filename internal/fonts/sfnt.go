package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"unicode/utf16"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// This file is a small reader of the sfnt container (TrueType, OpenType,
// TrueType Collection): the table directory, the name table, the cmap and
// hmtx lookups, and the extraction of one face of a collection into a
// standalone TrueType file. It reads only what the font set needs, and it
// reads through io.ReaderAt so that font discovery can look at the name table
// of a file without reading the whole file.

const (
	tagTrue  = 0x74727565 // 'true': old Apple TrueType
	tagOTTO  = 0x4F54544F // 'OTTO': OpenType with CFF outlines
	tagTTCF  = 0x74746366 // 'ttcf': collection
	tagWOFF  = 0x774F4646 // 'wOFF'
	tagWOFF2 = 0x774F4632 // 'wOF2'
	sfnt1    = 0x00010000

	maxTables = 256
)

var be = binary.BigEndian

// tableRec is one entry of a table directory.
type tableRec struct {
	tag      string
	checksum uint32
	off, len uint32
}

// faceDir is the table directory of one face.
type faceDir struct {
	version uint32
	tables  []tableRec
}

func (d *faceDir) table(tag string) (tableRec, bool) {
	for _, t := range d.tables {
		if t.tag == tag {
			return t, true
		}
	}
	return tableRec{}, false
}

// outline tells what kind of outlines a face has.
func (d *faceDir) outline() string {
	_, glyf := d.table("glyf")
	_, loca := d.table("loca")
	switch {
	case glyf && loca:
		return "glyf"
	case has(d, "CFF ") || has(d, "CFF2") || d.version == tagOTTO:
		return "cff"
	default:
		return ""
	}
}

func has(d *faceDir, tag string) bool { _, ok := d.table(tag); return ok }

var errNotFont = errors.New("not an sfnt font")

// readAt reads exactly n bytes at off.
func readAt(r io.ReaderAt, off int64, n int) ([]byte, error) {
	if n < 0 || n > 64<<20 {
		return nil, fmt.Errorf("bad length %d", n)
	}
	b := make([]byte, n)
	if _, err := r.ReadAt(b, off); err != nil {
		if err == io.EOF {
			return nil, io.ErrUnexpectedEOF
		}
		return nil, err
	}
	return b, nil
}

// faceOffsets returns the offsets of the table directories of the faces in
// a font file: one for a plain font, several for a collection.
func faceOffsets(r io.ReaderAt) (offs []int64, collection bool, tag uint32, err error) {
	h, err := readAt(r, 0, 12)
	if err != nil {
		return nil, false, 0, errNotFont
	}
	tag = be.Uint32(h)
	switch tag {
	case sfnt1, tagTrue, tagOTTO:
		return []int64{0}, false, tag, nil
	case tagTTCF:
		n := be.Uint32(h[8:])
		if n == 0 || n > 1024 {
			return nil, true, tag, fmt.Errorf("bad collection: %d faces", n)
		}
		b, err := readAt(r, 12, int(n)*4)
		if err != nil {
			return nil, true, tag, err
		}
		offs = make([]int64, n)
		for i := range offs {
			offs[i] = int64(be.Uint32(b[4*i:]))
		}
		return offs, true, tag, nil
	default:
		return nil, false, tag, errNotFont
	}
}

// readDir reads the table directory at off.
func readDir(r io.ReaderAt, off int64) (*faceDir, error) {
	h, err := readAt(r, off, 12)
	if err != nil {
		return nil, err
	}
	d := &faceDir{version: be.Uint32(h)}
	if d.version != sfnt1 && d.version != tagTrue && d.version != tagOTTO {
		return nil, errNotFont
	}
	n := int(be.Uint16(h[4:]))
	if n == 0 || n > maxTables {
		return nil, fmt.Errorf("bad table count %d", n)
	}
	b, err := readAt(r, off+12, 16*n)
	if err != nil {
		return nil, err
	}
	d.tables = make([]tableRec, n)
	for i := range d.tables {
		e := b[16*i:]
		d.tables[i] = tableRec{tag: string(e[:4]), checksum: be.Uint32(e[4:]), off: be.Uint32(e[8:]), len: be.Uint32(e[12:])}
	}
	return d, nil
}

// tableBytes returns a table's bytes from a font held in memory.
func tableBytes(data []byte, d *faceDir, tag string) ([]byte, bool) {
	t, ok := d.table(tag)
	if !ok {
		return nil, false
	}
	end := uint64(t.off) + uint64(t.len)
	if end > uint64(len(data)) {
		return nil, false
	}
	return data[t.off:end], true
}

// ---- name table ----

// nameRec is one decoded record of the name table.
type nameRec struct {
	platform, encoding, lang, id uint16
	value                        string
}

// readNames reads and decodes the name table of the face whose directory is d.
func readNames(r io.ReaderAt, d *faceDir) ([]nameRec, error) {
	t, ok := d.table("name")
	if !ok {
		return nil, errors.New("no name table")
	}
	if t.len > 1<<20 {
		return nil, errors.New("name table too large")
	}
	b, err := readAt(r, int64(t.off), int(t.len))
	if err != nil {
		return nil, err
	}
	return parseNames(b, familyIDs...), nil
}

// familyIDs are the name records namesOf reads: family (1), subfamily (2),
// full name (4) and typographic family (16). A name table also holds
// copyrights, licences and descriptions, which are not decoded when only
// the families are wanted.
var familyIDs = []uint16{1, 2, 4, 16}

// parseNames decodes the records of a name table, or with ids only those
// with one of these IDs.
func parseNames(b []byte, ids ...uint16) []nameRec {
	if len(b) < 6 {
		return nil
	}
	count := int(be.Uint16(b[2:]))
	strOff := int(be.Uint16(b[4:]))
	var recs []nameRec
	for i := 0; i < count; i++ {
		e := 6 + 12*i
		if e+12 > len(b) {
			break
		}
		rec := nameRec{platform: be.Uint16(b[e:]), encoding: be.Uint16(b[e+2:]), lang: be.Uint16(b[e+4:]), id: be.Uint16(b[e+6:])}
		if len(ids) > 0 && !slices.Contains(ids, rec.id) {
			continue
		}
		n, o := int(be.Uint16(b[e+8:])), strOff+int(be.Uint16(b[e+10:]))
		if o+n > len(b) {
			continue
		}
		v, ok := decodeName(rec.platform, rec.encoding, b[o:o+n])
		if !ok {
			continue
		}
		rec.value = v
		recs = append(recs, rec)
	}
	return recs
}

// decodeName decodes one name string. Besides the usual UTF-16 of the
// Unicode and Windows platforms it reads the encodings that older Chinese
// fonts (仿宋_GB2312 and its kind) use: Windows PRC (GB codes stored in
// 16-bit units) and Macintosh Simplified Chinese.
func decodeName(platform, encoding uint16, b []byte) (string, bool) {
	switch {
	case platform == 0 || (platform == 3 && (encoding == 0 || encoding == 1 || encoding == 10)):
		if len(b)%2 != 0 {
			return "", false
		}
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = be.Uint16(b[2*i:])
		}
		return string(utf16.Decode(u)), true
	case platform == 3 && (encoding == 3 || encoding == 5): // PRC, Wansung: 16-bit units of a DBCS
		if len(b)%2 != 0 || encoding != 3 {
			return "", false
		}
		var mb []byte
		for i := 0; i+1 < len(b); i += 2 {
			if b[i] != 0 {
				mb = append(mb, b[i])
			}
			mb = append(mb, b[i+1])
		}
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(mb)
		return string(s), err == nil
	case platform == 1 && encoding == 0:
		s, err := charmap.Macintosh.NewDecoder().Bytes(b)
		return string(s), err == nil
	case platform == 1 && encoding == 25: // Mac Simplified Chinese: GB 2312
		s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
		return string(s), err == nil
	}
	return "", false
}

// faceNames is what the font set knows of a face's names.
type faceNames struct {
	Family   string   // English (or first) family name, name ID 1
	FamilyZH string   // Chinese family name, when the font has one
	Full     string   // full name, name ID 4
	Style    string   // subfamily, name ID 2 (English when there is one): Regular, Bold…
	All      []string // every family, typographic family and full name, for matching
}

func isChineseLang(r nameRec) bool {
	switch r.platform {
	case 3:
		switch r.lang {
		case 0x0804, 0x0404, 0x0C04, 0x1004, 0x1404:
			return true
		}
	case 1:
		return r.lang == 33 || r.lang == 19
	}
	return false
}

func namesOf(recs []nameRec) faceNames {
	var n faceNames
	seen := map[string]bool{}
	pick := func(dst *string, r nameRec) {
		if *dst == "" || (r.platform == 3 && r.lang == 0x409) {
			*dst = r.value
		}
	}
	for _, r := range recs {
		if r.id == 2 && (n.Style == "" || (r.platform == 3 && r.lang == 0x409)) {
			n.Style = strings.TrimSpace(r.value)
		}
		switch r.id {
		case 1, 4, 16:
		default:
			continue
		}
		v := strings.TrimSpace(r.value)
		if v == "" {
			continue
		}
		if !seen[v] {
			seen[v] = true
			n.All = append(n.All, v)
		}
		zh := isChineseLang(r) && hasHan(v)
		switch {
		case r.id == 1 && zh:
			if n.FamilyZH == "" || r.lang == 0x0804 {
				n.FamilyZH = v
			}
		case r.id == 1:
			pick(&n.Family, nameRec{platform: r.platform, lang: r.lang, value: v})
		case r.id == 4 && !zh:
			pick(&n.Full, nameRec{platform: r.platform, lang: r.lang, value: v})
		}
	}
	if n.Family == "" {
		n.Family = n.FamilyZH
	}
	if n.Full == "" {
		n.Full = n.Family
	}
	return n
}

func hasHan(s string) bool {
	for _, r := range s {
		if r >= 0x3400 && r <= 0x9FFF {
			return true
		}
	}
	return false
}

// ---- cmap ----

// cmapSub is the Unicode subtable chosen for lookups.
type cmapSub struct {
	format int
	b      []byte // the subtable
}

// unicodeCmaps lists the offsets (within the cmap table) and formats of the
// Unicode subtables of a cmap table.
type cmapEntry struct {
	platform, encoding uint16
	format             int
	off                int
}

func cmapEntries(cmap []byte) []cmapEntry {
	if len(cmap) < 4 {
		return nil
	}
	n := int(be.Uint16(cmap[2:]))
	var es []cmapEntry
	for i := 0; i < n; i++ {
		e := 4 + 8*i
		if e+8 > len(cmap) {
			break
		}
		p, enc, off := be.Uint16(cmap[e:]), be.Uint16(cmap[e+2:]), int(be.Uint32(cmap[e+4:]))
		if off+2 > len(cmap) {
			continue
		}
		unicode := p == 0 || (p == 3 && (enc == 1 || enc == 10))
		if !unicode {
			continue
		}
		es = append(es, cmapEntry{p, enc, int(be.Uint16(cmap[off:])), off})
	}
	return es
}

// fpdfCmapOK reports whether fpdf v0.9.0 can read the cmap: it looks for a
// format 4 subtable of platform 0 or of platform 3 encoding 1
// (utf8fontfile.go, generateCMAP/parseCMAPTable).
func fpdfCmapOK(es []cmapEntry) bool {
	for _, e := range es {
		if e.format == 4 && (e.platform == 0 || (e.platform == 3 && e.encoding == 1)) {
			return true
		}
	}
	return false
}

// pickCmap chooses the subtable to look characters up in: format 12 when
// there is one (it covers everything), otherwise format 4.
func pickCmap(cmap []byte) (cmapSub, bool) {
	es := cmapEntries(cmap)
	best := -1
	for i, e := range es {
		if e.format != 4 && e.format != 12 {
			continue
		}
		if best < 0 || (e.format == 12 && es[best].format != 12) {
			best = i
		}
	}
	if best < 0 {
		return cmapSub{}, false
	}
	e := es[best]
	b := cmap[e.off:]
	var n int
	if e.format == 4 {
		if len(b) < 14 {
			return cmapSub{}, false
		}
		n = int(be.Uint16(b[2:]))
	} else {
		if len(b) < 16 {
			return cmapSub{}, false
		}
		n = int(be.Uint32(b[4:]))
	}
	if n > len(b) {
		n = len(b) // some fonts overstate the length of a format 4 table
	}
	return cmapSub{format: e.format, b: b[:n]}, true
}

// glyph returns r's glyph id, 0 when the font has none.
func (c *cmapSub) glyph(r rune) uint16 {
	switch c.format {
	case 4:
		if r > 0xFFFF {
			return 0
		}
		b := c.b
		segX2 := int(be.Uint16(b[6:]))
		if 16+4*segX2 > len(b) {
			return 0
		}
		ends := b[14 : 14+segX2]
		starts := b[16+segX2 : 16+2*segX2]
		deltas := b[16+2*segX2 : 16+3*segX2]
		ranges := b[16+3*segX2:]
		cp := uint16(r)
		segs := segX2 / 2
		i := sort.Search(segs, func(i int) bool { return be.Uint16(ends[2*i:]) >= cp })
		if i >= segs {
			return 0
		}
		start := be.Uint16(starts[2*i:])
		if cp < start {
			return 0
		}
		delta := be.Uint16(deltas[2*i:])
		ro := int(be.Uint16(ranges[2*i:]))
		if ro == 0 {
			return cp + delta
		}
		p := 2*i + ro + 2*int(cp-start)
		if p+2 > len(ranges) {
			return 0
		}
		g := be.Uint16(ranges[p:])
		if g == 0 {
			return 0
		}
		return g + delta
	case 12:
		b := c.b
		n := int(be.Uint32(b[12:]))
		if 16+12*n > len(b) {
			n = (len(b) - 16) / 12
		}
		cp := uint32(r)
		i := sort.Search(n, func(i int) bool { return be.Uint32(b[16+12*i+4:]) >= cp })
		if i >= n {
			return 0
		}
		g := b[16+12*i:]
		start := be.Uint32(g)
		if cp < start {
			return 0
		}
		id := be.Uint32(g[8:]) + cp - start
		if id > 0xFFFF {
			return 0
		}
		return uint16(id)
	}
	return 0
}

// ---- extraction of one face into a standalone file ----

// standalone returns face index of the font file data as a standalone
// TrueType file: data itself for a plain font, and for a collection a new
// file with a copy of the face's tables, a rebuilt table directory with
// correct offsets and checksums, and head.checkSumAdjustment recomputed.
// DSIG is dropped: a signature does not survive the copy.
func standalone(data []byte, index int) ([]byte, error) {
	r := bytesReaderAt(data)
	offs, coll, _, err := faceOffsets(r)
	if err != nil {
		return nil, err
	}
	if index < 0 || index >= len(offs) {
		return nil, fmt.Errorf("face %d out of range (%d faces)", index, len(offs))
	}
	if !coll {
		return data, nil
	}
	d, err := readDir(r, offs[index])
	if err != nil {
		return nil, err
	}
	var tables []sfntTable
	for _, t := range d.tables {
		if t.tag == "DSIG" {
			continue
		}
		if uint64(t.off)+uint64(t.len) > uint64(len(data)) {
			return nil, fmt.Errorf("table %q out of bounds", t.tag)
		}
		tables = append(tables, sfntTable{t.tag, data[t.off : t.off+t.len]})
	}
	return assemble(d.version, tables), nil
}

// sfntTable is a table to write.
type sfntTable struct {
	tag  string
	data []byte
}

// assemble writes an sfnt file: the table directory sorted by tag, each
// table 4-byte aligned with its checksum, and head.checkSumAdjustment.
func assemble(version uint32, tables []sfntTable) []byte {
	tables = append([]sfntTable(nil), tables...)
	sort.Slice(tables, func(i, j int) bool { return tables[i].tag < tables[j].tag })
	n := len(tables)
	size := 12 + 16*n
	for _, t := range tables {
		size += (len(t.data) + 3) &^ 3
	}
	out := make([]byte, 12+16*n, size)
	be.PutUint32(out, version)
	be.PutUint16(out[4:], uint16(n))
	es := 0
	for 1<<(es+1) <= n {
		es++
	}
	sr := 16 << es
	be.PutUint16(out[6:], uint16(sr))
	be.PutUint16(out[8:], uint16(es))
	be.PutUint16(out[10:], uint16(16*n-sr))
	headAt := -1
	for i, t := range tables {
		off := len(out)
		out = append(out, t.data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		if t.tag == "head" && len(t.data) >= 12 {
			headAt = off
			be.PutUint32(out[off+8:], 0) // checkSumAdjustment is computed below
		}
		e := out[12+16*i:]
		copy(e, t.tag)
		be.PutUint32(e[4:], checksum(out[off:off+len(t.data)]))
		be.PutUint32(e[8:], uint32(off))
		be.PutUint32(e[12:], uint32(len(t.data)))
	}
	if headAt >= 0 {
		be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	}
	return out
}

// checksum is the sfnt table checksum: the sum of big-endian uint32s, the
// last one padded with zeros.
func checksum(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += be.Uint32(b)
		b = b[4:]
	}
	if len(b) > 0 {
		var t [4]byte
		copy(t[:], b)
		s += be.Uint32(t[:])
	}
	return s
}

type bytesReaderAt []byte

func (b bytesReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off < 0 || off > int64(len(b)) {
		return 0, io.EOF
	}
	n := copy(p, b[off:])
	if n < len(p) {
		return n, io.EOF
	}
	return n, nil
}
