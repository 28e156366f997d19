//go:build unix

package inputfile

import (
	"os"
	"syscall"
)

// openNoWait opens path for reading; O_NONBLOCK keeps the opening of a FIFO
// from waiting for a writer (Open then refuses it).
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
