package htmlwriter_test

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// checkValid checks that page is valid HTML5, as far as the elements the
// writer uses go, and stricter than the standard where that is easy:
//
//   - it starts with <!DOCTYPE html>; every element is an HTML element and
//     every attribute one that element may have, none twice;
//   - every element but a void one is closed by its own end tag, and the
//     elements nest as their content models allow (only phrasing content in
//     a paragraph, a heading or a span; rows in a table section; …);
//   - golang.org/x/net/html parses it into exactly the tree its tags
//     write, so that no browser has to repair it.
func checkValid(t *testing.T, page []byte) {
	t.Helper()
	if err := validate(page); err != nil {
		t.Fatalf("invalid HTML: %v", err)
	}
}

var voidElements = set("area base br col embed hr img input link meta source track wbr")

// phrasingElements may stand in phrasing content.
var phrasingElements = set("a abbr b bdi bdo br cite code data del dfn em i img ins kbd mark q s samp small span strong sub sup time u var wbr")

// content says what each element may hold: "phrasing", "flow", or a list
// of child elements ("" for no text); elements not listed hold flow.
var content = map[string]string{
	"html": "head body", "head": "meta title style", "title": "text", "style": "text",
	"p": "phrasing", "h1": "phrasing", "h2": "phrasing", "h3": "phrasing", "h4": "phrasing", "h5": "phrasing", "h6": "phrasing",
	"span": "phrasing", "em": "phrasing", "strong": "phrasing", "code": "phrasing", "a": "phrasing", "time": "phrasing",
	"b": "phrasing", "i": "phrasing", "u": "phrasing", "s": "phrasing", "sub": "phrasing", "sup": "phrasing", "small": "phrasing",
	"mark": "phrasing", "abbr": "phrasing", "cite": "phrasing", "q": "phrasing", "dfn": "phrasing", "kbd": "phrasing",
	"samp": "phrasing", "var": "phrasing", "bdi": "phrasing", "bdo": "phrasing", "data": "phrasing", "del": "phrasing", "ins": "phrasing",
	"th": "flow", "td": "flow", "li": "flow", "div": "flow", "main": "flow", "footer": "flow", "body": "flow",
	"header": "flow", "section": "flow",
	"table":    "caption colgroup thead tbody tfoot tr",
	"thead":    "tr",
	"tbody":    "tr",
	"tfoot":    "tr",
	"tr":       "th td",
	"ol":       "li",
	"ul":       "li",
	"colgroup": "col",
	"svg":      "title path text",
	"path":     "",
	"text":     "text",
}

var globalAttrs = set("class title lang dir role aria-level aria-label aria-hidden tabindex")

var elementAttrs = map[string]map[string]bool{
	"html": set("lang"), "meta": set("charset name content http-equiv"),
	"a": set("href rel"), "img": set("src alt width height"),
	"th": set("scope colspan rowspan"), "td": set("colspan rowspan"),
	"time": set("datetime"), "ol": set("start reversed type"), "li": set("value"),
	"col": set("span"), "colgroup": set("span"), "data": set("value"), "details": set("open"),
	// a chart: inline SVG (the tokenizer gives attribute names in lower
	// case), named by its title and described by its data table
	"svg":   set("xmlns width viewbox aria-labelledby aria-describedby font-family"),
	"path":  set("d fill stroke stroke-width stroke-dasharray"),
	"text":  set("x y font-size fill font-family textlength lengthadjust"),
	"title": set("id"), "table": set("id"),
}

// svgElements are the SVG elements a chart draws with; they may be
// written self-closing (<path …/>), as foreign elements may.
var svgElements = set("svg path text")

var knownElements = union(union(phrasingElements, svgElements), set("html head body meta title style main footer div p h1 h2 h3 h4 h5 h6 hr table caption colgroup col thead tbody tfoot tr th td ol ul li blockquote pre figure figcaption section article aside header address dl dt dd details summary"))

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

// node is an element as its tags write it.
type node struct {
	name  string
	attrs []html.Attribute
	kids  []*node
	text  string // for a text node (name "")
}

func validate(page []byte) error {
	if !bytes.HasPrefix(page, []byte("<!DOCTYPE html>")) {
		return fmt.Errorf("the page does not start with <!DOCTYPE html>")
	}
	z := html.NewTokenizer(bytes.NewReader(page))
	root := &node{name: "#document"}
	stack := []*node{root}
	line := 1
	for {
		tt := z.Next()
		raw := z.Raw()
		where := fmt.Sprintf("line %d", line)
		line += bytes.Count(raw, []byte("\n"))
		top := stack[len(stack)-1]
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				return z.Err()
			}
			if len(stack) > 1 {
				return fmt.Errorf("<%s> is never closed", top.name)
			}
			return compareParsed(root, page)
		case html.DoctypeToken, html.CommentToken:
			if tt == html.CommentToken {
				return fmt.Errorf("%s: a comment", where)
			}
		case html.TextToken:
			text := string(z.Text())
			if strings.TrimSpace(text) == "" {
				continue
			}
			if c, ok := content[top.name]; ok && c != "phrasing" && c != "flow" && c != "text" {
				return fmt.Errorf("%s: text %q directly in <%s>", where, text, top.name)
			}
			top.kids = append(top.kids, &node{text: text})
		case html.StartTagToken, html.SelfClosingTagToken:
			tok := z.Token()
			name := tok.Data
			if !knownElements[name] {
				return fmt.Errorf("%s: unknown element <%s>", where, name)
			}
			if tt == html.SelfClosingTagToken && !voidElements[name] && !svgElements[name] {
				return fmt.Errorf("%s: <%s/> is not a void element", where, name)
			}
			seen := map[string]bool{}
			// The tokenizer drops a repeated attribute: look at the tag.
			for _, m := range rawAttr.FindAllStringSubmatch(string(raw[1+len(name):]), -1) {
				k := strings.ToLower(m[1])
				if seen[k] {
					return fmt.Errorf("%s: <%s> has %s twice", where, name, k)
				}
				seen[k] = true
			}
			for _, a := range tok.Attr {
				if !globalAttrs[a.Key] && !elementAttrs[name][a.Key] {
					return fmt.Errorf("%s: <%s> may not have the attribute %s", where, name, a.Key)
				}
			}
			if err := allowedIn(top.name, name); err != nil {
				return fmt.Errorf("%s: %v", where, err)
			}
			if name == "th" && !seen["scope"] {
				return fmt.Errorf("%s: <th> without scope", where)
			}
			n := &node{name: name, attrs: tok.Attr}
			top.kids = append(top.kids, n)
			if !voidElements[name] && tt != html.SelfClosingTagToken {
				stack = append(stack, n)
			}
		case html.EndTagToken:
			tok := z.Token()
			if voidElements[tok.Data] {
				return fmt.Errorf("%s: end tag of the void element %s", where, tok.Data)
			}
			if tok.Data != top.name {
				return fmt.Errorf("%s: </%s> closes <%s>", where, tok.Data, top.name)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

// rawAttr matches an attribute in the text of a start tag.
var rawAttr = regexp.MustCompile(`\s([^\s"'>/=]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>` + "`" + `]+))?`)

// allowedIn says whether child may stand in parent.
func allowedIn(parent, child string) error {
	c, ok := content[parent]
	switch {
	case parent == "#document":
		if child != "html" {
			return fmt.Errorf("<%s> outside <html>", child)
		}
	case !ok || c == "flow":
		if child == "html" || child == "head" || child == "body" || child == "meta" || child == "title" || child == "style" {
			return fmt.Errorf("<%s> in <%s>", child, parent)
		}
		if table := content["table"]; strings.Contains(" "+table+" th td li ", " "+child+" ") && parent != "table" {
			return fmt.Errorf("<%s> in <%s>", child, parent)
		}
	case c == "phrasing":
		if !phrasingElements[child] {
			return fmt.Errorf("<%s> in <%s>, which holds phrasing content only", child, parent)
		}
		if child == "a" && parent == "a" {
			return fmt.Errorf("a link in a link")
		}
	case c == "text":
		return fmt.Errorf("<%s> in <%s>", child, parent)
	default:
		if !set(c)[child] {
			return fmt.Errorf("<%s> in <%s> (which holds %s)", child, parent, c)
		}
	}
	return nil
}

// compareParsed checks that the HTML parser builds the tree the tags
// write.
func compareParsed(root *node, page []byte) error {
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return err
	}
	var conv func(n *html.Node) *node
	conv = func(n *html.Node) *node {
		out := &node{name: n.Data, attrs: n.Attr}
		if n.Type == html.DocumentNode {
			out.name = "#document"
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				out.kids = append(out.kids, conv(c))
			case html.TextNode:
				if strings.TrimSpace(c.Data) != "" {
					out.kids = append(out.kids, &node{text: c.Data})
				}
			}
		}
		return out
	}
	return sameTree(root, conv(doc), "")
}

func sameTree(a, b *node, path string) error {
	path += "/" + a.name
	if a.name != b.name || a.text != b.text && strings.TrimSpace(a.text) != strings.TrimSpace(b.text) {
		return fmt.Errorf("%s: the parser reads <%s>%q where the tags write <%s>%q", path, b.name, b.text, a.name, a.text)
	}
	if len(a.attrs) != len(b.attrs) {
		return fmt.Errorf("%s: the parser reads %d attributes, the tags write %d", path, len(b.attrs), len(a.attrs))
	}
	if len(a.kids) != len(b.kids) {
		return fmt.Errorf("%s: the parser reads %d children, the tags write %d", path, len(b.kids), len(a.kids))
	}
	for i := range a.kids {
		if err := sameTree(a.kids[i], b.kids[i], path); err != nil {
			return err
		}
	}
	return nil
}

// TestValidatorCatches checks that the validity check sees the mistakes it
// is for.
func TestValidatorCatches(t *testing.T) {
	head := `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>x</title></head><body>`
	tail := `</body></html>`
	if err := validate([]byte(head + "<main><p>好</p></main>" + tail)); err != nil {
		t.Fatalf("a valid page: %v", err)
	}
	for _, bad := range []string{
		"<p><div>块</div></p>",
		"<p>未闭合",
		"<p>错<b>嵌</p></b>",
		`<p class="a" class="b">两次</p>`,
		`<p onclick="x()">事件</p>`,
		"<blink>未知</blink>",
		"<table><td>无行</td></table>",
		"<table><tr><th>无范围</th></tr></table>",
		"<ol>文字</ol>",
		"<li>无列表</li>",
		"<br></br>",
		"<!-- 注释 -->",
		"<a href=\"https://a.cn\"><a href=\"https://b.cn\">套</a></a>",
	} {
		if err := validate([]byte(head + bad + tail)); err == nil {
			t.Errorf("%s passes", bad)
		}
	}
}
