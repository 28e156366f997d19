package batch

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"briefing/internal/oserr"
)

// Inputs are the workbooks that -data names, in order, each once.
type Inputs struct {
	Workbooks []string
	// Many is set when the workbooks were given as a batch: a folder of
	// workbooks, a pattern or more than one workbook. A batch writes each
	// report into a folder of its own, even when it has one workbook.
	Many bool
}

// Expand reads what -data was given: each argument is a workbook file, a
// folder or a pattern (县/*.xlsx). A folder that holds .xlsx or .xlsm
// files stands for them, in the order of their names (not those of its
// subfolders, nor Excel's ~$ lock files and hidden files); a folder without
// any is a workbook of .csv files, as for a single build. A pattern stands
// for the workbook files it matches, in the order of their names, and
// must match at least one.
func Expand(args []string) (Inputs, error) {
	var in Inputs
	seen := map[string]bool{}
	add := func(p string) {
		if key := filepath.Clean(p); !seen[key] {
			seen[key] = true
			in.Workbooks = append(in.Workbooks, p)
		}
	}
	for _, a := range args {
		found, many, err := expandOne(a)
		if err != nil {
			return Inputs{}, err
		}
		in.Many = in.Many || many
		for _, p := range found {
			add(p)
		}
	}
	in.Many = in.Many || len(in.Workbooks) > 1
	return in, nil
}

// expandOne expands one argument; many is set when it was a folder of
// workbooks or a pattern.
func expandOne(arg string) ([]string, bool, error) {
	info, err := os.Stat(arg)
	switch {
	case err == nil && info.IsDir():
		books, err := folderBooks(arg)
		if err != nil || len(books) == 0 {
			return []string{arg}, false, err
		}
		return books, true, nil
	case err != nil && isPattern(arg):
		books, err := patternBooks(arg)
		return books, true, err
	}
	return []string{arg}, false, nil
}

// isPattern tells whether s has the characters of a pattern: * ? [.
func isPattern(s string) bool { return strings.ContainsAny(s, "*?[") }

// workbookExts are the files a folder or a pattern of a batch stands for.
var workbookExts = []string{".xlsx", ".xlsm"}

// isWorkbook tells whether name is a workbook of a batch: an .xlsx or .xlsm
// file, not a lock file of Excel (~$) or a hidden file.
func isWorkbook(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, "~$") || strings.HasPrefix(base, ".") {
		return false
	}
	ext := strings.ToLower(filepath.Ext(base))
	for _, e := range workbookExts {
		if ext == e {
			return true
		}
	}
	return false
}

// folderBooks lists the workbooks in dir.
func folderBooks(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, oserr.New("读取文件夹", dir, err)
	}
	var out []string
	for _, e := range entries {
		if p := filepath.Join(dir, e.Name()); isWorkbook(p) && isFile(p) {
			out = append(out, p)
		}
	}
	return out, nil
}

// isFile tells whether p is a regular file, or a link to one.
func isFile(p string) bool {
	info, err := os.Stat(p)
	return err == nil && info.Mode().IsRegular()
}

// patternBooks lists the workbooks pattern matches.
func patternBooks(pattern string) ([]string, error) {
	matches, err := filepath.Glob(pattern)
	if err != nil {
		return nil, fmt.Errorf("“%s”不是一个可用的通配符模式：%s", oserr.Escape(pattern), "方括号没有配对")
	}
	var out []string
	for _, m := range matches {
		if isWorkbook(m) && isFile(m) {
			out = append(out, m)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("“%s”没有匹配任何工作簿（.xlsx 或 .xlsm 文件）", oserr.Escape(pattern))
	}
	sort.Strings(out)
	return out, nil
}
