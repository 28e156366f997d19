//go:build !unix

package fonts

import "os"

// openNoWait opens path for reading. On Windows opening a device or a
// named pipe does not wait; openFont then refuses it.
func openNoWait(path string) (*os.File, error) {
	return os.Open(path)
}
