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

// Page contents, compressed with one compressor, and font programs put in
// place.
//
// fpdf compresses each page's content with a new zlib writer, which
// allocates and clears about a megabyte: for a short report that is most
// of the time fpdf takes to write the file, and for a long one gigabytes
// of garbage. fpdf therefore writes the PDF without compression, and
// finish compresses the page contents afterwards with the compressors
// that compressed the font pieces, whose memory is then already in use
// (deflate.Compact), and moves the offsets of the cross-reference table to
// match. The file holds what fpdf's would, its pages' bytes aside.
//
// The font pieces' programs (nine tenths of a short report's bytes) do not
// pass through fpdf either: fpdf is handed a placeholder for each (see
// embedding.register), which would have it copy each program three times
// as it writes the file; finish puts the programs in their place.
//
// Above fpdfCompressesAbove pages, fpdf compresses the pages itself after
// all: its file is then held compressed (for 5000 pages about 7 MB instead
// of about 50 MB, grown by doubling while the pages' uncompressed contents
// are still held), which lowers the largest heap of a very long PDF by
// about 70 MB, for a megabyte of garbage a page. finish then only puts the
// programs in place.

// fpdfCompressesAbove is the number of pages above which fpdf compresses
// the pages itself (0: always; tests compare).
var fpdfCompressesAbove = 1000

// finishing receives the PDF that fpdf writes and writes it finished to w:
// fpdf hands over the whole file in one Write, which is finished from
// fpdf's own buffer, without a copy.
type finishing struct {
	w        io.Writer
	programs func() (map[string]*program, error) // font programs, by their placeholders, once cut
	b        []byte
	done     bool
}

func (u *finishing) Write(p []byte) (int, error) {
	if len(u.b) == 0 && bytes.HasSuffix(p, []byte("%%EOF\n")) {
		u.done = true
		return len(p), u.finish(p)
	}
	u.b = append(u.b, p...)
	return len(p), nil
}

// Close finishes what came in several writes.
func (u *finishing) Close() error {
	if u.done {
		return nil
	}
	return u.finish(u.b)
}

func (u *finishing) finish(pdf []byte) error {
	programs, err := u.programs()
	if err != nil {
		return err
	}
	return finish(u.w, pdf, programs)
}

// splice is a stretch of fpdf's file that finish replaces: from the start
// of a stream's dictionary to the end of its data.
type splice struct {
	from, to int
	data     []byte   // a page's content to compress, or
	program  *program // a font program to put in place of its placeholder
	dict     []byte   // the program's dictionary after its /Length
	length1  int      // where in dict its /Length1 0 is
}

// length1Zero is the /Length1 that fpdf writes for a piece registered
// with its length 0 (embedding.register); finish writes the length.
const length1Zero = "/Length1 0\n"

// finish writes pdf, made by fpdf, to w with every stream whose dictionary
// holds only its /Length (the pages' contents, when fpdf did not compress
// them) compressed, every placeholder of programs replaced by its program,
// and the cross-reference table moved to match.
func finish(w io.Writer, pdf []byte, programs map[string]*program) error {
	xref, offsets, err := readXref(pdf)
	if err != nil {
		return err
	}
	tail := pdf[xref:]
	if t := bytes.Index(tail, []byte("trailer\n")); t < 0 || bytes.LastIndex(tail, []byte("startxref\n")) < t {
		return errXref
	}
	size := len(pdf)
	var splices []splice
	for j, off := range offsets {
		if s, ok := contentStream(pdf, j, off, programs); ok {
			splices = append(splices, s)
			if s.program != nil {
				size += len(s.program.data)
			}
		}
	}
	if n := countPrograms(splices); n != len(programs) {
		return fmt.Errorf("pdfwriter: %d of %d font programs found in fpdf's file", n, len(programs))
	}
	if b, ok := w.(*bytes.Buffer); ok {
		b.Grow(size)
	}
	sort.Slice(splices, func(a, b int) bool { return splices[a].from < splices[b].from })
	out := &counter{w: w}
	delta := make([]int, len(splices)) // output minus input offset after splice k
	at := 0
	var z bytes.Buffer
	for k, s := range splices {
		out.Write(pdf[at:s.from])
		if s.program != nil {
			fmt.Fprintf(out, "<</Length %d", len(s.program.data))
			out.Write(s.dict[:s.length1])
			fmt.Fprintf(out, "/Length1 %d\n", s.program.length)
			out.Write(s.dict[s.length1+len(length1Zero):])
			out.Write(s.program.data)
		} else {
			z.Reset()
			deflate.Compact(&z, s.data)
			fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", z.Len())
			out.Write(z.Bytes())
		}
		at = s.to
		delta[k] = out.n - at
	}
	out.Write(pdf[at:xref])
	writeXref(out, pdf[xref:], offsets, func(off int) int {
		k := sort.Search(len(splices), func(k int) bool { return splices[k].to > off })
		if k == 0 {
			return off
		}
		return off + delta[k-1]
	})
	return out.err
}

func countPrograms(splices []splice) int {
	n := 0
	for _, s := range splices {
		if s.program != nil {
			n++
		}
	}
	return n
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

// contentStream tells whether object j at off is a stream to splice: one
// whose dictionary holds only its /Length, as fpdf writes a page's content
// when it does not compress it, or one whose data is a placeholder of
// programs.
func contentStream(pdf []byte, j, off int, programs map[string]*program) (splice, bool) {
	head := strconv.Itoa(j) + " 0 obj\n<</Length "
	if off+len(head) > len(pdf) || string(pdf[off:off+len(head)]) != head {
		return splice{}, false
	}
	p := off + len(head)
	n := 0
	for p < len(pdf) && pdf[p] >= '0' && pdf[p] <= '9' && n < len(pdf) {
		n = n*10 + int(pdf[p]-'0')
		p++
	}
	afterLength := p
	const open, end = ">>\nstream\n", "\nendstream"
	if bytes.HasPrefix(pdf[p:], []byte(open)) {
		p += len(open)
		if p+n+len(end) > len(pdf) || string(pdf[p+n:p+n+len(end)]) != end {
			return splice{}, false
		}
		return splice{from: off + len(head) - len("<</Length "), to: p + n, data: pdf[p : p+n]}, true
	}
	// A font program's placeholder: the dictionary goes on (/Filter,
	// /Length1) up to its stream.
	if n <= 0 || n > maxPlaceholder {
		return splice{}, false
	}
	i := bytes.Index(pdf[p:min(p+256, len(pdf))], []byte(open))
	if i < 0 {
		return splice{}, false
	}
	data := p + i + len(open)
	if data+n+len(end) > len(pdf) || string(pdf[data+n:data+n+len(end)]) != end {
		return splice{}, false
	}
	program, ok := programs[string(pdf[data:data+n])]
	if !ok {
		return splice{}, false
	}
	dict := pdf[afterLength:data]
	l1 := bytes.Index(dict, []byte(length1Zero))
	if l1 < 0 {
		return splice{}, false // not as fpdf writes it: finish counts the program missing
	}
	return splice{from: off + len(head) - len("<</Length "), to: data + n, program: program, dict: dict, length1: l1}, true
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
// and the trailer tail (from “xref” to the end, checked by finish),
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
