package docxwriter

import (
	"math"
	"strconv"
	"strings"

	"briefing/internal/chart"
	"briefing/internal/document"
)

// Picture is a chart drawn as the PDF draws it, for the Word document.
type Picture struct {
	PNG           []byte  // the drawing rasterized (≥ 300 dpi), opaque
	Width, Height float64 // its size on the page, in points
}

// The namespaces of a picture, declared where it is drawn (a document
// without charts stays as it was).
const (
	nsWP  = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
	nsA   = "http://schemas.openxmlformats.org/drawingml/2006/main"
	nsPic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
)

// media is a picture part of the package and the id of its relationship.
type media struct {
	name, rel string
	data      []byte
}

// ChartBox is the size, in points, of a chart's drawing in the Word
// document: the width of the 版心, and as many lines of the document's
// grid as the PDF gives it, less the blank between two lines' text (the
// PDF's gap above the caption), which also holds the line's descent.
func ChartBox(ch *chart.Chart) (w, h float64) {
	pitch := float64(linePitch()) / 20
	return geo.Width, float64(ch.Lines(geo.Pitch()))*pitch - (pitch - geo.BodySize)
}

// emu is pt points in English Metric Units, DrawingML's length.
func emu(pt float64) int { return int(math.Round(pt * 12700)) }

// chart writes a chart as the PDF sets it: its picture (Options.Charts,
// ChartBox high) centred in a paragraph on the document grid, which gives
// the line that holds it the chart's whole number of grid lines (a line
// of exact height would clip the picture's top in LibreOffice), kept on
// one page with the caption “图N　标题” centred on the line below. The
// picture's alternative text is the chart's data, as the HTML page's
// table gives it to a screen reader. Without a picture only the caption
// is written.
func (w *writer) chart(ch *chart.Chart) {
	w.prefix = ""
	n := w.doc.Figures()[ch]
	caption := document.Caption(n, ch)
	if n >= 1 && n <= len(w.opts.Charts) && len(w.opts.Charts[n-1].PNG) > 0 {
		pic := w.opts.Charts[n-1]
		m := media{name: "media/chart" + strconv.Itoa(n) + ".png", rel: "rIdChart" + strconv.Itoa(n), data: pic.PNG}
		if !w.hasMedia(m.name) {
			w.media = append(w.media, m)
		}
		w.p(para{keepNext: true, ind: noIndent, jc: "center"}, func() {
			w.s(`<w:r><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>` + drawing(n, m, pic, caption, altText(caption, ch)) + `</w:r>`)
		})
	}
	w.p(para{ind: noIndent, jc: "center"}, func() { w.run(caption, look{}) })
}

// drawing is the w:drawing of picture n: inline, at its size.
func drawing(n int, m media, pic Picture, caption, alt string) string {
	cx, cy := strconv.Itoa(emu(pic.Width)), strconv.Itoa(emu(pic.Height))
	id := strconv.Itoa(n)
	return `<w:drawing><wp:inline xmlns:wp="` + nsWP + `" distT="0" distB="0" distL="0" distR="0">` +
		`<wp:extent cx="` + cx + `" cy="` + cy + `"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
		`<wp:docPr id="` + id + `"` + attr("name", "图"+id) + attr("title", caption) + attr("descr", alt) + `/>` +
		`<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="` + nsA + `" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
		`<a:graphic xmlns:a="` + nsA + `"><a:graphicData uri="` + nsPic + `"><pic:pic xmlns:pic="` + nsPic + `">` +
		`<pic:nvPicPr><pic:cNvPr id="0"` + attr("name", "chart"+id+".png") + `/><pic:cNvPicPr/></pic:nvPicPr>` +
		`<pic:blipFill><a:blip r:embed="` + m.rel + `"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
		`<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="` + cx + `" cy="` + cy + `"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
		`</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>`
}

// altText is the chart read aloud: its caption, units, each category
// with its values (and their units), source. “1-2月：规上工业产值（亿元）21.6，
// 增速（%）-8.5；…”.
func altText(caption string, ch *chart.Chart) string {
	var b strings.Builder
	b.WriteString(caption + "。")
	if ch.Unit != "" {
		b.WriteString("单位：" + ch.Unit + "。")
	}
	rows := ch.Rows()
	for i, row := range rows[1:] {
		if i > 0 {
			b.WriteString("；")
		}
		b.WriteString(row[0] + "：")
		for j, v := range row[1:] {
			if j > 0 {
				b.WriteString("，")
			}
			b.WriteString(rows[0][j+1] + v)
		}
	}
	if len(rows) > 1 {
		b.WriteString("。")
	}
	if ch.Source != "" {
		b.WriteString("数据来源：" + ch.Source + "。")
	}
	return b.String()
}

// hasMedia says whether the picture named is already a part.
func (w *writer) hasMedia(name string) bool {
	for _, m := range w.media {
		if m.name == name {
			return true
		}
	}
	return false
}
