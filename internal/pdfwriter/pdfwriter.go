// Package pdfwriter renders a report as a PDF in the 公文 format of
// GB/T 9704-2012. It turns the document into blocks, has package typeset
// break them into lines and pages on the 22 × 28 grid, and draws the
// positioned glyphs with fpdf, embedding a subset of each font it uses.
//
// Headings are set in the type of their 公文 level (一、 黑体, （一） 楷体,
// 1. and （1） 仿宋), body paragraphs in 仿宋 with a first-line indent of
// 2 字; strong emphasis is bold, emphasis 楷体. An 按语 (a block quote;
// nested ones are one) is body paragraphs in 楷体, on the same grid; a
// heading in it is one of its paragraphs, without a number. List items are
// paragraphs, an ordered one led by its number (“1.”); code and HTML
// blocks are set line by line as text; an image shows its description.
//
// The frame (frame.go): a 公文 with a document.Head opens with its 版头,
// a 简报 with its 报头; the 标志 and the 简报's name are red, in the title
// face; annexes follow the closing block, each from a new page, “附件N” in
// 3号黑体 and the title in 2号小标宋; the 版记 (black rules 0.35/0.25 mm)
// or the 报尾 in 4号仿宋 closes the last page.
//
// The work is done once where it can be (embed.go, flate.go): the fonts
// are cut into pieces, simple fonts cut once per process for the same
// characters (fonts.Set.StartPieces), while the pages are drawn; fpdf is
// handed each piece's name, widths and a placeholder, and the finished
// programs are put in place after it has written the file; DrawPlan draws
// each page as typeset sets it, so that the glyphs of a long report are
// never all held; and the pages' contents are compressed with the
// compressors of the pieces. fpdf (codeberg.org/go-pdf/fpdf) is used
// unmodified.
package pdfwriter

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/typeset"
)

// Options configure a PDF.
type Options struct {
	Fonts    *fonts.Set       // nil: the bundled fonts
	Geometry typeset.Geometry // zero: typeset.GBT9704()
	Producer string           // e.g. “briefing 0.1”
}

func (o *Options) defaults() {
	if o.Fonts == nil {
		o.Fonts = fonts.Bundled()
	}
	if o.Geometry.Lines == 0 {
		o.Geometry = typeset.GBT9704()
	}
	if o.Producer == "" {
		o.Producer = "briefing"
	}
}

// Layout typesets a document without drawing it.
func Layout(doc *document.Document, opts Options) (*typeset.Document, error) {
	opts.defaults()
	return LayoutBlocks(doc, Blocks(doc, opts.Geometry), opts)
}

// Plan lays out blocks made by Blocks from doc without placing the glyphs
// (typeset.Prepare), for DrawPlan; its errors say where in the report the
// problem is.
func Plan(doc *document.Document, blocks []typeset.Block, opts Options) (*typeset.Plan, error) {
	opts.defaults()
	plan, err := typeset.Prepare(blocks, opts.Geometry, opts.Fonts)
	if err != nil {
		return nil, explain(err, blocks, doc)
	}
	return plan, nil
}

// LayoutBlocks typesets blocks made by Blocks from doc.
func LayoutBlocks(doc *document.Document, blocks []typeset.Block, opts Options) (*typeset.Document, error) {
	opts.defaults()
	laid, err := typeset.Layout(blocks, opts.Geometry, opts.Fonts)
	if err != nil {
		return nil, explain(err, blocks, doc)
	}
	return laid, nil
}

// Write typesets doc and writes it as a PDF to w.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	opts.defaults()
	laid, err := Layout(doc, opts)
	if err != nil {
		return err
	}
	return Draw(w, laid, doc, opts)
}

// explain turns a typesetting error into a message that says where in the
// report the problem is.
func explain(err error, blocks []typeset.Block, doc *document.Document) error {
	mg, ok := err.(*typeset.MissingGlyphError)
	if !ok {
		return err
	}
	where := "页码"
	if mg.Block >= 0 && mg.Block < len(blocks) {
		where = describe(blocks, mg.Block)
	}
	return fmt.Errorf("没有任何字体含有字符“%c”（U+%04X），无法排版。它出现在%s：“%s”。请改用常用字，或用 -font 指定含有这个字的字体", mg.R, mg.R, where, mg.Context)
}

// describe names a block the way a clerk finds it in the report: 标题,
// 主送机关, the n-th paragraph of the body or of an annex, a table,
// 附件说明, 落款, the parts of the frame.
func describe(blocks []typeset.Block, i int) string {
	switch blocks[i].Kind {
	case typeset.KindTitle:
		return "标题"
	case typeset.KindAddressee:
		return "主送机关"
	case typeset.KindAttachments:
		return "附件说明"
	case typeset.KindClosing:
		return "落款（发文机关署名或成文日期）"
	case typeset.KindTable:
		return "表格"
	case typeset.KindHead:
		return "版头（份号、密级、紧急程度、发文机关标志、发文字号或签发人）"
	case typeset.KindBriefHead:
		return "报头（简报名称、期号、编印单位或日期）"
	case typeset.KindRecord:
		return "版记或报尾"
	case typeset.KindAnnex, typeset.KindAnnexTitle:
		return "附件的标题"
	}
	return paragraphOf(blocks, i)
}

// paragraphOf names a paragraph or heading: the n-th of the body, or of
// the annex it is in.
func paragraphOf(blocks []typeset.Block, i int) string {
	n, where := 0, "正文"
	for j := 0; j <= i; j++ {
		switch k := blocks[j].Kind; k {
		case typeset.KindParagraph, typeset.KindHeading:
			n++
		case typeset.KindAnnex:
			n, where = 0, textOf(blocks[j].Runs)
		}
	}
	if blocks[i].Kind == typeset.KindHeading {
		return fmt.Sprintf("%s第%d段（标题）", where, n)
	}
	return fmt.Sprintf("%s第%d段", where, n)
}

// textOf is the text of runs.
func textOf(runs []typeset.Run) string {
	s := ""
	for _, r := range runs {
		s += r.Text
	}
	return s
}

// Draw draws a typeset document with fpdf.
func Draw(w io.Writer, laid *typeset.Document, doc *document.Document, opts Options) error {
	pages := func(out func(*typeset.Page) error) error {
		for i := range laid.Pages {
			if err := out(&laid.Pages[i]); err != nil {
				return err
			}
		}
		return nil
	}
	_, err := draw(w, laid.Geometry, laidChars(laid), pages, doc, opts)
	return err
}

// DrawPlan draws a planned layout as Plan.Emit sets its pages, one at a
// time: the memory it takes grows with the PDF (fpdf holds every page's
// content until it writes the file), not with the glyphs laid out. It
// returns the number of pages. The plan is not used once its pages are
// drawn: a caller that lets it go too frees it before the file is made.
func DrawPlan(w io.Writer, plan *typeset.Plan, doc *document.Document, opts Options) (int, error) {
	dr, err := StartDrawing(plan, doc, opts)
	if err != nil {
		return 0, err
	}
	return dr.Draw(w)
}

// Drawing is a PDF begun by StartDrawing: its fonts are being cut.
type Drawing struct {
	d     drawer
	pages func(func(*typeset.Page) error) error // nil once drawn
}

// StartDrawing begins the PDF of a planned layout: it draws the charts,
// registers the fonts and starts cutting them into pieces, which goes on
// while the caller does other work (writes the HTML page) until Draw. The
// Drawing holds the plan until Draw, and neither doc nor its tree.
func StartDrawing(plan *typeset.Plan, doc *document.Document, opts Options) (*Drawing, error) {
	counts := map[faceRune]int{}
	plan.Chars(func(face int, r rune, n int) { counts[faceRune{face, r}] += n })
	return start(plan.Geometry(), counts, plan.Emit, doc, opts)
}

// draw makes the PDF of the pages that pages hands out, whose characters
// (by face, and how often) are counts; the charts' are added to them. It
// returns the number of pages.
func draw(w io.Writer, g typeset.Geometry, counts map[faceRune]int, pages func(func(*typeset.Page) error) error, doc *document.Document, opts Options) (int, error) {
	dr, err := start(g, counts, pages, doc, opts)
	if err != nil {
		return 0, err
	}
	return dr.Draw(w)
}

func start(g typeset.Geometry, counts map[faceRune]int, pages func(func(*typeset.Page) error) error, doc *document.Document, opts Options) (*Drawing, error) {
	opts.defaults()
	charts, err := drawCharts(doc, g, opts.Fonts, counts)
	if err != nil {
		return nil, err
	}
	pdf := newPDF(g, doc, opts)
	emb, err := embedFonts(pdf, byUse(counts), opts.Fonts)
	if err != nil {
		return nil, err
	}
	return &Drawing{d: drawer{pdf: pdf, embedded: emb, fonts: opts.Fonts, charts: charts}, pages: pages}, nil
}

// Draw draws the pages and writes the PDF to w, once its fonts are cut. It
// returns the number of pages.
func (dr *Drawing) Draw(w io.Writer) (int, error) {
	pages := dr.pages
	if pages == nil {
		return 0, errors.New("pdfwriter: the drawing is drawn already")
	}
	dr.pages = nil // (and with it a plan, which may be of tens of MB)
	if err := pages(dr.d.page); err != nil {
		return 0, err
	}
	pages = nil
	pdf := dr.d.pdf
	if err := pdf.Error(); err != nil {
		return 0, fmt.Errorf("生成 PDF 失败：%v", err)
	}
	n := pdf.PageNo()
	pdf.SetCompression(n > fpdfCompressesAbove)
	u := &finishing{w: w, programs: dr.d.embedded.wait}
	if err := pdf.Output(u); err != nil {
		return 0, err
	}
	return n, u.Close()
}

// newPDF is an empty PDF with the document's metadata.
func newPDF(g typeset.Geometry, doc *document.Document, opts Options) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{
		OrientationStr: "P",
		UnitStr:        "pt",
		Size:           fpdf.SizeType{Wd: g.PageWidth, Ht: g.PageHeight},
	})
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	pdf.SetCompression(true)
	pdf.SetTitle(doc.Meta.Title, true)
	pdf.SetAuthor(doc.Meta.Org, true)
	subject := doc.Meta.Subject
	if subject == "" {
		subject = doc.Meta.Title
	}
	pdf.SetSubject(subject, true)
	pdf.SetCreator("briefing", true)
	pdf.SetProducer(opts.Producer, true)
	pdf.SetLang("zh-CN")
	pdf.SetCatalogSort(true)
	stamp := fileTime(doc)
	pdf.SetCreationDate(stamp)
	pdf.SetModificationDate(stamp)
	return pdf
}

// page draws a page: its bookmarks, lines, rules and page number.
func (d *drawer) page(p *typeset.Page) error {
	d.pdf.AddPage()
	d.newPage()
	for _, m := range p.Marks {
		d.pdf.Bookmark(m.Title, max(m.Level-1, 0), m.Y)
	}
	for _, line := range p.Lines {
		if err := d.line(line); err != nil {
			return err
		}
	}
	for _, f := range p.Figures {
		if err := d.figure(f); err != nil {
			return err
		}
	}
	d.rules(p.Rules)
	if p.Folio != nil {
		return d.line(*p.Folio)
	}
	return nil
}

// fileTime is the date written into the PDF: SOURCE_DATE_EPOCH when set,
// else the report's 成文日期, so that the same input gives the same bytes.
func fileTime(doc *document.Document) time.Time {
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	if !doc.Meta.Time.IsZero() {
		return doc.Meta.Time
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

type drawer struct {
	pdf      *fpdf.Fpdf
	embedded *embedding
	fonts    *fonts.Set
	charts   map[*chart.Chart]*chart.Recording // the charts drawn, by chart
	curFont  string                            // the fpdf family in effect
	curSize  float64
	stroke   float64
	spacing  float64       // the character spacing (Tc) in effect
	color    typeset.Color // the text and stroke colour in effect
	started  bool
	buf      []byte
}

// newPage forgets the text state: each page's content starts afresh.
func (d *drawer) newPage() {
	d.started, d.stroke, d.spacing = false, 0, 0
}

// line draws a line of glyphs. Glyphs that share a face, size and weight
// and are spaced evenly (the usual case: a justified line of Chinese spreads
// its extra space evenly between characters) are drawn with one text
// operator and the PDF's character spacing, instead of one operator each;
// a squeezed mark or a change of font starts a new run.
func (d *drawer) line(l typeset.Line) error {
	gs := l.Glyphs
	for i := 0; i < len(gs); {
		g := gs[i]
		if g.R == ' ' || g.R == '\u3000' {
			i++
			continue
		}
		// Extend the run while the gap after each glyph stays the same.
		j := i + 1
		gap := 0.0
		for ; j < len(gs); j++ {
			h := gs[j]
			if h.Face != g.Face || h.Style != g.Style || h.R == ' ' || h.R == '\u3000' {
				break
			}
			gj := h.X - gs[j-1].X - d.advance(gs[j-1])
			if j == i+1 {
				gap = gj
			} else if math.Abs(gj-gap) > 0.001 {
				break
			}
		}
		if err := d.run(gs[i:j], gap, l.Baseline); err != nil {
			return err
		}
		i = j
	}
	return nil
}

// advance is the width the PDF viewer gives a glyph: its width in the
// embedded font at the glyph's size.
func (d *drawer) advance(g typeset.Glyph) float64 {
	return float64(d.embedded.chars[faceRune{g.Face, g.R}].width) / 1000 * g.Style.Size
}

// run draws glyphs of one face and style, each placed gap points after the
// end of the previous one: a text operator for each stretch of glyphs of
// the same piece of the face.
func (d *drawer) run(gs []typeset.Glyph, gap, baseline float64) error {
	d.style(gs[0])
	for i := 0; i < len(gs); {
		c, ok := d.embedded.chars[faceRune{gs[i].Face, gs[i].R}]
		if !ok {
			return fmt.Errorf("字符“%c”没有嵌入的字体", gs[i].R)
		}
		d.buf = append(d.buf[:0], c.code)
		j := i + 1
		for ; j < len(gs); j++ {
			cj := d.embedded.chars[faceRune{gs[j].Face, gs[j].R}]
			if cj.piece != c.piece {
				break
			}
			d.buf = append(d.buf, cj.code)
		}
		d.setFont(d.embedded.family[[2]int{gs[i].Face, c.piece}], gs[i].Style.Size)
		if j-i > 1 && math.Abs(gap-d.spacing) > 0.0005 {
			d.pdf.RawWriteStr(strconv.FormatFloat(gap, 'f', 4, 64) + " Tc")
			d.spacing = gap
		}
		d.pdf.Text(gs[i].X, baseline, string(d.buf))
		i = j
	}
	return nil
}

// setFont makes family at size the font in effect, if it is not already.
func (d *drawer) setFont(family string, size float64) {
	if !d.started || family != d.curFont || size != d.curSize {
		d.pdf.SetFont(family, "", size)
		d.curFont, d.curSize, d.started = family, size, true
	}
}

// style sets the colour and the outline of glyph g's style.
func (d *drawer) style(g typeset.Glyph) {
	d.setColor(g.Style.Color)
	stroke := d.fonts.Embolden(g.Style.Role, g.Face) * g.Style.Size
	if g.Style.Bold && stroke == 0 {
		stroke = fonts.TitleStroke * g.Style.Size
	}
	if stroke != d.stroke {
		if stroke > 0 {
			d.pdf.SetLineWidth(stroke)
			d.pdf.SetTextRenderingMode(2)
		} else {
			d.pdf.SetTextRenderingMode(0)
		}
		d.stroke = stroke
	}
}

// setColor makes c the colour of text and of strokes (a bold title's
// outline, a rule), if it is not already.
func (d *drawer) setColor(c typeset.Color) {
	if c == d.color {
		return
	}
	d.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	d.color = c
}

// rules strokes a page's rules in their colours.
func (d *drawer) rules(rs []typeset.Rule) {
	for _, r := range rs {
		d.setColor(r.Color)
		d.pdf.SetLineWidth(r.Width)
		d.pdf.Line(r.X0, r.Y0, r.X1, r.Y1)
		d.stroke = -1 // the text's outline width is to be set again
	}
}
