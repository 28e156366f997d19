// Package htmlwriter renders a report as one self-contained HTML page that
// reads well on a phone and prints like the PDF.
//
// It walks the same document as the PDF writer (the goldmark AST parsed
// once by package report), with the same 公文 numbering (mdext.Number) and
// run-in headings (mdext.RunInHeading): title, 主送机关, body, tables,
// 附件说明 and the closing block (发文机关署名, 成文日期).
//
// The page is self-contained: its one style sheet is inline, images are data:
// URLs, there is no script, and a Content-Security-Policy forbids fetching
// anything, from anywhere — only the page's own style sheet (by its hash)
// and data: images are allowed. Fonts are CSS stacks that reach the fonts of
// a Chinese office PC (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312 …) before
// the generic families; no font is embedded or downloaded.
//
// On a desktop the page is an A4 sheet on the GB/T 9704 grid (22 lines of
// 28 characters); narrower than the sheet (850 px) the text reflows at a
// reading size (18 px on a phone) in a measure of whole characters, keeping
// the two-character indent and the heading fonts, and only a wide table
// scrolls, inside its own box. Printed (@page A4), the text falls on the
// PDF's grid: the characters of the first and last line touch the 版心 (37
// mm from the top, 28 mm from the left, 156 × 225 mm), 16 pt with the PDF's
// line pitch, 28 characters a line, 22 lines a page, headings kept with
// their paragraph, table headers repeated, page numbers “— 1 —” where GB/T
// 9704 places them. Options.TitleLines breaks the title where the PDF does.
//
// The frame (frame.go): the 版头 of a 公文 or the 报头 of a 简报 is a
// <header class="frame"> whose parts stand on the grid lines where the
// PDF sets them, the 标志 or name red and sized as in the PDF; annexes are
// <section class="annex"> (“附件N”, an <h1 class="annex-title">, the
// body), each starting a printed page; the 版记 or 报尾 is a <footer
// class="frame"> after the text (in print it follows the text; it is not
// pushed to the foot of the page). Red is the frame's alone.
//
// Markup: the title is <h1>; headings of the four 公文 levels are <h2> (一、),
// <h3> (（一）), <h4> (1.) and <h5> (（1）), a body “#” heading is <h1> and
// “######” <h6>. A run-in heading (“（一）提高思想认识，高位推动落实。积极……”)
// stays inside its paragraph, as a <span role="heading" aria-level="3">:
// assistive technology lists it among the headings, and on the page it is
// the paragraph's lead, in the heading's font. Tables have <th scope="col">
// header cells, and <th scope="row"> for a first column of labels. An 按语
// (a block quote; nested ones are one) is <blockquote class="按语">: its
// paragraphs are set in 楷体, at the body's size and indent, on screen and
// in print; a heading in it is one of its paragraphs, without a number.
// A list item is a paragraph, an ordered one led by its number (“1.”).
//
// Safety: every text is escaped. Raw HTML in a template is shown as text,
// as the PDF shows it, unless Options.AllowRawHTML is set; even then it
// passes through an allow-list (no script, no event handler, no style, links
// only to http, https and mailto, images only as data: URLs). Values from a
// workbook are escaped by package fill before the Markdown is parsed, so they
// never become markup.
package htmlwriter

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html"
	"io"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/chart"
	"briefing/internal/document"
	"briefing/internal/mdext"
	"briefing/internal/typeset"
)

//go:embed style.css
var styleCSS string

// sheets are the page's style sheets and their policies, made when a page
// is first written (a check that writes none does not make them).
type sheets struct {
	plain, charts             string // the style sheet of a page without charts, and with
	plainPolicy, chartsPolicy string
	preview                   string // PreviewPolicy
}

var styleSheets = sync.OnceValue(func() sheets {
	// The style sheet: style.css and the classes that size and place the
	// frame (frameCSS); a page with charts adds chartCSS. The page allows
	// that one <style> element, by its hash, and no other style, inline
	// or not.
	plain := styleCSS + frameCSS()
	charts := plain + chartCSS()
	ph, ch := hashOf(plain), hashOf(charts)
	return sheets{plain: plain, charts: charts, plainPolicy: policy(ph), chartsPolicy: policy(ch),
		preview: "default-src 'none'; style-src " + ph + " " + ch + "; img-src data:; base-uri 'none'; form-action 'none'"}
})

// hashOf is the CSP source of a style sheet.
func hashOf(css string) string {
	sum := sha256.Sum256([]byte(css))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

// policy is the policy of a page whose style sheet has the hash given.
func policy(hash string) string {
	return "default-src 'none'; style-src " + hash + "; img-src data:; base-uri 'none'; form-action 'none'"
}

// ContentSecurityPolicy is the policy every page carries in a <meta>
// element: nothing may be fetched or run; only the page's own style sheet
// and data: images are allowed. (A page with charts has a style sheet of
// its own, and its policy names it: see PreviewPolicy.)
func ContentSecurityPolicy() string { return styleSheets().plainPolicy }

// Options configure the page.
type Options struct {
	// Generator is written into <meta name="generator">, e.g. “briefing 0.1”.
	Generator string

	// AllowRawHTML passes raw HTML in the templates (an HTML block, or a
	// tag such as <sup> inside a paragraph) into the page, through an
	// allow-list of elements and attributes: formatting and structure
	// only, no script, event handler, style, form or frame; links only to
	// http, https and mailto; images only as data: URLs. What the list
	// refuses is dropped. It is off by default: raw HTML then shows as
	// text, as in the PDF. Package report does not set it; a report that
	// wants it needs an option there (the PDF still shows raw HTML as text).
	AllowRawHTML bool

	// Image returns the bytes of an image that the Markdown names by a path
	// (![说明](图1.png)); the page inlines it as a data: URL. A PNG, JPEG,
	// GIF, WebP or SVG file is accepted; an error stops the page. When
	// Image is nil, only images written as data: URLs are shown. An image
	// that is not shown — a URL such as https://…, which is never fetched —
	// shows its description, as the PDF does.
	Image func(dest string) ([]byte, error)

	// TitleLines is the title as the PDF breaks it into lines (see
	// TitleLines). Given, the page breaks the title at the same places on
	// a desktop and in print; on a phone it reflows. Without it, or when
	// the lines do not spell the title, the browser balances the lines.
	TitleLines []string
}

// TitleLines returns the lines of the title in a PDF layout, for
// Options.TitleLines: build.Render could pass
// htmlwriter.TitleLines(res.Layout) when it renders both formats.
func TitleLines(layout *typeset.Document) []string {
	if layout == nil {
		return nil
	}
	var lines []string
	for _, p := range layout.Pages {
		for _, l := range p.Lines {
			if l.Kind != typeset.KindTitle {
				continue
			}
			var b strings.Builder
			for _, g := range l.Glyphs {
				b.WriteRune(g.R)
			}
			lines = append(lines, b.String())
		}
	}
	return lines
}

// Bytes renders doc into memory.
func Bytes(doc *document.Document, opts Options) ([]byte, error) {
	var b bytes.Buffer
	if err := Write(&b, doc, opts); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Write renders doc as an HTML page to w.
func Write(w io.Writer, doc *document.Document, opts Options) error {
	if doc == nil {
		return fmt.Errorf("htmlwriter: no document")
	}
	if opts.Generator == "" {
		opts.Generator = "briefing"
	}
	r := &writer{doc: doc, opts: opts, src: doc.Source}
	m := doc.Meta
	r.s("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
	r.s("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	ss := styleSheets()
	css, csp := ss.plain, ss.plainPolicy
	if len(doc.Charts) > 0 {
		css, csp = ss.charts, ss.chartsPolicy
	}
	r.f("<meta http-equiv=\"Content-Security-Policy\" content=\"%s\">\n", csp)
	r.s("<meta name=\"referrer\" content=\"no-referrer\">\n")
	r.s("<meta name=\"color-scheme\" content=\"light\">\n")
	title := m.Title
	if title == "" {
		title = doc.Name
	}
	r.f("<title>%s</title>\n", esc(title))
	if m.Org != "" {
		r.f("<meta name=\"author\" content=\"%s\">\n", esc(m.Org))
	}
	if m.Subject != "" {
		r.f("<meta name=\"description\" content=\"%s\">\n", esc(m.Subject))
	}
	r.f("<meta name=\"generator\" content=\"%s\">\n", esc(opts.Generator))
	r.s("<style>" + css + "</style>\n</head>\n<body>\n<main class=\"sheet\">\n")
	r.head()
	if m.Title != "" {
		r.title(m.Title, opts.TitleLines)
	}
	if m.Addressee != "" {
		r.f("<p class=\"addressee\">%s：</p>\n", esc(m.Addressee))
	}
	if doc.Root != nil {
		for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
			r.block(n)
		}
	}
	r.attachments(m.Attachments)
	if m.Org != "" || m.Date != "" {
		r.s("<footer class=\"closing\"><div class=\"block\">\n")
		if m.Org != "" {
			r.f("<p class=\"org\">%s</p>\n", esc(m.Org))
		}
		if m.Date != "" {
			if !m.Time.IsZero() {
				r.f("<p class=\"date\"><time datetime=\"%s\">%s</time></p>\n", m.Time.Format("2006-01-02"), esc(m.Date))
			} else {
				r.f("<p class=\"date\">%s</p>\n", esc(m.Date))
			}
		}
		r.s("</div></footer>\n")
	}
	for _, a := range doc.Annexes {
		r.annex(a)
	}
	r.foot()
	r.s("</main>\n</body>\n</html>\n")
	if r.err != nil {
		return r.err
	}
	_, err := w.Write(r.b.Bytes())
	return err
}

type writer struct {
	doc    *document.Document
	src    []byte // the Markdown being written: the body's or an annex's
	opts   Options
	b      bytes.Buffer
	err    error
	prefix string // a list item's number, for the next block to open with
	tables int
	quote  bool                 // inside an 按语 (a block quote)
	figs   map[*chart.Chart]int // the charts' numbers, when the page has charts
}

func (r *writer) s(s string)                { r.b.WriteString(s) }
func (r *writer) f(format string, a ...any) { fmt.Fprintf(&r.b, format, a...) }

func (r *writer) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

func esc(s string) string { return html.EscapeString(s) }

// title writes the title, broken where the PDF breaks it when lines
// spell it: each line a span that does not wrap on a desktop or in print,
// with a break opportunity between them, which a phone prefers too.
func (r *writer) title(title string, lines []string) {
	if len(lines) < 2 || squeezeSpace(strings.Join(lines, "")) != squeezeSpace(title) {
		r.f("<h1 class=\"title\">%s</h1>\n", esc(title))
		return
	}
	r.s("<h1 class=\"title lines\">")
	rest := title
	for i, l := range lines {
		// Take the line's characters from the title, so that the
		// spaces of the title are kept.
		n := 0
		want := len([]rune(squeezeSpace(l)))
		end := len(rest)
		for j, c := range rest {
			if n == want {
				end = j
				break
			}
			if !unicode.IsSpace(c) {
				n++
			}
		}
		if i == len(lines)-1 {
			end = len(rest)
		}
		if i > 0 {
			r.s("<wbr>")
		}
		r.f("<span class=\"tl\">%s</span>", esc(rest[:end]))
		rest = rest[end:]
	}
	r.s("</h1>\n")
}

func squeezeSpace(s string) string {
	return strings.Map(func(c rune) rune {
		if unicode.IsSpace(c) {
			return -1
		}
		return c
	}, s)
}

// headingTag is the element of a heading: the title is <h1>, 一、 <h2>,
// （一） <h3>, 1. <h4>, （1） <h5>; a body “#” heading (an annex's title) is
// <h1> and “######” <h6>.
func headingTag(h *ast.Heading) int {
	if l := mdext.Level(h); l > 0 {
		return l + 1
	}
	if h.Level == 1 {
		return 1
	}
	return 6
}

// takePrefix returns the pending list number, escaped, and clears it.
func (r *writer) takePrefix() string {
	p := r.prefix
	r.prefix = ""
	return esc(p)
}

func (r *writer) block(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		r.heading(n)
	case *ast.Paragraph:
		r.paragraph(n)
	case *ast.TextBlock:
		if !hasContent(n, r.src) && r.prefix == "" {
			return
		}
		r.s("<p>" + r.takePrefix())
		r.inline(n)
		r.s("</p>\n")
	case *ast.List:
		r.list(n)
	case *ast.Blockquote:
		r.blockquote(n)
	case *ast.HTMLBlock:
		if r.opts.AllowRawHTML {
			r.prefix = ""
			r.s(sanitizeBlock(literal(n, r.src)))
			return
		}
		r.literal(n)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		if ch := r.doc.Chart(n, r.src); ch != nil {
			r.chart(n, ch)
			return
		}
		r.literal(n)
	case *east.Table:
		r.prefix = ""
		r.table(n)
	case *ast.ThematicBreak:
		r.prefix = ""
		r.s("<hr class=\"page-break\">\n")
	}
}

// heading writes a heading standing alone; a run-in heading is written as
// the lead of its paragraph. In an 按语 a heading is a paragraph of the
// 按语, without a number, as in the PDF.
func (r *writer) heading(h *ast.Heading) {
	if r.quote {
		r.s("<p>" + r.takePrefix())
		r.inline(h)
		r.s("</p>\n")
		return
	}
	if mdext.IsRunIn(h) {
		return // rendered as the lead of its paragraph
	}
	level := mdext.Level(h)
	t := headingTag(h)
	class := fmt.Sprintf(" class=\"l%d\"", level)
	if level == 0 {
		class = " class=\"center\""
	}
	r.f("<h%d%s>%s%s", t, class, r.takePrefix(), esc(mdext.Number(h)))
	r.inline(h)
	r.f("</h%d>\n", t)
}

// paragraph writes a paragraph: a figure when it is one image, else text
// led by its run-in heading if it has one (not in an 按语).
func (r *writer) paragraph(n *ast.Paragraph) {
	if img := figure(n, r.src); img != nil {
		if src, ok := r.imageSource(img); ok {
			r.s("<p class=\"figure\">" + r.takePrefix())
			r.image(img, src)
			r.s("</p>\n")
			return
		}
	}
	h := mdext.RunInHeading(n)
	if r.quote {
		h = nil
	}
	if h == nil && !hasContent(n, r.src) && r.prefix == "" {
		return // the PDF sets nothing for it either
	}
	r.s("<p>" + r.takePrefix())
	if h != nil {
		level := mdext.Level(h)
		r.f("<span class=\"lead l%d\" role=\"heading\" aria-level=\"%d\">%s", level, headingTag(h), esc(mdext.Number(h)))
		r.inline(h)
		r.s("</span>")
	}
	r.inline(n)
	r.s("</p>\n")
}

// list writes each item as paragraphs, an ordered item's first one
// starting with its number, as the PDF sets them.
func (r *writer) list(l *ast.List) {
	i := l.Start
	for item := l.FirstChild(); item != nil; item = item.NextSibling() {
		if l.IsOrdered() {
			r.prefix = strconv.Itoa(i) + "."
		}
		for c := item.FirstChild(); c != nil; c = c.NextSibling() {
			r.block(c)
		}
		r.prefix = "" // an item with nothing to set: the PDF drops its number too
		i++
	}
}

// blockquote writes an 按语: <blockquote class="按语">, whose paragraphs
// the style sheet sets in 楷体. A quote inside it is part of it.
func (r *writer) blockquote(q *ast.Blockquote) {
	if r.quote {
		r.children(q)
		return
	}
	r.quote = true
	r.s("<blockquote class=\"按语\">\n")
	r.children(q)
	r.s("</blockquote>\n")
	r.quote = false
}

// children writes the blocks inside n.
func (r *writer) children(n ast.Node) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		r.block(c)
	}
}

// literal writes the lines of a code or HTML block as text, one paragraph a
// line, as the PDF sets them.
func (r *writer) literal(n ast.Node) {
	for _, line := range strings.Split(literal(n, r.src), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" {
			continue
		}
		r.f("<p class=\"literal\">%s%s</p>\n", r.takePrefix(), esc(line))
	}
}

func literal(n ast.Node, source []byte) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(source))
	}
	if hb, ok := n.(*ast.HTMLBlock); ok && hb.HasClosure() {
		b.Write(hb.ClosureLine.Value(source))
	}
	return b.String()
}

// hasContent reports whether a paragraph has anything to show: the PDF
// sets a paragraph when it has text other than line breaks.
func hasContent(n ast.Node, source []byte) bool {
	for _, sp := range document.Spans(n, source) {
		if strings.ReplaceAll(sp.Text, "\n", "") != "" {
			return true
		}
	}
	return false
}

// attachments writes 附件说明 (GB/T 9704 §7.3.4): “附件：1. 名称”, the
// numbers under each other, runover lines aligned with the name; no number
// for a single attachment; no punctuation after a name.
func (r *writer) attachments(list []string) {
	var names []string
	for _, a := range list {
		a = strings.TrimRight(strings.TrimSpace(a), "，。；、：,.;: ")
		if a != "" {
			names = append(names, a)
		}
	}
	if len(names) == 0 {
		return
	}
	r.s("<div class=\"attachments\"><span class=\"label\">附件：</span>")
	if len(names) == 1 {
		r.f("<span class=\"name\">%s</span></div>\n", esc(names[0]))
		return
	}
	r.s("<ol>\n")
	for i, a := range names {
		r.f("<li><span class=\"n\">%d.&#32;</span><span class=\"name\">%s</span></li>\n", i+1, esc(a))
	}
	r.s("</ol></div>\n")
}

func (r *writer) table(t *east.Table) {
	aligns := document.ColumnAligns(t, r.src)
	class := func(i int) string {
		if i >= len(aligns) {
			return ""
		}
		switch aligns[i] {
		case east.AlignRight:
			return ` class="num"`
		case east.AlignCenter:
			return ` class="center"`
		}
		return ""
	}
	// A first column of text labels its rows.
	rowHeads := len(aligns) > 1 && aligns[0] != east.AlignRight
	r.tables++
	r.f("<div class=\"table-wrap\" role=\"region\" aria-label=\"表格%d\" tabindex=\"0\"><table>\n", r.tables)
	inBody := false
	for row := range mdext.Rows(t) {
		head := document.IsHeaderRow(row)
		if head {
			r.s("<thead>")
		} else if !inBody {
			r.s("<tbody>\n")
			inBody = true
		}
		r.s("<tr>")
		i := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			switch {
			case head:
				r.f("<th scope=\"col\"%s>", class(i))
				r.inline(c)
				r.s("</th>")
			case i == 0 && rowHeads:
				r.f("<th scope=\"row\"%s>", class(i))
				r.inline(c)
				r.s("</th>")
			default:
				r.f("<td%s>", class(i))
				r.inline(c)
				r.s("</td>")
			}
			i++
		}
		r.s("</tr>")
		if head {
			r.s("</thead>\n")
		} else {
			r.s("\n")
		}
	}
	if inBody {
		r.s("</tbody>\n")
	}
	r.s("</table></div>\n")
}
