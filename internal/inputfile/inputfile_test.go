//go:build unix

package inputfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestRefusals: a regular file is read; a directory, a FIFO without a
// writer, a device and a file over the limit are refused at once.
func TestRefusals(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "小.md")
	os.WriteFile(small, []byte("正文"), 0o644)
	big := filepath.Join(dir, "大.md")
	os.WriteFile(big, make([]byte, 101), 0o644)
	fifo := filepath.Join(dir, "管道")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFO here:", err)
	}
	cases := []struct {
		path string
		want error
	}{
		{small, nil}, {dir, ErrDir}, {fifo, ErrNotRegular}, {"/dev/zero", ErrNotRegular}, {big, ErrTooBig},
		{filepath.Join(dir, "没有"), os.ErrNotExist},
	}
	for _, c := range cases {
		start := time.Now()
		data, err := Read(c.path, 100)
		if time.Since(start) > time.Second || !errors.Is(err, c.want) && !(c.want == nil && err == nil) {
			t.Errorf("%s: %v, want %v", c.path, err, c.want)
		}
		if c.want == nil && string(data) != "正文" {
			t.Errorf("%s: %q", c.path, data)
		}
	}
	var e *Error
	if _, err := Read(big, 100); !errors.As(err, &e) || e.Size != 101 {
		t.Errorf("size of a refused file: %v", err)
	}
}
