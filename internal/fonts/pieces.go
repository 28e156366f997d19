package fonts

import (
	"bytes"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"runtime"
	"sync"

	"briefing/internal/deflate"
)

// Pieces: a face cut into simple fonts that a PDF writer embeds as they are.
//
// A PDF writer that is handed a whole (or subset) TrueType font parses it,
// subsets it again, and writes a 65536-entry map from characters to glyphs
// for every report (fpdf does; see fonts/README.md). A Piece is instead a
// simple TrueType font of at most PieceSize of the report's characters, each
// drawn with a one-byte code, already compressed: the writer copies its
// program into the PDF and writes its widths. Text stays searchable and
// copyable: the writer names each code's character (uniXXXX) in the font's
// encoding.
//
// A face makes the pieces of a list of characters once; later calls with the
// same list (the same report built again, in a batch or a server) get the
// same pieces back. They are kept with the parsed face, for the whole
// process (see the package doc), at most maxPieces a face, the oldest
// dropped first. A report's pieces depend only on its own characters, so
// that the same report gives the same PDF whatever was built before it.
// Pieces may be asked for from several goroutines at once; the pieces of a
// list are cut in parallel.

// PieceSize is the most characters a Piece holds: the codes 33 to 255 (32,
// the space, would take the PDF's word spacing).
const PieceSize = 223

// FirstCode is the code of a Piece's first character.
const FirstCode = 33

// maxPieces bounds the pieces a face keeps.
const maxPieces = 64

// Piece is a simple TrueType font holding some characters of a face.
type Piece struct {
	Name    string  // PostScript name with a subset tag, e.g. "KQWHRB+ARPLSungtiLGB"
	Runes   []rune  // the characters; Runes[i] is drawn with code FirstCode+i
	Widths  []int   // the advance of each character, in 1/1000 em
	Program []byte  // the TrueType font program, zlib-compressed
	Length  int     // the program's length uncompressed
	Metrics Metrics // the face's, for the font descriptor
}

// Code returns the code that draws r with the piece, or 0.
func (p *Piece) Code(r rune) byte {
	for i, q := range p.Runes {
		if q == r {
			return byte(FirstCode + i)
		}
	}
	return 0
}

// Metrics describe a face as a PDF font descriptor does, in 1/1000 em.
type Metrics struct {
	Ascent, Descent, CapHeight int
	BBox                       [4]int // xMin, yMin, xMax, yMax
	ItalicAngle                int
	StemV                      int
	Flags                      int // nonsymbolic (32), italic (64)
	UnderlinePosition          int
	UnderlineThickness         int
	MissingWidth               int // .notdef's advance
}

// pieceCache holds a face's pieces, by their characters.
type pieceCache struct {
	mu      sync.Mutex
	m       map[string]*pieceEntry
	order   []string // keys, oldest first
	metrics Metrics
	name    string // PostScript name
	once    sync.Once
}

type pieceEntry struct {
	once sync.Once
	p    *Piece
	err  error
}

// Pieces cuts the characters runes of face into pieces, in order: runes[0]
// to runes[PieceSize-1] make the first piece, and so on. Characters the face
// lacks are drawn as its missing glyph. The pieces are shared: do not modify
// them.
func (s *Set) Pieces(face int, runes []rune) ([]*Piece, error) {
	c, err := s.StartPieces(face, runes)
	if err != nil {
		return nil, err
	}
	return c.Wait()
}

// Cutting is the pieces of a face's characters being cut (StartPieces).
type Cutting struct {
	// Heads are the pieces as a PDF writer names them before their
	// programs are cut: Name, Runes, Widths and Metrics; not Program and
	// Length.
	Heads []Piece
	out   []*Piece
	errs  []error
	wg    sync.WaitGroup
}

// Wait waits for the pieces and returns them, as Pieces does.
func (c *Cutting) Wait() ([]*Piece, error) {
	c.wg.Wait()
	return c.out, errors.Join(c.errs...)
}

// StartPieces starts cutting the characters runes of face into pieces, as
// Pieces does, and returns at once: the caller does other work (draws the
// pages) while they are cut, on goroutines of their own.
func (s *Set) StartPieces(face int, runes []rune) (*Cutting, error) {
	if face < 0 || face >= len(s.slots) {
		return nil, fmt.Errorf("no face %d", face)
	}
	f, err := s.slots[face].load()
	if err != nil {
		return nil, err
	}
	f.pieces.once.Do(func() { f.pieces.init(f, &s.slots[face].face) })
	n := (len(runes) + PieceSize - 1) / PieceSize
	c := &Cutting{Heads: make([]Piece, n), out: make([]*Piece, n), errs: make([]error, n)}
	for i := range n {
		rs := runes[i*PieceSize : min((i+1)*PieceSize, len(runes))]
		c.Heads[i] = f.head(rs)
		c.wg.Go(func() {
			cutting <- struct{}{}
			defer func() { <-cutting }()
			c.out[i], c.errs[i] = f.piece(rs)
		})
	}
	return c, nil
}

// head is the piece of runes without its program.
func (f *font) head(runes []rune) Piece {
	p := Piece{
		Name:    subsetTag(f.pieces.name, runes) + "+" + f.pieces.name,
		Runes:   append([]rune(nil), runes...),
		Widths:  make([]int, len(runes)),
		Metrics: f.pieces.metrics,
	}
	for i, r := range runes {
		p.Widths[i] = f.width(f.cmap.glyph(r))
	}
	return p
}

// cutting bounds the pieces cut at once, in all sets, to the processors:
// more would only add compressors (a megabyte each) and memory to fault in.
var cutting = make(chan struct{}, runtime.GOMAXPROCS(0))

func (c *pieceCache) init(f *font, face *Face) {
	c.m = map[string]*pieceEntry{}
	c.name = postScriptName(face)
	c.metrics = faceMetrics(f)
}

// piece returns the piece of runes, made once.
func (f *font) piece(runes []rune) (*Piece, error) {
	key := string(runes)
	c := &f.pieces
	c.mu.Lock()
	e := c.m[key]
	if e == nil {
		e = &pieceEntry{}
		c.m[key] = e
		c.order = append(c.order, key)
		if len(c.order) > maxPieces {
			delete(c.m, c.order[0])
			c.order = c.order[1:]
		}
	}
	c.mu.Unlock()
	e.once.Do(func() { e.p, e.err = f.makePiece(append([]rune(nil), runes...)) })
	return e.p, e.err
}

// makePiece cuts a piece. Like every subset, it keeps the face's name
// table: its copyright, licence and statement of modification (see
// fonts/README.md).
func (f *font) makePiece(runes []rune) (*Piece, error) {
	if len(runes) > PieceSize {
		return nil, errors.New("too many characters for a piece")
	}
	data, err := subsetFont(f.data, runes)
	if err != nil {
		return nil, err
	}
	p := f.head(runes)
	p.Program, p.Length = compress(data), len(data)
	return &p, nil
}

// width is glyph g's advance in 1/1000 em, rounded as PDF writers do.
func (f *font) width(g uint16) int {
	return int(math.Round(f.advance(g) * 1000))
}

// Width returns the advance, in 1/1000 em, that a PDF font made by Pieces
// gives r in face: what a viewer moves after drawing it.
func (s *Set) Width(face int, r rune) int {
	if face < 0 || face >= len(s.slots) {
		return 0
	}
	f, err := s.slots[face].load()
	if err != nil {
		return 0
	}
	return f.width(f.cmap.glyph(r))
}

// subsetTag is the six capital letters that tell this subset of a font from
// the other subsets of it (PDF 32000 §9.6.4), from its characters.
func subsetTag(name string, runes []rune) string {
	h := fnv.New64a()
	h.Write([]byte(name))
	for _, r := range runes {
		h.Write([]byte{byte(r >> 16), byte(r >> 8), byte(r)})
	}
	n := h.Sum64()
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = byte('A' + n%26)
		n /= 26
	}
	return string(tag)
}

// postScriptName is the face's name without the characters a PDF name
// would have to escape.
func postScriptName(face *Face) string {
	var b []byte
	for _, c := range []byte(face.Name) {
		if c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' {
			b = append(b, c)
		}
	}
	if len(b) == 0 {
		return "Font"
	}
	return string(b)
}

// faceMetrics reads a face's descriptor values from its head, hhea, OS/2
// and post tables, as fpdf computes them for a font it embeds.
func faceMetrics(f *font) Metrics {
	d, _ := readDir(bytesReaderAt(f.data), 0)
	tb := func(tag string, n int) []byte {
		if d == nil {
			return nil
		}
		b, ok := tableBytes(f.data, d, tag)
		if !ok || len(b) < n {
			return nil
		}
		return b
	}
	em := func(v int16) int { return int(float64(v) * 1000 / f.upem) }
	m := Metrics{Ascent: int(f.asc * 1000), Descent: int(f.des * 1000), Flags: 32, StemV: 70}
	m.CapHeight = m.Ascent
	m.MissingWidth = f.width(0)
	if head := tb("head", 54); head != nil {
		for i := range m.BBox {
			m.BBox[i] = em(int16(be.Uint16(head[36+2*i:])))
		}
	}
	if os2 := tb("OS/2", 78); os2 != nil {
		w := float64(be.Uint16(os2[4:]))
		m.StemV = 50 + int(w/65*w/65)
		if be.Uint16(os2) >= 2 && len(os2) >= 90 {
			m.CapHeight = em(int16(be.Uint16(os2[88:])))
		}
	}
	if post := tb("post", 32); post != nil {
		m.ItalicAngle = int(int16(be.Uint16(post[4:])))
		m.UnderlinePosition = em(int16(be.Uint16(post[8:])))
		m.UnderlineThickness = em(int16(be.Uint16(post[10:])))
		if m.ItalicAngle != 0 {
			m.Flags |= 64
		}
	}
	return m
}

// compress returns data zlib-compressed (PDF's FlateDecode).
func compress(data []byte) []byte {
	var buf bytes.Buffer
	buf.Grow(len(data)/2 + 64)
	deflate.Compact(&buf, data)
	return buf.Bytes()
}
