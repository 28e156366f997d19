// Package deflate compresses the streams of a PDF (FlateDecode: zlib) with
// compressors that are used again: a new zlib writer allocates and clears
// about a megabyte, more than it takes to compress a page. Safe for
// concurrent use.
//
// Write compresses as fpdf does (the standard library at BestSpeed), so
// that a page compressed here has the bytes fpdf would give it. Compact
// compresses streams fpdf never sees (the font programs, about nine tenths
// of a short report's bytes) with github.com/klauspost/compress at its
// level 1: on the sample's fonts, in a fresh process, 3.3–4.3 ms instead of
// the standard library's 5.4–5.9 ms at BestSpeed, and 1 % smaller.
package deflate

import (
	"compress/zlib"
	"io"
	"sync"

	kzlib "github.com/klauspost/compress/zlib"
)

var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// Write writes data, zlib-compressed as fpdf compresses, to dst.
func Write(dst io.Writer, data []byte) error {
	w := writers.Get().(*zlib.Writer)
	defer writers.Put(w)
	w.Reset(dst)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}

// compactLevel is Compact's level. klauspost's level 2 compresses font
// programs as fast as its 1 when its memory is warm, and 2 % smaller, but
// its hash table is 512 KB to level 1's 128 KB: in a fresh process, where
// every page of it is first faulted in, it is slower than the standard
// library (6.5 ms for the sample's fonts).
const compactLevel = 1

var compactWriters = sync.Pool{New: func() any {
	w, _ := kzlib.NewWriterLevel(nil, compactLevel)
	return w
}}

// Compact writes data, zlib-compressed, to dst: faster and smaller than
// Write, with bytes of its own.
func Compact(dst io.Writer, data []byte) error {
	w := compactWriters.Get().(*kzlib.Writer)
	defer compactWriters.Put(w)
	w.Reset(dst)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}
