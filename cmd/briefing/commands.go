package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"briefing/internal/batch"
	"briefing/internal/build"
	"briefing/internal/fonts"
	"briefing/internal/oserr"
	"briefing/internal/report"
	"briefing/internal/workbook"
)

// fontOptions adds the font flags to a command and returns a function that
// builds the font set they describe.
func fontOptions(c *command) func() (*fonts.Set, error) {
	var specs fontFlags
	bundledOnly := c.Bool("bundled-fonts", false, "只用 briefing 内置的字体，不查找系统中的公文字体（输出在任何机器上都相同）")
	c.Var(&specs, "font", "为某一角色指定字体文件，可重复：`角色=文件`，角色为 标题、正文、黑体、楷体、页码、西文（.ttc 可写 文件#序号）")
	return func() (*fonts.Set, error) {
		var set *fonts.Set
		if *bundledOnly {
			set = fonts.Bundled()
		} else {
			set = fonts.System()
		}
		for _, s := range specs {
			if err := set.OverrideSpec(s); err != nil {
				return nil, err
			}
		}
		return set, nil
	}
}

func cmdBuild(args []string, stdout, stderr io.Writer) int {
	c := newCommand("build", "briefing build [-data 工作簿] [-o 目录] [-format pdf,html] [报告]",
		"读取工作簿，填充报告模板，生成 PDF 和 HTML。出错时不写出任何文件。\n"+
			"-data 可以重复，也可以是一个文件夹或通配符（如 县/*.xlsx）：每个工作簿生成一份报告，写入输出目录中以工作簿命名的文件夹。")
	var data dataFlags
	c.Var(&data, "data", "`工作簿`文件（.xlsx 或 .csv），或装着工作簿的文件夹、通配符，可重复；省略时用报告前置信息中“数据”指定的工作簿")
	out := c.String("o", "out", "输出`目录`")
	format := c.String("format", "pdf,html", "输出`格式`，用逗号分隔：pdf、html、txt（纯文本，每段一行）、docx（可编辑的 Word 文档）")
	timings := c.Bool("timings", false, "在标准错误输出中列出各步骤的耗时")
	strict := c.Bool("strict", false, "有警告（措辞与数据不符、校验不成立等）时不生成，退出码为 1")
	reads := addReadFlags(c)
	fontSet := fontOptions(c)
	many := addBatchFlags(c)
	pos, code, ok := c.parse(args, stdout, stderr, -1)
	if !ok {
		return code
	}
	rep, books, extra := splitArgs(pos)
	if len(extra) > 0 {
		return c.extraArgs(extra, stderr)
	}
	if err := errors.Join(reads.check(), many.check()); err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	in, err := batch.Expand(append(data, books...))
	if err != nil {
		return fail(stderr, err)
	}
	formats, err := build.ParseFormats(*format)
	if err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	if !checkOutDir(*out, stderr) {
		return exitUsage
	}
	o := build.Options{Report: rep, OutDir: *out, Formats: formats, LoadFonts: fontSet, Version: version, Strict: *strict,
		Root: *reads.root, Limits: reads.limits()}
	if in.Many || many.wanted() {
		return buildBatch(in, o, many, reads.loadOptions(), stdout, stderr)
	}
	o.Data = first(in.Workbooks)
	prog := newProgress(stderr)
	o.Progress = prog.stageFunc()
	res, err := buildWatched(o, stderr)
	if prog != nil {
		prog.done()
	}
	if err != nil {
		return fail(stderr, err)
	}
	warn(stderr, res.Warnings)
	printFiles(stdout, res)
	if *timings {
		fmt.Fprintln(stderr, "耗时："+res.Timings.String())
	}
	return exitOK
}

func cmdCheck(args []string, stdout, stderr io.Writer) int {
	c := newCommand("check", "briefing check [-data 工作簿] [报告]",
		"读取工作簿，检查报告的全部模板（前置信息、开头段落和各章节）并排版，但不写任何文件。\n"+
			"一次列出所有问题（模板文件、行、列和原因），并提醒工作簿中没有被任何模板使用的指标和表。\n"+
			"有问题时退出码为 1；只有提醒时退出码为 0。")
	data := c.String("data", "", "`工作簿`文件（.xlsx 或 .csv）；省略时用报告前置信息中“数据”指定的工作簿")
	strict := c.Bool("strict", false, "有警告（措辞与数据不符、校验不成立等）时退出码为 1")
	reads := addReadFlags(c)
	fontSet := fontOptions(c)
	pos, code, ok := c.parse(args, stdout, stderr, 1)
	if !ok {
		return code
	}
	if err := reads.check(); err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	fonts := build.StartFonts(build.Options{LoadFonts: fontSet})
	rep, err := report.Load(first(pos), reads.loadOptions()...)
	if err != nil {
		return fail(stderr, err)
	}
	book, err := rep.Workbook(*data)
	if err != nil {
		return fail(stderr, err)
	}
	filled, err := rep.Fill(book)
	if err != nil {
		n := 1
		if ps, ok := err.(report.Problems); ok {
			n = len(ps)
		}
		code := fail(stderr, err)
		fmt.Fprintf(stderr, "共%d个问题，请改正后再生成。\n", n)
		if filled != nil {
			remind(stdout, filled.Unused)
		}
		return code
	}
	warn(stdout, filled.Warnings)
	remind(stdout, filled.Unused)
	pages, err := build.Pages(filled.Doc, fonts)
	if err != nil {
		return fail(stderr, err)
	}
	note := ""
	if n := len(filled.Unused); n > 0 {
		note = fmt.Sprintf("另有%d条提醒（见上）。", n)
	}
	if n := len(filled.Warnings); n > 0 {
		fmt.Fprintf(stdout, "检查完毕：%s 可以生成（PDF %d页），但有%d条警告（见上），请先核对。%s\n", rep.Dir, pages, n, note)
		if *strict {
			return exitProblem
		}
		return exitOK
	}
	fmt.Fprintf(stdout, "检查通过：%s 可以生成（PDF %d页）。%s\n", rep.Dir, pages, note)
	return exitOK
}

// printFiles prints a line for each file a build wrote, with its size
// (and, for the PDF, its pages).
func printFiles(stdout io.Writer, res *build.Result) {
	for _, f := range res.Files {
		detail := size(len(f.Data))
		if f.Format == "pdf" && res.Pages > 0 {
			detail = fmt.Sprintf("%d页，%s", res.Pages, detail)
		}
		fmt.Fprintf(stdout, "已生成 %s（%s）\n", oserr.Escape(filepath.ToSlash(f.Path)), detail)
	}
}

// remind prints the figures and tables no template uses, one a line.
func remind(w io.Writer, unused []string) {
	for _, s := range unused {
		fmt.Fprintln(w, "提醒："+escapeLines(s))
	}
}

// warn prints the warnings of a report, one a line.
func warn(w io.Writer, warnings []string) {
	for _, s := range warnings {
		fmt.Fprintln(w, "警告："+escapeLines(s))
	}
}

func cmdFigures(args []string, stdout, stderr io.Writer) int {
	c := newCommand("figures", "briefing figures [-data 工作簿] [-json] [报告]",
		"列出从工作簿读到的每个指标（数值、单位、单元格）和每张表（列名、行数）。")
	data := c.String("data", "", "`工作簿`文件；省略时用报告前置信息中“数据”指定的工作簿")
	asJSON := c.Bool("json", false, "以 JSON 输出，供脚本使用")
	pos, code, ok := c.parse(args, stdout, stderr, 1)
	if !ok {
		return code
	}
	var rep *report.Report
	if *data == "" {
		var err error
		if rep, err = report.Load(first(pos)); err != nil {
			return fail(stderr, err)
		}
	} else if len(pos) > 0 {
		fmt.Fprintln(stderr, "错误：-data 与报告只能指定一个")
		return exitUsage
	}
	var book *workbook.Book
	var err error
	if rep != nil {
		book, err = rep.Workbook("")
	} else {
		book, err = workbook.Open(*data)
	}
	if err != nil {
		return fail(stderr, err)
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(book.Summary()); err != nil {
			return fail(stderr, err)
		}
		return exitOK
	}
	if err := book.WriteSummary(stdout); err != nil {
		return fail(stderr, err)
	}
	return exitOK
}

func cmdFonts(args []string, stdout, stderr io.Writer) int {
	c := newCommand("fonts", "briefing fonts [-bundled-fonts] [-font 角色=文件]...",
		"列出各排版角色（标题、正文、黑体、楷体、页码、西文）实际使用的字体文件。")
	fontSet := fontOptions(c)
	if _, code, ok := c.parse(args, stdout, stderr, 0); !ok {
		return code
	}
	set, err := fontSet()
	if err != nil {
		return fail(stderr, err)
	}
	for _, r := range set.Roles() {
		fmt.Fprintf(stdout, "%s：%s（%s，%s）\n", r.Name, r.Family, r.File, r.Source)
		if len(r.Fallback) > 0 {
			fmt.Fprintf(stdout, "    缺字时依次取自：%s\n", strings.Join(r.Fallback, "、"))
		}
	}
	for _, n := range set.Notes() {
		fmt.Fprintln(stdout, "注："+n)
	}
	return exitOK
}

func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
