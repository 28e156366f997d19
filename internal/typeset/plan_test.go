package typeset

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// planBlocks is a title, paragraphs and a table over several pages.
func planBlocks() []Block {
	blocks := []Block{{Kind: KindTitle, Align: AlignCenter, Runs: []Run{{Text: "关于鹤岭县重点产业链企业生产经营情况和下一步工作打算的汇报", Style: Style{Role: RoleTitle, Size: 22}}}}}
	for i := range 12 {
		blocks = append(blocks, para(strings.Repeat("今年以来，全县工业经济运行总体平稳，规上工业增加值同比增长5.2%。", 1+i%4)))
	}
	tab := &Table{Columns: []Column{{Align: AlignLeft}, {Align: AlignRight}}}
	tab.Header = [][]Cell{{{Runs: body("企业")}, {Runs: body("产值（亿元）")}}}
	for i := range 90 {
		tab.Rows = append(tab.Rows, []Cell{{Runs: body(fmt.Sprintf("鹤岭县第%d号企业", i+1))}, {Runs: body(fmt.Sprintf("%d.%d", i%13, i%10))}})
	}
	return append(blocks, Block{Kind: KindTable, Table: tab}, para("以上情况，特此报告。"))
}

// TestEmitIsLayout: the pages Emit hands out one at a time are the pages
// of Layout; Chars names every character drawn, Lines the title's lines.
func TestEmitIsLayout(t *testing.T) {
	plan, err := Prepare(planBlocks(), GBT9704(), fakeShaper{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := plan.Document()
	if err != nil {
		t.Fatal(err)
	}
	var got []Page
	err = plan.Emit(func(p *Page) error {
		c := *p
		c.Lines = append([]Line(nil), p.Lines...)
		for i := range c.Lines {
			c.Lines[i].Glyphs = append([]Glyph(nil), c.Lines[i].Glyphs...)
		}
		c.Rules = append([]Rule(nil), p.Rules...)
		c.Marks = append([]Mark(nil), p.Marks...)
		if p.Folio != nil {
			f := *p.Folio
			c.Folio = &f
		}
		c.pool = nil
		got = append(got, c)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) < 4 || len(got) != len(want.Pages) || plan.Pages() != len(got) {
		t.Fatalf("Emit: %d pages, Document %d, Pages %d", len(got), len(want.Pages), plan.Pages())
	}
	for i := range got {
		w := want.Pages[i]
		w.pool = nil
		if !reflect.DeepEqual(got[i], w) {
			t.Fatalf("page %d differs", i+1)
		}
	}
	chars := map[[2]int]bool{}
	plan.Chars(func(face int, r rune, n int) { chars[[2]int{face, int(r)}] = n > 0 })
	var title []string
	for _, p := range want.Pages {
		for _, l := range append(p.Lines, *p.Folio) {
			for _, g := range l.Glyphs {
				if g.R != ' ' && !chars[[2]int{g.Face, int(g.R)}] {
					t.Fatalf("page %d draws %q, which Chars does not name", p.Number, g.R)
				}
			}
			if l.Kind == KindTitle && l.Block == 0 {
				title = append(title, text(l))
			}
		}
	}
	if lines := plan.Lines(KindTitle); !reflect.DeepEqual(lines, title) {
		t.Errorf("Lines(KindTitle) = %q, want %q", lines, title)
	}
	if n, err := plan.Count(); err != nil || n != len(got) {
		t.Errorf("Count = %d, %v", n, err)
	}
}
