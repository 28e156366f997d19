package fill

import "testing"

// TestLineIndex: the line of every offset, from the index of line starts,
// is the one position counts, at the ends and past them too.
func TestLineIndex(t *testing.T) {
	srcs := map[string]string{"a.md": "\n\n第一行\n二\n\n末行无换行", "b.md": "", "c.md": "\n"}
	x := lineIndex{}
	for file, src := range srcs {
		for off := -2; off <= len(src)+2; off++ {
			want, _ := position(src, off)
			if got := x.line(srcs, file, off); got != want {
				t.Errorf("%s at %d: line %d, position says %d", file, off, got, want)
			}
		}
	}
}
