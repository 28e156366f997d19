package report

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"briefing/internal/fill"
	"briefing/internal/inputfile"
	"briefing/internal/oserr"
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

// diskFiles are the files of a report directory on disk. A report may
// read only files under its roots (see defaultRoots), after resolving
// symbolic links, and only regular files of at most maxFileSize bytes.
type diskFiles struct {
	dir   string
	roots []string
	log   *readLog
}

// readLog lists the files a report read, for Report.Files.
type readLog struct {
	mu    sync.Mutex
	paths []string
}

func (l *readLog) add(p string) {
	if l == nil {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if !slices.Contains(l.paths, p) {
		l.paths = append(l.paths, p)
	}
}

func (d diskFiles) path(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return filepath.Join(d.dir, filepath.FromSlash(rel))
}
func (d diskFiles) read(rel string) ([]byte, error) {
	p := d.path(rel)
	d.log.add(p)
	if err := d.allowed(p); err != nil {
		return nil, err
	}
	return readRegular(p)
}
func (d diskFiles) name(rel string) string { return d.path(rel) }
func (d diskFiles) disk(rel string) string { return d.path(rel) }

// maxFileSize bounds a file a report reads: a template, a phrase file or
// an image. A template of a thousand-page report is some 3 MB.
const maxFileSize = 32 << 20

// readRegular reads a regular file of at most maxFileSize bytes; a
// directory, a device or a pipe is refused without waiting.
func readRegular(p string) ([]byte, error) {
	data, err := inputfile.Read(p, maxFileSize)
	var refused *inputfile.Error
	if errors.As(err, &refused) {
		return nil, &fileError{p, refusal(p, refused)}
	}
	return data, err
}

// refusal words a file the inputfile package refused.
func refusal(p string, e *inputfile.Error) string {
	shown := oserr.Path(p)
	switch e.Err {
	case inputfile.ErrDir:
		return fmt.Sprintf("%s 是一个目录，不是文件", shown)
	case inputfile.ErrTooBig:
		return fmt.Sprintf("文件 %s 有 %d MB，超过 %d MB 的上限", shown, e.Size>>20, maxFileSize>>20)
	}
	return fmt.Sprintf("%s 不是普通文件（是设备、管道或套接字），不能读取", shown)
}

// allowed refuses a path whose real place (symbolic links resolved) is
// outside the report's roots.
func (d diskFiles) allowed(p string) error {
	real, err := filepath.EvalSymlinks(p)
	if err != nil {
		return err
	}
	if real, err = filepath.Abs(real); err != nil {
		return err
	}
	for _, r := range d.roots {
		if root, err := filepath.EvalSymlinks(r); err == nil && inside(root, real) {
			return nil
		}
	}
	shown := p
	if abs, _ := filepath.Abs(p); real != abs {
		shown += "（实际位置 " + real + "）"
	}
	return &fileError{p, fmt.Sprintf("%s 不在报告可以读取的目录（%s）之内，不能读取：报告用到的文件（章节、短语、图片、工作簿）必须在这些目录中；确需读取别处的文件时，用 -root 指定允许读取的目录", shown, strings.Join(d.roots, "、"))}
}

// inside reports whether path p lies in dir or below it.
func inside(dir, p string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// fileError is a file a report may not read, with a message in Chinese.
type fileError struct{ path, msg string }

func (e *fileError) Error() string { return e.msg }

// defaultRoots are the directories a report on disk may read from: its
// own directory and, when it lies in a folder that holds briefing's
// templates/ and sections/ (the repository, or a copy of its layout), that
// folder's templates/, sections/ and samples/ — the files the bundled
// report types use.
func defaultRoots(dir string) []string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return []string{dir}
	}
	roots := []string{abs}
	for a := filepath.Dir(abs); ; a = filepath.Dir(a) {
		if isDir(filepath.Join(a, "templates")) && isDir(filepath.Join(a, "sections")) {
			return append(roots, filepath.Join(a, "templates"), filepath.Join(a, "sections"), filepath.Join(a, "samples"))
		}
		if filepath.Dir(a) == a {
			return roots
		}
	}
}

// embedFiles are the files of a report bundled in the binary: only the
// bundled ones.
type embedFiles struct{ dir string }

func (e embedFiles) path(rel string) string { return path.Join(e.dir, filepath.ToSlash(rel)) }
func (e embedFiles) read(rel string) ([]byte, error) {
	if filepath.IsAbs(rel) || path.IsAbs(filepath.ToSlash(rel)) {
		return nil, &fileError{rel, fmt.Sprintf("内置的报告只能使用内置的文件，不能读取 %s", rel)}
	}
	return fs.ReadFile(bundle{}, e.path(rel))
}
func (e embedFiles) name(rel string) string {
	if filepath.IsAbs(rel) {
		return rel
	}
	return "内置:" + e.path(rel)
}
func (e embedFiles) disk(string) string { return "" }

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

// A LoadOption configures Load.
type LoadOption func(*loadOptions)

type loadOptions struct {
	root   string
	limits fill.Limits
}

// Limits bound the filling of a report's templates: see fill.Limits.
type Limits = fill.Limits

// WithLimits sets the limits of the fill; a zero field keeps the default.
func WithLimits(l Limits) LoadOption { return func(o *loadOptions) { o.limits = l } }

// WithRoot lets a report on disk read the files under root (and only
// those), instead of its own directory and the templates/, sections/ and
// samples/ of the folder it lies in.
func WithRoot(root string) LoadOption { return func(o *loadOptions) { o.root = root } }

func (o loadOptions) rootsOf(dir string) []string {
	if o.root != "" {
		if abs, err := filepath.Abs(o.root); err == nil {
			return []string{abs}
		}
		return []string{o.root}
	}
	return defaultRoots(dir)
}

// fileProblem says in Chinese why a file a report names (what: 章节模板,
// 短语文件, 文件) cannot be read.
func fileProblem(name, what string, err error) string {
	var fe *fileError
	switch {
	case errors.As(err, &fe):
		return fe.msg
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Sprintf("找不到%s %s", what, name)
	}
	return fmt.Sprintf("无法读取%s %s：%s", what, name, readProblem(err))
}

// readProblem says in Chinese why a file could not be read.
func readProblem(err error) string {
	var fe *fileError
	switch {
	case errors.As(err, &fe):
		return fe.msg
	case errors.Is(err, fs.ErrPermission):
		return "没有读取权限"
	case errors.Is(err, fs.ErrNotExist):
		return "文件不存在"
	}
	return oserr.Reason(oserr.Read, "", err)
}
