package fonts

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
)

// nameTable builds a name table (format 0) with Windows-platform records:
// for each name ID, an English (0x409) and, when given, a Chinese (0x804)
// string.
func nameTable(en, zh map[uint16]string) []byte {
	type rec struct {
		lang, id uint16
		s        []byte
	}
	var recs []rec
	enc := func(s string) []byte {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = be.AppendUint16(b, u)
		}
		return b
	}
	for _, id := range []uint16{0, 1, 2, 3, 4, 5, 6, 13} {
		if v, ok := en[id]; ok {
			recs = append(recs, rec{0x409, id, enc(v)})
		}
	}
	for _, id := range []uint16{0, 1, 2, 3, 4, 5, 6, 13} {
		if v, ok := zh[id]; ok {
			recs = append(recs, rec{0x804, id, enc(v)})
		}
	}
	var out, str []byte
	out = be.AppendUint16(out, 0)
	out = be.AppendUint16(out, uint16(len(recs)))
	out = be.AppendUint16(out, uint16(6+12*len(recs)))
	for _, r := range recs {
		out = be.AppendUint16(out, 3)
		out = be.AppendUint16(out, 1)
		out = be.AppendUint16(out, r.lang)
		out = be.AppendUint16(out, r.id)
		out = be.AppendUint16(out, uint16(len(r.s)))
		out = be.AppendUint16(out, uint16(len(str)))
		str = append(str, r.s...)
	}
	return append(out, str...)
}

// familyNames is a name table for a family called en / zh.
func familyNames(en, zh string) []byte {
	e := map[uint16]string{1: en, 2: "Regular", 4: en, 6: "Fake"}
	var z map[uint16]string
	if zh != "" {
		z = map[uint16]string{1: zh, 4: zh}
	}
	return nameTable(e, z)
}

// withTables returns the font data with some tables replaced or added.
func withTables(tb testing.TB, data []byte, repl map[string][]byte) []byte {
	tb.Helper()
	d, err := readDir(bytesReaderAt(data), 0)
	if err != nil {
		tb.Fatal(err)
	}
	var ts []sfntTable
	for _, t := range d.tables {
		if b, ok := repl[t.tag]; ok {
			ts = append(ts, sfntTable{t.tag, b})
			delete(repl, t.tag)
			continue
		}
		ts = append(ts, sfntTable{t.tag, data[t.off : t.off+t.len]})
	}
	for tag, b := range repl {
		ts = append(ts, sfntTable{tag, b})
	}
	return assemble(d.version, ts)
}

// makeTTC builds a TrueType collection of standalone fonts.
func makeTTC(tb testing.TB, faces ...[]byte) []byte {
	tb.Helper()
	dirs := make([]*faceDir, len(faces))
	size := 12 + 4*len(faces)
	for i, f := range faces {
		d, err := readDir(bytesReaderAt(f), 0)
		if err != nil {
			tb.Fatal(err)
		}
		dirs[i] = d
		size += 12 + 16*len(d.tables)
	}
	out := make([]byte, size)
	copy(out, "ttcf")
	be.PutUint32(out[4:], 0x00010000)
	be.PutUint32(out[8:], uint32(len(faces)))
	at := 12 + 4*len(faces)
	for i, d := range dirs {
		be.PutUint32(out[12+4*i:], uint32(at))
		be.PutUint32(out[at:], d.version)
		be.PutUint16(out[at+4:], uint16(len(d.tables)))
		for j, t := range d.tables {
			e := out[at+12+16*j:]
			copy(e, t.tag)
			be.PutUint32(e[4:], t.checksum)
			// the offset is filled in when the table data is written
		}
		at += 12 + 16*len(d.tables)
	}
	for i, d := range dirs {
		dirAt := int(be.Uint32(out[12+4*i:]))
		for j, t := range d.tables {
			for len(out)%4 != 0 {
				out = append(out, 0)
			}
			e := out[dirAt+12+16*j:]
			be.PutUint32(e[8:], uint32(len(out)))
			be.PutUint32(e[12:], t.len)
			out = append(out, faces[i][t.off:t.off+t.len]...)
		}
	}
	return out
}

// fakeCFF is the start of an OpenType font with CFF outlines: enough for the
// font set to read its directory and names.
func fakeCFF(en, zh string) []byte {
	return assemble(tagOTTO, []sfntTable{
		{"CFF ", make([]byte, 64)},
		{"cmap", []byte{0, 0, 0, 0}},
		{"head", make([]byte, 54)},
		{"name", familyNames(en, zh)},
	})
}

func writeFile(tb testing.TB, dir, name string, data []byte) string {
	tb.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	return p
}

// pdfWith draws each line in the given face data with fpdf and returns the
// PDF.
func pdfWith(tb testing.TB, font []byte, lines ...string) []byte {
	tb.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddUTF8FontFromBytes("f", "", font)
	pdf.SetFont("f", "", 16)
	pdf.AddPage()
	for i, l := range lines {
		pdf.Text(72, 100+float64(i)*24, l)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// pdfText extracts the text of a PDF with poppler's pdftotext; the test is
// skipped when pdftotext is not installed (apt-get install poppler-utils).
func pdfText(tb testing.TB, pdf []byte) string {
	tb.Helper()
	exe, err := exec.LookPath("pdftotext")
	if err != nil {
		tb.Skip("pdftotext not installed (apt-get install -y poppler-utils)")
	}
	dir := tb.TempDir()
	in := writeFile(tb, dir, "t.pdf", pdf)
	out, err := exec.Command(exe, "-enc", "UTF-8", in, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
