package htmlwriter

import (
	"briefing/internal/document"
	"fmt"
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// inline writes the inline content of n: the spans the PDF writer sets too
// (document.Spans), with images shown as images and, with AllowRawHTML, the
// raw HTML tags that the allow-list lets through.
func (r *writer) inline(n ast.Node) {
	var tags tagStack
	for _, sp := range document.Spans(n, r.src) {
		if sp.Image != nil {
			if src, ok := r.imageSource(sp.Image); ok {
				r.s(r.imageTag(sp.Image, src))
				continue
			}
		}
		if sp.Raw && r.opts.AllowRawHTML {
			r.s(tags.inline(sp.Text, sp.Link != ""))
			continue
		}
		text := strings.ReplaceAll(keepTogether(sp.Text), "\n", "<br>")
		if sp.Code {
			text = "<code>" + text + "</code>"
		}
		if sp.Emph {
			text = "<em>" + text + "</em>"
		}
		if sp.Strong {
			text = "<strong>" + text + "</strong>"
		}
		if sp.Link != "" && safeURL(sp.Link) {
			text = fmt.Sprintf("<a href=\"%s\" rel=\"noopener noreferrer\">%s</a>", esc(strings.TrimSpace(sp.Link)), text)
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
