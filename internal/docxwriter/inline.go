package docxwriter

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/document"
)

// look is how a run differs from its paragraph's style.
type look struct {
	style string // w:rStyle: a character style's id
	font  string // East Asian font, when not the style's
	bold  bool
	red   bool
	size  int // half points; 0 for the style's
}

// xml writes the run's <w:rPr>, in the schema's order; text decides the
// font hint.
func (l look) xml(text string) string {
	var b strings.Builder
	if l.style != "" {
		b.WriteString(`<w:rStyle` + attr("w:val", l.style) + `/>`)
	}
	switch {
	case l.font != "":
		b.WriteString(`<w:rFonts` + attr("w:eastAsia", l.font) + hint(text) + `/>`)
	case hint(text) != "":
		b.WriteString(`<w:rFonts` + hint(text) + `/>`)
	}
	if l.bold {
		b.WriteString(`<w:b/><w:bCs/>`)
	}
	if l.red {
		b.WriteString(`<w:color w:val="FF0000"/>`)
	}
	if l.size > 0 {
		b.WriteString(`<w:sz` + iattr("w:val", l.size) + `/><w:szCs` + iattr("w:val", l.size) + `/>`)
	}
	if b.Len() == 0 {
		return ""
	}
	return "<w:rPr>" + b.String() + "</w:rPr>"
}

// hint is w:hint="eastAsia" when text holds a mark that Word would
// otherwise set in the 西文 face (“ ” — … · ×): in a Chinese text they are
// full width, in the Chinese face.
func hint(text string) string {
	for _, r := range text {
		if r >= 0x80 && r < 0x3000 && !unicode.Is(unicode.Han, r) {
			return ` w:hint="eastAsia"`
		}
	}
	return ""
}

// run writes text as runs of look l: a line break in it is <w:br/>, a tab
// <w:tab/>.
func (w *writer) run(text string, l look) {
	if text == "" {
		return
	}
	w.s("<w:r>" + l.xml(text))
	for i, line := range strings.Split(text, "\n") {
		if i > 0 {
			w.s("<w:br/>")
		}
		for j, piece := range strings.Split(line, "\t") {
			if j > 0 {
				w.s("<w:tab/>")
			}
			if piece != "" {
				w.s(`<w:t xml:space="preserve">` + esc(piece) + `</w:t>`)
			}
		}
	}
	w.s("</w:r>")
}

// inline writes the inline content of n in look base as the PDF sets it:
// strong emphasis bold, emphasis in 楷体, raw HTML, links and images as
// their text, hard line breaks dropped.
func (w *writer) inline(n ast.Node, base look) {
	for _, sp := range document.Spans(n, w.src) {
		l := base
		l.bold = l.bold || sp.Strong
		if sp.Emph {
			l.font = fontKai
		}
		w.run(strings.ReplaceAll(sp.Text, "\n", ""), l)
	}
}

// hasContent reports whether n has text to show: the PDF sets a paragraph
// when it has text other than line breaks.
func (w *writer) hasContent(n ast.Node) bool {
	for _, sp := range document.Spans(n, w.src) {
		if strings.ReplaceAll(sp.Text, "\n", "") != "" {
			return true
		}
	}
	return false
}
