// Package scaffold makes a new report type from an existing one (briefing
// init): a folder with its report.md, whose paths are rewritten to the new
// folder, copies of its sections, phrase files and attachments' contents,
// and a starter workbook that lists every figure, table and 报告信息 key
// the templates use, with the units and empty values, ready to fill. The
// figures and tables are those of the type's sample workbook less those
// no template uses (report.Filled.Unused); a clerk's check of the new
// folder names each cell still to fill.
//
// The folder is made whole or not at all: everything is written into a
// hidden folder beside it, renamed into place at the end. An existing
// folder is never touched.
package scaffold

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"briefing/internal/build"
	"briefing/internal/oserr"
	"briefing/internal/report"
)

// WorkbookName is the name of the starter workbook in the new folder.
const WorkbookName = "数据.xlsx"

// Result is the report type made.
type Result struct {
	Dir   string   // the new folder
	From  string   // the report type it was made from, as messages show it
	Files []string // the files written, relative to Dir, report.md first
	// What the starter workbook lists.
	Figures, Keys, Tables, Checks int
}

// New makes the report type dir from the report type from (a bundled
// type's name or a report folder; "" for report.DefaultName). dir must not
// exist; the folder it is in must.
func New(dir, from string) (*Result, error) {
	if err := checkTarget(dir); err != nil {
		return nil, err
	}
	rep, err := report.Load(from)
	if err != nil {
		return nil, err
	}
	src, err := rep.ReadFile(report.FileName)
	if err != nil {
		return nil, err
	}
	plan, err := planFiles(src)
	if err != nil {
		return nil, fmt.Errorf("%s：%v", rep.Dir, err)
	}
	files, err := copies(rep, plan)
	if err != nil {
		return nil, err
	}
	book, counts, err := starterWorkbook(rep)
	if err != nil {
		return nil, err
	}
	files = append(files, file{WorkbookName, book})
	res := &Result{Dir: dir, From: rep.Dir, Figures: counts.figures, Keys: counts.keys, Tables: counts.tables, Checks: counts.checks}
	for _, f := range files {
		res.Files = append(res.Files, f.rel)
	}
	return res, writeFolder(dir, files)
}

// checkTarget refuses a folder that exists, a name no file system takes,
// and a folder whose parent is missing.
func checkTarget(dir string) error {
	base := filepath.Base(filepath.Clean(dir))
	if dir == "" || build.SafeName(base) != base {
		return fmt.Errorf("“%s”不能用作报告类型的文件夹名：请换一个名字（不要以 . 开头，不要用 \\ / : * ? \" < > | 等字符）", oserr.Escape(dir))
	}
	if _, err := os.Lstat(dir); err == nil {
		return fmt.Errorf("%s 已经存在，briefing init 不会覆盖它：请换一个名字，或先把它移走", oserr.Path(dir))
	} else if !errors.Is(err, os.ErrNotExist) {
		return oserr.New("读取", dir, err)
	}
	parent := filepath.Dir(filepath.Clean(dir))
	if info, err := os.Stat(parent); err != nil || !info.IsDir() {
		return fmt.Errorf("无法创建 %s：上级文件夹 %s 不存在", oserr.Path(dir), oserr.Path(parent))
	}
	return nil
}

// file is a file of the new folder.
type file struct {
	rel  string // slash-separated, relative to the folder
	data []byte
}

// writeFolder writes files into a hidden folder beside dir and renames it
// to dir: the folder appears whole, or not at all.
func writeFolder(dir string, files []file) error {
	clean := filepath.Clean(dir)
	tmp, err := os.MkdirTemp(filepath.Dir(clean), "."+filepath.Base(clean)+".*.tmp")
	if err != nil {
		return oserr.New("创建", dir, err)
	}
	if err := fillFolder(tmp, files); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if _, err := os.Lstat(dir); err == nil {
		os.RemoveAll(tmp)
		return fmt.Errorf("%s 已经存在，briefing init 不会覆盖它", oserr.Path(dir))
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)
		return oserr.New("创建", dir, err)
	}
	return nil
}

// fillFolder writes files into tmp; errors name the file's place in dir.
func fillFolder(tmp string, files []file) error {
	if err := os.Chmod(tmp, 0o755); err != nil {
		return oserr.New("创建", tmp, err)
	}
	for _, f := range files {
		p := filepath.Join(tmp, filepath.FromSlash(f.rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return oserr.New("创建", filepath.Dir(p), err)
		}
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			return oserr.New(oserr.Write, p, err)
		}
	}
	return nil
}
