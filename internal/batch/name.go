package batch

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"

	"briefing/internal/build"
	"briefing/internal/oserr"
	"briefing/internal/workbook"
)

// Fields of a name pattern that are not keys of 报告信息.
const (
	FieldWorkbook = "工作簿" // the workbook's file name without its extension
	FieldReport   = "报告"  // the report type's name
)

// DefaultName is the pattern of the folders when none is given: one folder
// per workbook, named after it.
const DefaultName = "{" + FieldWorkbook + "}"

// Pattern names the folder of a report: text with fields in braces, such as
// {县名} (a key of the workbook's 报告信息), {工作簿} or {报告}; a / makes a
// folder inside a folder ({市名}/{县名}).
type Pattern struct {
	source  string
	folders [][]part
}

// part is literal text or, when key is set, a field.
type part struct {
	text string
	key  string
}

// ParsePattern reads a name pattern (-name).
func ParsePattern(s string) (Pattern, error) {
	p := Pattern{source: s}
	if strings.TrimSpace(s) == "" {
		return Pattern{}, errors.New("-name 是空的：请写出文件夹名的样式，如 {县名} 或 {工作簿}")
	}
	if filepath.IsAbs(s) || strings.HasPrefix(s, "/") || strings.HasPrefix(s, `\`) {
		return Pattern{}, fmt.Errorf("-name“%s”应是输出目录中的文件夹名，不能以 / 开头；输出目录用 -o 指定", oserr.Escape(s))
	}
	for _, seg := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '\\' }) {
		if strings.Trim(seg, ". ") == "" {
			return Pattern{}, fmt.Errorf("-name“%s”中有文件夹名“%s”：每一级文件夹都要有名字，不能是 . 或 ..", oserr.Escape(s), oserr.Escape(seg))
		}
		parts, err := parseFolder(s, seg)
		if err != nil {
			return Pattern{}, err
		}
		p.folders = append(p.folders, parts)
	}
	return p, nil
}

// parseFolder reads one folder of a pattern.
func parseFolder(pattern, seg string) ([]part, error) {
	var parts []part
	for seg != "" {
		open := strings.IndexAny(seg, "{}")
		if open < 0 {
			return append(parts, part{text: seg}), nil
		}
		if seg[open] == '}' {
			return nil, fmt.Errorf("-name“%s”中的 } 没有对应的 {", oserr.Escape(pattern))
		}
		end := strings.IndexAny(seg[open+1:], "{}")
		if end < 0 || seg[open+1+end] == '{' {
			return nil, fmt.Errorf("-name“%s”中的 { 没有对应的 }", oserr.Escape(pattern))
		}
		key := strings.TrimSpace(seg[open+1 : open+1+end])
		if key == "" {
			return nil, fmt.Errorf("-name“%s”中有空的 {}：括号中应写报告信息的项目名（如 县名）、工作簿 或 报告", oserr.Escape(pattern))
		}
		parts = append(parts, part{text: seg[:open]}, part{key: key})
		seg = seg[open+end+2:]
	}
	return parts, nil
}

// String is the pattern as given.
func (p Pattern) String() string { return p.source }

// Folder is the folder of the report that the fields describe, relative to
// the output directory: each field's value made a safe file name (see
// build.SafeName).
func (p Pattern) Folder(field func(key string) (string, error)) (string, error) {
	var folders []string
	for _, parts := range p.folders {
		var b strings.Builder
		for _, pt := range parts {
			if pt.key == "" {
				b.WriteString(pt.text)
				continue
			}
			v, err := field(pt.key)
			if err != nil {
				return "", err
			}
			b.WriteString(build.SafeName(v))
		}
		name := build.SafeName(b.String())
		if name == "" {
			return "", fmt.Errorf("按 -name“%s”得到的文件夹名是空的", oserr.Escape(p.source))
		}
		folders = append(folders, name)
	}
	return filepath.Join(folders...), nil
}

// fields are the values a pattern may use for one report; the report and
// the workbook are read only when the pattern asks for them.
func fields(workbookPath string, reportName func() (string, error), book func() (*workbook.Book, error)) func(string) (string, error) {
	return func(key string) (string, error) {
		switch key {
		case FieldWorkbook:
			base := filepath.Base(workbookPath)
			return strings.TrimSuffix(base, filepath.Ext(base)), nil
		case FieldReport:
			return reportName()
		}
		b, err := book()
		if err != nil {
			return "", err
		}
		return infoField(b, key)
	}
}

// infoField is the value of a key of 报告信息, as text.
func infoField(book *workbook.Book, key string) (string, error) {
	v, ok := book.InfoValue(key)
	if !ok {
		at := workbook.Ref{File: book.File, Sheet: workbook.InfoSheet}
		return "", fmt.Errorf("%s中没有项目“%s”，无法按 -name 的 {%s} 给报告的文件夹命名", at, oserr.Escape(key), oserr.Escape(key))
	}
	s := v.Text
	if v.Kind == workbook.Date {
		s = v.Date.Format("2006年1月2日")
	}
	if strings.TrimSpace(s) == "" {
		return "", fmt.Errorf("%s：“%s”是空的，无法按 -name 的 {%s} 给报告的文件夹命名", v.Ref, oserr.Escape(key), oserr.Escape(key))
	}
	return s, nil
}

// folders gives each report its folder in the order of the workbooks, so
// that when two would land in the same folder it is always the later one
// that fails, however the workers run: report i is named once every report
// before it has been named or has failed.
type folders struct {
	mu      sync.Mutex
	cond    *sync.Cond
	turn    int            // the report whose turn it is
	taken   map[string]int // folder (case folded) → the report in it
	stopped bool
}

func newFolders() *folders {
	f := &folders{taken: map[string]int{}}
	f.cond = sync.NewCond(&f.mu)
	return f
}

// errTaken is a folder another report of the batch has.
type errTaken struct {
	folder string
	owner  int
}

func (e *errTaken) Error() string { return "folder taken" }

// claim waits for report i's turn and gives it folder; it fails with
// *errTaken when an earlier report has it, or build.ErrInterrupted once
// stopped.
func (f *folders) claim(i int, folder string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.wait(i); err != nil {
		return err
	}
	f.next()
	key := strings.ToLower(filepath.ToSlash(folder))
	if owner, ok := f.taken[key]; ok {
		return &errTaken{folder: folder, owner: owner}
	}
	f.taken[key] = i
	return nil
}

// pass gives up report i's turn: it failed before it was named.
func (f *folders) pass(i int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.wait(i) == nil {
		f.next()
	}
}

// wait waits for report i's turn; it fails once stopped, or when the
// turn has passed. The caller holds f.mu.
func (f *folders) wait(i int) error {
	for f.turn < i && !f.stopped {
		f.cond.Wait()
	}
	if f.turn != i {
		return build.ErrInterrupted
	}
	return nil
}

// next passes the turn on. The caller holds f.mu.
func (f *folders) next() {
	f.turn++
	f.cond.Broadcast()
}

// stop wakes every report waiting for its turn: the batch is interrupted.
func (f *folders) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.stopped = true
	f.cond.Broadcast()
}
