// Package fonts holds the fonts that briefing bundles, so that a report can
// be made on a machine with no Chinese fonts installed. The files are
// produced by build.sh from Debian's font packages (see README.md) and
// embedded in the binary.
//
// The byte slices returned here are shared, read-only by convention: do not
// modify them.
package fonts

import (
	"embed"
	"io/fs"
)

// File names of the bundled fonts.
const (
	SongFile  = "gbsn00lp.ttf"                // AR PL SungtiL GB: 正文 (for 仿宋), 页码, 标题 (emboldened, for 小标宋)
	KaiFile   = "gkai00mp.ttf"                // AR PL KaitiM GB: 楷体
	HeiFile   = "wqy-microhei.ttf"            // WenQuanYi Micro Hei: 黑体
	LatinFile = "LiberationSerif-Regular.ttf" // Liberation Serif: 西文与数字 (for Times New Roman)
)

var (
	//go:embed gbsn00lp.ttf
	song []byte
	//go:embed gkai00mp.ttf
	kai []byte
	//go:embed wqy-microhei.ttf
	hei []byte
	//go:embed LiberationSerif-Regular.ttf
	latin []byte

	//go:embed *.LICENSE.txt README.md
	docs embed.FS
)

// Song returns the bundled Song (宋体) font file.
func Song() []byte { return song }

// Kai returns the bundled Kai (楷体) font file.
func Kai() []byte { return kai }

// Hei returns the bundled Hei (黑体) font file.
func Hei() []byte { return hei }

// Latin returns the bundled Latin serif font file.
func Latin() []byte { return latin }

// Files lists the bundled font files, in the order of the constants above.
func Files() []string { return []string{SongFile, KaiFile, HeiFile, LatinFile} }

// Bytes returns the bundled font file called name, or nil.
func Bytes(name string) []byte {
	switch name {
	case SongFile:
		return song
	case KaiFile:
		return kai
	case HeiFile:
		return hei
	case LatinFile:
		return latin
	}
	return nil
}

var licenseFile = map[string]string{
	SongFile:  "gbsn00lp.LICENSE.txt",
	KaiFile:   "gkai00mp.LICENSE.txt",
	HeiFile:   "wqy-microhei.LICENSE.txt",
	LatinFile: "LiberationSerif.LICENSE.txt",
}

// License returns the licence text (Debian's copyright file) of the bundled
// font file called name.
func License(name string) ([]byte, error) {
	f, ok := licenseFile[name]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return docs.ReadFile(f)
}

// README returns fonts/README.md: where each bundled font comes from and how
// it was trimmed.
func README() []byte {
	b, _ := docs.ReadFile("README.md")
	return b
}
