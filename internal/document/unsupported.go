package document

import (
	"bytes"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"briefing/internal/mdext"
)

// Issue is a construct of the Markdown that the writers cannot render as
// the Markdown says: it would be dropped, flattened or printed literally.
type Issue struct {
	Offset int    // byte offset in Document.Source where the construct starts
	Msg    string // for a clerk: what cannot be rendered, and what to write instead
	Image  string // for an image whose file is missing: its destination
}

// A CheckOption tells Unsupported what the report allows and has.
type CheckOption func(*checker)

// AllowRawHTML says that the report lets raw HTML into its page (允许HTML:
// 是): raw HTML is then not reported, although the PDF still prints it as
// text.
func AllowRawHTML(allowed bool) CheckOption {
	return func(c *checker) { c.rawHTML = allowed }
}

// ImageFiles gives a lookup of the files that images name by a path (as
// the report reads them): an image whose file does not exist is reported.
// Without it, image files are not looked up.
func ImageFiles(exists func(dest string) bool) CheckOption {
	return func(c *checker) { c.exists = exists }
}

// Unsupported lists, in the order of the source, what the writers cannot
// render as written (see the messages below): headings below the four
// 公文 levels; headings in an 按语 or a list item; nested lists, tables and
// block quotes in a list item; task-list boxes; code blocks; raw HTML;
// links, link definitions and footnotes; strikethrough; hard line breaks;
// images on the web or whose file is missing. What the writers render —
// paragraphs, numbered and run-in headings, an 按语 (a block quote, nested
// ones as one), bullet and ordered lists, tables, emphasis, code spans
// (literal text), autolinks, images, thematic breaks (a new page) — is
// not listed.
func Unsupported(doc *Document, opts ...CheckOption) []Issue {
	if doc == nil || doc.Root == nil {
		return nil
	}
	c := &checker{src: doc.Source}
	for _, o := range opts {
		o(c)
	}
	var visit ast.Walker
	visit = func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		c.node(n)
		if t, ok := n.(*east.Table); ok {
			// A large table's rows are held compactly: visit them as
			// the writers see them.
			for row := range mdext.Rows(t) {
				_ = ast.Walk(row, visit)
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	}
	_ = ast.Walk(doc.Root, visit)
	sort.SliceStable(c.issues, func(i, j int) bool { return c.issues[i].Offset < c.issues[j].Offset })
	return c.issues
}

// checker collects the issues of one document.
type checker struct {
	src     []byte
	rawHTML bool
	exists  func(dest string) bool
	issues  []Issue
}

func (c *checker) add(n ast.Node, msg string) {
	c.issues = append(c.issues, Issue{Offset: offset(n), Msg: msg})
}

// node checks one node of the tree; Unsupported visits them all.
func (c *checker) node(n ast.Node) {
	switch n := n.(type) {
	case *ast.Heading:
		c.heading(n)
	case *ast.List:
		c.list(n)
	case *ast.ListItem:
		c.taskBox(n)
	case *east.Table:
		if within(n, ast.KindListItem) {
			c.add(n, "列表项中的表格无法随列表排版，列表的编号会丢失；请把表格移到列表之外，前后各空一行、顶格写")
		}
	case *ast.Blockquote:
		if within(n, ast.KindListItem) && !within(n, ast.KindBlockquote) {
			c.add(n, "列表项中的引用（>）无法排成按语；按语请写在列表之外，每行以 > 开头")
		}
	case *ast.CodeBlock:
		c.add(n, "行首缩进四个空格（或一个制表符）的几行是代码块，公文中没有这种格式，会逐行原样印出，不缩进、不两端对齐；如果是正文，请删去行首的空格")
	case *ast.FencedCodeBlock:
		if ChartBlock(n, c.src) != nil {
			return
		}
		c.add(n, "用 ``` 或 ~~~ 围起的代码块公文中没有这种格式，会逐行原样印出，不缩进、不两端对齐；请删去 ``` 两行，写成段落")
	case *ast.HTMLBlock, *ast.RawHTML:
		c.html(n)
	case *ast.Link:
		c.link(n)
	case *ast.LinkReferenceDefinition:
		c.linkDefinition(n)
	case *ast.Image:
		c.image(n)
	case *ast.Text:
		c.hardBreak(n)
	}
	if n.Type() == ast.TypeBlock && n.FirstChild() != nil && n.FirstChild().Type() == ast.TypeInline {
		c.strikethrough(n)
	}
}

// heading reports a heading that is no 公文 heading: ###### (no number),
// one in an 按语 (set as its paragraph, but numbered), one in a list item.
func (c *checker) heading(h *ast.Heading) {
	switch {
	case within(h, ast.KindBlockquote):
		c.add(h, "按语（>）中的标题（#）不按标题排版，只排成按语中的一段，却仍占用正文标题的编号，使后面的标题跳号；请去掉 #，写成按语中的一段（要醒目可用 **加粗**）")
	case within(h, ast.KindListItem):
		c.add(h, "列表项中的标题（- ## ……）无法排版：它会和列表的编号连在一起，编号也会错乱；请把标题移到列表之外，顶格写")
	case h.Level > 5:
		c.add(h, "六级标题（######）公文没有对应的编号：公文的标题只有 一、（一）1.（1） 四级（## 到 #####）；请改为段落，或改用 #####")
	}
}

// list reports a list nested in another: the writers set each item as a
// paragraph, so the levels cannot be told apart. Deeper lists are covered
// by the report of the second level.
func (c *checker) list(l *ast.List) {
	items := 0
	for p := l.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == ast.KindListItem {
			items++
		}
	}
	if items == 1 {
		c.add(l, "列表中嵌套的列表（缩进的 - 或 1.）在公文中分不出层次，会和上一层排成一样的段落；请把下一层写成段落，用（1）（2）编号，或改用标题（#####）")
	}
}

// taskBox reports a task-list box, [ ] or [x] at the start of an item,
// which the Markdown of the reports does not read and prints literally.
func (c *checker) taskBox(item *ast.ListItem) {
	first := item.FirstChild()
	if first == nil || first.Lines().Len() == 0 {
		return
	}
	seg := first.Lines().At(0)
	line := seg.Value(c.src)
	for _, box := range []string{"[ ]", "[x]", "[X]"} {
		if rest, ok := bytes.CutPrefix(line, []byte(box)); ok && (len(rest) == 0 || rest[0] == ' ' || rest[0] == '\t') {
			c.add(item, "任务列表的方框（- [ ] 或 - [x]）公文中无法表示，会原样印出“"+box+"”；请删去方框，完成情况用文字写明")
			return
		}
	}
}

// html reports raw HTML, which every writer prints as text unless the
// report allows it in its page.
func (c *checker) html(n ast.Node) {
	if c.rawHTML || closesTag(n, c.src) {
		return
	}
	text := strings.TrimSpace(rawText(n, c.src))
	switch {
	case strings.HasPrefix(text, "<!--"):
		c.add(n, "HTML 注释（<!-- -->）会按原样印出；模板中的注释请写成 {{/* 注释 */}}")
	case n.Kind() == ast.KindHTMLBlock:
		c.add(n, fmt.Sprintf("HTML（%s）不会被解释，PDF、网页和纯文本中都按原样印出标签；请删去 HTML，改用 Markdown 或文字", firstLine(text)))
	default:
		c.add(n, fmt.Sprintf("HTML 标签（%s）不会被解释，会按原样印出；请删去标签（加粗用 **文字**）", text))
	}
}

// closesTag reports whether n is an inline end tag after another tag of
// its block, reported with that one.
func closesTag(n ast.Node, source []byte) bool {
	if n.Kind() != ast.KindRawHTML || !strings.HasPrefix(rawText(n, source), "</") {
		return false
	}
	for p := n.PreviousSibling(); p != nil; p = p.PreviousSibling() {
		if p.Kind() == ast.KindRawHTML {
			return true
		}
	}
	return false
}

// link reports a link whose destination a printed report cannot show: the
// PDF and the text print its text only. A footnote reference ([^1]) that
// goldmark read as a link is reported as a footnote.
func (c *checker) link(l *ast.Link) {
	text := mdext.Text(l, c.src)
	switch {
	case strings.HasPrefix(text, "^"):
		c.add(l, "脚注（[^1]）公文中无法表示；请把注释写进正文，用括号注明")
	case strings.TrimSpace(text) != string(l.Destination):
		c.add(l, fmt.Sprintf("链接“%s”的网址（%s）在打印的公文中看不到，PDF 和纯文本只印出文字；请把网址直接写进正文，或删去链接", text, l.Destination))
	}
}

// linkDefinition reports a link reference definition ([名称]: 网址), which
// no writer prints; a footnote ([^1]: 注释) is one too.
func (c *checker) linkDefinition(d *ast.LinkReferenceDefinition) {
	if bytes.HasPrefix(d.Label, []byte("^")) {
		c.add(d, "脚注（[^1]: 注释）公文中无法表示，注释不会印出；请把注释写进正文，用括号注明")
		return
	}
	c.add(d, fmt.Sprintf("链接定义（[%s]: %s）不会印出；请删去这一行，网址要印出就直接写进正文", d.Label, d.Destination))
}

// image reports an image that no writer can show: one on the web, which
// is never fetched, or one whose file is missing. The PDF shows the
// description of every image.
func (c *checker) image(img *ast.Image) {
	dest := strings.TrimSpace(string(img.Destination))
	lower := strings.ToLower(dest)
	switch {
	case strings.HasPrefix(lower, "data:"):
	case hasScheme(dest):
		c.add(img, fmt.Sprintf("网络图片（%s）不会下载，只印出图片说明“%s”；请把图片文件放进报告目录，用文件名引用", dest, mdext.Text(img, c.src)))
	case c.exists != nil && (dest == "" || !c.exists(dest)):
		c.issues = append(c.issues, Issue{Offset: offset(img), Image: dest,
			Msg: fmt.Sprintf("图片文件“%s”不存在；请把图片放进报告目录，或改正文件名", dest)})
	}
}

// hardBreak reports a hard line break (two spaces or a backslash at the
// end of a line): the PDF and the text run the two lines together.
func (c *checker) hardBreak(t *ast.Text) {
	if !t.HardLineBreak() {
		return
	}
	c.issues = append(c.issues, Issue{Offset: t.Segment.Stop, Msg: "段内换行（行末的两个空格或反斜杠 \\）在 PDF 和纯文本中不换行，前后两行接排；要另起一段请空一行，否则请删去行末的空格或反斜杠"})
}

// strikethrough reports each pair of ~~ in the text of a block: the
// Markdown of the reports has no strikethrough, so they print literally.
// An escaped tilde (\~, as values from the workbook are) is text.
func (c *checker) strikethrough(block ast.Node) {
	var at []int
	_ = ast.Walk(block, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.CodeSpan:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			if entering {
				at = append(at, tildes(n.Segment.Value(c.src), n.Segment.Start)...)
			}
		}
		return ast.WalkContinue, nil
	})
	for i := 0; i+1 < len(at); i += 2 {
		c.issues = append(c.issues, Issue{Offset: at[i], Msg: "删除线（~~文字~~）在公文中无法表示，会原样印出波浪线；请删去或改写"})
	}
}

// tildes returns the offsets of the unescaped runs of two or more ~ in
// text, which starts at offset start of the source.
func tildes(text []byte, start int) []int {
	var at []int
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			i++ // the escaped character
			continue
		}
		if text[i] != '~' {
			continue
		}
		j := i
		for j < len(text) && text[j] == '~' {
			j++
		}
		if j-i >= 2 {
			at = append(at, start+i)
		}
		i = j - 1
	}
	return at
}

// within reports whether an ancestor of n is of kind k.
func within(n ast.Node, k ast.NodeKind) bool {
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Kind() == k {
			return true
		}
	}
	return false
}

// offset is where n starts in source: its position as the parser
// recorded it, else its first line, else its first child's.
func offset(n ast.Node) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start
	}
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start
	}
	if c := n.FirstChild(); c != nil {
		return offset(c)
	}
	return 0
}

// rawText is the source of raw HTML: an HTML block's lines or an inline
// tag's segments.
func rawText(n ast.Node, source []byte) string {
	var segs *text.Segments
	if r, ok := n.(*ast.RawHTML); ok {
		segs = r.Segments
	} else {
		segs = n.Lines()
	}
	var b strings.Builder
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		b.Write(seg.Value(source))
	}
	return b.String()
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return strings.TrimSpace(line)
}

// hasScheme reports whether an image destination is a URL with a scheme
// (https:, file: …) rather than a path; a drive letter (C:\图.png) is a
// path.
func hasScheme(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil {
		return true
	}
	return len(u.Scheme) > 1
}
