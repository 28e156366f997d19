package fonts

import (
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Option adjusts System.
type Option func(*sysOptions)

type sysOptions struct {
	roots    []string
	maxFiles int
	maxDepth int
	timeout  time.Duration
	cache    bool   // keep what was found between runs (syscache.go)
	cacheDir string // where; "": the user's cache folder
}

// WithCache keeps what System finds in dir between runs, as it does in the
// user's cache folder when it searches the system's font folders (tests
// searching folders of their own give one).
func WithCache(dir string) Option {
	return func(o *sysOptions) { o.cache, o.cacheDir = true, dir }
}

// WithRoots replaces the directories System searches (tests use a temporary
// directory).
func WithRoots(dirs ...string) Option {
	return func(o *sysOptions) { o.roots = append([]string(nil), dirs...) }
}

// WithMaxFiles bounds the number of font files whose name tables System
// reads (default 4000).
func WithMaxFiles(n int) Option { return func(o *sysOptions) { o.maxFiles = n } }

// WithTimeout bounds the time System spends looking (default 3 s); what was
// found by then is used.
func WithTimeout(d time.Duration) Option { return func(o *sysOptions) { o.timeout = d } }

// DefaultRoots returns the font directories of the running system: Windows'
// system and per-user font folders, macOS' /System/Library/Fonts,
// /Library/Fonts and ~/Library/Fonts, and on Linux and the BSDs
// /usr/share/fonts, /usr/local/share/fonts, ~/.fonts and
// ~/.local/share/fonts (or $XDG_DATA_HOME/fonts).
func DefaultRoots() []string {
	home, _ := os.UserHomeDir()
	var roots []string
	switch runtime.GOOS {
	case "windows":
		win := os.Getenv("WINDIR")
		if win == "" {
			win = `C:\Windows`
		}
		roots = append(roots, filepath.Join(win, "Fonts"))
		if la := os.Getenv("LOCALAPPDATA"); la != "" {
			roots = append(roots, filepath.Join(la, "Microsoft", "Windows", "Fonts"))
		}
	case "darwin":
		roots = append(roots, "/System/Library/Fonts", "/Library/Fonts")
		if home != "" {
			roots = append(roots, filepath.Join(home, "Library", "Fonts"))
		}
	default:
		roots = append(roots, "/usr/share/fonts", "/usr/local/share/fonts")
		if home != "" {
			roots = append(roots, filepath.Join(home, ".fonts"))
		}
		if x := os.Getenv("XDG_DATA_HOME"); x != "" {
			roots = append(roots, filepath.Join(x, "fonts"))
		} else if home != "" {
			roots = append(roots, filepath.Join(home, ".local", "share", "fonts"))
		}
	}
	return roots
}

// wanted lists, for each role, the families a 公文 uses, best first. Each
// entry is a set of names of one family (Chinese and English, as the name
// table spells them); heavy marks a 小标宋 that needs no emboldening.
type wantFamily struct {
	names []string
	heavy bool
}

var wanted = [nRoles][]wantFamily{
	0: { // title: 方正小标宋; lacking it, 宋体 emboldened
		{names: []string{"方正小标宋简体", "FZXiaoBiaoSong-B05S", "方正小标宋_GBK", "FZXiaoBiaoSong-B05", "方正小标宋", "小标宋"}, heavy: true},
		{names: []string{"宋体", "SimSun"}},
		{names: []string{"华文宋体", "STSong"}},
		{names: []string{"宋体-简", "Songti SC"}},
	},
	1: { // body: 仿宋_GB2312, then GBK 仿宋 fonts for the characters it lacks
		{names: []string{"仿宋_GB2312", "FangSong_GB2312"}},
		{names: []string{"方正仿宋_GBK", "FZFangSong-Z02"}},
		{names: []string{"仿宋", "FangSong", "SimFang"}},
		{names: []string{"华文仿宋", "STFangsong"}},
	},
	2: { // hei
		{names: []string{"黑体", "SimHei"}},
		{names: []string{"方正黑体_GBK", "FZHei-B01"}},
		{names: []string{"华文黑体", "STHeiti"}},
		{names: []string{"黑体-简", "Heiti SC"}},
	},
	3: { // kai
		{names: []string{"楷体_GB2312", "KaiTi_GB2312"}},
		{names: []string{"方正楷体_GBK", "FZKai-Z03"}},
		{names: []string{"楷体", "KaiTi"}},
		{names: []string{"华文楷体", "STKaiti"}},
		{names: []string{"楷体-简", "Kaiti SC"}},
	},
	4: { // folio: 宋体 with half-width digits
		{names: []string{"宋体", "SimSun"}},
		{names: []string{"华文宋体", "STSong"}},
		{names: []string{"宋体-简", "Songti SC"}},
	},
	5: { // latin
		{names: []string{"Times New Roman"}},
		{names: []string{"Times"}},
	},
}

// normName folds a family name for comparison: case, spaces, hyphens and
// underscores do not count (仿宋_GB2312 = 仿宋GB2312, Times New Roman =
// TimesNewRoman).
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case ' ', '-', '_', '　':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wantIndex maps a folded family name to the (role, rank) pairs it serves.
var wantIndex = sync.OnceValue(func() map[string][][2]int {
	m := map[string][][2]int{}
	for ri, fams := range wanted {
		for rank, f := range fams {
			for _, n := range f.names {
				k := normName(n)
				m[k] = append(m[k], [2]int{ri, rank})
			}
		}
	}
	return m
})

var fontExt = map[string]bool{".ttf": true, ".otf": true, ".ttc": true, ".otc": true}

// found is a face discovery matched.
type found struct {
	face     Face
	ri, rank int
	order    int // discovery order, for determinism
}

// System returns a set that uses, for each role, the fonts a 公文 really
// uses when the system has them, in front of the bundled fonts. It walks
// the font directories (DefaultRoots, or those of WithRoots) reading only
// the table directories and name tables of font files, matching the family
// names (Chinese and English) of the name table, not the file names. Faces
// with CFF outlines, which fpdf cannot embed, are skipped (see Notes).
// What it finds in the system's folders is kept in the user's cache folder
// and read again for the files that have not changed (syscache.go).
func System(opts ...Option) *Set {
	o := sysOptions{maxFiles: 4000, maxDepth: 8, timeout: 3 * time.Second}
	for _, f := range opts {
		f(&o)
	}
	if o.roots == nil {
		o.roots, o.cache = DefaultRoots(), true
	}
	var cache *scanCache
	if o.cache {
		cache = openScanCache(o.cacheDir, o.roots)
	}
	s := Bundled()
	deadline := time.Now().Add(o.timeout)

	// Walk: collect candidate files, bounded in number, depth and time.
	var files []string
	for _, root := range o.roots {
		base := strings.Count(filepath.Clean(root), string(filepath.Separator))
		_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if len(files) >= o.maxFiles || time.Now().After(deadline) {
				return fs.SkipAll
			}
			if d.IsDir() {
				if strings.Count(filepath.Clean(p), string(filepath.Separator))-base > o.maxDepth {
					return fs.SkipDir
				}
				return nil
			}
			if fontExt[strings.ToLower(filepath.Ext(p))] {
				files = append(files, p)
			}
			return nil
		})
	}

	// Read the name tables, a few files at a time.
	results := make([][]found, len(files))
	var wg sync.WaitGroup
	next := make(chan int)
	workers := min(4, len(files))
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if time.Now().After(deadline) {
					continue
				}
				results[i] = cache.scan(files[i])
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	if !time.Now().After(deadline) {
		cache.save()
	}

	var all []found
	for i, r := range results {
		for _, f := range r {
			f.order = i
			all = append(all, f)
		}
	}
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].ri != all[j].ri {
			return all[i].ri < all[j].ri
		}
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		return all[i].order < all[j].order
	})

	// One slot per face, shared by the roles it serves; one face per family
	// and role.
	slotOf := map[string]int{}
	taken := map[[2]int]bool{}
	noted := map[string]bool{}
	var chains [nRoles][]int
	for _, f := range all {
		if f.face.source == "跳过" {
			if !noted[f.face.Name] {
				noted[f.face.Name] = true
				s.notes = append(s.notes, f.face.Name)
			}
			continue
		}
		if taken[[2]int{f.ri, f.rank}] {
			continue
		}
		taken[[2]int{f.ri, f.rank}] = true
		i, ok := slotOf[f.face.Path]
		if !ok {
			face := f.face
			face.source = "系统"
			s.slots = append(s.slots, &slot{face: face})
			i = len(s.slots) - 1
			slotOf[f.face.Path] = i
		}
		if f.ri == 0 && wanted[0][f.rank].heavy {
			s.slots[i].face.Heavy = true
		}
		chains[f.ri] = append(chains[f.ri], i)
		s.notes = append(s.notes, "找到 "+roleNames[f.ri]+"字体："+displayName(&s.slots[i].face)+"（"+f.face.Path+"）")
	}
	for ri := range chains {
		if len(chains[ri]) > 0 {
			s.chains[ri] = append(chains[ri], s.chains[ri]...)
		}
	}
	if time.Now().After(deadline) || len(files) >= o.maxFiles {
		s.notes = append(s.notes, "字体搜索达到上限（文件数或时间），可能有字体没有找到；可用 -font 角色=文件 指定")
	}
	return s
}

// regularStyle tells whether a subfamily name is an upright regular weight.
func regularStyle(style string) bool {
	l := strings.ToLower(style)
	for _, k := range []string{"bold", "italic", "oblique", "light", "thin", "粗", "斜"} {
		if strings.Contains(l, k) {
			return false
		}
	}
	return true
}

func displayName(f *Face) string {
	if f.FamilyZH != "" {
		return f.FamilyZH
	}
	return f.Family
}

// scanFile reads the name tables of the faces of one font file and returns
// the faces that serve a role. A matching face with CFF outlines, or one
// whose cmap fpdf cannot read, comes back marked source "跳过" with a note
// in Name.
func scanFile(path string) []found {
	fh, _, err := openFont(path)
	if err != nil {
		return nil // not a regular file, or too large: not a font to use
	}
	defer fh.Close()
	offs, coll, _, err := faceOffsets(fh)
	if err != nil {
		return nil
	}
	var out []found
	idx := wantIndex()
	for fi, off := range offs {
		d, err := readDir(fh, off)
		if err != nil {
			continue
		}
		recs, err := readNames(fh, d)
		if err != nil {
			continue
		}
		n := namesOf(recs)
		if !regularStyle(n.Style) {
			continue // timesbd.ttf is also “Times New Roman”: take the regular face
		}
		var hits [][2]int
		seen := map[[2]int]bool{}
		for _, name := range n.All {
			for _, h := range idx[normName(name)] {
				if !seen[h] {
					seen[h] = true
					hits = append(hits, h)
				}
			}
		}
		if len(hits) == 0 {
			continue
		}
		face := Face{Name: n.Full, Family: n.Family, FamilyZH: n.FamilyZH, Path: path, Index: fi, file: path}
		if coll {
			face.Path = path + "#" + strconv.Itoa(fi)
		}
		skip := ""
		switch d.outline() {
		case "glyf":
			if ct, ok := d.table("cmap"); !ok || ct.len > 16<<20 {
				skip = "没有字符映射表"
			} else if cm, err := readAt(fh, int64(ct.off), int(ct.len)); err != nil || !fpdfCmapOK(cmapEntries(cm)) {
				skip = "没有 fpdf 能读的 Unicode 字符映射表（cmap 格式 4）"
			}
		case "cff":
			skip = "是 CFF 轮廓，fpdf 只能嵌入 TrueType（glyf）轮廓"
		default:
			skip = "没有字形轮廓"
		}
		for _, h := range hits {
			f := found{face: face, ri: h[0], rank: h[1]}
			if skip != "" {
				f.face.source = "跳过"
				f.face.Name = "跳过 " + displayName(&face) + "（" + face.Path + "）：" + skip
			}
			out = append(out, f)
		}
	}
	return out
}
