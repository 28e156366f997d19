//go:build unix

package fonts

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	bundled "briefing/fonts"
	"briefing/internal/oserr"
	"briefing/internal/typeset"
)

// allowedWords are the Latin words a font message may hold besides file
// names: the names of formats and tools, and the -font option.
var allowedWords = map[string]bool{"TrueType": true, "OpenType": true, "ttf": true, "otf": true, "ttc": true, "font": true,
	"WOFF": true, "CFF": true, "PostScript": true, "fpdf": true, "glyf": true, "loca": true, "cmap": true, "PDF": true, "MB": true}

// badLoca is the song font with a glyph index that points beyond its glyph
// table: the file is whole, its contents are not.
func badLoca(t *testing.T) []byte {
	data := bundled.Song()
	d, err := readDir(bytesReaderAt(data), 0)
	if err != nil {
		t.Fatal(err)
	}
	lt, _ := d.table("loca")
	loca := append([]byte(nil), data[lt.off:lt.off+lt.len]...)
	for i := len(loca) / 2; i < len(loca); i++ {
		loca[i] = 0xFF
	}
	return withTables(t, data, map[string][]byte{"loca": loca})
}

// TestOverrideFiles: a font file that is missing, cut short, corrupt, empty,
// a directory, a FIFO, a device, a loop of links or too large is refused at
// once with a Chinese message that names it once and says what to do.
func TestOverrideFiles(t *testing.T) {
	dir := t.TempDir()
	song := bundled.Song()
	half := writeFile(t, dir, "半个.ttf", song[:len(song)/2])
	tail := writeFile(t, dir, "缺尾.ttf", song[:len(song)-100])
	head := writeFile(t, dir, "只有开头.ttf", song[:5000])
	ttc := writeFile(t, dir, "字体集.ttc", makeTTC(t, song, bundled.Kai()))
	ttcCut := writeFile(t, dir, "半个字体集.ttc", readFile(t, ttc)[:len(readFile(t, ttc))*3/4])
	loca := writeFile(t, dir, "坏索引.ttf", badLoca(t))
	empty := writeFile(t, dir, "空.ttf", nil)
	fifo := filepath.Join(dir, "管道.ttf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "太大.ttf")
	if err := os.WriteFile(big, song, 0o644); err != nil || os.Truncate(big, MaxFileSize+1) != nil {
		t.Fatal("cannot make a large file")
	}
	loop := filepath.Join(dir, "循环.ttf")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	cases := []struct{ file, want string }{
		{half, "字体文件 " + half + " 已损坏或不完整（无法读取字形表），请换一个字体文件或不用 -font"},
		{tail, "字体文件 " + tail + " 已损坏或不完整（无法读取字形表），请换一个字体文件或不用 -font"},
		{head, "字体文件 " + head + " 已损坏或不完整（无法读取字形表），请换一个字体文件或不用 -font"},
		{ttcCut + "#1", "字体文件 " + ttcCut + " 已损坏或不完整（无法读取字形表）"},
		{loca, "字体文件 " + loca + " 已损坏或不完整（无法读取字形表）"},
		{empty, "字体文件 " + empty + " 是空的（0 字节），请换一个字体文件或不用 -font"},
		{dir, "字体文件 " + dir + " 是一个目录，请指定目录中的一个字体文件"},
		{fifo, "字体文件 " + fifo + " 不是普通文件（而是设备、管道之类）"},
		{"/dev/zero", "字体文件 /dev/zero 不是普通文件"},
		{big, "字体文件 " + big + " 有 64 MB，超过了 64 MB 的上限，请换一个字体文件"},
		{loop, "无法读取字体文件 " + loop + "：它是一个循环指向自己的链接"},
		{filepath.Join(dir, "没有", "仿宋.ttf"), "找不到字体文件 " + filepath.Join(dir, "没有", "仿宋.ttf") + "：其中的目录 " + filepath.Join(dir, "没有") + " 不存在"},
		{filepath.Join(dir, "仿宋.ttf"), "找不到字体文件 " + filepath.Join(dir, "仿宋.ttf") + "：没有这个文件，请检查文件名和位置"},
		{filepath.Join(dir, "a\nb.ttf"), `找不到字体文件 ` + filepath.Join(dir, `a\nb.ttf`)},
		{filepath.Join(dir, "a\x00b.ttf"), `无法读取字体文件 ` + filepath.Join(dir, `a\x00b.ttf`) + "：名字中有系统不允许的字符"},
	}
	for _, c := range cases {
		start := time.Now()
		err := Bundled().Override(typeset.RoleBody, c.file)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s took %v", c.file, d)
		}
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("%s: %v\nwant %s", c.file, err, c.want)
			continue
		}
		checkMessage(t, err.Error(), c.file, dir)
	}
}

// checkMessage holds a message to the rules: the file named once, no
// English beyond format names, no control character unescaped.
func checkMessage(t *testing.T, msg, file, dir string) {
	t.Helper()
	file, _, _ = strings.Cut(file, "#")
	if strings.Count(msg, oserr.Path(file)) != 1 {
		t.Errorf("%q names %s other than once", msg, file)
	}
	rest := strings.ReplaceAll(strings.ReplaceAll(msg, oserr.Path(file), ""), dir, "")
	for _, w := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(rest, -1) {
		if !allowedWords[w] {
			t.Errorf("English %q in %q", w, msg)
		}
	}
	if oserr.HasControl(msg) {
		t.Errorf("control characters in %q", msg)
	}
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestSystemSkipsFIFO: font discovery does not hang on a FIFO named like a
// font, nor read a file over the size limit.
func TestSystemSkipsFIFO(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "simfang.ttf"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan *Set)
	go func() { done <- System(WithRoots(dir)) }()
	select {
	case s := <-done:
		if !s.Roles()[1].Bundled {
			t.Error("a FIFO was taken for a font")
		}
	case <-time.After(5 * time.Second):
		t.Fatal("System hangs on a FIFO")
	}
}

// TestReadFontFileBounded: loading a face reads at most MaxFileSize.
func TestReadFontFileBounded(t *testing.T) {
	big := filepath.Join(t.TempDir(), "big.ttf")
	if err := os.WriteFile(big, nil, 0o644); err != nil || os.Truncate(big, MaxFileSize+1) != nil {
		t.Fatal("cannot make a large file")
	}
	if _, err := loadFile(big, 0); err == nil || !strings.Contains(err.Error(), "上限") {
		t.Errorf("error %v", err)
	}
}
