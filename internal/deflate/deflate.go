// Package deflate compresses the streams of a PDF (FlateDecode: zlib) with
// compressors that are used again: a new zlib writer allocates and clears
// about a megabyte, more than it takes to compress a page. Safe for
// concurrent use.
//
// Write compresses as fpdf does (the standard library at BestSpeed), so
// that a page compressed here has the bytes fpdf would give it. Compact
// compresses streams fpdf never sees (the font programs, about nine tenths
// of a short report's bytes) with github.com/klauspost/compress at its
// level 2: on the sample's fonts twice as fast as the standard library at
// BestSpeed, and 3 % smaller.
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

// compactLevel is Compact's level: klauspost's 2 compresses font programs
// about as fast as its 1 and smaller.
const compactLevel = 2

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
