package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"briefing/internal/oserr"
)

// WriteError is a failure to write the outputs. Its message says which
// output could not be written and why, in Chinese, and what became of the
// directory: nothing written, or what could not be put back.
type WriteError struct {
	Err   error    // an *oserr.Error, naming the output (never a temporary file)
	Notes []string // what could not be undone; none when nothing was written
}

// Error is the message for the clerk.
func (e *WriteError) Error() string {
	if len(e.Notes) == 0 {
		return e.Err.Error() + "；没有写出任何文件"
	}
	return e.Err.Error() + "\n" + strings.Join(e.Notes, "\n")
}

// Unwrap returns the cause.
func (e *WriteError) Unwrap() error { return e.Err }

// Write writes files into dir, all or nothing: a reader of dir sees either
// the files that were there before or all the new ones, never a mix and
// never a half-written file. Each file goes to a hidden temporary file in
// dir first; when all are complete, each output already there is moved
// aside to a hidden backup and the new one renamed into place; the backups
// are removed once all are in place. On failure every step is undone: no
// temporary or backup file remains, the previous outputs are back, and the
// directories Write made are removed.
func Write(dir string, files []File) error {
	return write(dir, files, &Guard{})
}

// WriteGuarded is Write under g: Guard.Stop undoes it, whenever it comes
// (a batch stops the writes of all its reports at once).
func WriteGuarded(dir string, files []File, g *Guard) error {
	return write(dir, files, g)
}

// write is Write under a guard that an interrupt may stop.
func write(dir string, files []File, g *Guard) error {
	pause("start")
	if err := g.mkdirAll(dir); err != nil {
		return failed(g, opMkdir, dir, err)
	}
	temps, err := g.writeTemps(dir, files)
	if err != nil {
		return err
	}
	pause("written")
	backups, err := g.putInPlace(dir, files, temps)
	if err != nil {
		return err
	}
	if err := g.commit(); err != nil {
		return err
	}
	removeBackups(backups)
	return nil
}

// writeTemps writes each file to a temporary file in dir and returns their
// names.
func (g *Guard) writeTemps(dir string, files []File) ([]string, error) {
	temps := make([]string, len(files))
	for i, f := range files {
		var err error
		if temps[i], err = g.writeTemp(dir, f); err != nil {
			return nil, failed(g, oserr.Write, filepath.Join(dir, f.Name), err)
		}
		pause("temp")
	}
	return temps, nil
}

// putInPlace renames each temporary file to its output's name and returns
// the backups of the outputs it replaced.
func (g *Guard) putInPlace(dir string, files []File, temps []string) ([]string, error) {
	var backups []string
	for i, f := range files {
		final := filepath.Join(dir, f.Name)
		bak, op, err := g.replace(temps[i], final)
		if err != nil {
			return nil, failed(g, op, final, err)
		}
		backups = append(backups, bak)
		pause("replaced")
	}
	return backups, nil
}

// failed undoes what a Write did and returns its error, naming the output
// path for op.
func failed(g *Guard, op, path string, err error) error {
	if errors.Is(err, ErrInterrupted) {
		return err
	}
	return &WriteError{Err: oserr.New(op, path, err), Notes: g.fail()}
}

// mkdirAll makes dir and the directories above it that are missing, each a
// step that is undone by removing it (when it is still empty).
func (g *Guard) mkdirAll(dir string) error {
	info, err := os.Stat(dir)
	switch {
	case err == nil && info.IsDir():
		return nil
	case err == nil:
		return &fs.PathError{Op: "mkdir", Path: dir, Err: syscall.ENOTDIR}
	case !errors.Is(err, fs.ErrNotExist):
		return err
	}
	if parent := filepath.Dir(dir); parent != dir {
		if err := g.mkdirAll(parent); err != nil {
			return err
		}
	}
	return g.step(func() error {
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
		g.trackDir(dir)
		return nil
	}, func() note {
		os.Remove(dir)
		return ""
	})
}

// writeTemp writes f to a new hidden temporary file in dir and returns its
// name; the step is undone by removing it.
func (g *Guard) writeTemp(dir string, f File) (string, error) {
	var name string
	err := g.step(func() error {
		tmp, err := os.CreateTemp(dir, "."+f.Name+".*.tmp")
		if err != nil {
			return err
		}
		name = tmp.Name()
		g.track(name, false)
		pause("writing")
		if err := fill(tmp, f.Data); err != nil {
			removeTemp(g, name)
			return err
		}
		return nil
	}, func() note {
		removeTemp(g, name)
		return ""
	})
	return name, err
}

// fill writes data to a new temporary file, closes it and makes it
// readable by all, as an output should be.
func fill(tmp *os.File, data []byte) error {
	_, err := sink(tmp).Write(data)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Chmod(tmp.Name(), 0o644)
	}
	return err
}

// removeTemp removes a temporary file.
func removeTemp(g *Guard, name string) {
	if err := os.Remove(name); err == nil || errors.Is(err, fs.ErrNotExist) {
		g.track(name, true)
	}
}

// replace puts the temporary file tmp in place of final and returns the
// backup of the output that was there ("" when none) and the operation
// that failed. A directory in the way is refused, not moved.
func (g *Guard) replace(tmp, final string) (bak, op string, err error) {
	info, err := os.Lstat(final)
	switch {
	case err == nil && info.IsDir():
		return "", opPlace, &fs.PathError{Op: "rename", Path: final, Err: syscall.EISDIR}
	case err == nil:
		if bak, err = g.backup(final); err != nil {
			return "", oserr.Replace, err
		}
	case !errors.Is(err, fs.ErrNotExist):
		return "", opPlace, err
	}
	err = g.step(func() error { return os.Rename(tmp, final) }, func() note {
		if err := os.Remove(final); err != nil && !errors.Is(err, fs.ErrNotExist) && bak == "" {
			return "请删除不完整的 " + oserr.Path(final)
		}
		return ""
	})
	if err == nil {
		g.track(tmp, true)
	}
	return bak, opPlace, err
}

// Operations of Write, as messages word them.
const (
	opPlace = "写出"
	opMkdir = "创建输出目录"
)

// backup moves the output at final aside to a new hidden file next to it
// and returns that file's name; the step is undone by moving it back.
func (g *Guard) backup(final string) (string, error) {
	var bak string
	err := g.step(func() error {
		f, err := os.CreateTemp(filepath.Dir(final), "."+filepath.Base(final)+".*.bak")
		if err != nil {
			return err
		}
		bak = f.Name()
		f.Close()
		if err := os.Rename(final, bak); err != nil {
			os.Remove(bak)
			return err
		}
		return nil
	}, func() note {
		if err := os.Rename(bak, final); err != nil {
			return "原来的 " + oserr.Path(final) + " 保存在 " + oserr.Path(bak) + "，请把它改回原名"
		}
		return ""
	})
	return bak, err
}

// removeBackups removes the previous outputs once the new ones are all in
// place.
func removeBackups(backups []string) {
	for _, b := range backups {
		if b != "" {
			os.Remove(b)
		}
	}
}
