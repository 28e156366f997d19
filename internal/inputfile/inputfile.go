// Package inputfile opens the files briefing reads — workbooks, templates,
// images, fonts — so that no input can make it wait or fill the memory: a
// file is opened without waiting (a FIFO with no writer does not block),
// and what is not a regular file, or is larger than the caller's limit, is
// refused before it is read.
//
//	data, err := inputfile.Read("章节/主要工作.md", 32<<20)
//	if errors.Is(err, inputfile.ErrNotRegular) { … }
//
// The errors wrap ErrDir, ErrNotRegular or ErrTooBig, or the system's
// error; callers word them for the clerk.
package inputfile

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// The refusals.
var (
	ErrDir        = errors.New("is a directory")
	ErrNotRegular = errors.New("is not a regular file")
	ErrTooBig     = errors.New("is too large")
)

// Error is a refused file: its path, the refusal, and its size.
type Error struct {
	Path string
	Err  error // ErrDir, ErrNotRegular or ErrTooBig
	Size int64
}

func (e *Error) Error() string { return fmt.Sprintf("%s %v", e.Path, e.Err) }
func (e *Error) Unwrap() error { return e.Err }

// Open opens path for reading and returns it with its size, refusing a
// directory, anything that is not a regular file, and a file of more than
// max bytes.
func Open(path string, max int64) (*os.File, int64, error) {
	f, err := openNoWait(path)
	if err != nil {
		return nil, 0, err
	}
	info, err := f.Stat()
	switch {
	case err != nil:
	case info.IsDir():
		err = &Error{path, ErrDir, 0}
	case !info.Mode().IsRegular():
		err = &Error{path, ErrNotRegular, 0}
	case info.Size() > max:
		err = &Error{path, ErrTooBig, info.Size()}
	}
	if err != nil {
		f.Close()
		return nil, 0, err
	}
	return f, info.Size(), nil
}

// Read reads a regular file of at most max bytes.
func Read(path string, max int64) ([]byte, error) {
	f, _, err := Open(path, max)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(data)) > max {
		err = &Error{path, ErrTooBig, int64(len(data))}
	}
	return data, err
}
