package wording

import (
	"testing"
	"unsafe"
)

// The guard holds a cell for each character of a template's filled text,
// which a table of 100,000 rows makes millions long.
func TestCellIsSmall(t *testing.T) {
	if n := unsafe.Sizeof(cell{}); n > 16 {
		t.Errorf("a cell takes %d bytes, more than 16", n)
	}
}
