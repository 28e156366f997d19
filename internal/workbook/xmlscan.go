package workbook

import (
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
)

// xmlScanner reads the markup of a large part (a worksheet, the shared
// strings) one tag at a time. The text between tags is skipped unless the
// caller asks for it (keep), so that a worksheet padded with hundreds of
// megabytes of spaces costs a scan, not a copy; and what is kept is
// bounded (keepMax). It knows what these parts use: elements with
// attributes (namespace prefixes dropped), text with entities and
// character references, CDATA sections, comments and processing
// instructions. A document type declaration is refused: Excel never
// writes one. Like encoding/xml's RawToken, it does not check that end
// tags match their start tags.
//
// encoding/xml reads such parts at some 20 MB a second and gathers each
// run of text whole, which is what made a 400 MB worksheet take 15 s and
// a gigabyte; this scanner moves through text with bytes.IndexByte.
type xmlScanner struct {
	r    io.Reader
	buf  []byte
	pos  int   // the next byte to read in buf
	end  int   // the end of what was read into buf
	err  error // what r returned last, once it failed or ended
	line int   // the line of the byte at pos, from 1

	tag     []byte    // the current tag, from after “<” to before “>”
	tagBuf  []byte    // a copy of a tag the read window does not hold whole
	name    []byte    // its local name (after any prefix)
	attrs   []xmlAttr // its attributes, values as written (see attrValue)
	closing bool      // it is an end tag
	empty   bool      // it is a start tag that ends itself: <c/>

	keep    *[]byte // where text goes, or nil to skip it
	keepMax int     // the bytes keep may hold
}

// xmlAttr is one attribute of the current tag, its local name and its
// value as written (entities not yet decoded).
type xmlAttr struct{ name, value []byte }

// Token kinds of xmlScanner.next.
const (
	xmlStart = iota + 1
	xmlEnd
)

const (
	xmlBufSize = 64 << 10 // the read window
	xmlMinBuf  = 4 << 10  // the least window, beyond a part's size
	xmlMaxTag  = 1 << 20  // the bytes of one tag, attributes included
)

var errTextTooLong = errors.New("text too long")

// newXMLScanner starts reading r, a part of size bytes (or -1 when not
// known), which may declare another encoding than UTF-8 (a byte-order mark
// or encoding="…"): it is then decoded first. The read window is no
// larger than the part: a workbook's small sheets do not each take 64 KB.
func newXMLScanner(r io.Reader, size int64) (*xmlScanner, error) {
	n := xmlBufSize
	if size >= 0 && size < xmlBufSize-xmlMinBuf {
		n = int(size) + xmlMinBuf
	}
	s := &xmlScanner{r: r, buf: make([]byte, n), line: 1}
	s.fill()
	wrapped, err := s.decoder()
	if err != nil || wrapped == nil {
		return s, err
	}
	return &xmlScanner{r: wrapped, buf: make([]byte, xmlBufSize), line: 1}, nil
}

// decoder returns a reader of the part decoded to UTF-8 when its start
// says it is in another encoding, or nil when it is UTF-8 already.
func (s *xmlScanner) decoder() (io.Reader, error) {
	head := s.buf[s.pos:s.end]
	rest := io.MultiReader(bytes.NewReader(append([]byte(nil), head...)), s.r)
	switch {
	case bytes.HasPrefix(head, []byte{0xEF, 0xBB, 0xBF}):
		s.pos += 3
		return nil, nil
	case bytes.HasPrefix(head, []byte{0xFF, 0xFE}), bytes.HasPrefix(head, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Reader(rest), nil
	}
	label := declaredEncoding(head)
	if label == "" || strings.EqualFold(label, "utf-8") || strings.EqualFold(label, "utf8") {
		return nil, nil
	}
	r, err := charset.NewReaderLabel(label, rest)
	if err != nil {
		return nil, &xml.SyntaxError{Msg: "unknown encoding", Line: 1}
	}
	return r, nil
}

// declaredEncoding is the encoding an XML declaration at the start of
// head names, or "".
func declaredEncoding(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	decl := head
	if i := bytes.Index(head, []byte("?>")); i >= 0 {
		decl = head[:i]
	}
	i := bytes.Index(decl, []byte("encoding="))
	if i < 0 || i+10 > len(decl) {
		return ""
	}
	v := decl[i+10:]
	if j := bytes.IndexAny(v, `"'`); j >= 0 {
		return string(v[:j])
	}
	return ""
}

// fill moves the unread bytes to the front of buf and reads more after
// them. It reports whether anything was added.
func (s *xmlScanner) fill() bool {
	n := copy(s.buf, s.buf[s.pos:s.end])
	s.pos, s.end = 0, n
	for s.err == nil && s.end < len(s.buf) {
		m, err := s.r.Read(s.buf[s.end:])
		s.end += m
		s.err = err
		if m > 0 {
			return true
		}
	}
	return false
}

// ensure makes n bytes from pos available if the part has them, and
// reports whether it has.
func (s *xmlScanner) ensure(n int) bool {
	for s.end-s.pos < n {
		if !s.fill() {
			return false
		}
	}
	return true
}

// readErr is the error for the end of the part: io.EOF at a clean end.
func (s *xmlScanner) readErr() error {
	if s.err == nil || s.err == io.EOF {
		return io.EOF
	}
	return s.err
}

func (s *xmlScanner) syntax(msg string) error {
	return &xml.SyntaxError{Msg: msg, Line: s.line}
}

// next moves to the next start or end tag, passing text (into keep, when
// set), comments and processing instructions. It returns io.EOF at the
// end of the part.
func (s *xmlScanner) next() (int, error) {
	for {
		if err := s.text(); err != nil {
			return 0, err
		}
		kind, err := s.markup()
		if err != nil || kind != 0 {
			return kind, err
		}
	}
}

// text reads up to the next “<”.
func (s *xmlScanner) text() error {
	for {
		chunk := s.buf[s.pos:s.end]
		i := bytes.IndexByte(chunk, '<')
		if i >= 0 {
			chunk = chunk[:i]
		}
		if err := s.take(chunk); err != nil {
			return err
		}
		if i >= 0 {
			s.pos += i
			return nil
		}
		s.pos = s.end
		if !s.fill() {
			return s.readErr()
		}
	}
}

// take counts the lines of text passed and keeps it when asked.
func (s *xmlScanner) take(text []byte) error {
	s.line += bytes.Count(text, []byte{'\n'})
	if s.keep == nil || len(text) == 0 {
		return nil
	}
	if len(*s.keep)+len(text) > s.keepMax {
		return errTextTooLong
	}
	*s.keep = append(*s.keep, text...)
	return nil
}

// markup reads what starts at “<”: a tag (returning its kind), or a
// comment, processing instruction or CDATA section (returning 0).
func (s *xmlScanner) markup() (int, error) {
	s.ensure(9)
	if head := s.buf[s.pos:s.end]; len(head) > 1 && (head[1] == '?' || head[1] == '!') {
		return 0, s.special(head)
	}
	s.pos++
	if err := s.readTag(); err != nil {
		return 0, err
	}
	if err := s.parseTag(); err != nil {
		return 0, err
	}
	if s.closing {
		return xmlEnd, nil
	}
	return xmlStart, nil
}

// special passes what starts with “<?” or “<!”.
func (s *xmlScanner) special(head []byte) error {
	switch {
	case bytes.HasPrefix(head, []byte("<?")):
		return s.skipPast("?>", false)
	case bytes.HasPrefix(head, []byte("<!--")):
		return s.skipPast("-->", false)
	case bytes.HasPrefix(head, []byte("<![CDATA[")):
		s.pos += len("<![CDATA[")
		return s.skipPast("]]>", true)
	}
	return s.syntax("document type declarations are not read")
}

// skipPast moves past the next occurrence of end, keeping what comes
// before it (a CDATA section's text) when cdata is set.
func (s *xmlScanner) skipPast(end string, cdata bool) error {
	for {
		chunk := s.buf[s.pos:s.end]
		if i := bytes.Index(chunk, []byte(end)); i >= 0 {
			s.pos += i + len(end)
			return s.passed(chunk[:i], cdata)
		}
		n := max(0, len(chunk)-len(end)+1)
		if err := s.passed(chunk[:n], cdata); err != nil {
			return err
		}
		s.pos += n
		if !s.fill() {
			return s.syntax("unexpected end")
		}
	}
}

// passed accounts for the text of a comment or CDATA section; CDATA text
// is kept escaped, so that decodeXMLText reads it as it was.
func (s *xmlScanner) passed(text []byte, cdata bool) error {
	if !cdata || s.keep == nil {
		s.line += bytes.Count(text, []byte{'\n'})
		return nil
	}
	esc := bytes.ReplaceAll(text, []byte("&"), []byte("&amp;"))
	return s.take(bytes.ReplaceAll(esc, []byte("<"), []byte("&lt;")))
}

// readTag sets s.tag to the tag from after “<” up to its “>”; a “>”
// inside a quoted attribute value does not end it. The tag is a slice of
// the read window when it lies within it (it is read before the window
// moves), and a copy otherwise.
func (s *xmlScanner) readTag() error {
	chunk := s.buf[s.pos:s.end]
	if i := bytes.IndexByte(chunk, '>'); i >= 0 && plainTag(chunk[:i]) {
		s.tag = chunk[:i]
		s.pos += i + 1
		s.line += bytes.Count(s.tag, []byte{'\n'})
		return nil
	}
	return s.copyTag()
}

// plainTag reports whether t, up to the first “>”, is a whole tag: its
// quotes are closed, so that the “>” is not in an attribute value.
func plainTag(t []byte) bool {
	return bytes.IndexByte(t, '\'') < 0 && bytes.IndexByte(t, '<') < 0 && bytes.Count(t, []byte{'"'})%2 == 0
}

// copyTag copies a tag that the read window does not hold whole, or has
// a “>” inside a quoted value, into tagBuf.
func (s *xmlScanner) copyTag() error {
	s.tagBuf = s.tagBuf[:0]
	var quote byte
	for {
		chunk := s.buf[s.pos:s.end]
		i, err := tagEnd(chunk, &quote)
		if err != nil {
			return s.syntax(err.Error())
		}
		if i >= 0 {
			s.tagBuf = append(s.tagBuf, chunk[:i]...)
			s.tag = s.tagBuf
			s.pos += i + 1
			s.line += bytes.Count(s.tag, []byte{'\n'})
			return nil
		}
		if s.tagBuf = append(s.tagBuf, chunk...); len(s.tagBuf) > xmlMaxTag {
			return s.syntax("tag too long")
		}
		s.pos = s.end
		if !s.fill() {
			return s.syntax("unexpected end")
		}
	}
}

// tagEnd finds the “>” that ends a tag in chunk, outside quotes (quote is
// the quote open, carried from chunk to chunk); -1 when chunk has none.
func tagEnd(chunk []byte, quote *byte) (int, error) {
	for i, ch := range chunk {
		switch {
		case *quote != 0:
			if ch == *quote {
				*quote = 0
			}
		case ch == '"' || ch == '\'':
			*quote = ch
		case ch == '>':
			return i, nil
		case ch == '<':
			return 0, errors.New("unexpected <")
		}
	}
	return -1, nil
}

// parseTag reads the name and attributes of s.tag.
func (s *xmlScanner) parseTag() error {
	t := s.tag
	s.closing, s.empty = false, false
	s.attrs = s.attrs[:0]
	if len(t) > 0 && t[0] == '/' {
		s.closing, t = true, t[1:]
	} else if len(t) > 0 && t[len(t)-1] == '/' {
		s.empty, t = true, t[:len(t)-1]
	}
	i := 0
	for i < len(t) && !isXMLSpace(t[i]) {
		i++
	}
	if i == 0 {
		return s.syntax("tag without a name")
	}
	s.name = localName(t[:i])
	if s.closing {
		return nil
	}
	return s.parseAttrs(t[i:])
}

// parseAttrs reads name="value" pairs.
func (s *xmlScanner) parseAttrs(t []byte) error {
	for {
		t = trimSpaceLeft(t)
		if len(t) == 0 {
			return nil
		}
		eq := bytes.IndexByte(t, '=')
		if eq <= 0 {
			return s.syntax("attribute without a value")
		}
		name := trimSpaceRight(t[:eq])
		t = trimSpaceLeft(t[eq+1:])
		if len(t) == 0 || (t[0] != '"' && t[0] != '\'') {
			return s.syntax("attribute value without quotes")
		}
		j := bytes.IndexByte(t[1:], t[0])
		if j < 0 {
			return s.syntax("attribute value without its end")
		}
		s.attrs = append(s.attrs, xmlAttr{name: localName(name), value: t[1 : 1+j]})
		t = t[j+2:]
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// trimSpaceLeft drops XML white space at the start of b (bytes.TrimLeft
// builds its set of characters on every call).
func trimSpaceLeft(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[0]) {
		b = b[1:]
	}
	return b
}

func trimSpaceRight(b []byte) []byte {
	for len(b) > 0 && isXMLSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

// localName drops a namespace prefix: “x:c” → “c”.
func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

// attr returns the value of the current tag's attribute name, decoded.
func (s *xmlScanner) attr(name string) (string, bool) {
	for _, a := range s.attrs {
		if string(a.name) == name {
			v, ok := decodeXMLText(a.value)
			return v, ok
		}
	}
	return "", false
}

// is reports whether the current tag's local name is name.
func (s *xmlScanner) is(name string) bool { return string(s.name) == name }

// decodeXMLText turns text as written in XML into the string it stands
// for: entities and character references replaced, line ends made “\n”.
// It reports false for an unknown entity, a character reference to a
// character XML does not allow, or bytes that are not UTF-8.
func decodeXMLText(raw []byte) (string, bool) {
	if bytes.IndexByte(raw, '&') < 0 && bytes.IndexByte(raw, '\r') < 0 {
		return string(raw), utf8.Valid(raw)
	}
	var b strings.Builder
	b.Grow(len(raw))
	for i := 0; i < len(raw); i++ {
		switch c := raw[i]; c {
		case '\r':
			b.WriteByte('\n')
			if i+1 < len(raw) && raw[i+1] == '\n' {
				i++
			}
		case '&':
			n, r, ok := entity(raw[i:])
			if !ok {
				return "", false
			}
			b.WriteRune(r)
			i += n - 1
		default:
			b.WriteByte(c)
		}
	}
	return b.String(), utf8.ValidString(b.String())
}

// entity reads the entity or character reference at the start of s,
// returning its length and the character it stands for.
func entity(s []byte) (int, rune, bool) {
	end := bytes.IndexByte(s, ';')
	if end < 2 || end > 12 {
		return 0, 0, false
	}
	name := string(s[1:end])
	if r, ok := namedEntities[name]; ok {
		return end + 1, r, true
	}
	r, ok := charRef(name)
	return end + 1, r, ok
}

// namedEntities are the entities XML defines.
var namedEntities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "apos": '\'', "quot": '"'}

// charRef reads a character reference without its “&” and “;”: “#65”,
// “#x4E2D”.
func charRef(name string) (rune, bool) {
	digits, ok := strings.CutPrefix(name, "#")
	if !ok {
		return 0, false
	}
	base := 10
	if hex, ok := strings.CutPrefix(digits, "x"); ok {
		base, digits = 16, hex
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !xmlChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

// xmlChar reports whether XML 1.0 allows the character r.
func xmlChar(r rune) bool {
	return r == '\t' || r == '\n' || r == '\r' ||
		r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}
