package fonts

import (
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	bundled "briefing/fonts"
	"briefing/internal/typeset"
)

// System finds fonts by the family names in their name tables, whatever the
// files are called, skips CFF fonts, and puts what it found in front of the
// bundled fonts.
func TestSystemFindsFonts(t *testing.T) {
	dir := t.TempDir()
	// A 仿宋_GB2312 whose file name says nothing, two levels down.
	fs := writeFile(t, dir, "a/b/font0001.ttf", withTables(t, bundled.Song(), map[string][]byte{"name": familyNames("FangSong_GB2312", "仿宋_GB2312")}))
	// A GBK 仿宋 known only by its English name, in a collection (face 1).
	fang := withTables(t, bundled.Kai(), map[string][]byte{"name": familyNames("FangSong", "")})
	other := withTables(t, bundled.Song(), map[string][]byte{"name": familyNames("Some Other Font", "")})
	ttc := writeFile(t, dir, "c/mixed.TTC", makeTTC(t, other, fang))
	// A 方正小标宋简体: a title that needs no emboldening.
	xbs := writeFile(t, dir, "fz.ttf", withTables(t, bundled.Hei(), map[string][]byte{"name": familyNames("FZXiaoBiaoSong-B05S", "方正小标宋简体")}))
	// A 黑体 with CFF outlines: skipped, with a note.
	writeFile(t, dir, "simhei.otf", fakeCFF("SimHei", "黑体"))
	// Not fonts, or not wanted.
	writeFile(t, dir, "simkai.ttf", []byte("garbage named like KaiTi"))
	writeFile(t, dir, "notes.txt", []byte("仿宋_GB2312"))

	s := System(WithRoots(dir, filepath.Join(dir, "missing")))
	roles := map[typeset.Role]RoleInfo{}
	for _, r := range s.Roles() {
		roles[r.Role] = r
	}
	body := roles[typeset.RoleBody]
	if body.File != fs || body.Source != "系统" || body.Bundled || body.Family != "仿宋_GB2312" {
		t.Errorf("body: %+v", body)
	}
	if len(body.Fallback) == 0 || body.Fallback[0] != "FangSong" {
		t.Errorf("body chain: %v, want FangSong (the .ttc face) after 仿宋_GB2312", body.Fallback)
	}
	title := roles[typeset.RoleTitle]
	if title.File != xbs || title.Embolden != 0 {
		t.Errorf("title: %+v", title)
	}
	for _, r := range []typeset.Role{typeset.RoleHei, typeset.RoleKai, typeset.RoleFolio, typeset.RoleLatin} {
		if !roles[r].Bundled {
			t.Errorf("%s: %+v, want the bundled font", r, roles[r])
		}
	}
	notes := strings.Join(s.Notes(), "\n")
	if !strings.Contains(notes, "simhei.otf") || !strings.Contains(notes, "CFF") {
		t.Errorf("notes do not mention the skipped CFF 黑体:\n%s", notes)
	}

	face, _, ok := s.Glyph(typeset.RoleBody, '中')
	if !ok || s.Face(face).Path != fs {
		t.Errorf("中 in body: face %d", face)
	}
	// 镕 is not in the fake 仿宋_GB2312 nor the fake FangSong: it comes from
	// the bundled 黑体.
	if face, _, _ := s.Glyph(typeset.RoleBody, '镕'); face != faceHei {
		t.Errorf("镕 in body: face %d", face)
	}
	// The .ttc face is loaded when needed, as a standalone font.
	s2 := System(WithRoots(dir))
	s2.chains[roleIndex(typeset.RoleBody)] = s2.chains[roleIndex(typeset.RoleBody)][1:]
	face, _, _ = s2.Glyph(typeset.RoleBody, '中')
	f := s2.Face(face)
	if f == nil || f.Path != ttc+"#1" || f.Family != "FangSong" {
		t.Fatalf("face %+v", f)
	}
	if _, err := parseFont(f.Data); err != nil {
		t.Error(err)
	}
	if face, _, _ := s.Glyph(typeset.RoleTitle, '中'); s.Embolden(typeset.RoleTitle, face) != 0 {
		t.Error("方正小标宋 title is emboldened")
	}
	if s.Embolden(typeset.RoleTitle, faceSong) != TitleStroke || s.Embolden(typeset.RoleBody, faceSong) != 0 {
		t.Error("Embolden of the bundled song")
	}
}

// Discovery is bounded.
func TestSystemBounds(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 30; i++ {
		writeFile(t, dir, filepath.Join("d", string(rune('a'+i%26))+strings.Repeat("x", i)+".ttf"), []byte("x"))
	}
	writeFile(t, dir, "zz/fs.ttf", withTables(t, bundled.Song(), map[string][]byte{"name": familyNames("FangSong_GB2312", "")}))
	s := System(WithRoots(dir), WithMaxFiles(10))
	if !s.Roles()[1].Bundled {
		t.Error("found a font beyond the file bound")
	}
	if n := s.Notes(); len(n) == 0 || !strings.Contains(n[len(n)-1], "上限") {
		t.Errorf("notes: %v", n)
	}
	start := time.Now()
	s = System(WithRoots(dir))
	if s.Roles()[1].Bundled {
		t.Error("did not find the font without the bound")
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("discovery of 31 files took %v", d)
	}
	// A search that has run out of time finds nothing more and says so.
	s = System(WithRoots(dir), WithTimeout(-time.Second))
	if !s.Roles()[1].Bundled {
		t.Error("found a font after the time bound")
	}
	if n := s.Notes(); len(n) == 0 || !strings.Contains(n[len(n)-1], "上限") {
		t.Errorf("notes after the time bound: %v", n)
	}
}

// On this machine: System() must not fail and must be quick whatever is
// installed.
func TestSystemDefaultRoots(t *testing.T) {
	start := time.Now()
	s := System()
	d := time.Since(start)
	t.Logf("System() over %v took %v; notes: %v", DefaultRoots(), d, s.Notes())
	if len(s.Roles()) != nRoles {
		t.Error("roles missing")
	}
	if _, _, ok := s.Glyph(typeset.RoleBody, '中'); !ok {
		t.Error("中 not found")
	}
}

// Old Chinese fonts spell their names in GB codes: Windows PRC encoding (GB
// bytes in 16-bit units) and Macintosh Simplified Chinese.
func TestDecodeLegacyNames(t *testing.T) {
	// 仿宋_GB2312 in GB 2312: B7C2 CBCE, then ASCII.
	prc := []byte{0xB7, 0xC2, 0xCB, 0xCE, 0, '_', 0, 'G', 0, 'B', 0, '2', 0, '3', 0, '1', 0, '2'}
	if s, ok := decodeName(3, 3, prc); !ok || s != "仿宋_GB2312" {
		t.Errorf("PRC: %q %v", s, ok)
	}
	if s, ok := decodeName(1, 25, []byte{0xBA, 0xDA, 0xCC, 0xE5}); !ok || s != "黑体" {
		t.Errorf("Mac Chinese: %q %v", s, ok)
	}
	if s, ok := decodeName(1, 0, []byte("Times New Roman")); !ok || s != "Times New Roman" {
		t.Errorf("Mac Roman: %q %v", s, ok)
	}
	if normName("Times New Roman") != normName("TimesNewRoman") || normName("仿宋_GB2312") != normName("仿宋 GB2312") {
		t.Error("normName")
	}
}

// A bold face of a wanted family is not taken for the regular one.
func TestSystemSkipsBold(t *testing.T) {
	dir := t.TempDir()
	bold := nameTable(map[uint16]string{1: "Times New Roman", 2: "Bold", 4: "Times New Roman Bold"}, nil)
	reg := nameTable(map[uint16]string{1: "Times New Roman", 2: "Regular", 4: "Times New Roman"}, nil)
	writeFile(t, dir, "a-timesbd.ttf", withTables(t, bundled.Latin(), map[string][]byte{"name": bold}))
	p := writeFile(t, dir, "b-times.ttf", withTables(t, bundled.Latin(), map[string][]byte{"name": reg}))
	s := System(WithRoots(dir))
	if r := s.Roles()[5]; r.File != p || r.Source != "系统" {
		t.Errorf("latin: %+v", r)
	}
	if face, _, _ := s.Glyph(typeset.RoleBody, 'A'); s.Face(face).Path != p {
		t.Errorf("A in body: %s", s.Face(face).Path)
	}
}

// BenchmarkSystem: finding the system's 公文 fonts, as every build does
// (on this machine's font directories).
func BenchmarkSystem(b *testing.B) {
	for b.Loop() {
		System()
	}
}

// TestSystemCache: what System found is kept and read again for files
// whose size and time have not changed; a changed file, another version of
// the rules or a damaged cache makes it read the fonts again.
func TestSystemCache(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	fs := writeFile(t, dir, "a/font0001.ttf", withTables(t, bundled.Song(), map[string][]byte{"name": familyNames("FangSong_GB2312", "仿宋_GB2312")}))
	writeFile(t, dir, "simhei.otf", fakeCFF("SimHei", "黑体"))
	body := func() (RoleInfo, string) {
		s := System(WithRoots(dir), WithCache(cacheDir))
		for _, r := range s.Roles() {
			if r.Role == typeset.RoleBody {
				return r, strings.Join(s.Notes(), "\n")
			}
		}
		t.Fatal("no body role")
		return RoleInfo{}, ""
	}
	first, notes := body()
	if first.File != fs || first.Family != "仿宋_GB2312" || !strings.Contains(notes, "CFF") {
		t.Fatalf("without a cache: %+v\n%s", first, notes)
	}
	cacheFile := filepath.Join(cacheDir, "fonts.cache")
	kept, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatalf("no cache written: %v", err)
	}
	if again, againNotes := body(); !reflect.DeepEqual(again, first) || againNotes != notes {
		t.Errorf("from the cache: %+v, %q; want %+v, %q", again, againNotes, first, notes)
	}
	// What the cache keeps is what is used: an edited entry shows.
	edited := strings.Replace(string(kept), `"仿宋_GB2312"`, `"仿宋_缓存"`, 1)
	if edited == string(kept) {
		t.Fatalf("the cache does not hold the family name:\n%s", kept)
	}
	os.WriteFile(cacheFile, []byte(edited), 0o644)
	if got, _ := body(); got.Family != "仿宋_缓存" {
		t.Errorf("the cache was not read: %+v", got)
	}
	// A changed file is read again.
	later := time.Now().Add(time.Hour)
	os.Chtimes(fs, later, later)
	if got, _ := body(); got.Family != "仿宋_GB2312" {
		t.Errorf("a changed font file was not read again: %+v", got)
	}
	// Another version of the rules, and a damaged cache, are not read.
	for _, bad := range []string{strings.Replace(edited, "briefing fonts 1 ", "briefing fonts 0 ", 1), edited[:len(edited)/2] + "\x00garbage"} {
		os.WriteFile(cacheFile, []byte(bad), 0o644)
		os.Chtimes(fs, later, later)
		if got, gotNotes := body(); got.Family != "仿宋_GB2312" || gotNotes != notes {
			t.Errorf("from a cache %.40q: %+v", bad, got)
		}
	}
}

// TestSystemCacheKeepsFacesInTheirFiles: a cache whose entry names a face
// in another file than the one it is kept under is not used.
func TestSystemCacheKeepsFacesInTheirFiles(t *testing.T) {
	dir, cacheDir := t.TempDir(), t.TempDir()
	fs := writeFile(t, dir, "font0001.ttf", withTables(t, bundled.Song(), map[string][]byte{"name": familyNames("FangSong_GB2312", "仿宋_GB2312")}))
	System(WithRoots(dir), WithCache(cacheDir))
	cacheFile := filepath.Join(cacheDir, "fonts.cache")
	kept, err := os.ReadFile(cacheFile)
	if err != nil {
		t.Fatal(err)
	}
	elsewhere := strings.ReplaceAll(string(kept), strconv.Quote(fs)+" "+strconv.Quote(fs), strconv.Quote(fs)+" "+strconv.Quote("/etc/passwd"))
	if elsewhere == string(kept) {
		t.Fatalf("the cache does not name the face's file:\n%s", kept)
	}
	os.WriteFile(cacheFile, []byte(elsewhere), 0o644)
	s := System(WithRoots(dir), WithCache(cacheDir))
	face, _, ok := s.Glyph(typeset.RoleBody, '中')
	if f := s.Face(face); !ok || f == nil || f.Path != fs {
		t.Errorf("中 in body: face %d (%+v), want the face of %s", face, f, fs)
	}
}
