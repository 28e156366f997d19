// Package deflate compresses the streams of a PDF (FlateDecode: zlib) with
// compressors that are used again: a new zlib writer allocates and clears
// about a megabyte, more than it takes to compress a page. The level is
// BestSpeed, fpdf's, so that a stream compressed here has the bytes fpdf
// would give it. Safe for concurrent use.
package deflate

import (
	"compress/zlib"
	"io"
	"sync"
)

var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, zlib.BestSpeed)
	return w
}}

// Write writes data, zlib-compressed, to dst.
func Write(dst io.Writer, data []byte) error {
	w := writers.Get().(*zlib.Writer)
	defer writers.Put(w)
	w.Reset(dst)
	if _, err := w.Write(data); err != nil {
		return err
	}
	return w.Close()
}
