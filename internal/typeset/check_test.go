package typeset

import (
	"strings"
	"testing"
)

// Check finds each kind of fault in a document that was good.
func TestCheckFindsFaults(t *testing.T) {
	good := func() *Document {
		blocks := []Block{para(han(26+28*30+10) + "。")}
		for i := 0; i < 3; i++ {
			blocks = append(blocks, para(han(26+28*4+9)+"。"))
		}
		return layout(t, blocks)
	}
	if v := Check(good()); len(v) > 0 {
		t.Fatalf("good document: %v", v)
	}
	// line returns line i (0-based) of page p (1-based).
	line := func(d *Document, p, i int) *Line { return &d.Pages[p-1].Lines[i] }
	for _, c := range []struct {
		rule  string
		spoil func(d *Document)
	}{
		{"grid", func(d *Document) { line(d, 1, 3).Baseline += 1 }},
		{"flush-right", func(d *Document) {
			gs := line(d, 1, 3).Glyphs
			gs[len(gs)-1].X -= 1
		}},
		{"flush-left", func(d *Document) { line(d, 1, 3).Glyphs[0].X += 1 }},
		{"margin", func(d *Document) { line(d, 1, 3).Glyphs[0].X -= 20 }},
		{"order", func(d *Document) {
			gs := line(d, 1, 3).Glyphs
			gs[4].X = gs[3].X
		}},
		{"line-start", func(d *Document) { line(d, 1, 3).Glyphs[0].R = '，' }},
		{"line-end", func(d *Document) {
			gs := line(d, 1, 3).Glyphs
			gs[len(gs)-1].R = '《'
		}},
		{"split-number", func(d *Document) {
			gs := line(d, 1, 3).Glyphs
			gs[len(gs)-1].R = '8'
			line(d, 1, 4).Glyphs[0].R = '2'
		}},
		{"split-dash", func(d *Document) {
			gs := line(d, 1, 3).Glyphs
			gs[len(gs)-1].R = '—'
			line(d, 1, 4).Glyphs[0].R = '—'
		}},
		{"line-start", func(d *Document) { // …… may open a paragraph, not another line
			gs := line(d, 1, 3).Glyphs
			gs[0].R, gs[1].R = '…', '…'
		}},
		{"orphan", func(d *Document) {
			l := line(d, 2, 9) // the last line of the first paragraph
			if !l.Final {
				t.Fatalf("line 10 of page 2 is not a paragraph's last: %q", text(*l))
			}
			l.Glyphs = l.Glyphs[len(l.Glyphs)-2:]
		}},
		{"widow", func(d *Document) {
			d.Pages[1].Lines[0].Final = true
			d.Pages[1].Lines[0].Glyphs = d.Pages[1].Lines[0].Glyphs[:5]
		}},
		{"lines-per-page", func(d *Document) { d.Pages[0].Lines = d.Pages[0].Lines[:21] }},
		{"chars-per-line", func(d *Document) {
			for p := range d.Pages {
				for i := range d.Pages[p].Lines {
					if l := &d.Pages[p].Lines[i]; !l.Final {
						l.Glyphs = l.Glyphs[:len(l.Glyphs)-1]
					}
				}
			}
		}},
		{"folio", func(d *Document) { d.Pages[1].Folio.Glyphs[0].X += 40 }},
		{"folio", func(d *Document) { d.Pages[0].Folio = nil }},
		{"folio", func(d *Document) { d.Pages[0].Folio.Glyphs[2].R = '7' }},
		{"page-size", func(d *Document) { d.Geometry.PageWidth = 612 }},
		{"missing-glyph", func(d *Document) { line(d, 1, 3).Glyphs[5].R = '\uFFFD' }},
	} {
		d := good()
		c.spoil(d)
		found := false
		var got []string
		for _, v := range Check(d) {
			found = found || v.Rule == c.rule
			got = append(got, v.String())
		}
		if !found {
			t.Errorf("%s not found; Check says:\n%s", c.rule, strings.Join(got, "\n"))
		}
	}
}

func TestViolationString(t *testing.T) {
	v := Violation{Page: 3, Line: 7, Rule: "line-start", Detail: "'，' starts a line"}
	if got := v.String(); got != "page 3 line 7: line-start: '，' starts a line" {
		t.Errorf("%q", got)
	}
	v.Line = 0
	if got := v.String(); got != "page 3: line-start: '，' starts a line" {
		t.Errorf("%q", got)
	}
}
