package typeset

import (
	"testing"
	"unicode"
)

// TestEachPunct: walking the table's ranges finds the characters that
// unicode.IsPunct says are punctuation, and no others.
func TestEachPunct(t *testing.T) {
	for _, span := range [][2]rune{{0, 0x33FF}, {0xFE00, 0xFFFF}, {0x20, 0x7E}} {
		got := map[rune]bool{}
		eachPunct(span[0], span[1], func(r rune) { got[r] = true })
		for r := span[0]; r <= span[1]; r++ {
			if got[r] != unicode.IsPunct(r) {
				t.Errorf("U+%04X: eachPunct %v, IsPunct %v", r, got[r], unicode.IsPunct(r))
			}
		}
		if len(got) == 0 {
			t.Errorf("%X–%X: no punctuation", span[0], span[1])
		}
	}
}
