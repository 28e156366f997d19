package deflate

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"testing"
)

// TestSameBytesAsANewWriter: a writer used again gives the bytes a new
// zlib writer at BestSpeed gives, so the PDF is the same whichever
// compresses a stream.
func TestSameBytesAsANewWriter(t *testing.T) {
	inputs := []string{strings.Repeat("BT 79.37 105.00 Td (abc) Tj ET\n", 400), "短", "", strings.Repeat("甲乙丙丁", 5000)}
	for round := 0; round < 2; round++ {
		for _, in := range inputs {
			var got, want bytes.Buffer
			if err := Write(&got, []byte(in)); err != nil {
				t.Fatal(err)
			}
			w, _ := zlib.NewWriterLevel(&want, zlib.BestSpeed)
			w.Write([]byte(in))
			w.Close()
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("round %d: %d bytes differ from a new writer's %d", round, got.Len(), want.Len())
			}
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
