package fonts

import (
	"bytes"
	"compress/zlib"
	"io"
	"strings"
	"sync"
	"testing"

	"briefing/internal/typeset"
)

// runesOf is the distinct characters of s, in order.
func runesOf(s string) []rune {
	seen := map[rune]bool{}
	var out []rune
	for _, r := range s {
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	return out
}

const pieceText = "保障产业链供应链稳定是工业平稳健康发展的基础，也是我县在全面建设“六个鹤岭”，“打好一个强攻战、实现五个新跨越”工作中赢得主动的关键，面对经济全球化遭遇逆流，新冠肺炎疫情多点散发等各种不稳定不确定性因素明显增加的影响，保障产业链供应链安全、维护产业链供应链稳定畅通，是一项重大的战略任务，我县聚焦重点企业、重点行业、重点区域，进一步加大工作力度，多措并举确保产业链供应链运转稳定顺畅，现就相关情况汇报如下：一二三四五六七八九十百千万亿元年月日县市省区乡镇村组户人口"

// TestPiecesHoldTheirCharacters: each piece is a TrueType font that maps
// its characters (and only PieceSize at most) to glyphs of the face's
// widths, with a tagged name.
func TestPiecesHoldTheirCharacters(t *testing.T) {
	s := Bundled()
	face, _, _ := s.Glyph(typeset.RoleBody, '国')
	runes := runesOf(strings.Repeat(pieceText, 2))
	pieces, err := s.Pieces(face, runes)
	if err != nil {
		t.Fatal(err)
	}
	if want := (len(runes) + PieceSize - 1) / PieceSize; len(pieces) != want {
		t.Fatalf("%d characters in %d pieces, want %d", len(runes), len(pieces), want)
	}
	n := 0
	for i, p := range pieces {
		if len(p.Runes) > PieceSize || !strings.HasSuffix(p.Name, "+ARPLSungtiLGB") || len(p.Name) != 7+len("ARPLSungtiLGB") {
			t.Errorf("piece %d: %d characters, name %q", i, len(p.Runes), p.Name)
		}
		r, err := zlib.NewReader(bytes.NewReader(p.Program))
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(r)
		if len(data) != p.Length {
			t.Errorf("piece %d: %d bytes uncompressed, says %d", i, len(data), p.Length)
		}
		f, err := parseFont(data)
		if err != nil {
			t.Fatalf("piece %d: %v", i, err)
		}
		for j, c := range p.Runes {
			if runes[n] != c {
				t.Fatalf("piece %d holds %q where %q was asked", i, c, runes[n])
			}
			n++
			g := f.cmap.glyph(c)
			if g == 0 || f.width(g) != p.Widths[j] || p.Widths[j] != s.Width(face, c) {
				t.Errorf("piece %d: %q glyph %d width %d, piece says %d", i, c, g, f.width(g), p.Widths[j])
			}
			if p.Code(c) != byte(FirstCode+j) {
				t.Errorf("piece %d: %q code %d", i, c, p.Code(c))
			}
		}
	}
	if n != len(runes) {
		t.Errorf("pieces hold %d characters, want %d", n, len(runes))
	}
}

// TestPiecesMadeOnce: the same characters asked for again, from another
// set and from several goroutines at once, give the same pieces, made
// once; other characters give other pieces.
func TestPiecesMadeOnce(t *testing.T) {
	runes := runesOf(pieceText)
	first, err := Bundled().Pieces(faceKai, runes)
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			again, err := Bundled().Pieces(faceKai, runes)
			if err != nil || len(again) != len(first) || again[0] != first[0] {
				t.Errorf("asked again: %v, %d pieces, the same: %v", err, len(again), err == nil && again[0] == first[0])
			}
		})
	}
	wg.Wait()
	other, err := Bundled().Pieces(faceKai, runes[1:])
	if err != nil || other[0] == first[0] || other[0].Name == first[0].Name {
		t.Errorf("other characters give the same piece: %v", err)
	}
}
