package scaffold

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"briefing/internal/build"
	"briefing/internal/report"
	"briefing/internal/workbook"
)

// The new folder has report.md with its paths rewritten, the templates and
// the starter workbook, and loads as a report of its own.
func TestNewFolder(t *testing.T) {
	for from, want := range map[string][]string{
		"经济运行": {"report.md", "章节/短语.md", "章节/主要指标.md", "章节/存在的问题.md", "章节/下一步打算.md", WorkbookName},
		"情况汇报": {"report.md", "章节/主要工作.md", "章节/存在的问题.md", "章节/下一步打算.md", WorkbookName},
	} {
		dir := filepath.Join(t.TempDir(), "新类型")
		res, err := New(dir, from)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(res.Files, want) {
			t.Errorf("%s: files %q, want %q", from, res.Files, want)
		}
		src, _ := os.ReadFile(filepath.Join(dir, "report.md"))
		if bytes.Contains(src, []byte("../")) || !bytes.Contains(src, []byte("数据: "+WorkbookName)) {
			t.Errorf("%s: report.md keeps paths to the old folder:\n%s", from, src)
		}
		rep, err := report.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range want[1 : len(want)-1] {
			if got, _ := os.ReadFile(filepath.Join(dir, f)); len(got) == 0 {
				t.Errorf("%s: %s is empty", from, f)
			}
		}
		if _, err := rep.Workbook(""); err == nil {
			t.Errorf("%s: the starter workbook reads without a problem, though empty", from)
		}
	}
}

// A clerk's check of the new folder names each cell to fill: every key of
// 报告信息 and every figure, at its cell.
func TestNewFolderNamesEmptyCells(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "县域经济")
	res, err := New(dir, "经济运行")
	if err != nil {
		t.Fatal(err)
	}
	rep, err := report.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = rep.Workbook("")
	if err == nil {
		t.Fatal("no problem with an empty workbook")
	}
	cells := regexp.MustCompile(`数据\.xlsx (报告信息|指标)!([A-Z]+\d+)：`).FindAllStringSubmatch(err.Error(), -1)
	if len(cells) != res.Keys+res.Figures || res.Keys != 7 || res.Figures != 15 {
		t.Errorf("%d cells named for %d keys and %d figures:\n%v", len(cells), res.Keys, res.Figures, err)
	}
	for _, say := range []string{"数据.xlsx 报告信息!B2：“县名” 没有填写内容", "数据.xlsx 指标!C2：“规上工业增加值” 的数值、当月、增速、当月增速都是空的"} {
		if !strings.Contains(err.Error(), say) {
			t.Errorf("the check does not say %q:\n%v", say, err)
		}
	}
}

// Filled with the sample's figures, the new report type builds the same
// text as the type it was made from.
func TestNewFolderBuildsOnceFilled(t *testing.T) {
	for _, from := range []string{"经济运行", "情况汇报"} {
		dir := filepath.Join(t.TempDir(), "新类型")
		if _, err := New(dir, from); err != nil {
			t.Fatal(err)
		}
		orig, err := report.Load(from)
		if err != nil {
			t.Fatal(err)
		}
		sample, err := orig.Workbook("")
		if err != nil {
			t.Fatal(err)
		}
		fillFrom(t, filepath.Join(dir, WorkbookName), sample)
		got := text(t, dir)
		if want := text(t, from); got != want {
			t.Errorf("%s: the new type, filled with the sample, reads\n%s\nwant\n%s", from, got, want)
		}
	}
}

// text is a report's plain text, built from its own workbook.
func text(t *testing.T, rep string) string {
	t.Helper()
	res, err := build.Render(build.Options{Report: rep, Formats: []string{"txt"}})
	if err != nil {
		t.Fatalf("%s: %v", rep, err)
	}
	return string(res.Files[0].Data)
}

// fillFrom types the values of book into the starter workbook at path,
// each as the text the clerk sees.
func fillFrom(t *testing.T, path string, book *workbook.Book) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	set := func(sheet string, col, row int, v workbook.Value) {
		if v.Kind == workbook.Empty {
			return
		}
		cell, _ := excelize.CoordinatesToCellName(col, row)
		if err := f.SetCellStr(sheet, cell, v.String()); err != nil {
			t.Fatal(err)
		}
	}
	for i, e := range book.Info {
		set(workbook.InfoSheet, 2, i+2, e.Value)
	}
	rows, _ := f.GetRows(workbook.MetricsSheet)
	for r, row := range rows[1:] {
		m, _ := book.Metric(row[0])
		for c, h := range rows[0][2:] {
			set(workbook.MetricsSheet, c+3, r+2, metricValue(m, h))
		}
	}
	for _, tb := range book.Tables {
		for r, row := range tb.Rows {
			for c, v := range row.Cells {
				set(tb.Name, c+1, r+2, v)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

// metricValue is a figure's value in the column of the metrics sheet
// headed h.
func metricValue(m *workbook.Metric, h string) workbook.Value {
	for _, c := range metricColumns {
		if c.header == h {
			return c.value(m)
		}
	}
	for _, e := range m.Extra {
		if e.Name == strings.TrimSuffix(h, "（%）") {
			return e.Value
		}
	}
	return workbook.Value{}
}

// Twice the same report type gives the same bytes.
func TestNewIsDeterministic(t *testing.T) {
	a, b := filepath.Join(t.TempDir(), "甲"), filepath.Join(t.TempDir(), "甲")
	for _, d := range []string{a, b} {
		if _, err := New(d, "情况汇报"); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"report.md", WorkbookName} {
		x, _ := os.ReadFile(filepath.Join(a, f))
		y, _ := os.ReadFile(filepath.Join(b, f))
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", f)
		}
	}
}

// An existing folder (or file) is refused and left as it was; a failure
// leaves nothing, not even the hidden folder it was writing into.
func TestNewRefuses(t *testing.T) {
	root := t.TempDir()
	existing := filepath.Join(root, "已有")
	os.Mkdir(existing, 0o755)
	os.WriteFile(filepath.Join(existing, "笔记.txt"), []byte("原样"), 0o644)
	file := filepath.Join(root, "文件")
	os.WriteFile(file, []byte("x"), 0o644)
	broken := filepath.Join(root, "坏报告")
	os.Mkdir(broken, 0o755)
	os.WriteFile(filepath.Join(broken, "report.md"), []byte("---\n标题: 坏\n章节:\n  - 不存在.md\n---\n正文\n"), 0o644)
	for _, c := range []struct{ dir, from, want string }{
		{existing, "", "已经存在，briefing init 不会覆盖它"},
		{file, "", "已经存在"},
		{filepath.Join(root, "没有", "新"), "", "上级文件夹 " + filepath.Join(root, "没有") + " 不存在"},
		{filepath.Join(root, ".隐藏"), "", "不能用作报告类型的文件夹名"},
		{filepath.Join(root, "新"), "不存在的类型", "找不到报告“不存在的类型”"},
		{filepath.Join(root, "新"), broken, "不存在.md"},
	} {
		_, err := New(c.dir, c.from)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s from %q: %v, want %q", c.dir, c.from, err, c.want)
		}
	}
	entries, _ := os.ReadDir(root)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if !slices.Equal(names, []string{"坏报告", "已有", "文件"}) {
		t.Errorf("left %q", names)
	}
	if data, _ := os.ReadFile(filepath.Join(existing, "笔记.txt")); string(data) != "原样" {
		t.Error("the existing folder changed")
	}
}
