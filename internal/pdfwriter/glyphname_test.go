package pdfwriter

import (
	"fmt"
	"testing"
)

// TestGlyphName: the names of characters in and beyond the Basic
// Multilingual Plane, as PDF readers know them.
func TestGlyphName(t *testing.T) {
	for _, r := range []rune{'!', 'A', '中', '\uFFFD', 0x10000, 0x2A6D6} {
		want := fmt.Sprintf("uni%04X", r)
		if r > 0xFFFF {
			want = fmt.Sprintf("u%06X", r)
		}
		if got := glyphName(r); got != want {
			t.Errorf("%U: %s, want %s", r, got, want)
		}
	}
}
