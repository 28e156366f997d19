package report

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"briefing/samples"
	"briefing/sections"
	"briefing/templates"
)

// files reads the files of a report, relative to its directory: from the
// disk, or from the copy of the repository's templates/, sections/ and
// samples/ embedded in the binary.
type files interface {
	read(rel string) ([]byte, error)
	// name is how messages show the file: a path the user can open, or
	// “内置:templates/情况汇报/report.md” for an embedded one.
	name(rel string) string
	// disk is the file's path on disk, "" for an embedded one.
	disk(rel string) string
}

type diskFiles struct{ dir string }

func (d diskFiles) path(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(d.dir, filepath.FromSlash(rel))
}
func (d diskFiles) read(rel string) ([]byte, error) { return os.ReadFile(d.path(rel)) }
func (d diskFiles) name(rel string) string          { return d.path(rel) }
func (d diskFiles) disk(rel string) string          { return d.path(rel) }

type embedFiles struct{ dir string }

func (e embedFiles) path(rel string) string { return path.Join(e.dir, filepath.ToSlash(rel)) }
func (e embedFiles) read(rel string) ([]byte, error) {
	if filepath.IsAbs(rel) {
		return os.ReadFile(rel)
	}
	return fs.ReadFile(bundle{}, e.path(rel))
}
func (e embedFiles) name(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return "内置:" + e.path(rel)
}
func (e embedFiles) disk(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return ""
}

// bundle is the embedded part of the repository, laid out as on disk.
type bundle struct{}

var bundled = map[string]fs.FS{
	"templates": templates.FS,
	"sections":  sections.FS,
	"samples":   samples.FS,
}

func (bundle) Open(name string) (fs.File, error) {
	top, rest, _ := strings.Cut(name, "/")
	sub, ok := bundled[top]
	if !ok || rest == "" {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	return sub.Open(rest)
}

// BuiltIn lists the report types bundled in the binary.
func BuiltIn() []string {
	entries, err := fs.ReadDir(templates.FS, ".")
	if err != nil {
		return nil
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	return names
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

func embeddedDir(name string) bool {
	st, err := fs.Stat(templates.FS, name)
	return err == nil && st.IsDir()
}

var errNotFound = errors.New("not found")
