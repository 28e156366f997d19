package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/encoding/simplifiedchinese"

	bundled "briefing/fonts"
	"briefing/internal/typeset"
)

var _ typeset.Shaper = (*Set)(nil)

func seedChars(t *testing.T) []rune {
	b, err := os.ReadFile("testdata/seed_000.txt")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[rune]bool{}
	var rs []rune
	for _, r := range string(b) {
		if unicode.IsSpace(r) || seen[r] {
			continue
		}
		seen[r] = true
		rs = append(rs, r)
	}
	return rs
}

// Every character of the seed report is in the embedded body, kai and hei
// fonts themselves (not only through fallback).
func TestSeedCoverage(t *testing.T) {
	rs := seedChars(t)
	if len(rs) < 500 {
		t.Fatalf("seed has only %d distinct characters", len(rs))
	}
	for _, name := range []string{bundled.SongFile, bundled.KaiFile, bundled.HeiFile} {
		f, err := parseFont(bundled.Bytes(name))
		if err != nil {
			t.Fatal(name, err)
		}
		var missing []rune
		for _, r := range rs {
			if f.cmap.glyph(r) == 0 {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d characters of the seed: %q", name, len(missing), string(missing))
		}
	}
	s := Bundled()
	for _, role := range []typeset.Role{typeset.RoleBody, typeset.RoleKai, typeset.RoleHei, typeset.RoleTitle, typeset.RoleFolio} {
		own := s.chains[roleIndex(role)][0]
		for _, r := range rs {
			face, adv, ok := s.Glyph(role, r)
			if !ok {
				t.Fatalf("Glyph(%s, %q) not ok", role, r)
			}
			if r > 0x7E && face != own {
				t.Errorf("Glyph(%s, %q) = face %d, want the role's own face %d", role, r, face, own)
			}
			if r >= 0x4E00 && r <= 0x9FFF && adv != 1 {
				t.Errorf("Glyph(%s, %q) advance %v, want 1", role, r, adv)
			}
		}
	}
}

// The trimmed fonts keep what build.sh promises: all of GB 2312 in the
// Arphic fonts, all of GBK in WenQuanYi Micro Hei, and the punctuation of
// 公文 in all three.
func TestTrimmedCoverage(t *testing.T) {
	dec := simplifiedchinese.GBK.NewDecoder()
	var gb2312, gbk []rune
	for lead := 0x81; lead <= 0xFE; lead++ {
		for trail := 0x40; trail <= 0xFE; trail++ {
			if trail == 0x7F {
				continue
			}
			out, err := dec.Bytes([]byte{byte(lead), byte(trail)})
			if err != nil {
				continue
			}
			r := []rune(string(out))
			if len(r) != 1 || r[0] == unicode.ReplacementChar || (r[0] >= 0xE000 && r[0] <= 0xF8FF) {
				continue
			}
			gbk = append(gbk, r[0])
			if lead >= 0xB0 && lead <= 0xF7 && trail >= 0xA1 && !(lead == 0xD7 && trail >= 0xFA) {
				gb2312 = append(gb2312, r[0]) // the 6763 hanzi of GB 2312
			}
		}
	}
	if len(gb2312) != 6763 || len(gbk) < 21000 {
		t.Fatalf("decoded %d GB 2312 hanzi and %d GBK characters", len(gb2312), len(gbk))
	}
	punct := []rune("—…·“”‘’《》〔〕％（），、。：；？！【】℃①⑩⑴⒈Ⅻ")
	check := func(name string, want []rune) {
		f, err := parseFont(bundled.Bytes(name))
		if err != nil {
			t.Fatal(err)
		}
		var missing []rune
		for _, r := range want {
			if f.cmap.glyph(r) == 0 {
				missing = append(missing, r)
			}
		}
		if len(missing) > 0 {
			t.Errorf("%s lacks %d characters: %q", name, len(missing), string(missing[:min(40, len(missing))]))
		}
	}
	for _, name := range []string{bundled.SongFile, bundled.KaiFile, bundled.HeiFile} {
		check(name, append(append([]rune{}, gb2312...), punct...))
	}
	// WenQuanYi Micro Hei has every GBK hanzi of the URO block (what names
	// need), but not GBK's CJK Extension A, radicals and ideographic
	// description characters; build.sh keeps all it has.
	var uro []rune
	for _, r := range gbk {
		if r >= 0x4E00 && r <= 0x9FFF {
			uro = append(uro, r)
		}
	}
	if len(uro) < 20900 {
		t.Fatalf("%d GBK hanzi in U+4E00–U+9FFF", len(uro))
	}
	check(bundled.HeiFile, uro)
	check(bundled.LatinFile, []rune("0123456789ABCXYZabcxyz.,;:%()-"))
}

// The bundled fonts have no hinting programs left, keep their licence in the
// name table, and say that they were modified.
func TestTrimmedTables(t *testing.T) {
	for _, name := range []string{bundled.SongFile, bundled.KaiFile, bundled.HeiFile} {
		data := bundled.Bytes(name)
		d, err := readDir(bytesReaderAt(data), 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, tag := range []string{"fpgm", "prep", "cvt ", "GSUB", "mort", "vmtx"} {
			if has(d, tag) {
				t.Errorf("%s still has a %q table", name, tag)
			}
		}
		if d.outline() != "glyf" {
			t.Errorf("%s: outlines %q", name, d.outline())
		}
		nb, _ := tableBytes(data, d, "name")
		var lic, mod bool
		for _, r := range parseNames(nb) {
			lic = lic || (r.id == 13 && r.value != "") || (r.id == 0 && strings.Contains(r.value, "opyright"))
			mod = mod || (r.id == 10 && strings.Contains(r.value, "briefing"))
		}
		if !lic || !mod {
			t.Errorf("%s: licence/copyright record %v, modification notice %v", name, lic, mod)
		}
		if l, err := bundled.License(name); err != nil || len(l) < 1000 {
			t.Errorf("%s: licence file: %v", name, err)
		}
	}
}

func TestLatinRouting(t *testing.T) {
	s := Bundled()
	for _, role := range []typeset.Role{typeset.RoleBody, typeset.RoleKai, typeset.RoleHei, typeset.RoleTitle} {
		for _, r := range "Aa1%" {
			face, _, ok := s.Glyph(role, r)
			if !ok || face != faceLatin {
				t.Errorf("Glyph(%s, %q) = face %d, want latin face %d", role, r, face, faceLatin)
			}
		}
		if face, _, _ := s.Glyph(role, '中'); face == faceLatin {
			t.Errorf("Glyph(%s, 中) went to the latin face", role)
		}
	}
	// Liberation Serif has the widths of Times New Roman.
	if _, adv, _ := s.Glyph(typeset.RoleBody, 'A'); adv < 0.72 || adv > 0.73 {
		t.Errorf("advance of A = %v, want 0.722", adv)
	}
	if _, adv, _ := s.Glyph(typeset.RoleBody, '2'); adv != 0.5 {
		t.Errorf("advance of 2 = %v, want 0.5", adv)
	}
	// Page numbers stay in 宋体, with half-width digits.
	for _, r := range "0123456789" {
		face, adv, ok := s.Glyph(typeset.RoleFolio, r)
		if !ok || face != faceSong || adv != 0.5 {
			t.Errorf("Glyph(folio, %q) = %d %v %v, want song face, 0.5", r, face, adv, ok)
		}
	}
	if face, adv, ok := s.Glyph(typeset.RoleFolio, '—'); !ok || face != faceSong || adv != 1 {
		t.Errorf("Glyph(folio, —) = %d %v %v", face, adv, ok)
	}
}

func TestFallbackChain(t *testing.T) {
	dir := t.TempDir()
	// A 楷体 that has only 中 and 国: other characters come from the rest of
	// the kai chain (the bundled 楷体), and a character no 楷体 has from the
	// bundled fonts (镕, outside GB 2312, from WenQuanYi Micro Hei).
	small, err := subsetFont(bundled.Kai(), []rune("中国"))
	if err != nil {
		t.Fatal(err)
	}
	small = withTables(t, small, map[string][]byte{"name": familyNames("Tiny Kai", "小楷")})
	p := writeFile(t, dir, "tiny.ttf", small)
	s := Bundled()
	if err := s.Override(typeset.RoleKai, p); err != nil {
		t.Fatal(err)
	}
	over := len(s.slots) - 1
	if f, _, _ := s.Glyph(typeset.RoleKai, '中'); f != over {
		t.Errorf("中 in kai: face %d, want the -font face %d", f, over)
	}
	if f, _, _ := s.Glyph(typeset.RoleKai, '产'); f != faceKai {
		t.Errorf("产 in kai: face %d, want the bundled kai %d", f, faceKai)
	}
	if f, _, ok := s.Glyph(typeset.RoleKai, '镕'); !ok || f != faceHei {
		t.Errorf("镕 in kai: face %d %v, want the bundled hei %d", f, ok, faceHei)
	}
	if f, _, ok := s.Glyph(typeset.RoleBody, '镕'); !ok || f != faceHei {
		t.Errorf("镕 in body: face %d %v, want the bundled hei %d", f, ok, faceHei)
	}
	// Now a 楷体 chain that lacks 产 entirely: it is taken from the body Song.
	s2 := Bundled()
	s2.chains[roleIndex(typeset.RoleKai)] = nil
	s2.fall = []int{faceSong, faceHei}
	if err := s2.Override(typeset.RoleKai, p); err != nil {
		t.Fatal(err)
	}
	if f, _, _ := s2.Glyph(typeset.RoleKai, '产'); f != faceSong {
		t.Errorf("产 in a kai chain without it: face %d, want song %d", f, faceSong)
	}
	// Nothing has it: not ok. Beyond the BMP: not ok (fpdf cannot embed it).
	if _, _, ok := s.Glyph(typeset.RoleBody, '\uE000'); ok {
		t.Error("private-use character reported ok")
	}
	if _, _, ok := s.Glyph(typeset.RoleBody, '𠀀'); ok {
		t.Error("non-BMP character reported ok")
	}
	if _, _, ok := s.Glyph("nosuchrole", '中'); ok {
		t.Error("unknown role reported ok")
	}
}

// Only the faces a report uses are loaded.
func TestLazy(t *testing.T) {
	s := Bundled()
	s.Glyph(typeset.RoleBody, '中')
	if s.slots[faceKai].f != nil || s.slots[faceHei].f != nil || s.slots[faceLatin].f != nil {
		t.Error("faces other than the body's were loaded")
	}
	if u := s.Used(); len(u) != 1 || u[0] != faceSong {
		t.Errorf("Used() = %v", u)
	}
	_ = s.Roles()
	if s.slots[faceKai].f != nil {
		t.Error("Roles() loaded a face")
	}
	f := s.Face(faceSong)
	if f == nil || !bytes.Equal(f.Data, bundled.Song()) || f.UnitsPerEm != 1024 || f.Ascent <= 0 || f.Descent >= 0 {
		t.Fatalf("Face(song) = %+v", f)
	}
	if s.Face(99) != nil || s.Face(-1) != nil {
		t.Error("Face of a bad index is not nil")
	}
}

func TestRolesBundled(t *testing.T) {
	s := Bundled()
	roles := s.Roles()
	want := map[typeset.Role]struct{ name, file string }{
		typeset.RoleTitle: {"标题", "内置:gbsn00lp.ttf"},
		typeset.RoleBody:  {"正文", "内置:gbsn00lp.ttf"},
		typeset.RoleHei:   {"一级标题黑体", "内置:wqy-microhei.ttf"},
		typeset.RoleKai:   {"二级标题楷体", "内置:gkai00mp.ttf"},
		typeset.RoleFolio: {"页码", "内置:gbsn00lp.ttf"},
		typeset.RoleLatin: {"西文数字", "内置:LiberationSerif-Regular.ttf"},
	}
	if len(roles) != len(want) {
		t.Fatalf("%d roles", len(roles))
	}
	for _, r := range roles {
		w := want[r.Role]
		if r.Name != w.name || r.File != w.file || !r.Bundled || r.Source != "内置" {
			t.Errorf("%+v, want %+v", r, w)
		}
		if (r.Role == typeset.RoleTitle) != (r.Embolden == TitleStroke) {
			t.Errorf("%s: Embolden %v", r.Role, r.Embolden)
		}
	}
	if roles[1].Family != "文鼎ＰＬ简报宋" {
		t.Errorf("body family %q", roles[1].Family)
	}
}

func TestParseRole(t *testing.T) {
	for in, want := range map[string]typeset.Role{"body": typeset.RoleBody, "正文": typeset.RoleBody, "仿宋": typeset.RoleBody,
		"TITLE": typeset.RoleTitle, "小标宋": typeset.RoleTitle, "黑体": typeset.RoleHei, "kai": typeset.RoleKai,
		"页码": typeset.RoleFolio, "latin": typeset.RoleLatin, "西文数字": typeset.RoleLatin} {
		if got, err := ParseRole(in); err != nil || got != want {
			t.Errorf("ParseRole(%q) = %q, %v", in, got, err)
		}
	}
}

func TestOverrideErrors(t *testing.T) {
	dir := t.TempDir()
	cff := writeFile(t, dir, "NotoSerifCJKsc-Bold.otf", fakeCFF("Noto Serif CJK SC", "思源宋体"))
	txt := writeFile(t, dir, "readme.ttf", []byte("this is not a font at all"))
	woff := writeFile(t, dir, "x.woff2", append([]byte("wOF2"), make([]byte, 60)...))
	ttf := writeFile(t, dir, "song.ttf", bundled.Song())
	ttc := writeFile(t, dir, "two.ttc", makeTTC(t, bundled.Song(), bundled.Kai()))
	cases := []struct {
		role typeset.Role
		file string
		want []string
	}{
		{"caption", ttf, []string{"未知的字体角色", "body（正文）"}},
		{typeset.RoleBody, filepath.Join(dir, "nope.ttf"), []string{"找不到字体文件"}},
		{typeset.RoleBody, cff, []string{"CFF", "TrueType（glyf）", "不能使用", "fpdf"}},
		{typeset.RoleBody, txt, []string{"不是 TrueType/OpenType 字体文件"}},
		{typeset.RoleBody, woff, []string{"网页字体"}},
		{typeset.RoleBody, ttf + "#1", []string{"不是字体集"}},
		{typeset.RoleBody, ttc + "#2", []string{"只有 2 个字体", "没有 #2"}},
	}
	for _, c := range cases {
		s := Bundled()
		err := s.Override(c.role, c.file)
		if err == nil {
			t.Errorf("Override(%s, %s): no error", c.role, c.file)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("Override(%s, %s) = %q, want it to say %q", c.role, c.file, err, w)
			}
		}
		if len(s.slots) != 4 {
			t.Errorf("a failed Override changed the set")
		}
	}
	s := Bundled()
	if err := s.OverrideSpec("body"); err == nil || !strings.Contains(err.Error(), "角色=字体文件") {
		t.Errorf("OverrideSpec without =: %v", err)
	}
	if err := s.OverrideSpec("正文=" + ttf); err != nil {
		t.Errorf("OverrideSpec: %v", err)
	}
	if r := s.Roles()[1]; r.Source != "指定" || r.File != ttf || r.Bundled {
		t.Errorf("after -font body=…: %+v", r)
	}
}

// A face of a collection comes out as a standalone font that fpdf embeds
// and from which the text extracts as it went in.
func TestTTCRoundTrip(t *testing.T) {
	dir := t.TempDir()
	ttc := writeFile(t, dir, "songkai.ttc", makeTTC(t, bundled.Song(), bundled.Kai()))
	s := Bundled()
	if err := s.Override(typeset.RoleKai, ttc+"#1"); err != nil {
		t.Fatal(err)
	}
	text := "二级标题楷体：稳住经济一揽子政策措施〔2022〕"
	var face int
	for _, r := range text {
		if r >= 0x80 {
			face, _, _ = s.Glyph(typeset.RoleKai, r)
			if face != 4 {
				t.Fatalf("Glyph(kai, %q) = face %d, want the .ttc face 4", r, face)
			}
		}
	}
	f := s.Face(face)
	if f.Path != ttc+"#1" || f.Index != 1 || f.Family != "AR PL KaitiM GB" {
		t.Errorf("face: %q #%d %q", f.Path, f.Index, f.Family)
	}
	// The standalone font has the tables of the original, byte for byte,
	// and correct checksums.
	d, err := readDir(bytesReaderAt(f.Data), 0)
	if err != nil {
		t.Fatal(err)
	}
	od, _ := readDir(bytesReaderAt(bundled.Kai()), 0)
	for _, ot := range od.tables {
		nb, ok := tableBytes(f.Data, d, ot.tag)
		obytes, _ := tableBytes(bundled.Kai(), od, ot.tag)
		if ot.tag == "head" {
			continue
		}
		if !ok || !bytes.Equal(nb, obytes) {
			t.Errorf("table %q differs", ot.tag)
		}
	}
	for _, nt := range d.tables {
		b := f.Data[nt.off : nt.off+nt.len]
		if nt.tag == "head" {
			b = append([]byte(nil), b...)
			be.PutUint32(b[8:], 0)
		}
		if checksum(b) != nt.checksum {
			t.Errorf("table %q: bad checksum", nt.tag)
		}
	}
	if checksum(f.Data) != 0xB1B0AFBA {
		t.Errorf("whole-font checksum %#x, want 0xB1B0AFBA", checksum(f.Data))
	}
	got := pdfText(t, pdfWith(t, f.Data, text))
	if strings.TrimSpace(got) != text {
		t.Errorf("pdftotext: %q, want %q", got, text)
	}
}

// The real WenQuanYi collection, when installed.
func TestSystemTTC(t *testing.T) {
	const p = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
	if _, err := os.Stat(p); err != nil {
		t.Skip(p, "not installed")
	}
	s := Bundled()
	if err := s.Override(typeset.RoleHei, p+"#1"); err != nil {
		t.Fatal(err)
	}
	face, _, _ := s.Glyph(typeset.RoleHei, '黑')
	f := s.Face(face)
	if f == nil || f.Family != "WenQuanYi Micro Hei Mono" {
		t.Fatalf("face %+v", f)
	}
	text := "一、主要工作"
	if got := strings.TrimSpace(pdfText(t, pdfWith(t, f.Data, text))); got != text {
		t.Errorf("pdftotext: %q", got)
	}
}

// A PDF of the seed in the bundled fonts, whole and subset, extracts right.
func TestBundledPDFText(t *testing.T) {
	lines := seedLines(t)[:12]
	s := Bundled()
	for _, l := range lines {
		for _, r := range l {
			s.Glyph(typeset.RoleBody, r)
		}
	}
	whole := pdfText(t, pdfWith(t, bundled.Song(), lines...))
	sub, err := s.SubsetData(faceSong)
	if err != nil {
		t.Fatal(err)
	}
	if len(sub) > len(bundled.Song())/10 {
		t.Errorf("subset is %d bytes", len(sub))
	}
	subset := pdfText(t, pdfWith(t, sub, lines...))
	want := strings.Join(lines, "\n")
	norm := func(s string) string { return strings.Join(strings.Fields(s), "\n") }
	if norm(whole) != norm(want) {
		t.Errorf("whole font: pdftotext gives\n%s", whole)
	}
	if norm(subset) != norm(want) {
		t.Errorf("subset font: pdftotext gives\n%s", subset)
	}
}

func TestSubsetKeepsGlyphs(t *testing.T) {
	text := []rune("公文格式一、（一）1.〔2022〕镕")
	for _, name := range bundled.Files() {
		orig, _ := parseFont(bundled.Bytes(name))
		data, err := subsetFont(bundled.Bytes(name), text)
		if err != nil {
			t.Fatal(name, err)
		}
		sub, err := parseFont(data)
		if err != nil {
			t.Fatal(name, err)
		}
		od, _ := readDir(bytesReaderAt(orig.data), 0)
		sd, _ := readDir(bytesReaderAt(sub.data), 0)
		for _, r := range text {
			og, sg := orig.cmap.glyph(r), sub.cmap.glyph(r)
			if (og == 0) != (sg == 0) {
				t.Errorf("%s %q: glyph %d in the font, %d in the subset", name, r, og, sg)
				continue
			}
			if og == 0 {
				continue
			}
			if orig.advance(og) != sub.advance(sg) {
				t.Errorf("%s %q: advance changed", name, r)
			}
			// The subset pads each glyph to 4 bytes; a composite glyph has
			// its component indices renumbered.
			a, b := glyphData(t, orig.data, od, og), glyphData(t, sub.data, sd, sg)
			if len(b) < len(a) || len(b) > len(a)+3 || (len(a) > 0 && int16(be.Uint16(a)) >= 0 && !bytes.Equal(a, b[:len(a)])) {
				t.Errorf("%s %q: outline changed", name, r)
			}
		}
		if sub.nGlyphs > 3*len(text) {
			t.Errorf("%s: subset has %d glyphs", name, sub.nGlyphs)
		}
	}
}

func glyphData(t *testing.T, data []byte, d *faceDir, g uint16) []byte {
	head, _ := tableBytes(data, d, "head")
	loca, _ := tableBytes(data, d, "loca")
	glyf, _ := tableBytes(data, d, "glyf")
	if be.Uint16(head[50:]) == 1 {
		return glyf[be.Uint32(loca[4*int(g):]):be.Uint32(loca[4*int(g)+4:])]
	}
	return glyf[2*int(be.Uint16(loca[2*int(g):])) : 2*int(be.Uint16(loca[2*int(g)+2:]))]
}

func TestGlyphConcurrent(t *testing.T) {
	s := Bundled()
	rs := []rune(strings.Join(seedLines(t), ""))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(rs)+w; i++ {
				s.Glyph(roleOrder[i%nRoles], rs[i%len(rs)])
			}
		}(w)
	}
	wg.Wait()
	for _, r := range rs[:50] {
		f1, a1, _ := s.Glyph(typeset.RoleBody, r)
		f2, a2, _ := Bundled().Glyph(typeset.RoleBody, r)
		if f1 != f2 || a1 != a2 {
			t.Errorf("%q: %d %v vs %d %v", r, f1, a1, f2, a2)
		}
	}
}

func BenchmarkGlyphCached(b *testing.B) {
	s := Bundled()
	rs := []rune(strings.Join(seedLines(b), ""))
	for _, r := range rs {
		s.Glyph(typeset.RoleBody, r)
	}
	b.ResetTimer()
	for i := 0; i < b.N; {
		for _, r := range rs {
			s.Glyph(typeset.RoleBody, r)
		}
		i += len(rs)
	}
}
