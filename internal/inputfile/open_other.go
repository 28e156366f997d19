//go:build !unix

package inputfile

import "os"

// openNoWait opens path for reading. On Windows opening a device or a
// named pipe does not wait; Open then refuses it.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
