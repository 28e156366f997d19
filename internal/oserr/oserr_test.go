package oserr

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"testing"
)

// english finds words of Latin letters in a message, other than PDF and
// HTML, once the given paths (longest first) are taken out of it.
func english(msg string, paths ...string) []string {
	sort.Slice(paths, func(i, j int) bool { return len(paths[i]) > len(paths[j]) })
	for _, p := range paths {
		msg = strings.ReplaceAll(msg, Path(p), "")
	}
	var words []string
	for _, w := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(msg, -1) {
		if w != "PDF" && w != "HTML" {
			words = append(words, w)
		}
	}
	return words
}

// TestMessage: each error of the system comes out as a Chinese reason and
// advice, naming the user's file once and never the temporary file of the
// error.
func TestMessage(t *testing.T) {
	const out = "out/情况汇报.pdf"
	tmp := &fs.PathError{Op: "write", Path: "out/.情况汇报.pdf.123.tmp"}
	cases := []struct {
		op   string
		err  error
		want []string
	}{
		{Write, syscall.ENOSPC, []string{"磁盘已满", "腾出磁盘空间"}},
		{Write, syscall.EDQUOT, []string{"磁盘已满"}},
		{Write, syscall.EROFS, []string{"只读", "换一个可以写入的位置"}},
		{Write, syscall.EACCES, []string{"没有写入的权限", "其他程序中打开", "-o"}},
		{Write, syscall.EPERM, []string{"没有写入的权限"}},
		{Read, syscall.EACCES, []string{"没有读取的权限", "复制到自己的文件夹"}},
		{CreateDir, syscall.EACCES, []string{"没有在这里创建目录的权限"}},
		{Write, syscall.ENAMETOOLONG, []string{"名字太长", "255 个字节"}},
		{Write, syscall.EISDIR, []string{"是一个目录", "移走或改名"}},
		{Read, syscall.EISDIR, []string{"是一个目录", "指定目录中的文件"}},
		{Replace, syscall.EBUSY, []string{"正被其他程序使用", "关闭"}},
		{Write, syscall.EIO, []string{"读写磁盘时出错"}},
		{Write, syscall.ENODEV, []string{"设备没有准备好"}},
		{Read, syscall.EMFILE, []string{"打开的文件太多"}},
		{Write, syscall.EFBIG, []string{"文件太大"}},
		{Read, syscall.EINVAL, []string{"系统不允许的字符"}},
		{Read, io.ErrUnexpectedEOF, []string{"不完整"}},
		{Write, syscall.Errno(9999), []string{"代码 9999"}},
		{Write, errors.New("some English text"), []string{"原因不明"}},
		{Write, fs.ErrPermission, []string{"没有写入的权限"}},
	}
	for _, c := range cases {
		e := *tmp
		e.Err = c.err
		err := fmt.Errorf("wrapped: %w", &e)
		msg := Message(c.op, out, err)
		if !strings.HasPrefix(msg, "无法"+c.op+" "+out+"：") {
			t.Errorf("%v: %q does not begin with the operation and the file", c.err, msg)
		}
		for _, w := range c.want {
			if !strings.Contains(msg, w) {
				t.Errorf("%v: %q does not say %q", c.err, msg, w)
			}
		}
		if strings.Count(msg, out) != 1 || strings.Contains(msg, ".tmp") {
			t.Errorf("%v: %q names the file other than once", c.err, msg)
		}
		if w := english(msg, out); len(w) > 0 {
			t.Errorf("%v: English %v in %q", c.err, w, msg)
		}
	}
}

// TestPlace: an error about where a file is names the part of the path that
// is the cause: a file where a directory should be, a missing directory, a
// link to nothing, a loop of links.
func TestPlace(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "报告.txt")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	loop := filepath.Join(dir, "loop")
	dangling := filepath.Join(dir, "dangling")
	if err := os.Symlink(loop, loop); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), dangling); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		op, path string
		err      error
		want     string
	}{
		{CreateDir, filepath.Join(file, "out"), syscall.ENOTDIR, "其中的 " + file + " 是一个文件，不是目录"},
		{CreateDir, file, syscall.EEXIST, "已有一个同名的文件，它不是目录"},
		{CreateDir, filepath.Join(loop, "out"), syscall.ELOOP, "其中的 " + loop + " 是一个循环指向自己的链接"},
		{CreateDir, loop, syscall.EEXIST, "它是一个循环指向自己的链接"},
		{CreateDir, dangling, syscall.EEXIST, "指向的位置不存在"},
		{Read, filepath.Join(dir, "a", "b.xlsx"), syscall.ENOENT, "其中的目录 " + filepath.Join(dir, "a") + " 不存在"},
		{Read, filepath.Join(dir, "b.xlsx"), syscall.ENOENT, "没有这个文件，请检查文件名和位置"},
		{Write, filepath.Join(file, "x.pdf"), syscall.ENOTDIR, "其中的 " + file + " 是一个文件"},
	}
	for _, c := range cases {
		msg := Message(c.op, c.path, &fs.PathError{Op: "mkdir", Path: c.path, Err: c.err})
		if !strings.Contains(msg, c.want) {
			t.Errorf("%s %s: %q does not say %q", c.op, c.path, msg, c.want)
		}
		if strings.Count(msg, c.path) != 1 {
			t.Errorf("%q names %s other than once", msg, c.path)
		}
		if w := english(msg, c.path, dir, file, loop, dangling); len(w) > 0 {
			t.Errorf("English %v in %q", w, msg)
		}
	}
}

// TestPath: control characters are escaped, a long path is shortened in
// the middle and keeps its end.
func TestPath(t *testing.T) {
	long := "/home/文秘/" + strings.Repeat("很长的目录名", 30) + "/情况汇报.pdf"
	cases := []struct{ in, want string }{
		{"out/情况汇报.pdf", "out/情况汇报.pdf"},
		{"a\x00b", `a\x00b`},
		{"a\nb\tc\rd", `a\nb\tc\rd`},
		{"a\x1bb\x7f", `a\x1bb\x7f`},
		{"bad\xffutf8", `bad\xffutf8`},
		{"a\u2028b\u0085c", `a\u2028b\u0085c`},
		{`C:\Users\文秘\out`, `C:\Users\文秘\out`},
	}
	for _, c := range cases {
		if got := Path(c.in); got != c.want {
			t.Errorf("Path(%q) = %q, want %q", c.in, got, c.want)
		}
		if HasControl(c.in) != (c.in != c.want) {
			t.Errorf("HasControl(%q) = %v", c.in, HasControl(c.in))
		}
	}
	got := Path(long)
	if n := len([]rune(got)); n != MaxShown || !strings.HasPrefix(got, "/home/文秘/很长") ||
		!strings.HasSuffix(got, "/情况汇报.pdf") || !strings.Contains(got, "…") {
		t.Errorf("Path(long) = %q (%d characters)", got, n)
	}
	if got := Path(strings.Repeat("\x00", 100)); !strings.HasPrefix(got, `\x00`) || strings.Count(got, `\x00`) != MaxShown-1 {
		t.Errorf("a long run of NULs: %q", got)
	}
}

// TestError: an *Error says Message and unwraps to the system's error.
func TestError(t *testing.T) {
	if New(Write, "a", nil) != nil {
		t.Error("New of nil is not nil")
	}
	err := fmt.Errorf("x: %w", New(Write, "out/a.pdf", &fs.PathError{Op: "write", Path: "/tmp/t", Err: syscall.ENOSPC}))
	if !errors.Is(err, syscall.ENOSPC) || !Is(err) || Is(errors.New("x")) {
		t.Errorf("unwrap: %v", err)
	}
	if !strings.Contains(err.Error(), "无法写入 out/a.pdf：磁盘已满") {
		t.Errorf("Error() = %q", err)
	}
}
