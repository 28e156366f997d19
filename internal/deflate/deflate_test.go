package deflate

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"
)

// TestCompactDecompresses: what Compact writes is zlib that decompresses
// to its input, and the same input gives the same bytes, however often the
// compressors are used.
func TestCompactDecompresses(t *testing.T) {
	inputs := []string{strings.Repeat("\x00\x01glyf", 4000), "短", "", strings.Repeat("甲乙丙丁", 5000)}
	first := map[string][]byte{}
	for round := 0; round < 3; round++ {
		for _, in := range inputs {
			var got bytes.Buffer
			if err := Compact(&got, []byte(in)); err != nil {
				t.Fatal(err)
			}
			if prev, ok := first[in]; ok && !bytes.Equal(prev, got.Bytes()) {
				t.Fatalf("round %d: other bytes for the same input", round)
			}
			first[in] = bytes.Clone(got.Bytes())
			r, err := zlib.NewReader(&got)
			if err != nil {
				t.Fatal(err)
			}
			back, _ := io.ReadAll(r)
			if string(back) != in {
				t.Fatal("does not decompress to its input")
			}
		}
	}
}
