package workbook

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"
)

// scanAll lists the tags of doc as “<name a=v>”, “</name>”, with the text
// inside <t> after each </t>.
func scanAll(t *testing.T, doc []byte, keepMax int) (string, error) {
	t.Helper()
	return scanAllSized(t, doc, keepMax, -1)
}

// scanAllSized is scanAll of a part that declares size bytes.
func scanAllSized(t *testing.T, doc []byte, keepMax int, size int64) (string, error) {
	t.Helper()
	s, err := newXMLScanner(bytes.NewReader(doc), size)
	if err != nil {
		return "", err
	}
	var out strings.Builder
	var text []byte
	for {
		kind, err := s.next()
		if err == io.EOF {
			return out.String(), nil
		}
		if err != nil {
			return out.String(), err
		}
		if kind == xmlStart {
			out.WriteString("<" + string(s.name))
			for _, a := range s.attrs {
				v, _ := decodeXMLText(a.value)
				out.WriteString(" " + string(a.name) + "=" + v)
			}
			out.WriteString(">")
			if s.is("t") {
				text, s.keep, s.keepMax = text[:0], &text, keepMax
			}
		}
		if kind == xmlEnd || s.empty {
			if s.is("t") {
				v, ok := decodeXMLText(text)
				if !ok {
					return out.String(), errors.New("bad text")
				}
				out.WriteString("[" + v + "]")
			}
			s.keep = nil
			out.WriteString("</" + string(s.name) + ">")
		}
	}
}

// The scanner reads what worksheets and shared strings use, and refuses
// what is broken, with its line.
func TestXMLScanner(t *testing.T) {
	utf16doc := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(`<?xml version="1.0" encoding="UTF-16"?><t>表</t>`)) {
		utf16doc = binary.LittleEndian.AppendUint16(utf16doc, u)
	}
	for _, c := range []struct {
		name, doc, want string
		line            int // of the error; 0: no error
	}{
		{"tags and text", `<?xml version="1.0"?><x:sst xmlns:x="u"><si><t xml:space="preserve"> a b </t></si></x:sst>`,
			`<sst x=u><si><t space=preserve>[ a b ]</t></si></sst>`, 0},
		{"empty element", `<c r="A1"/><t/>`, `<c r=A1></c><t>[]</t>`, 0},
		{"entities", `<t a="&lt;&amp;&#65;">&lt;1&gt; &amp; &#x4E2D;&#25991; &quot;&apos;</t>`, `<t a=<&A>[<1> & 中文 "']</t>`, 0},
		{"line ends", "<t>a\r\nb\rc</t>", "<t>[a\nb\nc]</t>", 0},
		{"quoted >", `<c r="A>1" s='2'><t>x</t></c>`, `<c r=A>1 s=2><t>[x]</t></c>`, 0},
		{"comment and cdata", `<!-- <t>no</t> --><t>a<![CDATA[<b>&amp;]]>c</t>`, `<t>[a<b>&amp;c]</t>`, 0},
		{"bom", "\uFEFF<t>a</t>", "<t>[a]</t>", 0},
		{"doctype", "<!DOCTYPE x [<!ENTITY a \"b\">]>\n<t>&a;</t>", "", 1},
		{"unknown entity", "<t>&nbsp;</t>", "<t>", -1},
		{"NUL by reference", "<t>&#0;</t>", "<t>", -1},
		{"unterminated tag", "<t>a</t>\n<c r=\"A1\"", "<t>[a]</t>", 2},
		{"attribute without quotes", "\n\n<c r=A1>", "", 3},
		{"tag without a name", "<t>a</t><>", "<t>[a]</t>", 1},
		{"unterminated comment", "<!-- a", "", 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := scanAll(t, []byte(c.doc), 100)
			if got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
			var se *xml.SyntaxError
			switch {
			case c.line == 0 && err != nil:
				t.Errorf("error %v", err)
			case c.line > 0 && (!errors.As(err, &se) || se.Line != c.line):
				t.Errorf("error %v, want a syntax error at line %d", err, c.line)
			case c.line < 0 && err == nil:
				t.Error("no error")
			}
		})
	}
	got, err := scanAll(t, utf16doc, 100)
	if err != nil || got != "<t>[表]</t>" {
		t.Errorf("UTF-16: %s %v", got, err)
	}
	if _, err := scanAll(t, []byte("<t>"+strings.Repeat("a", 101)+"</t>"), 100); err != errTextTooLong {
		t.Errorf("text over the limit: %v", err)
	}
}

// Text between tags that nobody keeps is passed without being gathered,
// over any number of reads.
func TestXMLScannerSkipsText(t *testing.T) {
	doc := "<a>" + strings.Repeat(" \n", 3*xmlBufSize) + "<b/>" + strings.Repeat("x", 2*xmlBufSize) + "<c d=\"" + strings.Repeat("y", xmlBufSize) + "\"/></a>"
	s, _ := newXMLScanner(strings.NewReader(doc), -1)
	var names []string
	for {
		kind, err := s.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if kind == xmlStart {
			names = append(names, string(s.name))
		}
	}
	if strings.Join(names, " ") != "a b c" || s.line != 3*xmlBufSize+1 {
		t.Errorf("names %q, line %d", names, s.line)
	}
}

// TestXMLScannerWindow: a part scanned with the small window of its
// declared size (even one that understates it) reads as with the full
// window: long tags, long kept texts and long skipped texts included.
func TestXMLScannerWindow(t *testing.T) {
	doc := []byte("<a>" + strings.Repeat(" \n", 3000) + "<t>" + strings.Repeat("字", 5000) + "</t><c d=\"" +
		strings.Repeat("y", 9000) + "\"/><t>短</t></a>")
	want, werr := scanAll(t, doc, 1<<20)
	if werr != nil {
		t.Fatal(werr)
	}
	for _, size := range []int64{int64(len(doc)), 0, 100, xmlBufSize - xmlMinBuf - 1} {
		got, err := scanAllSized(t, doc, 1<<20, size)
		if err != nil || got != want {
			t.Errorf("declared size %d: %v\n%.200q\nwant %.200q", size, err, got, want)
		}
	}
}
