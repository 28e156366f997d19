package docxwriter_test

import (
	"bytes"
	"encoding/xml"
	"regexp"
	"strconv"
	"testing"

	"briefing/internal/document"
	"briefing/internal/docxwriter"
)

// wordStyles is what the test reads of word/styles.xml.
type wordStyles struct {
	Styles []struct {
		Type    string   `xml:"type,attr"`
		ID      string   `xml:"styleId,attr"`
		Name    valAttr  `xml:"name"`
		BasedOn *valAttr `xml:"basedOn"`
		Link    *valAttr `xml:"link"`
		PPr     struct {
			Outline *valAttr `xml:"outlineLvl"`
		} `xml:"pPr"`
		RPr struct {
			Fonts *struct {
				EastAsia string `xml:"eastAsia,attr"`
			} `xml:"rFonts"`
			Size  *valAttr `xml:"sz"`
			Scale *valAttr `xml:"w"`
		} `xml:"rPr"`
	} `xml:"style"`
}

type valAttr struct {
	Val string `xml:"val,attr"`
}

func readStyles(t *testing.T) wordStyles {
	t.Helper()
	var s wordStyles
	part := render(t, doc("正文。\n", document.Meta{}), docxwriter.Options{})["word/styles.xml"]
	if err := xml.NewDecoder(bytes.NewReader(part)).Decode(&s); err != nil {
		t.Fatal(err)
	}
	return s
}

// TestStyleNames: the paragraph styles a clerk picks from are named as a
// Chinese office names them, in their fonts and sizes (2号 22 pt, 3号
// 16 pt, 4号 14 pt), the four heading levels with outline levels 1–4 and
// a character style each for a run-in lead.
func TestStyleNames(t *testing.T) {
	type want struct {
		font    string
		size    int
		outline int // outline level + 1; 0 for none
	}
	wants := map[string]want{
		"Normal": {"仿宋_GB2312", 32, 0}, "Title": {"方正小标宋简体", 44, 0}, "主送机关": {"", 0, 0},
		"一级标题": {"黑体", 0, 1}, "二级标题": {"楷体_GB2312", 0, 2}, "三级标题": {"仿宋_GB2312", 0, 3}, "四级标题": {"仿宋_GB2312", 0, 4},
		"一级标题 字符": {"黑体", 0, 0}, "二级标题 字符": {"楷体_GB2312", 0, 0},
		"落款": {"", 0, 0}, "附件说明": {"", 0, 0}, "按语": {"楷体_GB2312", 0, 0},
		"发文机关标志": {"方正小标宋简体", 0, 0}, "版记": {"", 28, 0}, "表格文字": {"", 28, 0}, "页码": {"宋体", 28, 0},
	}
	seen := map[string]bool{}
	for _, st := range readStyles(t).Styles {
		w, ok := wants[st.Name.Val]
		if !ok {
			continue
		}
		seen[st.Name.Val] = true
		if f := st.RPr.Fonts; w.font != "" && (f == nil || f.EastAsia != w.font) {
			t.Errorf("%s: East Asian font %+v, want %s", st.Name.Val, f, w.font)
		}
		if w.size > 0 && (st.RPr.Size == nil || st.RPr.Size.Val != strconv.Itoa(w.size)) {
			t.Errorf("%s: size %+v, want %d half points", st.Name.Val, st.RPr.Size, w.size)
		}
		outline := 0
		if st.PPr.Outline != nil {
			outline, _ = strconv.Atoi(st.PPr.Outline.Val)
			outline++
		}
		if outline != w.outline {
			t.Errorf("%s: outline level %d, want %d", st.Name.Val, outline, w.outline)
		}
	}
	for name := range wants {
		if !seen[name] {
			t.Errorf("no style named %s", name)
		}
	}
}

// TestGrid: the page is A4 with the 版心's margins, and the document grid
// holds 22 lines of 28 characters of 3号 (Word fits ⌊height/pitch⌋ lines
// and ⌊width/(16 pt + charSpace/4096)⌋ characters); a body character at
// its width takes one cell of the grid.
func TestGrid(t *testing.T) {
	body := string(render(t, doc("正文。\n", document.Meta{}), docxwriter.Options{})["word/document.xml"])
	num := func(re string) int {
		m := regexp.MustCompile(re).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("no %s", re)
		}
		n, _ := strconv.Atoi(m[1])
		return n
	}
	w, h := num(`<w:pgSz w:w="(\d+)"`), num(`<w:pgSz w:w="\d+" w:h="(\d+)"`)
	top, right := num(`<w:pgMar w:top="(\d+)"`), num(`w:right="(\d+)" w:bottom`)
	bottom, left := num(`w:bottom="(\d+)" w:left`), num(`w:left="(\d+)" w:header`)
	pitch, space := num(`w:linePitch="(\d+)"`), num(`w:charSpace="(-?\d+)"`)
	mm := func(tw int) float64 { return float64(tw) / 20 * 25.4 / 72 }
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"width", mm(w), 210}, {"height", mm(h), 297}, {"top", mm(top), 37}, {"left", mm(left), 28}, {"right", mm(right), 26}, {"bottom", mm(bottom), 35}} {
		if d := c.got - c.want; d > 0.05 || d < -0.05 {
			t.Errorf("%s %.2f mm, want %.0f", c.name, c.got, c.want)
		}
	}
	textW, textH := float64(w-left-right)/20, float64(h-top-bottom)
	cell := 16 + float64(space)/4096
	if lines := int(textH) / pitch; lines != 22 {
		t.Errorf("line pitch %d twips: %d lines", pitch, lines)
	}
	if chars := int(textW / cell); chars != 28 {
		t.Errorf("char space %d: cell %.3f pt, %d characters", space, cell, chars)
	}
	if !regexp.MustCompile(`<w:docGrid w:type="linesAndChars"`).MatchString(body) {
		t.Error("no grid of lines and characters")
	}
	for _, st := range readStyles(t).Styles {
		if st.ID != "Normal" || st.RPr.Scale == nil {
			continue
		}
		pct, _ := strconv.Atoi(st.RPr.Scale.Val)
		if wide := 16 * float64(pct) / 100; wide > cell-0.05 || pct < 95 {
			t.Errorf("a body character at %d %% is %.2f pt, its cell %.2f pt", pct, wide, cell)
		}
		return
	}
	t.Error("the body's characters have no width")
}
