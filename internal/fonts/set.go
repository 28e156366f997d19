// Package fonts chooses the font face that sets each character of a report
// and tells its width. It implements typeset.Shaper.
//
// A Set maps each typesetting role (标题, 正文, 黑体, 楷体, 页码, 西文) to a
// chain of faces: the faces chosen for the role first (a font given with
// -font, the fonts a 公文 really uses when the system has them), then the
// fonts bundled with briefing (package briefing/fonts). A character missing
// from a face is taken from the next face of the chain that has it.
//
// Faces are parsed lazily, the first time a character is looked up in them,
// and the bundled fonts once per process: a report that uses no 楷体 never
// reads the 楷体 font. Parsing is cheap (the table directory and a few small
// tables; cmap lookups read the font's own binary tables), and Glyph caches
// every answer, so that the typesetter's hot loop costs a few nanoseconds per
// character.
//
// For the PDF, Pieces cuts a face into pieces: simple fonts of up to 223
// characters, subset, compressed and measured, which the writer embeds as
// they are (pieces.go). Everything is done once per process: a bundled face
// is parsed once and shared by every Set; a face from a file (a system font,
// -font) once while the file keeps its size and time of change; and a face
// makes the pieces of a list of characters once (a bounded number kept). So
// a batch of builds may make a Set for each report (System, Bundled) or share
// one Set between its workers: either way the faces are parsed, and the
// pieces of the same characters cut, once.
package fonts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	bundled "briefing/fonts"
	"briefing/internal/oserr"
	"briefing/internal/typeset"
)

// TitleStroke is the width, in em, of the stroke with which the writer
// emboldens a title set in a face that is not a heavy Song (text render mode
// 2, fill and stroke): no free TrueType 小标宋 exists, so the bundled title
// is the body Song made heavier.
const TitleStroke = 0.03

// Face is one font face that the set may use.
type Face struct {
	Name     string // full name, e.g. "AR PL SungtiL GB"
	Family   string // family name (English when the font has one)
	FamilyZH string // Chinese family name, e.g. "文鼎ＰＬ简报宋"; "" when none
	Path     string // the file, "FILE#N" for face N of a collection, or "内置:gbsn00lp.ttf"
	Index    int    // face number inside a collection
	Bundled  bool   // one of briefing's own fonts
	Heavy    bool   // a heavy Song (小标宋) that needs no emboldening for titles

	// Set when the face is loaded (always, for a face returned by Set.Face).
	Data       []byte  // a standalone TrueType file
	UnitsPerEm int     // head.unitsPerEm
	Ascent     float64 // hhea ascender, in em
	Descent    float64 // hhea descender, in em (negative)

	file   string // the file on disk ("" for a bundled face)
	name   string // the bundled file name
	source string // 内置, 系统 or 指定
}

// font is a loaded face: its data and the tables Glyph reads.
type font struct {
	data     []byte
	cmap     cmapSub
	hmtx     []byte
	nMetrics int
	nGlyphs  int
	upem     float64
	asc, des float64
	pieces   pieceCache
}

// slot is a face of the set and its lazily loaded font.
type slot struct {
	face Face
	once sync.Once
	f    *font
	err  error
	used atomic.Bool

	mu    sync.Mutex
	runes map[rune]struct{} // the characters Glyph has set in this face
}

func (s *slot) addRune(r rune) {
	s.mu.Lock()
	if s.runes == nil {
		s.runes = map[rune]struct{}{}
	}
	s.runes[r] = struct{}{}
	s.mu.Unlock()
}

func (s *slot) load() (*font, error) {
	s.once.Do(func() {
		if s.face.Bundled {
			s.f, s.err = bundledFont(s.face.name)
		} else {
			s.f, s.err = sharedFile(s.face.file, s.face.Index)
		}
		if s.err == nil {
			s.face.Data = s.f.data
			s.face.UnitsPerEm = int(s.f.upem)
			s.face.Ascent = s.f.asc
			s.face.Descent = s.f.des
		}
	})
	return s.f, s.err
}

// Roles, in the order Roles() lists them.
var roleOrder = [...]typeset.Role{typeset.RoleTitle, typeset.RoleBody, typeset.RoleHei, typeset.RoleKai, typeset.RoleFolio, typeset.RoleLatin}

const nRoles = len(roleOrder)

var roleNames = [nRoles]string{"标题", "正文", "一级标题黑体", "二级标题楷体", "页码", "西文数字"}

func roleIndex(r typeset.Role) int {
	switch r {
	case typeset.RoleTitle:
		return 0
	case typeset.RoleBody:
		return 1
	case typeset.RoleHei:
		return 2
	case typeset.RoleKai:
		return 3
	case typeset.RoleFolio:
		return 4
	case typeset.RoleLatin:
		return 5
	}
	return -1
}

const (
	latinRole = 5
	folioRole = 4
)

// ParseRole reads a role name as given on the command line: the English
// name (body) or the Chinese one (正文), and a few common aliases (仿宋, 黑体,
// 楷体, 小标宋, 宋体, 西文).
func ParseRole(name string) (typeset.Role, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	for i, r := range roleOrder {
		if n == string(r) || n == roleNames[i] {
			return r, nil
		}
	}
	switch n {
	case "仿宋", "fangsong", "正文仿宋":
		return typeset.RoleBody, nil
	case "黑体", "simhei", "一级标题":
		return typeset.RoleHei, nil
	case "楷体", "kaiti", "二级标题":
		return typeset.RoleKai, nil
	case "小标宋", "方正小标宋", "标题宋体":
		return typeset.RoleTitle, nil
	case "宋体", "simsun", "page":
		return typeset.RoleFolio, nil
	case "西文", "数字", "times", "digits":
		return typeset.RoleLatin, nil
	}
	return "", fmt.Errorf("未知的字体角色“%s”：可用的角色是 title（标题）、body（正文）、hei（一级标题黑体）、kai（二级标题楷体）、folio（页码）、latin（西文数字）", oserr.Escape(name))
}

// cache holds the answers of Glyph: for each role, pages of 256 BMP
// characters, allocated on first use. An entry is 0 until resolved; then bit
// 63 is set, bits 32–62 hold face+1 (0: no face has the character) and the low
// 32 bits the advance as a float32.
type cache struct {
	pages [nRoles][256]atomic.Pointer[[256]atomic.Uint64]
}

// newCache returns an empty cache whose memory is written before it is
// read. A fresh page of memory that is first read is mapped to the
// system's page of zeros, and the first write to it then costs a second
// fault and a flush of every processor's address cache; on a virtual
// machine that was 5 % of a check's time, for these 12 KB.
func newCache() *cache {
	c := new(cache)
	for i := range c.pages {
		for j := range c.pages[i] {
			c.pages[i][j].Store(nil)
		}
	}
	return c
}

const resolved = 1 << 63

// Set maps each role to a chain of faces. It implements typeset.Shaper.
// Glyph, Face, Pieces, Width, Used and Roles may be called from several
// goroutines (several builds may share a Set); Override must not run
// concurrently with them. Used and Runes tell what every build so far has
// set with the Set.
type Set struct {
	slots  []*slot
	chains [nRoles][]int // the faces chosen for each role, best first
	fall   []int         // the bundled faces, tried after a role's chain
	cache  atomic.Pointer[cache]
	notes  []string // what discovery found or skipped, for `briefing fonts`
}

// Bundled faces, in the order of their slots in every set.
const (
	faceSong = iota
	faceKai
	faceHei
	faceLatin
)

var bundledSlots = [...]struct{ file, label string }{
	faceSong:  {bundled.SongFile, "AR PL SungtiL GB"},
	faceKai:   {bundled.KaiFile, "AR PL KaitiM GB"},
	faceHei:   {bundled.HeiFile, "WenQuanYi Micro Hei"},
	faceLatin: {bundled.LatinFile, "Liberation Serif"},
}

// Bundled returns a set of only the fonts embedded in briefing: the same
// output on every machine (tests and CI use it).
func Bundled() *Set {
	s := &Set{}
	for _, b := range bundledSlots {
		s.slots = append(s.slots, &slot{face: bundledFace(b.file)})
	}
	s.chains = [nRoles][]int{
		{faceSong},  // title: the body Song, emboldened (TitleStroke)
		{faceSong},  // body
		{faceHei},   // hei
		{faceKai},   // kai
		{faceSong},  // folio
		{faceLatin}, // latin
	}
	s.fall = []int{faceSong, faceKai, faceHei, faceLatin}
	s.cache.Store(newCache())
	return s
}

// Glyph returns the face that sets r in role and r's advance as a fraction
// of the font size. Printable ASCII (letters, digits, space and ASCII
// punctuation, as Word sets them in the 西文 font) goes to the latin role's
// faces in every role but the page number, which GB/T 9704 sets in 宋体
// digits. Other characters are taken from the first face of the role's chain
// that has them, then from the bundled fonts. ok is false when no face has r,
// and always for characters beyond the Basic Multilingual Plane, which fpdf
// v0.9.0 cannot embed (its CIDToGIDMap has 65536 entries).
func (s *Set) Glyph(role typeset.Role, r rune) (face int, advance float64, ok bool) {
	ri := roleIndex(role)
	if ri < 0 || r < 0 || r > 0xFFFF {
		return 0, 0, false
	}
	c := s.cache.Load()
	pp := &c.pages[ri][r>>8]
	p := pp.Load()
	if p != nil {
		if e := p[r&0xFF].Load(); e != 0 {
			return decode(e)
		}
		e := s.resolve(ri, r)
		p[r&0xFF].Store(e)
		return decode(e)
	}
	// A new page is written before anything reads it (see newCache).
	e := s.resolve(ri, r)
	fresh := new([256]atomic.Uint64)
	fresh[r&0xFF].Store(e)
	if !pp.CompareAndSwap(nil, fresh) {
		pp.Load()[r&0xFF].Store(e)
	}
	return decode(e)
}

func decode(e uint64) (int, float64, bool) {
	f := int(e>>32) & 0x7FFFFFFF
	if f == 0 {
		return 0, 0, false
	}
	return f - 1, float64(math.Float32frombits(uint32(e))), true
}

// resolve finds the face for r in role ri, without the cache.
func (s *Set) resolve(ri int, r rune) uint64 {
	try := func(i int) (uint64, bool) {
		sl := s.slots[i]
		f, err := sl.load()
		if err != nil {
			return 0, false
		}
		g := f.cmap.glyph(r)
		if g == 0 {
			return 0, false
		}
		sl.used.Store(true)
		sl.addRune(r)
		adv := float32(f.advance(g))
		return resolved | uint64(i+1)<<32 | uint64(math.Float32bits(adv)), true
	}
	if ri != latinRole && ri != folioRole && r >= 0x20 && r <= 0x7E {
		for _, i := range s.chains[latinRole] {
			if e, ok := try(i); ok {
				return e
			}
		}
	}
	for _, i := range s.chains[ri] {
		if e, ok := try(i); ok {
			return e
		}
	}
	for _, i := range s.fall {
		if e, ok := try(i); ok {
			return e
		}
	}
	return resolved
}

func (f *font) advance(g uint16) float64 {
	i := int(g)
	if i >= f.nMetrics {
		i = f.nMetrics - 1
	}
	if i < 0 || 4*i+2 > len(f.hmtx) {
		return 0
	}
	return float64(be.Uint16(f.hmtx[4*i:])) / f.upem
}

// Face returns face i, loaded (its Data is a standalone TrueType file), or
// nil when i is not a face of the set or the face cannot be loaded. Every
// face that Glyph returns can be loaded.
func (s *Set) Face(i int) *Face {
	if i < 0 || i >= len(s.slots) {
		return nil
	}
	sl := s.slots[i]
	if _, err := sl.load(); err != nil {
		return nil
	}
	return &sl.face
}

// Used returns the faces that Glyph has returned so far, in index order: the
// faces a PDF writer has to register.
func (s *Set) Used() []int {
	var u []int
	for i, sl := range s.slots {
		if sl.used.Load() {
			u = append(u, i)
		}
	}
	return u
}

// Runes returns, in order, the characters that Glyph has set in face so
// far: the characters a PDF writer draws with it, when all its text went
// through Glyph.
func (s *Set) Runes(face int) []rune {
	if face < 0 || face >= len(s.slots) {
		return nil
	}
	sl := s.slots[face]
	sl.mu.Lock()
	rs := make([]rune, 0, len(sl.runes))
	for r := range sl.runes {
		rs = append(rs, r)
	}
	sl.mu.Unlock()
	sort.Slice(rs, func(i, j int) bool { return rs[i] < rs[j] })
	return rs
}

// SubsetData returns face as a TrueType font holding only the glyphs of the
// characters Glyph has set in it (Runes), for fpdf.AddUTF8FontFromBytes.
// fpdf parses and subsets it far faster than the whole font (see Subset).
// Every character the writer draws in the face must have gone through
// Glyph, or fpdf draws it as a missing glyph.
func (s *Set) SubsetData(face int) ([]byte, error) {
	f := s.Face(face)
	if f == nil {
		return nil, fmt.Errorf("no face %d", face)
	}
	return f.Subset(s.Runes(face))
}

// Embolden returns the stroke width, in em, with which the writer should
// embolden text of role set in face: TitleStroke for a title in a face that
// is not a heavy Song (the bundled Song, 宋体), 0 otherwise.
func (s *Set) Embolden(role typeset.Role, face int) float64 {
	if role != typeset.RoleTitle || face < 0 || face >= len(s.slots) || s.slots[face].face.Heavy {
		return 0
	}
	return TitleStroke
}

// RoleInfo describes which font serves a role, for `briefing fonts`.
type RoleInfo struct {
	Role     typeset.Role
	Name     string   // the role's Chinese name: 标题, 正文, 一级标题黑体, 二级标题楷体, 页码, 西文数字
	Face     int      // the face that serves the role first
	Family   string   // its family name (Chinese when it has one)
	File     string   // its file, or 内置:FILE for a bundled font
	Bundled  bool     // a bundled font (false: a system font or one given with -font)
	Source   string   // 内置, 系统 or 指定 (-font)
	Embolden float64  // stroke width in em for a synthetic heavy title, 0 for none
	Fallback []string // the other faces of the chain, by family name
}

// Roles describes each role's chain. It does not load any font.
func (s *Set) Roles() []RoleInfo {
	var out []RoleInfo
	for ri, role := range roleOrder {
		chain := s.chains[ri]
		if len(chain) == 0 {
			continue
		}
		f := &s.slots[chain[0]].face
		info := RoleInfo{
			Role:     role,
			Name:     roleNames[ri],
			Face:     chain[0],
			Family:   f.Family,
			File:     f.Path,
			Bundled:  f.Bundled,
			Embolden: s.Embolden(role, chain[0]),
		}
		if f.FamilyZH != "" {
			info.Family = f.FamilyZH
		}
		info.Source = f.source
		seen := map[int]bool{chain[0]: true}
		for _, i := range append(append([]int{}, chain[1:]...), s.fall...) {
			if !seen[i] {
				seen[i] = true
				info.Fallback = append(info.Fallback, s.slots[i].face.Family)
			}
		}
		out = append(out, info)
	}
	return out
}

// Notes returns what font discovery found and skipped (for example a system
// font with CFF outlines), one line each, in Chinese.
func (s *Set) Notes() []string { return append([]string(nil), s.notes...) }

// Override makes the font file serve role first (for `-font ROLE=FILE`).
// FILE is a .ttf, an .otf with TrueType (glyf) outlines, or a .ttc (face 0,
// or face N with FILE#N). Characters the font lacks are still taken from the
// role's other faces. The file is checked now (its header, table directory,
// name and cmap tables); errors are in Chinese and say what to do.
func (s *Set) Override(role typeset.Role, file string) error {
	ri := roleIndex(role)
	if ri < 0 {
		_, err := ParseRole(string(role))
		return err
	}
	path, index, err := splitFaceSpec(file)
	if err != nil {
		return err
	}
	face, err := inspect(path, index)
	if err != nil {
		return err
	}
	face.source = "指定"
	face.Heavy = ri == 0 && looksHeavy(face)
	s.slots = append(s.slots, &slot{face: *face})
	i := len(s.slots) - 1
	s.chains[ri] = append([]int{i}, s.chains[ri]...)
	s.cache.Store(newCache())
	return nil
}

// OverrideSpec applies a `-font` argument of the form ROLE=FILE, where ROLE
// is any name ParseRole knows.
func (s *Set) OverrideSpec(spec string) error {
	role, file, ok := strings.Cut(spec, "=")
	if !ok || strings.TrimSpace(file) == "" {
		return fmt.Errorf("-font 的参数应写成“角色=字体文件”，例如 body=/path/仿宋_GB2312.ttf，而不是“%s”", oserr.Escape(spec))
	}
	r, err := ParseRole(role)
	if err != nil {
		return err
	}
	return s.Override(r, strings.TrimSpace(file))
}

// looksHeavy tells whether a face given for the title role is a heavy Song
// that needs no emboldening: its names say 小标宋, 大标宋, Heavy, Black,
// Bold or 粗.
func looksHeavy(f *Face) bool {
	for _, n := range []string{f.Name, f.Family, f.FamilyZH} {
		l := strings.ToLower(n)
		for _, k := range []string{"小标宋", "大标宋", "xiaobiaosong", "dabiaosong", "heavy", "black", "bold", "粗"} {
			if strings.Contains(l, k) {
				return true
			}
		}
	}
	return false
}

// splitFaceSpec splits FILE#N.
func splitFaceSpec(spec string) (string, int, error) {
	if i := strings.LastIndexByte(spec, '#'); i > 0 {
		if n, err := strconv.Atoi(spec[i+1:]); err == nil {
			if n < 0 {
				return "", 0, fmt.Errorf("字体序号不能为负数：%s", oserr.Escape(spec))
			}
			return spec[:i], n, nil
		}
	}
	return spec, -1, nil
}

// inspect checks that face index (-1: unspecified, i.e. 0) of the file at
// path can be used, reading only its header, table directory and small
// tables (name, cmap, the metrics and the glyph index), and describes it.
// The errors are in Chinese, name the file and say what to do.
func inspect(path string, index int) (*Face, error) {
	fh, size, err := openFont(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	offs, coll, err := faces(fh, path, index)
	if err != nil {
		return nil, err
	}
	index = max(index, 0)
	d, err := readDir(fh, offs[index])
	if err != nil {
		return nil, damaged(path, "字体表目录")
	}
	if err := checkFace(fh, d, size, path); err != nil {
		return nil, err
	}
	recs, err := readNames(fh, d)
	if err != nil {
		return nil, damaged(path, "字体名称表")
	}
	n := namesOf(recs)
	f := &Face{Name: n.Full, Family: n.Family, FamilyZH: n.FamilyZH, Path: path, Index: index, file: path}
	if coll {
		f.Path = path + "#" + strconv.Itoa(index)
	}
	return f, nil
}

// faces reads the header of a font file and returns the offsets of its
// faces, checking that face index is one of them.
func faces(fh io.ReaderAt, path string, index int) ([]int64, bool, error) {
	p := oserr.Path(path)
	offs, coll, tag, err := faceOffsets(fh)
	switch {
	case err != nil && (tag == tagWOFF || tag == tagWOFF2):
		return nil, false, fmt.Errorf("%s 是网页字体（WOFF/WOFF2），不能直接使用：请先转换成 .ttf", p)
	case err != nil:
		return nil, false, fmt.Errorf("%s 不是 TrueType/OpenType 字体文件（.ttf、.otf、.ttc），请换一个字体文件或不用 -font", p)
	case !coll && index > 0:
		return nil, false, fmt.Errorf("%s 不是字体集（.ttc），不能用 #%d 指定其中的字体", p, index)
	case index >= len(offs):
		return nil, false, fmt.Errorf("字体集 %s 只有 %d 个字体（#0 到 #%d），没有 #%d", p, len(offs), len(offs)-1, index)
	}
	return offs, coll, nil
}

// checkFace checks that a face has TrueType outlines that are whole, and a
// character map fpdf reads.
func checkFace(fh io.ReaderAt, d *faceDir, size int64, path string) error {
	p := oserr.Path(path)
	switch d.outline() {
	case "glyf":
	case "cff":
		return fmt.Errorf("%s 的字形是 CFF（PostScript）轮廓，不能使用：生成 PDF 所用的 fpdf 只能嵌入 TrueType（glyf）轮廓的字体。请改用该字体的 TrueType 版本（通常是 .ttf），或先用 FontForge、fontTools 等工具把它转换成 TrueType 轮廓", p)
	default:
		return fmt.Errorf("%s 没有字形轮廓表（glyf/loca），不能用来生成 PDF", p)
	}
	if !wholeGlyphs(fh, d, size) {
		return damaged(path, "字形表")
	}
	ct, ok := d.table("cmap")
	if !ok || ct.len > 16<<20 {
		return fmt.Errorf("%s 没有字符映射表（cmap），不能使用", p)
	}
	cm, err := readAt(fh, int64(ct.off), int(ct.len))
	if err != nil {
		return damaged(path, "字符映射表")
	}
	if !fpdfCmapOK(cmapEntries(cm)) {
		return fmt.Errorf("%s 没有 Unicode 字符映射表（cmap 格式 4），生成 PDF 所用的 fpdf 读不了它", p)
	}
	return nil
}

// loadFile reads a font file and loads face index from it.
func loadFile(path string, index int) (*font, error) {
	data, err := readFontFile(path)
	if err != nil {
		return nil, err
	}
	data, err = standalone(data, index)
	if err != nil {
		return nil, err
	}
	return parseFont(data)
}

// parseFont reads the tables Glyph needs from a standalone font.
func parseFont(data []byte) (*font, error) {
	d, err := readDir(bytesReaderAt(data), 0)
	if err != nil {
		return nil, err
	}
	head, ok1 := tableBytes(data, d, "head")
	hhea, ok2 := tableBytes(data, d, "hhea")
	maxp, ok3 := tableBytes(data, d, "maxp")
	hmtx, ok4 := tableBytes(data, d, "hmtx")
	cmap, ok5 := tableBytes(data, d, "cmap")
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("missing or short head/hhea/maxp/hmtx/cmap table")
	}
	f := &font{data: data, hmtx: hmtx}
	f.upem = float64(be.Uint16(head[18:]))
	if f.upem < 16 {
		return nil, errors.New("bad unitsPerEm")
	}
	f.asc = float64(int16(be.Uint16(hhea[4:]))) / f.upem
	f.des = float64(int16(be.Uint16(hhea[6:]))) / f.upem
	f.nMetrics = int(be.Uint16(hhea[34:]))
	f.nGlyphs = int(be.Uint16(maxp[4:]))
	if f.nMetrics == 0 || 4*f.nMetrics > len(hmtx) {
		return nil, errors.New("bad hmtx")
	}
	if f.cmap, ok1 = pickCmap(cmap); !ok1 {
		return nil, errors.New("no Unicode cmap")
	}
	return f, nil
}

// ---- bundled fonts: loaded once per process ----

var bundledCache struct {
	sync.Mutex
	m map[string]*bundledEntry
}

type bundledEntry struct {
	once sync.Once
	f    *font
	err  error
}

func bundledFont(name string) (*font, error) {
	bundledCache.Lock()
	if bundledCache.m == nil {
		bundledCache.m = map[string]*bundledEntry{}
	}
	e := bundledCache.m[name]
	if e == nil {
		e = &bundledEntry{}
		bundledCache.m[name] = e
	}
	bundledCache.Unlock()
	e.once.Do(func() {
		data := bundled.Bytes(name)
		if data == nil {
			e.err = fmt.Errorf("no bundled font %s", name)
			return
		}
		e.f, e.err = parseFont(data)
	})
	return e.f, e.err
}

// ---- font files: loaded once per process while they do not change ----

// fileKey names a face of a font file as it is on disk now.
type fileKey struct {
	path  string
	index int
	size  int64
	mod   time.Time
}

// maxFiles bounds the font files kept loaded.
const maxFiles = 16

var fileCache struct {
	sync.Mutex
	m     map[fileKey]*bundledEntry
	order []fileKey
}

// sharedFile loads face index of the font file at path, or returns the one
// loaded before if the file has the same size and time of change: the sets
// of a batch, each made by System, share the faces and their pieces.
func sharedFile(path string, index int) (*font, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return loadFile(path, index)
	}
	k := fileKey{path, index, fi.Size(), fi.ModTime()}
	fileCache.Lock()
	if fileCache.m == nil {
		fileCache.m = map[fileKey]*bundledEntry{}
	}
	e := fileCache.m[k]
	if e == nil {
		e = &bundledEntry{}
		fileCache.m[k] = e
		fileCache.order = append(fileCache.order, k)
		if len(fileCache.order) > maxFiles {
			delete(fileCache.m, fileCache.order[0])
			fileCache.order = fileCache.order[1:]
		}
	}
	fileCache.Unlock()
	e.once.Do(func() { e.f, e.err = loadFile(path, index) })
	if e.err != nil {
		fileCache.Lock()
		if fileCache.m[k] == e {
			delete(fileCache.m, k) // try again next time
		}
		fileCache.Unlock()
	}
	return e.f, e.err
}

// bundledFace describes a bundled font from its name table, without loading
// its glyph tables.
var bundledFaces = sync.OnceValue(func() map[string]Face {
	m := map[string]Face{}
	for _, name := range bundled.Files() {
		data := bundled.Bytes(name)
		f := Face{Path: "内置:" + name, Bundled: true, name: name, source: "内置"}
		if d, err := readDir(bytesReaderAt(data), 0); err == nil {
			if nb, ok := tableBytes(data, d, "name"); ok {
				n := namesOf(parseNames(nb, familyIDs...))
				f.Name, f.Family, f.FamilyZH = n.Full, n.Family, n.FamilyZH
			}
		}
		m[name] = f
	}
	return m
})

func bundledFace(name string) Face {
	f := bundledFaces()[name]
	if f.Family == "" {
		for _, b := range bundledSlots {
			if b.file == name {
				f.Family, f.Name = b.label, b.label
			}
		}
	}
	return f
}
