package pdfwriter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strconv"

	"briefing/internal/deflate"
)

// Page contents, compressed with one compressor.
//
// fpdf compresses each page's content with a new zlib writer, which
// allocates and clears about a megabyte: for a short report that is most
// of the time fpdf takes to write the file, and for a long one gigabytes
// of garbage. fpdf therefore writes the PDF without compression, and
// compressPages compresses the page contents afterwards with the
// compressors that compressed the font pieces, whose memory is then
// already in use (deflate.Compact), and moves the offsets of the
// cross-reference table to match. The file holds what fpdf's would, its
// pages' bytes aside.

//
// Above fpdfCompressesAbove pages, fpdf compresses the pages itself after
// all: its file is then held compressed (for 5000 pages about 7 MB instead
// of about 50 MB, grown by doubling while the pages' uncompressed contents
// are still held), which lowers the largest heap of a very long PDF by
// about 70 MB, for a megabyte of garbage a page.

// fpdfCompressesAbove is the number of pages above which fpdf compresses
// the pages itself (0: always; tests compare).
var fpdfCompressesAbove = 1000

// uncompressed receives the PDF that fpdf writes without compression and
// writes it compressed to w: fpdf hands over the whole file in one Write,
// which is compressed from fpdf's own buffer, without a copy.
type uncompressed struct {
	w    io.Writer
	b    []byte
	done bool
}

func (u *uncompressed) Write(p []byte) (int, error) {
	if len(u.b) == 0 && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		u.done = true
		return len(p), compressPages(u.w, p)
	}
	u.b = append(u.b, p...)
	return len(p), nil
}

// Close compresses what came in several writes.
func (u *uncompressed) Close() error {
	if u.done {
		return nil
	}
	return compressPages(u.w, u.b)
}

// stream is a page's content stream in an uncompressed PDF: the bytes from
// its dictionary to the end of its data, and the data.
type stream struct {
	from, to int
	data     []byte
}

// compressPages writes pdf, made by fpdf without compression, to w with
// every stream whose dictionary holds only its /Length (the pages'
// contents) compressed, and the cross-reference table moved to match.
func compressPages(w io.Writer, pdf []byte) error {
	xref, offsets, err := readXref(pdf)
	if err != nil {
		return err
	}
	tail := pdf[xref:]
	if t := bytes.Index(tail, []byte("trailer\n")); t < 0 || bytes.LastIndex(tail, []byte("startxref\n")) < t {
		return errXref
	}
	var streams []stream
	for j, off := range offsets {
		if s, ok := contentStream(pdf, j, off); ok {
			streams = append(streams, s)
		}
	}
	sort.Slice(streams, func(a, b int) bool { return streams[a].from < streams[b].from })
	out := &counter{w: w}
	delta := make([]int, len(streams)) // output minus input offset after stream k
	at := 0
	var z bytes.Buffer
	for k, s := range streams {
		out.Write(pdf[at:s.from])
		z.Reset()
		deflate.Compact(&z, s.data)
		fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
		out.Write(z.Bytes())
		at = s.to
		delta[k] = out.n - at
	}
	out.Write(pdf[at:xref])
	writeXref(out, pdf[xref:], offsets, func(off int) int {
		k := sort.Search(len(streams), func(k int) bool { return streams[k].to > off })
		if k == 0 {
			return off
		}
		return off + delta[k-1]
	})
	return out.err
}

// counter writes to w, counting the bytes and keeping the first error.
type counter struct {
	w   io.Writer
	n   int
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// contentStream tells whether object j at off is a stream whose
// dictionary holds only its /Length, as fpdf writes a page's content when
// it does not compress it.
func contentStream(pdf []byte, j, off int) (stream, bool) {
	head := strconv.Itoa(j) + " 0 obj\n<</Length "
	if off+len(head) > len(pdf) || string(pdf[off:off+len(head)]) != head {
		return stream{}, false
	}
	p := off + len(head)
	n := 0
	for p < len(pdf) && pdf[p] >= '0' && pdf[p] <= '9' {
		n = n*10 + int(pdf[p]-'0')
		p++
	}
	const open, end = ">>\nstream\n", "\nendstream"
	if !bytes.HasPrefix(pdf[p:], []byte(open)) {
		return stream{}, false
	}
	p += len(open)
	if p+n+len(end) > len(pdf) || string(pdf[p+n:p+n+len(end)]) != end {
		return stream{}, false
	}
	return stream{from: off + len(head) - len("<</Length "), to: p + n, data: pdf[p : p+n]}, true
}

var errXref = errors.New("pdfwriter: fpdf's cross-reference table is not as expected")

// readXref finds the cross-reference table of a PDF that fpdf wrote: its
// offset, and the offset of each object (offsets[0] unused).
func readXref(pdf []byte) (int, []int, error) {
	i := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if i < 0 {
		return 0, nil, errXref
	}
	rest := pdf[i+len("\nstartxref\n"):]
	nl := bytes.IndexByte(rest, '\n')
	xref, err := strconv.Atoi(string(rest[:max(nl, 0)]))
	if err != nil || xref <= 0 || xref >= i {
		return 0, nil, errXref
	}
	var n int
	if _, err := fmt.Sscanf(string(pdf[xref:min(xref+32, len(pdf))]), "xref\n0 %d\n", &n); err != nil || n < 1 {
		return 0, nil, errXref
	}
	start := xref + len("xref\n0 \n") + len(strconv.Itoa(n))
	if start+20*n > len(pdf) {
		return 0, nil, errXref
	}
	offsets := make([]int, n)
	for j := 1; j < n; j++ {
		e := pdf[start+20*j : start+20*j+20]
		if offsets[j], err = strconv.Atoi(string(e[:10])); err != nil || string(e[10:]) != " 00000 n \n" {
			return 0, nil, errXref
		}
	}
	return xref, offsets, nil
}

// writeXref writes, after what out has written, the cross-reference table
// and the trailer tail (from “xref” to the end, checked by compressPages),
// each object's offset moved by move.
func writeXref(out *counter, tail []byte, offsets []int, move func(int) int) {
	xref := out.n
	var b bytes.Buffer
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for _, off := range offsets[1:] {
		fmt.Fprintf(&b, "%010d 00000 n \n", move(off))
	}
	t := bytes.Index(tail, []byte("trailer\n"))
	s := bytes.LastIndex(tail, []byte("startxref\n"))
	b.Write(tail[t : s+len("startxref\n")])
	fmt.Fprintf(&b, "%d\n%%%%EOF\n", xref)
	out.Write(b.Bytes())
}
