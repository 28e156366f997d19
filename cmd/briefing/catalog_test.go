//go:build unix

package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefing/internal/oserr"
)

// invocation is what one case of the catalog runs: briefing's arguments, extra
// environment, and what its messages must say.
type invocation struct {
	args []string
	env  []string
	want []string
}

// catalogCase is a way the file system, the output directory, the fonts,
// the command line or a signal can go wrong, and what briefing must do.
type catalogCase struct {
	name  string
	setup func(t *testing.T, root string) invocation
	pause string           // for a signal: where the build waits for it
	sigs  []syscall.Signal // sent, in order, once the build waits
	code  int
}

// outArgs builds the sample into root/out with the bundled fonts, plus
// more arguments.
func outArgs(root string, more ...string) []string {
	return append([]string{"build", "-bundled-fonts", "-o", filepath.Join(root, "out")}, more...)
}

// mkfile writes a file and returns its path.
func mkfile(t *testing.T, path string, data []byte) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// oldOutputs puts an earlier build's outputs into root/out.
func oldOutputs(t *testing.T, root string) {
	for _, n := range []string{"情况汇报.pdf", "情况汇报.html"} {
		mkfile(t, filepath.Join(root, "out", n), []byte("上一次的 "+n))
	}
}

// bundledSong is the bundled Song font, the source of broken fonts.
func bundledSong(t *testing.T) []byte {
	data, err := os.ReadFile(filepath.Join("..", "..", "fonts", "gbsn00lp.ttf"))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// fontCase gives -font body=FILE, with FILE made by mk in root.
func fontCase(mk func(t *testing.T, root string) string, want ...string) func(*testing.T, string) invocation {
	return func(t *testing.T, root string) invocation {
		f := mk(t, root)
		return invocation{args: outArgs(root, "-font", "body="+f), want: append([]string{oserr.Path(f)}, want...)}
	}
}

// signalCase interrupts a build of the sample at pause with sigs.
func signalCase(name, pause string, old bool, code int, want string, sigs ...syscall.Signal) catalogCase {
	return catalogCase{name: name, pause: pause, sigs: sigs, code: code, setup: func(t *testing.T, root string) invocation {
		if old {
			oldOutputs(t, root)
		}
		return invocation{args: outArgs(root, "-format", "pdf,html,txt"), want: []string{want}}
	}}
}

var catalog = []catalogCase{
	// The output directory.
	{name: "输出目录是一个文件", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		out := mkfile(t, filepath.Join(root, "out"), []byte("x"))
		return invocation{args: outArgs(root), want: []string{"无法创建输出目录 " + out + "：已有一个同名的文件，它不是目录"}}
	}},
	{name: "输出目录在一个文件之下", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		f := mkfile(t, filepath.Join(root, "文件"), []byte("x"))
		return invocation{args: []string{"build", "-bundled-fonts", "-o", filepath.Join(f, "out")}, want: []string{"其中的 " + f + " 是一个文件，不是目录"}}
	}},
	{name: "输出目录只读", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		if os.Geteuid() == 0 {
			t.Skip("root writes anywhere; package oserr tests the message")
		}
		os.Mkdir(filepath.Join(root, "out"), 0o555)
		return invocation{args: outArgs(root), want: []string{"没有写入的权限"}}
	}},
	{name: "磁盘已满", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		needFile(t, "/dev/full")
		return invocation{args: outArgs(root), env: []string{"BRIEFING_TEST_DISK=full"},
			want: []string{"无法写入 " + filepath.Join(root, "out", "情况汇报.pdf") + "：磁盘已满", "没有写出任何文件"}}
	}},
	{name: "磁盘已满，原有文件不变", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		needFile(t, "/dev/full")
		oldOutputs(t, root)
		return invocation{args: outArgs(root), env: []string{"BRIEFING_TEST_DISK=full"}, want: []string{"磁盘已满"}}
	}},
	{name: "目录名太长", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-bundled-fonts", "-o", filepath.Join(root, strings.Repeat("长", 100))}, want: []string{"名字太长", "…"}}
	}},
	{name: "上级目录不存在（一并创建）", code: exitOK, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-bundled-fonts", "-o", filepath.Join(root, "新", "的", "目录")}, want: []string{"已生成 " + filepath.Join(root, "新", "的", "目录", "情况汇报.pdf")}}
	}},
	{name: "输出目录是循环链接", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		loop := filepath.Join(root, "out")
		os.Symlink(loop, loop)
		return invocation{args: outArgs(root), want: []string{"无法创建输出目录 " + loop + "：它是一个循环指向自己的链接"}}
	}},
	{name: "输出目录在循环链接之下", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		loop := filepath.Join(root, "环")
		os.Symlink(loop, loop)
		return invocation{args: []string{"build", "-bundled-fonts", "-o", filepath.Join(loop, "out")}, want: []string{"其中的 " + loop + " 是一个循环指向自己的链接"}}
	}},
	{name: "输出目录是指向不存在位置的链接", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		os.Symlink(filepath.Join(root, "没有"), filepath.Join(root, "out"))
		return invocation{args: outArgs(root), want: []string{"指向的位置不存在"}}
	}},
	{name: "-o 中有换行", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-o", filepath.Join(root, "a\nb")}, want: []string{`a\nb`, "控制字符"}}
	}},
	{name: "-o 中有 ESC", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-o", filepath.Join(root, "a\x1bb")}, want: []string{`a\x1bb`, "控制字符"}}
	}},
	{name: "-o 是设备 /dev/full", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		needFile(t, "/dev/full")
		return invocation{args: []string{"build", "-bundled-fonts", "-o", "/dev/full"}, want: []string{"无法创建输出目录 /dev/full：已有一个同名的文件，它不是目录"}}
	}},
	{name: "-o 是 /dev/null 之下", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-bundled-fonts", "-o", "/dev/null/out"}, want: []string{"其中的 /dev/null 是一个文件，不是目录"}}
	}},
	{name: "HTML 的位置上有一个目录", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		html := filepath.Join(root, "out", "情况汇报.html")
		os.MkdirAll(html, 0o755)
		return invocation{args: outArgs(root), want: []string{"无法写出 " + html + "：它是一个目录，不是文件", "没有写出任何文件"}}
	}},
	{name: "HTML 的位置上有一个目录，原有的 PDF 不变", code: exitWrite, setup: func(t *testing.T, root string) invocation {
		oldOutputs(t, root)
		html := filepath.Join(root, "out", "情况汇报.html")
		os.Remove(html)
		os.MkdirAll(filepath.Join(html, "里面"), 0o755)
		return invocation{args: outArgs(root), want: []string{"无法写出 " + html + "：它是一个目录"}}
	}},
	{name: "原有的输出被替换", code: exitOK, setup: func(t *testing.T, root string) invocation {
		oldOutputs(t, root)
		return invocation{args: outArgs(root), want: []string{"已生成", "情况汇报.html"}}
	}},

	// Fonts given with -font.
	{name: "字体文件不存在", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		return filepath.Join(root, "仿宋.ttf")
	}, "找不到字体文件")},
	{name: "字体文件所在目录不存在", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		return filepath.Join(root, "字体", "仿宋.ttf")
	}, "其中的目录", "不存在")},
	{name: "字体文件被截断", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		song := bundledSong(t)
		return mkfile(t, filepath.Join(root, "截断.ttf"), song[:len(song)*2/3])
	}, "已损坏或不完整（无法读取字形表），请换一个字体文件或不用 -font")},
	{name: "字体文件只有开头", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		return mkfile(t, filepath.Join(root, "开头.ttf"), bundledSong(t)[:4096])
	}, "已损坏或不完整")},
	{name: "字体文件是空的", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		return mkfile(t, filepath.Join(root, "空.ttf"), nil)
	}, "是空的")},
	{name: "字体文件不是字体", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		return mkfile(t, filepath.Join(root, "说明.ttf"), []byte("这不是字体"))
	}, "不是 TrueType/OpenType 字体文件")},
	{name: "字体文件是目录", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		os.Mkdir(filepath.Join(root, "字体"), 0o755)
		return filepath.Join(root, "字体")
	}, "是一个目录")},
	{name: "字体文件是管道", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		p := filepath.Join(root, "管道.ttf")
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}, "不是普通文件")},
	{name: "字体文件是 /dev/zero", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		needFile(t, "/dev/zero")
		return "/dev/zero"
	}, "不是普通文件")},
	{name: "字体文件超过 64 MB", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		p := mkfile(t, filepath.Join(root, "大.ttf"), bundledSong(t))
		if err := os.Truncate(p, 65<<20); err != nil {
			t.Fatal(err)
		}
		return p
	}, "超过了 64 MB 的上限")},
	{name: "字体文件是循环链接", code: exitProblem, setup: fontCase(func(t *testing.T, root string) string {
		p := filepath.Join(root, "环.ttf")
		os.Symlink(p, p)
		return p
	}, "循环指向自己的链接")},
	{name: "字体文件不是字体集却写了序号", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		f := mkfile(t, filepath.Join(root, "宋体.ttf"), bundledSong(t))
		return invocation{args: outArgs(root, "-font", "body="+f+"#2"), want: []string{oserr.Path(f), "不是字体集"}}
	}},
	{name: "-font 缺少等号", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-font", "仿宋.ttf"), want: []string{"角色=字体文件", "仿宋.ttf"}}
	}},
	{name: "-font 的角色不认识", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-font", "旁注=仿宋.ttf"), want: []string{"未知的字体角色“旁注”"}}
	}},
	{name: "-font 的角色中有控制字符", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-font", "正\x07文=仿宋.ttf"), want: []string{`正\x07文`}}
	}},

	// The command line and the workbook.
	{name: "-format 不认识", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-format", "doc"), want: []string{"不认识的输出格式“doc”"}}
	}},
	{name: "-format 为空", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-format", ","), want: []string{"没有指定输出格式"}}
	}},
	{name: "-format 中有控制字符", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-format", "pdf\x1b[31m"), want: []string{`pdf\x1b[31m`}}
	}},
	{name: "不认识的选项", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-colour"), want: []string{"不认识的选项 -colour"}}
	}},
	{name: "选项中有控制字符", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-\x1b"), want: []string{`不认识的选项 -\x1b`}}
	}},
	{name: "两个报告", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "情况汇报", "经济运行"), want: []string{"多余的参数：经济运行"}}
	}},
	{name: "-o 缺少值", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"build", "-o"}, want: []string{"选项 -o 后面需要一个值"}}
	}},
	{name: "不认识的命令", code: exitUsage, setup: func(t *testing.T, root string) invocation {
		return invocation{args: []string{"buidl\x00"[:5]}, want: []string{"不认识的命令“buidl”"}}
	}},
	{name: "-data 是没有 CSV 文件的目录", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		d := filepath.Join(root, "数据")
		os.Mkdir(d, 0o755)
		return invocation{args: outArgs(root, "-data", d), want: []string{d, "没有 .csv 文件"}}
	}},
	{name: "-data 不存在", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		return invocation{args: outArgs(root, "-data", filepath.Join(root, "没有.xlsx")), want: []string{"没有.xlsx"}}
	}},

	// Signals while the outputs are written.
	signalCase("SIGINT 在写出之前", "start", false, exitInterrupt, "已中断：没有写出任何文件", syscall.SIGINT),
	signalCase("SIGINT 在写临时文件之间", "temp", false, exitInterrupt, "已中断：没有写出任何文件", syscall.SIGINT),
	signalCase("SIGINT 在改名之前", "written", false, exitInterrupt, "已中断：没有写出任何文件", syscall.SIGINT),
	signalCase("SIGINT 在替换了 PDF 之后", "replaced", false, exitInterrupt, "已中断：没有写出任何文件", syscall.SIGINT),
	signalCase("SIGINT 在替换了原有的 PDF 之后", "replaced", true, exitInterrupt, "已中断：没有写出任何文件", syscall.SIGINT),
	signalCase("SIGTERM 在写临时文件之间", "temp", false, exitTerminate, "已中断：没有写出任何文件", syscall.SIGTERM),
	signalCase("SIGTERM 在替换了原有的 PDF 之后", "replaced", true, exitTerminate, "已中断：没有写出任何文件", syscall.SIGTERM),
	signalCase("两次 SIGINT：写文件时立即结束", "writing", true, exitInterrupt, "已强行中断", syscall.SIGINT, syscall.SIGINT),
	signalCase("SIGINT 后再 SIGTERM", "writing", false, exitTerminate, "已强行中断", syscall.SIGINT, syscall.SIGTERM),
}

// needFile skips a case on a system without the file.
func needFile(t *testing.T, path string) {
	if _, err := os.Stat(path); err != nil {
		t.Skip("no " + path + " here")
	}
}

// TestCatalog runs each case of the catalog as a real process and checks
// its exit status, that its message names the place in Chinese, without
// English other than file names, without control characters and without a
// trace of Go, and that a failed or interrupted run leaves every file as it
// was (a run that succeeds adds only its outputs).
func TestCatalog(t *testing.T) {
	if len(catalog) < 30 {
		t.Errorf("the catalog has %d cases", len(catalog))
	}
	for _, c := range catalog {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			root := t.TempDir()
			r := c.setup(t, root)
			before := tree(t, root)
			code, stdout, stderr := c.run(t, r)
			if code != c.code {
				t.Errorf("exit %d, want %d\n%s%s", code, c.code, stdout, stderr)
			}
			checkSays(t, stdout+stderr, r)
			checkClean(t, stderr, root, r.args)
			checkFiles(t, before, tree(t, root), code == exitOK)
		})
	}
}

// run runs the case: to its end, or, for a signal, paused and signalled.
func (c catalogCase) run(t *testing.T, r invocation) (int, string, string) {
	if c.pause == "" {
		return runProc(t, r.env, r.args...)
	}
	p := start(t, r.env, c.pause, r.args...)
	for _, s := range c.sigs {
		if err := p.cmd.Process.Signal(s); err != nil {
			t.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond)
	}
	code := p.wait(t)
	return code, p.stdout.String(), p.stderr.String()
}

// checkSays checks that the output says what the case wants.
func checkSays(t *testing.T, out string, r invocation) {
	t.Helper()
	for _, w := range r.want {
		if !strings.Contains(out, w) {
			t.Errorf("output does not say %q:\n%s", w, out)
		}
	}
}

// allowed are the Latin words a message may hold besides the names of
// files and options: formats, font technology, the roles of -font, the
// program's commands and folders, the template language's range.
var allowed = map[string]bool{"PDF": true, "HTML": true, "TrueType": true, "OpenType": true, "ttf": true, "otf": true,
	"ttc": true, "csv": true, "xlsx": true, "pdf": true, "html": true, "txt": true, "docx": true, "Word": true, "tmp": true, "MB": true, "GB": true,
	"title": true, "body": true, "hei": true, "kai": true, "folio": true, "latin": true, "out": true, "templates": true,
	"sections": true, "samples": true, "range": true,
	"briefing": true, "build": true, "check": true, "figures": true, "fonts": true, "version": true, "json": true,
	"Excel": true, "Ctrl": true, "SIGTERM": true, "diff": true, "manifest": true, "JSON": true, "serve": true, "init": true}

// namesRE finds what a message shows of files and options: a path (from
// “/”), an option (from “-”), an extension.
var namesRE = regexp.MustCompile(`[/\-.][^\s：，。；、（）“”]*`)

// checkClean checks a message for English other than the names of files
// and options and what the user typed (args), for control characters and
// for traces of Go.
func checkClean(t *testing.T, msg, root string, args []string) {
	t.Helper()
	rest := strings.ReplaceAll(msg, root, "")
	for _, a := range args {
		if len(a) > 1 {
			rest = strings.ReplaceAll(rest, oserr.Escape(a), "")
		}
	}
	rest = namesRE.ReplaceAllString(rest, "")
	for _, w := range regexp.MustCompile(`[A-Za-z]{2,}`).FindAllString(rest, -1) {
		if !allowed[w] {
			t.Errorf("English word %q in %q", w, msg)
		}
	}
	for _, line := range strings.Split(msg, "\n") {
		if oserr.HasControl(line) {
			t.Errorf("control characters in %q", line)
		}
	}
	for _, trace := range []string{"panic", "goroutine", ".go:", "runtime"} {
		if strings.Contains(msg, trace) {
			t.Errorf("a trace of Go (%s) in %q", trace, msg)
		}
	}
}

// checkFiles checks that a run left the files as they were; a run that
// succeeded may only have added its outputs and replaced the old ones.
func checkFiles(t *testing.T, before, after []string, ok bool) {
	t.Helper()
	if l := leftovers(after); len(l) > 0 {
		t.Errorf("temporary or backup files left: %v", l)
	}
	if ok {
		for _, a := range after {
			if !strings.HasSuffix(strings.Fields(a)[0], "/") && !regexp.MustCompile(`情况汇报\.(pdf|html) `).MatchString(a) && !contains(before, a) {
				t.Errorf("a successful run wrote %s", a)
			}
		}
		return
	}
	if strings.Join(before, "\n") != strings.Join(after, "\n") {
		t.Errorf("files changed:\nbefore %v\nafter  %v", before, after)
	}
}

func contains(list []string, s string) bool {
	for _, l := range list {
		if l == s {
			return true
		}
	}
	return false
}
