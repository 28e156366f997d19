// Package perfdata writes the large reports that the benchmarks and the
// timing tool (cmd/timing) build: the sample with its sections repeated
// (a report of as many pages as asked), and a report of one table of as
// many rows as asked. Both come from the files bundled in briefing, so
// that they can be made anywhere.
package perfdata

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/samples"
	"briefing/sections"
	"briefing/templates"
)

// SampleReport is the bundled report type that LongReport repeats.
const SampleReport = "情况汇报"

// PagesPerCopy is about how many pages one copy of the sample's sections
// adds to a LongReport.
const PagesPerCopy = 6.8

// LongReport writes under root a report whose sections are the sample's
// repeated copies times (about PagesPerCopy pages each), and returns its
// directory.
func LongReport(root string, copies int) (string, error) {
	dir := filepath.Join(root, "templates", "长报告")
	for _, d := range []string{dir, filepath.Join(root, "sections"), filepath.Join(root, "samples")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return "", err
		}
	}
	if err := copyOut(samples.FS, "产业链供应链.xlsx", filepath.Join(root, "samples", "产业链供应链.xlsx")); err != nil {
		return "", err
	}
	var list strings.Builder
	for i := range copies {
		for _, s := range []string{"主要工作", "存在的问题", "下一步打算"} {
			name := fmt.Sprintf("%s%d.md", s, i)
			if err := copyOut(sections.FS, s+".md", filepath.Join(root, "sections", name)); err != nil {
				return "", err
			}
			fmt.Fprintf(&list, "  - ../../sections/%s\n", name)
		}
	}
	report, err := fs.ReadFile(templates.FS, SampleReport+"/report.md")
	if err != nil {
		return "", err
	}
	text := string(report)
	start := strings.Index(text, "章节:\n")
	end := strings.Index(text[start:], "---\n") + start
	text = text[:start] + "章节:\n" + list.String() + text[end:]
	return dir, os.WriteFile(filepath.Join(dir, "report.md"), []byte(text), 0o644)
}

func copyOut(from fs.FS, name, to string) error {
	data, err := fs.ReadFile(from, name)
	if err != nil {
		return err
	}
	return os.WriteFile(to, data, 0o644)
}

// TableSheet is the sheet of a TableReport's workbook that holds the table.
const TableSheet = "企业"

// tableReport is the report.md of a TableReport: the whole table, in the
// body.
const tableReport = `---
标题: 关于全县规模以上工业企业产值情况的报告
主送机关: 县人民政府
发文机关: 鹤岭县工业和信息化局
成文日期: 2022年12月5日
数据: 企业.xlsx
---
全县规模以上工业企业产值情况如下：

{{表格 (表 "企业")}}
`

// TableReport writes under root a report whose body is one table of rows
// rows (企业名称, 产业链, 产值) from its own workbook, and returns its
// directory.
func TableReport(root string, rows int) (string, error) {
	dir := filepath.Join(root, "表格报告")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	if err := writeTable(filepath.Join(dir, "企业.xlsx"), rows); err != nil {
		return "", err
	}
	return dir, os.WriteFile(filepath.Join(dir, "report.md"), []byte(tableReport), 0o644)
}

var chains = []string{"电子信息", "新能源", "装备制造", "生物医药", "新材料", "绿色食品", "纺织服装"}

// writeTable writes a workbook of one sheet, TableSheet, of rows rows.
func writeTable(path string, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", TableSheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(TableSheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{"企业名称", "产业链", "产值（亿元）"}); err != nil {
		return err
	}
	for i := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := []any{fmt.Sprintf("鹤岭县第%d号工业企业", i+1), chains[i%len(chains)], float64(i%997+3) / 100}
		if err := sw.SetRow(cell, row); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
