// Command briefing fills Chinese report templates with the figures of an
// Excel workbook and writes the report as a 公文 PDF (GB/T 9704-2012) and a
// self-contained HTML page.
//
//	briefing build [-data 工作簿] [-o 目录] [-format pdf,html] [报告]
//	briefing build -data 文件夹 [-name {县名}] [-j N] [报告]
//	briefing check [-data 工作簿] [报告]
//	briefing figures [-data 工作簿] [-json] [报告]
//	briefing fonts [-font 角色=文件]...
//	briefing serve [-addr 127.0.0.1:端口] [工作区]
//	briefing diff [-report 报告] [-json] [-exit-code] [-all] 旧 新
//	briefing init [-from 报告类型] 名称
//
// Exit status: 0 success, 1 a problem in the report, workbook, templates or
// fonts, 2 wrong usage, 3 an output file could not be written, 4 an
// internal error, 130 and 143 a build interrupted by Ctrl+C (SIGINT) or
// SIGTERM, which writes nothing.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"briefing/internal/build"
	"briefing/internal/oserr"
	_ "briefing/internal/pacing" // the collector's pace, set before the libraries initialise
)

// Exit codes.
const (
	exitOK       = 0
	exitProblem  = 1
	exitUsage    = 2
	exitWrite    = 3
	exitInternal = 4
)

const version = "0.1.0"

func main() {
	// The collector's pace is set by package pacing, before the other
	// packages initialise.
	restore := setupConsole()
	args := os.Args[1:]
	if len(args) == 0 && doubleClicked() {
		// briefing.exe double-clicked in Explorer: the clerk's web page,
		// with the folder it lies in as the workspace.
		args = []string{"serve", doubleClickWorkspace()}
	}
	code := run(args, os.Stdout, os.Stderr)
	restore()
	os.Exit(code)
}

const usage = `briefing —— 把工作簿（Excel）中的数据填入中文报告模板，生成公文格式的 PDF 和 HTML。

用法：
  briefing build   [-data 工作簿] [-o 目录] [-format pdf,html] [报告]   生成报告
  briefing build   -data 文件夹或通配符 [-name {县名}] [-j N] [报告]    每个工作簿生成一份报告
  briefing check   [-data 工作簿] [报告]                              只检查，不写文件
  briefing figures [-data 工作簿] [-json] [报告]                      列出从工作簿读到的数据
  briefing fonts   [-font 角色=字体文件]...                           列出各角色使用的字体
  briefing serve   [-addr 127.0.0.1:端口] [工作区目录]                  在本机打开报告工作台（网页）
  briefing diff    [-report 报告] [-exit-code] 旧 新                  比较两次生成（工作簿或生成目录）的数据和文字
  briefing init    [-from 报告类型] 名称                                新建一种报告类型（带空白工作簿）
  briefing version                                                  显示版本

“报告”是 templates/ 下的报告类型名（如 情况汇报）或磁盘上任意一个报告目录；
省略时生成内置的示例报告“情况汇报”。每个命令加 -h 可查看其选项。

退出码：0 成功；1 报告、工作簿、模板或字体有问题；2 命令用法不对；
        3 无法写出输出文件；4 内部错误；130、143 生成时被 Ctrl+C 或 SIGTERM 中断（不写出任何文件）。
`

// run is main without the process: it returns the exit status.
func run(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "briefing 内部错误：%v\n请把这条信息和所用的报告、工作簿一并告知维护人员。\n", r)
			code = exitInternal
		}
	}()
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build":
		return cmdBuild(rest, stdout, stderr)
	case "check":
		return cmdCheck(rest, stdout, stderr)
	case "figures":
		return cmdFigures(rest, stdout, stderr)
	case "fonts":
		return cmdFonts(rest, stdout, stderr)
	case "serve":
		return cmdServe(rest, stdout, stderr)
	case "diff":
		return cmdDiff(rest, stdout, stderr)
	case "init":
		return cmdInit(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "briefing", version)
		return exitOK
	case "-h", "-help", "--help", "help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "不认识的命令“%s”。\n\n%s", oserr.Escape(cmd), usage)
	return exitUsage
}

// fail prints err and returns the exit status it calls for.
func fail(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "错误："+indent(escapeLines(err.Error())))
	var we *build.WriteError
	if errors.As(err, &we) {
		return exitWrite
	}
	return exitProblem
}

// escapeLines escapes the control characters of each line of a message (a
// value from a workbook or a path, whichever package wrote it), keeping the
// line breaks between problems.
func escapeLines(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = oserr.Escape(l)
	}
	return strings.Join(lines, "\n")
}

// indent puts the lines after the first of a multi-line message under the
// first, so that each problem stands on its own line.
func indent(s string) string {
	out := []rune{}
	for _, r := range s {
		out = append(out, r)
		if r == '\n' {
			out = append(out, []rune("      ")...)
		}
	}
	return string(out)
}
