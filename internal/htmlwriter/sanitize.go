package htmlwriter

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The allow-list for raw HTML (Options.AllowRawHTML). It lets formatting
// and structure through and nothing that runs, fetches, styles or submits.

// phrasing are the elements a raw tag inside a paragraph may open. There is
// no <a>: a link is written in Markdown, and one link must not hold another.
var phrasing = set("abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr")

// flow are the elements an HTML block may hold.
var flow = union(phrasing, set("a address article aside blockquote caption col colgroup dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 header hr li ol p pre section summary table tbody td tfoot th thead tr ul"))

// dropped are elements removed with their content; any other element that
// is not allowed is removed and its content kept.
var dropped = set("script style template iframe frame frameset object embed applet noscript noembed noframes textarea select option optgroup button input form title xmp plaintext head meta link base math svg audio video canvas source track picture dialog portal")

// attrsFor lists the attributes each element keeps; "*" those of every one.
var attrsFor = map[string]map[string]bool{
	"*":        set("class title lang dir"),
	"a":        set("href"),
	"img":      set("src alt width height"),
	"td":       set("colspan rowspan"),
	"th":       set("colspan rowspan scope"),
	"ol":       set("start reversed type"),
	"li":       set("value"),
	"col":      set("span"),
	"colgroup": set("span"),
	"time":     set("datetime"),
	"data":     set("value"),
	"details":  set("open"),
}

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

func union(a, b map[string]bool) map[string]bool {
	m := map[string]bool{}
	for k := range a {
		m[k] = true
	}
	for k := range b {
		m[k] = true
	}
	return m
}

// cleanAttrs keeps the allowed attributes of element name, with safe
// values; ok is false when the element cannot be kept at all (an image
// that is not a data: image).
func cleanAttrs(name string, attrs []html.Attribute) (out []html.Attribute, ok bool) {
	seen := map[string]bool{}
	href := false
	for _, a := range attrs {
		k := strings.ToLower(a.Key)
		if a.Namespace != "" || seen[k] || !(attrsFor["*"][k] || attrsFor[name][k]) {
			continue
		}
		seen[k] = true
		switch k {
		case "href":
			if !safeURL(a.Val) {
				continue
			}
			a.Val = strings.TrimSpace(a.Val)
			href = true
		case "src":
			if !strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "data:") {
				return nil, false
			}
			mime, data, err := parseDataURL(strings.TrimSpace(a.Val))
			if err != nil {
				return nil, false
			}
			src, err := dataURL(mime, data)
			if err != nil {
				return nil, false
			}
			a.Val = src
		}
		out = append(out, html.Attribute{Key: k, Val: a.Val})
	}
	if name == "img" && !seen["src"] {
		return nil, false
	}
	if href {
		out = append(out, html.Attribute{Key: "rel", Val: "noopener noreferrer"})
	}
	return out, true
}

func startTag(name string, attrs []html.Attribute) string {
	var b strings.Builder
	b.WriteString("<" + name)
	for _, a := range attrs {
		b.WriteString(" " + a.Key + "=\"" + esc(a.Val) + "\"")
	}
	b.WriteString(">")
	return b.String()
}

var voids = set("area base br col embed hr img input link meta source track wbr")

// tagStack holds the raw tags opened inside one paragraph, so that the
// page stays well-formed whatever the template wrote: an end tag closes only
// an element it opened, and the paragraph closes whatever is still open.
type tagStack []string

// inline returns the safe form of one raw inline tag (goldmark's RawHTML:
// a start or end tag, a comment …), or "" to drop it.
func (st *tagStack) inline(raw string, inLink bool) string {
	z := html.NewTokenizer(strings.NewReader(raw))
	tt := z.Next()
	tok := z.Token()
	name := tok.Data
	switch tt {
	case html.StartTagToken, html.SelfClosingTagToken:
		if !phrasing[name] {
			return ""
		}
		attrs, ok := cleanAttrs(name, tok.Attr)
		if !ok {
			return ""
		}
		if !voids[name] {
			if tt == html.SelfClosingTagToken {
				return startTag(name, attrs) + "</" + name + ">"
			}
			*st = append(*st, name)
		}
		return startTag(name, attrs)
	case html.EndTagToken:
		for i := len(*st) - 1; i >= 0; i-- {
			if (*st)[i] == name {
				var b strings.Builder
				for j := len(*st) - 1; j >= i; j-- {
					b.WriteString("</" + (*st)[j] + ">")
				}
				*st = (*st)[:i]
				return b.String()
			}
		}
	}
	return ""
}

// closeAll closes the tags still open.
func (st *tagStack) closeAll() string {
	var b strings.Builder
	for j := len(*st) - 1; j >= 0; j-- {
		b.WriteString("</" + (*st)[j] + ">")
	}
	*st = nil
	return b.String()
}

// sanitizeBlock returns the safe form of an HTML block: parsed as the
// content of a <div>, cleaned by the allow-list, and serialized again, so
// that it is well-formed.
func sanitizeBlock(src string) string {
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(src), ctx)
	if err != nil {
		return ""
	}
	var b strings.Builder
	for _, n := range nodes {
		for _, c := range clean(n) {
			_ = html.Render(&b, c)
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return b.String() + "\n"
}

// clean returns the allowed form of n: itself with clean attributes and
// children, its cleaned children when the element is not allowed, or
// nothing.
func clean(n *html.Node) []*html.Node {
	switch n.Type {
	case html.TextNode:
		return []*html.Node{{Type: html.TextNode, Data: n.Data}}
	case html.ElementNode:
	default:
		return nil // comments, doctypes
	}
	name := n.Data
	if n.Namespace != "" || dropped[name] {
		return nil
	}
	var kids []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		kids = append(kids, clean(c)...)
	}
	if !flow[name] {
		return kids
	}
	attrs, ok := cleanAttrs(name, n.Attr)
	if !ok {
		return kids
	}
	out := &html.Node{Type: html.ElementNode, Data: name, DataAtom: atom.Lookup([]byte(name)), Attr: attrs}
	for _, k := range kids {
		out.AppendChild(k)
	}
	return []*html.Node{out}
}
