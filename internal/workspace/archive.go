package workspace

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"briefing/internal/oserr"
)

// ManifestName is the name of an archive entry's manifest.
const ManifestName = "manifest.json"

// Manifest says what an archive entry holds. briefing diff reads it: the
// workbook and every output sit beside it.
type Manifest struct {
	Report         string    `json:"report"`          // the report type
	Workbook       string    `json:"workbook"`        // file name of the workbook's copy
	WorkbookSHA256 string    `json:"workbook_sha256"` // of that copy
	Time           time.Time `json:"time"`            // when it was built, to the millisecond (builds of one second sort in order)
	Outputs        []string  `json:"outputs"`         // file names, in the order built
	Version        string    `json:"version"`         // briefing's
}

// Entry is one archived build.
type Entry struct {
	Manifest
	ID  string // the folder's name: time, then the workbook's hash
	Dir string
}

// Output is a file to archive.
type Output struct {
	Name string
	Data []byte
}

// Build is what Archive keeps of one successful build.
type Build struct {
	Report   string
	Workbook string // the workbook built from, copied into the entry
	Outputs  []Output
	Version  string
	Time     time.Time
}

// Archive keeps b as a new entry of its report type and returns it. The
// entry is written into a hidden folder first and renamed into place when
// complete: a reader never sees half an entry, and two builds archiving at
// the same moment get two entries. When the newest entry holds the same
// workbook and the same outputs, Archive keeps nothing and returns it.
func (w *Workspace) Archive(b Build) (*Entry, error) {
	wb, err := os.ReadFile(b.Workbook)
	if err != nil {
		return nil, oserr.New("读取", b.Workbook, err)
	}
	m := Manifest{Report: b.Report, Workbook: filepath.Base(b.Workbook), WorkbookSHA256: hash(wb),
		Time: b.Time.UTC().Truncate(time.Millisecond), Version: b.Version}
	for _, o := range b.Outputs {
		m.Outputs = append(m.Outputs, o.Name)
	}
	if latest := w.latest(b.Report); latest != nil && latest.same(m, b.Outputs) {
		return latest, nil
	}
	dir := w.typeDir(b.Report)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, oserr.New("创建目录", dir, err)
	}
	tmp, err := os.MkdirTemp(dir, ".新建-")
	if err != nil {
		return nil, oserr.New("创建目录", dir, err)
	}
	if err := fill(tmp, m, wb, b.Outputs); err != nil {
		os.RemoveAll(tmp)
		return nil, err
	}
	return w.place(tmp, m)
}

// fill writes an entry's files into dir, the manifest last.
func fill(dir string, m Manifest, workbook []byte, outputs []Output) error {
	files := append([]Output{{Name: m.Workbook, Data: workbook}}, outputs...)
	mj, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	files = append(files, Output{Name: ManifestName, Data: append(mj, '\n')})
	for _, f := range files {
		if f.Name != filepath.Base(f.Name) || f.Name == "." || f.Name == ".." {
			return fmt.Errorf("归档：文件名“%s”不能用", oserr.Escape(f.Name))
		}
		p := filepath.Join(dir, f.Name)
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return oserr.New("写入", p, err)
		}
	}
	return nil
}

// place renames a complete entry folder to its name, adding -2, -3 … when
// another build of the same second and workbook took it.
func (w *Workspace) place(tmp string, m Manifest) (*Entry, error) {
	id := m.Time.Local().Format("20060102-150405") + "-" + m.WorkbookSHA256[:8]
	for n := 1; n < 1000; n++ {
		name := id
		if n > 1 {
			name = fmt.Sprintf("%s-%d", id, n)
		}
		dst := filepath.Join(filepath.Dir(tmp), name)
		if _, err := os.Lstat(dst); err == nil {
			continue
		}
		if err := os.Rename(tmp, dst); err != nil {
			if _, statErr := os.Lstat(dst); statErr == nil {
				continue // taken in the meantime
			}
			os.RemoveAll(tmp)
			return nil, oserr.New("归档到", dst, err)
		}
		return &Entry{Manifest: m, ID: name, Dir: dst}, nil
	}
	os.RemoveAll(tmp)
	return nil, errors.New("归档：同一秒内的生成太多")
}

// same reports whether e holds the workbook and the outputs of m.
func (e *Entry) same(m Manifest, outputs []Output) bool {
	if e.WorkbookSHA256 != m.WorkbookSHA256 || !slices.Equal(e.Outputs, m.Outputs) {
		return false
	}
	for _, o := range outputs {
		old, err := os.ReadFile(filepath.Join(e.Dir, o.Name))
		if err != nil || !bytes.Equal(old, o.Data) {
			return false
		}
	}
	return true
}

// typeDir is the archive folder of a report type.
func (w *Workspace) typeDir(report string) string {
	return filepath.Join(w.Dir, ArchiveDir, safeName(report))
}

// safeName is a report type's name as a folder name.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || strings.ContainsRune(`/\:*?"<>|`, r) {
			return '_'
		}
		return r
	}, s)
	if s == "" || s == "." || s == ".." || strings.HasPrefix(s, ".") {
		s = "_" + s
	}
	return s
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Entries lists the archived builds of a report type, newest first.
func (w *Workspace) Entries(report string) []*Entry {
	dir := w.typeDir(report)
	names, _ := os.ReadDir(dir)
	var out []*Entry
	for _, n := range names {
		if !n.IsDir() || strings.HasPrefix(n.Name(), ".") {
			continue
		}
		if e, err := ReadEntry(filepath.Join(dir, n.Name())); err == nil && e.Report == report {
			out = append(out, e)
		}
	}
	slices.SortFunc(out, func(a, b *Entry) int {
		if c := b.Time.Compare(a.Time); c != 0 {
			return c
		}
		return strings.Compare(b.ID, a.ID)
	})
	return out
}

// Entry finds an archived build by its ID.
func (w *Workspace) Entry(report, id string) (*Entry, bool) {
	for _, e := range w.Entries(report) {
		if e.ID == id {
			return e, true
		}
	}
	return nil, false
}

func (w *Workspace) latest(report string) *Entry {
	if es := w.Entries(report); len(es) > 0 {
		return es[0]
	}
	return nil
}

// Previous is the build to compare e with: the newest entry before it
// built from another workbook (last month's), or nil.
func (w *Workspace) Previous(e *Entry) *Entry {
	after := true
	for _, o := range w.Entries(e.Report) {
		if o.ID == e.ID {
			after = false
			continue
		}
		if !after && o.WorkbookSHA256 != e.WorkbookSHA256 {
			return o
		}
	}
	return nil
}

// ReadEntry reads the archive entry in dir: its manifest, which must name
// files that are there.
func ReadEntry(dir string) (*Entry, error) {
	f, err := os.Open(filepath.Join(dir, ManifestName))
	if err != nil {
		return nil, oserr.New("读取", filepath.Join(dir, ManifestName), err)
	}
	defer f.Close()
	var m Manifest
	if err := json.NewDecoder(io.LimitReader(f, 1<<20)).Decode(&m); err != nil {
		return nil, fmt.Errorf("%s 不是 briefing 的归档清单：%v", oserr.Path(filepath.Join(dir, ManifestName)), err)
	}
	e := &Entry{Manifest: m, ID: filepath.Base(dir), Dir: dir}
	for _, name := range append([]string{m.Workbook}, m.Outputs...) {
		if _, ok := e.File(name); !ok {
			return nil, fmt.Errorf("%s：清单中的文件“%s”不在归档中", oserr.Path(dir), oserr.Escape(name))
		}
	}
	return e, nil
}

// File returns the path of a file of the entry, when the manifest lists
// it (the workbook or an output) and it is there.
func (e *Entry) File(name string) (string, bool) {
	if name == "" || name != filepath.Base(name) || (name != e.Workbook && !slices.Contains(e.Outputs, name)) {
		return "", false
	}
	p := filepath.Join(e.Dir, name)
	fi, err := os.Lstat(p)
	return p, err == nil && fi.Mode().IsRegular()
}

// Output returns the path of the entry's output in a format (“pdf”).
func (e *Entry) Output(format string) (string, bool) {
	for _, name := range e.Outputs {
		if strings.EqualFold(strings.TrimPrefix(filepath.Ext(name), "."), format) {
			return e.File(name)
		}
	}
	return "", false
}

// Snapshot copies a workbook into the workspace's state folder, so that a
// build reads one version of it however the clerk goes on editing it, and
// returns the copy's path. The copy keeps the workbook's name: messages
// name it. A workbook over limit bytes is refused.
func (w *Workspace) Snapshot(name string, r io.Reader, limit int64) (string, error) {
	dir := filepath.Join(w.Dir, StateDir, "工作簿")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", oserr.New("创建目录", dir, err)
	}
	sub, err := os.MkdirTemp(dir, "")
	if err != nil {
		return "", oserr.New("创建目录", dir, err)
	}
	p := filepath.Join(sub, cleanFileName(name))
	if err := copyLimited(p, r, limit); err != nil {
		os.RemoveAll(sub)
		return "", err
	}
	return p, nil
}

// snapshotsKept is how long a snapshot outlives the process that made it
// (a build cut short by a power cut): Tidy removes older ones.
const snapshotsKept = 24 * time.Hour

// Tidy removes the snapshots of workbooks older than a day, which a
// process that ended abruptly left behind.
func (w *Workspace) Tidy() {
	dir := filepath.Join(w.Dir, StateDir, "工作簿")
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fi, err := e.Info()
		if err == nil && e.IsDir() && time.Since(fi.ModTime()) > snapshotsKept {
			os.RemoveAll(filepath.Join(dir, e.Name()))
		}
	}
}

// ErrTooBig refuses a workbook over the limit.
var ErrTooBig = errors.New("工作簿太大")

func copyLimited(p string, r io.Reader, limit int64) error {
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return oserr.New("写入", p, err)
	}
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = ErrTooBig
	}
	return err
}

// Release removes a snapshot Snapshot made.
func (w *Workspace) Release(snapshot string) {
	dir := filepath.Dir(snapshot)
	if within(filepath.Join(w.Dir, StateDir), dir) && dir != filepath.Join(w.Dir, StateDir) {
		os.RemoveAll(dir)
	}
}

// cleanFileName keeps the base name of an uploaded file, or makes one.
func cleanFileName(name string) string {
	name = filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	name = safeName(name)
	if !IsWorkbook(name) {
		name += ".xlsx"
	}
	return name
}
