package typeset

import (
	"reflect"
	"testing"
)

// TestParallelSameLayout: the layout two goroutines make (layUnits) is the
// one a single goroutine makes, glyph for glyph, on the model report, on
// text with a table and a figure in the middle of its paragraphs, and
// whichever stretch of paragraphs the fork takes.
func TestParallelSameLayout(t *testing.T) {
	mixed := append(seedReport(t)[:8:8], Block{Kind: KindFigure, Figure: &Figure{Lines: 5}})
	mixed = append(mixed, planBlocks()...)
	mixed = append(mixed, seedReport(t)[8:]...)
	old := parallelText
	defer func() { parallelText = old }()
	for name, blocks := range map[string][]Block{"model report": seedReport(t), "table and figure": mixed, "paragraphs only": report(readLines(t, seedPath))} {
		parallelText = 1 << 30
		want := layout(t, blocks)
		for _, at := range []int{1, 2000, 6000} {
			parallelText = at
			l := &layouter{g: GBT9704(), blocks: blocks}
			if m, k := l.split(); m >= k {
				t.Errorf("%s, from %d bytes: not split", name, at)
			}
			if got := layout(t, blocks); !reflect.DeepEqual(clearPools(got), clearPools(want)) {
				t.Errorf("%s, from %d bytes: the layout differs from one goroutine's", name, at)
			}
		}
	}
}

// clearPools drops the pages' reusable memory, which DeepEqual need not see.
func clearPools(d *Document) *Document {
	for i := range d.Pages {
		d.Pages[i].pool = nil
	}
	return d
}

// TestParallelErrors: a missing character is reported where one goroutine
// reports it, in the caller's blocks and in the fork's.
func TestParallelErrors(t *testing.T) {
	old := parallelText
	defer func() { parallelText = old }()
	parallelText = 1
	blocks := seedReport(t)
	l := &layouter{g: GBT9704(), blocks: blocks}
	m, k := l.split()
	for _, bi := range []int{2, m, k - 1} {
		bs := append([]Block(nil), blocks...)
		bs[bi] = para("缺\uE000字")
		_, err := Layout(bs, GBT9704(), fakeShaper{})
		mg, ok := err.(*MissingGlyphError)
		if !ok || mg.Block != bi {
			t.Errorf("missing glyph in block %d (fork %d–%d): %v", bi, m, k, err)
		}
	}
}
