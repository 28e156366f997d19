package htmlwriter

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"briefing/internal/mdext"
)

// piece is a run of inline content: text with its emphasis and link, or
// markup written as it is (an image, a raw HTML tag let through).
type piece struct {
	text   string
	strong bool
	emph   bool
	code   bool
	link   string
	soft   bool   // a soft line break, resolved before rendering
	markup string // HTML, already safe
}

// pieces flattens the inline content of a block node as document.Spans
// does — the same text, the same soft line breaks — and adds what Spans
// cannot carry: images shown as images, and, with AllowRawHTML, raw HTML
// tags that the allow-list lets through (tags holds the open ones).
// Without images and raw HTML its text is exactly Spans' text.
func (r *writer) pieces(n ast.Node, tags *tagStack) []piece {
	src := r.doc.Source
	var out []piece
	var walk func(n ast.Node, s piece)
	walk = func(n ast.Node, s piece) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t := s
				t.text = mdext.Text(c, src)
				out = appendPiece(out, t)
				if c.HardLineBreak() {
					t.text = "\n"
					out = appendPiece(out, t)
				} else if c.SoftLineBreak() {
					out = append(out, piece{soft: true, strong: s.strong, emph: s.emph, link: s.link})
				}
			case *ast.String:
				t := s
				t.text = mdext.Text(c, src)
				out = appendPiece(out, t)
			case *ast.CodeSpan:
				t := s
				t.code = true
				t.text = mdext.Text(c, src)
				out = appendPiece(out, t)
			case *ast.Emphasis:
				t := s
				if c.Level >= 2 {
					t.strong = true
				} else {
					t.emph = true
				}
				walk(c, t)
			case *ast.Link:
				t := s
				t.link = string(c.Destination)
				walk(c, t)
			case *ast.AutoLink:
				t := s
				t.link = string(c.URL(src))
				t.text = string(c.Label(src))
				out = appendPiece(out, t)
			case *ast.RawHTML:
				var b strings.Builder
				for i := 0; i < c.Segments.Len(); i++ {
					seg := c.Segments.At(i)
					b.Write(seg.Value(src))
				}
				if r.opts.AllowRawHTML {
					if m := tags.inline(b.String(), s.link != ""); m != "" {
						out = append(out, piece{markup: m})
					}
					continue
				}
				t := s
				t.text = b.String()
				out = appendPiece(out, t)
			case *ast.Image:
				if src, ok := r.imageSource(c); ok {
					out = append(out, piece{markup: r.imageTag(c, src)})
					continue
				}
				walk(c, s) // its description, as the PDF shows it
			case *east.Strikethrough:
				walk(c, s)
			default:
				walk(c, s)
			}
		}
	}
	walk(n, piece{})
	return resolveSoftBreaks(out)
}

func appendPiece(out []piece, p piece) []piece {
	if p.text == "" && !p.soft && p.markup == "" {
		return out
	}
	if k := len(out); k > 0 && p.markup == "" && !p.soft {
		last := &out[k-1]
		if last.markup == "" && !last.soft && last.strong == p.strong && last.emph == p.emph && last.code == p.code && last.link == p.link {
			last.text += p.text
			return out
		}
	}
	return append(out, p)
}

// resolveSoftBreaks drops a soft line break between East Asian characters
// and turns any other into a space, as document.Spans does; markup between
// the characters is looked through.
func resolveSoftBreaks(pieces []piece) []piece {
	out := pieces[:0:0]
	for i, p := range pieces {
		if !p.soft {
			out = appendPiece(out, p)
			continue
		}
		var before, after rune
		for k := len(out) - 1; k >= 0; k-- {
			if out[k].markup == "" {
				before, _ = utf8.DecodeLastRuneInString(out[k].text)
				break
			}
		}
		for _, n := range pieces[i+1:] {
			if !n.soft && n.markup == "" {
				after, _ = utf8.DecodeRuneInString(n.text)
				break
			}
		}
		if before == 0 || after == 0 || util.IsEastAsianWideRune(before) || util.IsEastAsianWideRune(after) {
			continue
		}
		p.text, p.soft = " ", false
		out = appendPiece(out, p)
	}
	return out
}

// inline writes the inline content of n.
func (r *writer) inline(n ast.Node) {
	var tags tagStack
	for _, p := range r.pieces(n, &tags) {
		if p.markup != "" {
			r.s(p.markup)
			continue
		}
		text := strings.ReplaceAll(keepTogether(p.text), "\n", "<br>")
		if p.code {
			text = "<code>" + text + "</code>"
		}
		if p.emph {
			text = "<em>" + text + "</em>"
		}
		if p.strong {
			text = "<strong>" + text + "</strong>"
		}
		if p.link != "" && safeURL(p.link) {
			text = fmt.Sprintf("<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", esc(strings.TrimSpace(p.link)), text)
		}
		r.s(text)
	}
	r.s(tags.closeAll())
}

// joiners are the marks that join two words — letters or digits — (60元/天·人,
// 马克·吐温) and must not begin or end a line; browsers would break beside
// them.
const joiners = "·・‧/／"

// keepTogether escapes text and keeps a short run of words joined by such
// marks (at most 8 characters, so that a long path still breaks) on one
// line, as the PDF does.
func keepTogether(text string) string {
	if !strings.ContainsAny(text, joiners) {
		return esc(text)
	}
	rs := []rune(text)
	word := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	joined := func(k int) bool { // rs[k] joins the words rs[k-1] and rs[k+1]
		return k > 0 && k+1 < len(rs) && strings.ContainsRune(joiners, rs[k]) && word(rs[k-1]) && word(rs[k+1])
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		j := i
		for joined(j + 1) {
			j += 2
		}
		switch {
		case j == i:
			b.WriteString(esc(string(rs[i])))
		case j-i < 8:
			b.WriteString(`<span class="nb">` + esc(string(rs[i:j+1])) + `</span>`)
		default:
			b.WriteString(esc(string(rs[i : j+1])))
		}
		i = j
	}
	return b.String()
}

// safeURL reports whether a link destination may become an href: http,
// https and mailto only. A link to anything else (javascript:, data:, a
// relative path that would be fetched from the disk) shows its text only.
func safeURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	if strings.ContainsAny(l, "\x00\t\n\r") {
		return false
	}
	return strings.HasPrefix(l, "https://") || strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "mailto:")
}
