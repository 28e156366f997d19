// Package docxwriter renders a report as an editable Word document (.docx)
// in the 公文 format of GB/T 9704-2012, in Word's own terms, so that a
// clerk's edits keep the format: A4 with the 版心's margins and a document
// grid of 22 lines of 28 characters; named paragraph styles (正文, 标题,
// 主送机关, 一级标题 to 四级标题 with outline levels, 按语, 附件说明, 落款,
// the frame's) in the faces of a Chinese office (仿宋_GB2312, 方正小标宋简体,
// 黑体, 楷体_GB2312); heading numbers typed as text; a run-in heading as
// runs in its level's character style; “— N —” as a PAGE field, odd pages
// right and even pages left; tables whose header row repeats; charts as
// pictures with their data as alternative text (picture.go).
//
// It walks the same document as the PDF writer, in the same order: the
// 版头 or 报头 (frame.go), title, 主送机关, body (blocks.go, table.go),
// 附件说明 and 落款 (closing.go), annexes (annex.go), the 版记 or 报尾
// (record.go, at the foot of the last page). An image shows its
// description, as in the PDF. The parts are XML written with
// encoding/xml's escaping into archive/zip, in a fixed order with a fixed
// time: the same document gives the same bytes.
package docxwriter

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"unicode"

	"briefing/internal/document"
)

// Options configure the document.
type Options struct {
	// Generator is written into docProps/app.xml, e.g. “briefing 0.1”.
	Generator string

	// TitleLines is the title as the PDF breaks it into lines
	// (htmlwriter.TitleLines): given, the title breaks at the same places,
	// by line breaks in its paragraph. Without it, or when the lines do
	// not spell the title, Word breaks it.
	TitleLines []string

	// Charts are the pictures of the document's charts, in the order of
	// their numbers (图1, 图2 …), drawn as the PDF draws them. A chart
	// without one is written as its caption alone.
	Charts []Picture
}

// Bytes renders doc into memory.
func Bytes(doc *document.Document, opts Options) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, doc, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write renders doc as a .docx file to out.
func Write(out io.Writer, doc *document.Document, opts Options) error {
	if doc == nil {
		return errors.New("docxwriter: no document")
	}
	if opts.Generator == "" {
		opts.Generator = "briefing"
	}
	w := &writer{doc: doc, opts: opts, src: doc.Source}
	return pack(out, w.parts(w.document()))
}

type writer struct {
	doc    *document.Document
	opts   Options
	src    []byte // the Markdown being written: the body's or an annex's
	b      strings.Builder
	prefix string  // a list item's number, for the next paragraph to open with
	quote  bool    // inside an 按语 (a block quote)
	media  []media // the pictures drawn, in order
}

func (w *writer) s(s string) { w.b.WriteString(s) }

// p writes a paragraph of properties pp whose runs body writes.
func (w *writer) p(pp para, body func()) {
	w.s("<w:p>" + pp.xml())
	if body != nil {
		body()
	}
	w.s("</w:p>\n")
}

// document returns word/document.xml.
func (w *writer) document() string {
	m := w.doc.Meta
	w.s(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` + "\n")
	w.head()
	w.title(m.Title)
	if m.Addressee != "" {
		w.p(para{style: styleAddressee}, func() { w.run(m.Addressee+"：", look{}) })
	}
	if w.doc.Root != nil {
		w.children(w.doc.Root)
	}
	w.attachments(m.Attachments)
	w.closing(m.Org, m.Date)
	for _, a := range w.doc.Annexes {
		w.annex(a)
	}
	w.foot()
	w.s(sectPr() + "</w:body></w:document>")
	return w.b.String()
}

// title writes the title, broken where the PDF breaks it when
// Options.TitleLines spell it.
func (w *writer) title(title string) {
	if title == "" {
		return
	}
	lines := w.opts.TitleLines
	if len(lines) < 2 || squeeze(strings.Join(lines, "")) != squeeze(title) {
		lines = []string{title}
	}
	w.p(para{style: styleTitle}, func() { w.run(strings.Join(lines, "\n"), look{}) })
}

// squeeze removes white space.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// sectPr is the page: A4, the 版心's margins, odd and even footers, the
// document grid of 22 lines of 28 characters.
func sectPr() string {
	return `<w:sectPr><w:footerReference w:type="default" r:id="` + relOddFooter + `"/>` +
		`<w:footerReference w:type="even" r:id="` + relEvenFooter + `"/>` +
		`<w:pgSz` + iattr("w:w", pageW) + iattr("w:h", pageH) + `/>` +
		`<w:pgMar` + iattr("w:top", marginTop) + iattr("w:right", marginRght) + iattr("w:bottom", marginBot) + iattr("w:left", marginLeft) +
		iattr("w:header", 851) + iattr("w:footer", footerDistance) + ` w:gutter="0"/>` +
		`<w:cols w:space="425"/>` +
		`<w:docGrid w:type="linesAndChars"` + iattr("w:linePitch", linePitch()) + iattr("w:charSpace", charSpace()) + `/></w:sectPr>`
}
