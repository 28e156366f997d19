package typeset

import "testing"

// pagesOf repeats the seed report's paragraphs until they fill about n
// pages of 22 × 28 characters.
func pagesOf(b testing.TB, n int) []Block {
	seed := seedReport(b)
	blocks := seed[:2:2]
	chars := 0
	for chars < n*22*28*9/10 {
		for _, bl := range seed[2 : len(seed)-2] {
			for _, r := range bl.Runs {
				chars += len([]rune(r.Text))
			}
			blocks = append(blocks, bl)
		}
	}
	return append(blocks, seed[len(seed)-2:]...)
}

func BenchmarkLayout(b *testing.B) {
	lines := readLines(b, samplePath)
	sample := append([]Block{{Kind: KindTitle, Runs: []Run{{Text: lines[0], Style: Style{Role: RoleTitle, Size: 22}}}}}, report(lines[1:])...)
	for _, c := range []struct {
		name   string
		blocks []Block
	}{
		{"sample", sample},
		{"seed", seedReport(b)},
		{"100pages", pagesOf(b, 100)},
	} {
		b.Run(c.name, func(b *testing.B) {
			d, err := Layout(c.blocks, GBT9704(), fakeShaper{})
			if err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Layout(c.blocks, GBT9704(), fakeShaper{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Pages)), "pages")
		})
	}
}
