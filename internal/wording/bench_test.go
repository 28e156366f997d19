package wording

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkCheck checks the sample's 主要工作 section repeated to about 100 pages.
func BenchmarkCheck(b *testing.B) {
	src, err := os.ReadFile("../../sections/主要工作.md")
	if err != nil {
		b.Fatal(err)
	}
	segs := sampleSegments("主要工作.md", strings.Repeat(string(src), 20), Minus)
	names := sampleFacts(Minus)
	b.ResetTimer()
	for range b.N {
		Check(segs, names)
	}
}
