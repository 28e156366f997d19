package main

import (
	"fmt"
	"io"
	"path/filepath"

	"briefing/internal/oserr"
	"briefing/internal/report"
	"briefing/internal/scaffold"
)

func cmdInit(args []string, stdout, stderr io.Writer) int {
	c := newCommand("init", "briefing init [-from 报告类型] 名称",
		"新建一种报告类型：从内置的（或磁盘上的）报告类型复制 report.md、各部分的模板和短语，\n"+
			"并生成工作簿 "+scaffold.WorkbookName+"，其中列出模板用到的每个指标（带单位）、每张表（表头）和报告信息中的每一项，数值都空着。\n"+
			"填好工作簿后即可生成；briefing check 名称 列出还空着的单元格。已有的文件夹不会被覆盖。")
	from := c.String("from", report.DefaultName, "作为起点的`报告类型`：内置的报告类型名，或磁盘上的报告目录（内置："+joinNames(report.BuiltIn())+"）")
	pos, code, ok := c.parse(args, stdout, stderr, 1)
	if !ok {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(stderr, "错误：请给出新报告类型的名称，如 briefing init 县域工业")
		c.usage(stderr)
		return exitUsage
	}
	res, err := scaffold.New(pos[0], *from)
	if err != nil {
		return fail(stderr, err)
	}
	printInit(stdout, res)
	return exitOK
}

// printInit says what init made and what to do next.
func printInit(w io.Writer, res *scaffold.Result) {
	dir := oserr.Path(res.Dir)
	fmt.Fprintf(w, "已新建报告类型 %s（以 %s 为起点）：\n", dir, oserr.Path(res.From))
	for _, f := range res.Files {
		fmt.Fprintf(w, "  %s\n", oserr.Path(filepath.ToSlash(filepath.Join(res.Dir, f))))
	}
	book := oserr.Path(filepath.ToSlash(filepath.Join(res.Dir, scaffold.WorkbookName)))
	fmt.Fprintf(w, "工作簿 %s 列出了 %d 个指标、%d 项报告信息和 %d 张表，数值都空着。\n", book, res.Figures, res.Keys, res.Tables)
	fmt.Fprintf(w, "下一步：\n  1. 在 %s 中填写数值和表格；briefing check %s 列出还空着的单元格。\n", book, dir)
	fmt.Fprintf(w, "  2. 按需要修改 %s 中的文字。\n", oserr.Path(filepath.ToSlash(filepath.Join(res.Dir, "章节"))))
	fmt.Fprintf(w, "  3. briefing build %s\n", dir)
}

func joinNames(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += "、"
		}
		s += n
	}
	return s
}
