// Package workspace is a clerk's folder of report types and the archive of
// their builds.
//
// A workspace is a directory. Its report types are the folders in it, or
// in its templates/ folder, that hold a report.md, and the report types
// bundled in briefing. Its workbooks are the .xlsx and .csv files in it
// and in its folders, two levels down. Every successful build is kept in
// 归档/<报告类型>/<编号>/ with the workbook it was built from and a
// manifest.json (see Manifest); an entry appears whole or not at all.
package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"briefing/internal/oserr"
	"briefing/internal/report"
)

// Names of the workspace's own folders.
const (
	ArchiveDir = "归档"        // the builds, one folder per report type
	StateDir   = ".briefing" // uploads and snapshots of workbooks being built
)

// Workspace is an open workspace directory.
type Workspace struct {
	Dir string // absolute, symbolic links resolved
}

// Open opens dir as a workspace; it must be an existing directory.
func Open(dir string) (*Workspace, error) {
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return nil, oserr.New("打开工作区", dir, err)
	}
	fi, err := os.Stat(abs)
	if err != nil {
		return nil, oserr.New("打开工作区", dir, err)
	}
	if !fi.IsDir() {
		return nil, fmt.Errorf("工作区“%s”不是一个文件夹", oserr.Path(dir))
	}
	return &Workspace{Dir: abs}, nil
}

// Type is a report type the workspace offers.
type Type struct {
	Name string
	Dir  string // its folder; "" for a type bundled in briefing
}

// Report is what report.Load takes to load the type.
func (t Type) Report() string {
	if t.Dir == "" {
		return t.Name
	}
	return t.Dir
}

// Types lists the report types: the workspace's own, by name, then the
// bundled ones it does not override.
func (w *Workspace) Types() []Type {
	var types []Type
	seen := map[string]bool{}
	for _, parent := range []string{w.Dir, filepath.Join(w.Dir, "templates")} {
		entries, _ := os.ReadDir(parent)
		for _, e := range entries {
			dir := filepath.Join(parent, e.Name())
			if seen[e.Name()] || skipped(e.Name()) || !isReport(dir) {
				continue
			}
			seen[e.Name()] = true
			types = append(types, Type{Name: e.Name(), Dir: dir})
		}
	}
	slices.SortFunc(types, func(a, b Type) int { return strings.Compare(a.Name, b.Name) })
	for _, name := range report.BuiltIn() {
		if !seen[name] {
			types = append(types, Type{Name: name})
		}
	}
	return types
}

// Type finds a report type by name.
func (w *Workspace) Type(name string) (Type, bool) {
	for _, t := range w.Types() {
		if t.Name == name {
			return t, true
		}
	}
	return Type{}, false
}

// isReport reports whether dir is a folder with a report.md in it, inside
// the workspace (a link to elsewhere is not).
func isReport(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil || !fi.IsDir() {
		return false
	}
	fi, err = os.Lstat(filepath.Join(dir, report.FileName))
	return err == nil && fi.Mode().IsRegular()
}

// skipped are the names the workspace never looks into: its own folders
// and hidden ones.
func skipped(name string) bool {
	return name == ArchiveDir || strings.HasPrefix(name, ".")
}

// maxWorkbooks bounds the list of workbooks, so that a workspace opened on
// a large folder still answers at once.
const maxWorkbooks = 500

// Workbooks lists the workbooks in the workspace, as paths relative to
// it with forward slashes, in order: those in the workspace itself, then
// those in its folders (two levels down), never the archive's.
func (w *Workspace) Workbooks() []string {
	var out []string
	root := os.DirFS(w.Dir)
	_ = fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || len(out) >= maxWorkbooks {
			return fs.SkipDir
		}
		if d.IsDir() {
			if p != "." && (skipped(d.Name()) || strings.Count(p, "/") >= 2) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && IsWorkbook(d.Name()) && !strings.HasPrefix(d.Name(), "~$") {
			out = append(out, p)
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b string) int {
		return strings.Count(a, "/") - strings.Count(b, "/")
	})
	return out
}

// IsWorkbook reports whether a file name is that of a workbook briefing
// reads.
func IsWorkbook(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	return ext == ".xlsx" || ext == ".csv"
}

// ErrOutside is the refusal of a path that leads out of the workspace.
var ErrOutside = errors.New("不在工作区中")

// Path returns the file at rel, a path relative to the workspace with
// forward slashes, refusing any that leads out of it (“..”, an absolute
// path, a symbolic link to elsewhere).
func (w *Workspace) Path(rel string) (string, error) {
	if !fs.ValidPath(rel) || strings.Contains(rel, `\`) {
		return "", ErrOutside
	}
	p := filepath.Join(w.Dir, filepath.FromSlash(rel))
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return "", err
	}
	if !within(w.Dir, real) {
		return "", ErrOutside
	}
	return real, nil
}

// within reports whether p is dir or lies inside it.
func within(dir, p string) bool {
	r, err := filepath.Rel(dir, p)
	return err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) && !filepath.IsAbs(r)
}
