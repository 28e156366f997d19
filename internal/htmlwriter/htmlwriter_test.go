package htmlwriter_test

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"

	"briefing/internal/build"
	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/report"
)

// TestSampleIsThePDFsDocument checks that the sample's page shows the
// PDF's document: the same title and headings (run-in leads included, with
// their automatic numbers) and the same paragraphs, with the same text.
func TestSampleIsThePDFsDocument(t *testing.T) {
	res := renderSample(t)
	page := fileOf(t, res, "html")
	checkValid(t, page)
	pdf, got := pdfOf(t, res), htmlOf(t, page)
	if !slices.Equal(got.Headings, pdf.Headings) {
		t.Errorf("headings differ:\nHTML %q\nPDF  %q", got.Headings, pdf.Headings)
	}
	if !slices.Equal(got.Paragraphs, pdf.Paragraphs) {
		t.Errorf("paragraphs differ:\nHTML %q\nPDF  %q", got.Paragraphs, pdf.Paragraphs)
	}
	if len(pdf.Headings) < 10 || !strings.HasPrefix(pdf.Headings[1], "一、") || !strings.HasPrefix(pdf.Headings[2], "（一）") {
		t.Errorf("the sample's headings are not what the test expects: %q", pdf.Headings)
	}
}

// TestSelfContained checks the head and that nothing refers outside the
// page: no script, no external style or font, no src or href but data:
// images and links a reader follows.
func TestSelfContained(t *testing.T) {
	page := fileOf(t, renderSample(t), "html")
	root := parseHTML(t, page)
	htmlEl := all(root, tagIs("html"))[0]
	if lang, _ := attr(htmlEl, "lang"); lang != "zh-CN" {
		t.Errorf("lang=%q", lang)
	}
	metas := all(root, tagIs("meta"))
	if cs, _ := attr(metas[0], "charset"); cs != "utf-8" {
		t.Errorf("the first <meta> is not the charset")
	}
	var csp string
	for _, m := range metas {
		if v, _ := attr(m, "http-equiv"); v == "Content-Security-Policy" {
			csp, _ = attr(m, "content")
		}
	}
	if csp != htmlwriter.ContentSecurityPolicy() || !strings.HasPrefix(csp, "default-src 'none';") || strings.Contains(csp, "unsafe") || strings.Contains(csp, "script-src") {
		t.Errorf("Content-Security-Policy %q", csp)
	}
	if title := all(root, tagIs("title")); len(title) != 1 || textOf(title[0]) != "关于鹤岭县保障产业链供应链稳定工作的情况汇报" {
		t.Errorf("the <title> is not the report's title")
	}
	for _, n := range all(root, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script", "link", "iframe", "object", "embed", "base", "form":
			t.Errorf("the page has a <%s>", n.Data)
		}
		for _, a := range n.Attr {
			if a.Key == "src" && !strings.HasPrefix(a.Val, "data:image/") || strings.HasPrefix(a.Key, "on") {
				t.Errorf("<%s %s=%q>", n.Data, a.Key, a.Val)
			}
		}
	}
	style := textOf(all(root, tagIs("style"))[0])
	if regexp.MustCompile(`(?i)url\(|@import`).MatchString(style) {
		t.Errorf("the style sheet refers to a file")
	}
}

// TestFontStacks checks that the style sheet reaches the fonts of a
// Chinese office PC before the generic families.
func TestFontStacks(t *testing.T) {
	page := string(fileOf(t, renderSample(t), "html"))
	for role, names := range map[string][]string{
		"--fangsong":     {`"仿宋_GB2312"`, `"FangSong"`, `"仿宋"`, `"STFangsong"`, "serif"},
		"--xiaobiaosong": {`"公文小标宋"`, `"方正小标宋简体"`, `"小标宋"`, "serif"},
		"--hei":          {`"SimHei"`, `"黑体"`, "sans-serif"},
		"--kai":          {`"KaiTi"`, `"楷体_GB2312"`, `"STKaiti"`, "serif"},
	} {
		m := regexp.MustCompile(regexp.QuoteMeta(role) + `:([^;]*);`).FindStringSubmatch(page)
		if m == nil {
			t.Errorf("no %s stack", role)
			continue
		}
		stack := strings.Split(m[1], ",")
		pos := func(name string) int {
			for i, s := range stack {
				if strings.TrimSpace(s) == name {
					return i
				}
			}
			return -1
		}
		generic := pos(names[len(names)-1])
		if generic != len(stack)-1 {
			t.Errorf("%s does not end with %s: %s", role, names[len(names)-1], m[1])
		}
		for _, n := range names[:len(names)-1] {
			if p := pos(n); p < 0 || p > generic {
				t.Errorf("%s does not reach %s before the generic family", role, n)
			}
		}
	}
	if !strings.Contains(page, `local("方正小标宋简体")`) {
		t.Errorf("the title face does not name 方正小标宋简体")
	}
}

func TestHeadings(t *testing.T) {
	doc := parseDoc(`## 主要工作

### 提高思想认识。

积极贯彻落实。

#### 第三层

##### 第四层

###### 不编号

# 附件标题
`, document.Meta{Title: "标题"})
	page := page(t, doc, htmlwriter.Options{})
	checkValid(t, page)
	for _, want := range []string{
		`<h1 class="title">标题</h1>`,
		`<h2 class="l1">一、主要工作</h2>`,
		`<p><span class="lead l2" role="heading" aria-level="3">（一）提高思想认识。</span>积极贯彻落实。</p>`,
		`<h4 class="l3">1.第三层</h4>`,
		`<h5 class="l4">（1）第四层</h5>`,
		`<h6 class="center">不编号</h6>`,
		`<h1 class="center">附件标题</h1>`,
	} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("the page does not contain %s", want)
		}
	}
}

func TestTable(t *testing.T) {
	doc := parseDoc(`| 企业 | 产值（亿元） | 备注 |
| --- | --- | :-: |
| 华晟电子 | 3.6 | 优势 |
| 天恒锂电 | 4.2 | |
`, document.Meta{})
	page := page(t, doc, htmlwriter.Options{})
	checkValid(t, page)
	want := `<div class="table-wrap" role="region" aria-label="表格1" tabindex="0"><table>
<thead><tr><th scope="col">企业</th><th scope="col" class="num">产值（亿元）</th><th scope="col" class="center">备注</th></tr></thead>
<tbody>
<tr><th scope="row">华晟电子</th><td class="num">3.6</td><td class="center">优势</td></tr>
<tr><th scope="row">天恒锂电</th><td class="num">4.2</td><td class="center"></td></tr>
</tbody>
</table></div>`
	if !bytes.Contains(page, []byte(want)) {
		t.Errorf("the table is\n%s", between(page, `<div class="table-wrap"`, "</div>"))
	}
}

func between(page []byte, from, to string) string {
	s := string(page)
	i := strings.Index(s, from)
	if i < 0 {
		return "(none)"
	}
	j := strings.Index(s[i:], to)
	if j < 0 {
		return s[i:]
	}
	return s[i : i+j+len(to)]
}

// TestClosingAndAttachments checks the blocks after the body: 附件说明,
// numbered when there are several, without final punctuation; the 署名
// and the date, as a machine-readable date.
func TestClosingAndAttachments(t *testing.T) {
	meta := document.Meta{Title: "标题", Addressee: "县人民政府", Org: "鹤岭县工业和信息化局", Date: "2022年12月5日",
		Time: time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC), Attachments: []string{"重点企业名单。", "项目表"}}
	p := page(t, parseDoc("正文。\n", meta), htmlwriter.Options{})
	checkValid(t, p)
	for _, want := range []string{
		`<p class="addressee">县人民政府：</p>`,
		`<div class="attachments"><span class="label">附件：</span><ol>
<li><span class="n">1.&#32;</span><span class="name">重点企业名单</span></li>
<li><span class="n">2.&#32;</span><span class="name">项目表</span></li>
</ol></div>`,
		`<footer class="closing"><div class="block">
<p class="org">鹤岭县工业和信息化局</p>
<p class="date"><time datetime="2022-12-05">2022年12月5日</time></p>
</div></footer>`,
	} {
		if !bytes.Contains(p, []byte(want)) {
			t.Errorf("the page does not contain\n%s", want)
		}
	}
	meta.Attachments = meta.Attachments[1:]
	p = page(t, parseDoc("正文。\n", meta), htmlwriter.Options{})
	if want := `<div class="attachments"><span class="label">附件：</span><span class="name">项目表</span></div>`; !bytes.Contains(p, []byte(want)) {
		t.Errorf("a single attachment is not %s", want)
	}
}

// TestListsAndLiterals checks blocks that the PDF sets as paragraphs: list
// items (an ordered one with its number), quotes, code, and raw HTML shown
// as text.
func TestListsAndLiterals(t *testing.T) {
	md := "1. 第一项\n2. 第二项\n\n- 无序\n\n> 引用\n\n```\n代码 <b>\n\n第二行\n```\n\n<div onclick=\"x()\">\n<b>粗</b>\n</div>\n\n---\n\n文字 <b>粗</b> <!-- 注释 -->\n"
	p := page(t, parseDoc(md, document.Meta{}), htmlwriter.Options{})
	checkValid(t, p)
	for _, want := range []string{
		"<p>1.第一项</p>", "<p>2.第二项</p>", "<p>无序</p>", "<p>引用</p>",
		`<p class="literal">代码 &lt;b&gt;</p>`, `<p class="literal">第二行</p>`,
		`<p class="literal">&lt;div onclick=&#34;x()&#34;&gt;</p>`, `<p class="literal">&lt;b&gt;粗&lt;/b&gt;</p>`,
		`<hr class="page-break">`,
		`<p>文字 &lt;b&gt;粗&lt;/b&gt; &lt;!-- 注释 --&gt;</p>`,
	} {
		if !bytes.Contains(p, []byte(want)) {
			t.Errorf("the page does not contain %s", want)
		}
	}
}

// TestRawHTMLAllowed checks the allow-list: formatting passes, nothing that
// runs, fetches or styles does, and the page stays well-formed whatever the
// tags.
func TestRawHTMLAllowed(t *testing.T) {
	md := `面积100m<sup>2</sup>，<span class="x" onclick="alert(1)" style="color:red">红</span><script>alert(1)</script>，<u>未闭合，</b>多余的结束标签，<a href="javascript:alert(1)">链</a>，<img src="x" onerror="alert(1)">。

<div style="color:red" onmouseover="alert(1)"><p>块<b>粗</b></p><script>alert(1)</script><style>p{}</style><iframe src="https://example.com"></iframe>
<a href="https://example.com/" target="_blank">外链</a> <a href="javascript:alert(1)">坏链</a> <img src="https://example.com/x.png" alt="外图"><table><tr><td>格</td></tr></table></div>

<p>未闭合的<b>段落
`
	for _, allow := range []bool{false, true} {
		p := page(t, parseDoc(md, document.Meta{}), htmlwriter.Options{AllowRawHTML: allow})
		checkValid(t, p)
		body := between(p, "<main", "</main>")
		if !allow {
			if strings.Contains(body, "<sup>") || !strings.Contains(body, "&lt;sup&gt;") {
				t.Errorf("raw HTML passed through by default:\n%s", body)
			}
			continue
		}
		for _, want := range []string{
			`面积100m<sup>2</sup>，<span class="x">红</span>alert(1)，<u>未闭合，多余的结束标签，链，。</u></p>`,
			`<div><p>块<b>粗</b></p>`,
			`<a href="https://example.com/" rel="noopener noreferrer">外链</a> <a>坏链</a> <table><tbody><tr><td>格</td></tr></tbody></table></div>`,
			"<p>未闭合的<b>段落\n</b></p>",
		} {
			if !strings.Contains(body, want) {
				t.Errorf("with AllowRawHTML the page does not contain\n%s\nin\n%s", want, body)
			}
		}
		for _, bad := range []string{"onclick", "onerror", "onmouseover", "style=", "<script", "<style", "<iframe", "javascript:", "example.com/x.png", "target="} {
			if strings.Contains(body, bad) {
				t.Errorf("with AllowRawHTML the page contains %s:\n%s", bad, body)
			}
		}
	}
}

// A 1×1 PNG.
var pngBytes, _ = base64.StdEncoding.DecodeString("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")

const svgBytes = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>`

func TestImages(t *testing.T) {
	dataPNG := "data:image/png;base64," + base64.StdEncoding.EncodeToString(pngBytes)
	md := fmt.Sprintf("![图1 产值](%s \"说明\")\n\n![图2](chart.svg)\n\n文中![图标](%s)图片。\n\n![伪装](data:image/png;base64,PHNjcmlwdD4=)\n\n![脚本](javascript:alert(1))\n\n![远程](https://example.com/x.png)\n", dataPNG, dataPNG)
	var asked []string
	read := func(dest string) ([]byte, error) {
		asked = append(asked, dest)
		if dest == "chart.svg" {
			return []byte(svgBytes), nil
		}
		return nil, errors.New("没有这个文件")
	}

	// Without a way to read files: data: images only; the others show
	// their descriptions.
	p := page(t, parseDoc(md, document.Meta{}), htmlwriter.Options{})
	checkValid(t, p)
	for _, want := range []string{
		`<p class="figure"><img src="` + dataPNG + `" alt="图1 产值" title="说明"></p>`,
		"<p>图2</p>",
		`<p>文中<img src="` + dataPNG + `" alt="图标">图片。</p>`,
		"<p>伪装</p>", "<p>脚本</p>", "<p>远程</p>",
	} {
		if !bytes.Contains(p, []byte(want)) {
			t.Errorf("the page does not contain %s", want)
		}
	}

	// With Options.Image: files are inlined, URLs are never asked for, and
	// a file that cannot be read stops the page.
	p = page(t, parseDoc(md, document.Meta{}), htmlwriter.Options{Image: read})
	checkValid(t, p)
	if want := `<p class="figure"><img src="data:image/svg+xml;base64,` + base64.StdEncoding.EncodeToString([]byte(svgBytes)) + `" alt="图2"></p>`; !bytes.Contains(p, []byte(want)) {
		t.Errorf("the SVG file is not inlined")
	}
	if !slices.Equal(asked, []string{"chart.svg"}) {
		t.Errorf("the writer asked for %q", asked)
	}
	if _, err := htmlwriter.Bytes(parseDoc("![图](图表/缺少.png)\n", document.Meta{}), htmlwriter.Options{Image: read}); err == nil || !strings.Contains(err.Error(), "图表/缺少.png") {
		t.Errorf("an image that cannot be read gives %v", err)
	}
	if _, err := htmlwriter.Bytes(parseDoc("![图](a.txt)\n", document.Meta{}), htmlwriter.Options{Image: func(string) ([]byte, error) { return []byte("文字"), nil }}); err == nil {
		t.Errorf("a file that is not an image is accepted")
	}
}

// TestJoiners checks that a middle dot or a slash between two words stays
// on the line of its neighbours, and that a long path still breaks.
func TestJoiners(t *testing.T) {
	p := page(t, parseDoc("给予60元/天·人补贴，&amp;·<b>，a/b/c/d/e/f，马克·吐温。\n", document.Meta{}), htmlwriter.Options{})
	checkValid(t, p)
	if want := `<p>给予60<span class="nb">元/天·人</span>补贴，&amp;·&lt;b&gt;，a/b/c/d/e/f，马<span class="nb">克·吐</span>温。</p>`; !bytes.Contains(p, []byte(want)) {
		t.Errorf("the page has %s", between(p, "<main", "</main>"))
	}
}

func TestLinks(t *testing.T) {
	p := page(t, parseDoc("[政府网](https://www.gov.cn/) [脚本](javascript:alert(1)) [本地](file:///etc/passwd) [相对](a.html) <mailto:a@b.cn>\n", document.Meta{}), htmlwriter.Options{})
	checkValid(t, p)
	want := `<p><a href="https://www.gov.cn/" rel="noopener noreferrer">政府网</a> 脚本 本地 相对 <a href="mailto:a@b.cn" rel="noopener noreferrer">mailto:a@b.cn</a></p>`
	if !bytes.Contains(p, []byte(want)) {
		t.Errorf("links are\n%s", between(p, "<main", "</main>"))
	}
}

// TestTextIsThePDFsText checks that the page's text of a paragraph is the
// text the PDF sets (document.Spans), whatever the inline Markdown.
func TestTextIsThePDFsText(t *testing.T) {
	for _, md := range []string{
		"中文\n接着写",
		"English\nwords 和中文\nmixed",
		"**粗体**\n*强调*\n`代码`\n[链接](https://a.cn)\n<https://b.cn>",
		"第一行  \n第二行\\\n第三行",
		"转义 \\* \\_ \\<b\\> &amp; &#60; &copy;",
		"***粗斜*** ~~删除~~ ![图](x.png)",
		"文字 <b>原样</b> <!-- 注释 -->",
	} {
		doc := parseDoc(md+"\n", document.Meta{})
		var want strings.Builder
		for n := doc.Root.FirstChild(); n != nil; n = n.NextSibling() {
			for _, sp := range document.Spans(n, doc.Source) {
				want.WriteString(sp.Text)
			}
		}
		p := page(t, doc, htmlwriter.Options{})
		got := textOf(all(parseHTML(t, bytes.ReplaceAll(p, []byte("<br>"), []byte("\n"))), tagIs("main"))[0])
		if strings.ReplaceAll(got, "\n", "") != strings.ReplaceAll(want.String(), "\n", "") {
			t.Errorf("%q: the page shows %q, the PDF %q", md, got, want.String())
		}
	}
}

// TestTitleLines checks that the title breaks where the PDF breaks it.
func TestTitleLines(t *testing.T) {
	res := renderSample(t)
	lines := htmlwriter.TitleLines(res.Layout)
	if len(lines) != 2 || strings.Join(lines, "") != res.Document.Meta.Title {
		t.Fatalf("title lines %q", lines)
	}
	p := page(t, res.Document, htmlwriter.Options{TitleLines: lines})
	checkValid(t, p)
	want := fmt.Sprintf(`<h1 class="title lines"><span class="tl">%s</span><wbr><span class="tl">%s</span></h1>`, lines[0], lines[1])
	if !bytes.Contains(p, []byte(want)) {
		t.Errorf("the title is %s", between(p, "<h1", "</h1>"))
	}
	// Lines that are not the title's are ignored.
	p = page(t, res.Document, htmlwriter.Options{TitleLines: []string{"别的", "标题"}})
	if !bytes.Contains(p, []byte(`<h1 class="title">`+res.Document.Meta.Title+`</h1>`)) {
		t.Errorf("wrong title lines are used: %s", between(p, "<h1", "</h1>"))
	}
}

// TestBlockquote checks the 按语: a <blockquote class="按语"> of
// paragraphs, a nested quote part of it, a heading in it a paragraph
// without its number, as the PDF sets them.
func TestBlockquote(t *testing.T) {
	md := "> **编者按：**本期刊发。\n>\n> > 批示：*抓好落实。*\n>\n> ## 按语中的标题\n>\n> 1. 甲\n\n正文。\n"
	p := page(t, parseDoc(md, document.Meta{}), htmlwriter.Options{})
	checkValid(t, p)
	want := "<blockquote class=\"按语\">\n<p><strong>编者按：</strong>本期刊发。</p>\n<p>批示：<em>抓好落实。</em></p>\n" +
		"<p>按语中的标题</p>\n<p>1.甲</p>\n</blockquote>\n<p>正文。</p>\n"
	if !bytes.Contains(p, []byte(want)) {
		t.Errorf("the 按语 is\n%s", between(p, "<blockquote", "</main>"))
	}
}

// TestBlockquoteStyle checks that the style sheet sets the paragraphs of
// an 按语 in the 楷体 stack of the （一） headings and changes nothing else
// (size, indent, measure, grid), on screen, on a phone and in print.
func TestBlockquoteStyle(t *testing.T) {
	page := string(fileOf(t, renderSample(t), "html"))
	for _, rule := range []string{
		".sheet h3, .sheet .lead.l2 { font-family: var(--kai); }",
		".sheet blockquote { margin: 0; padding: 0; }",
		".sheet blockquote.按语 p { font-family: var(--kai); }",
	} {
		if !strings.Contains(page, rule) {
			t.Errorf("the style sheet lacks %s", rule)
		}
	}
	if n := strings.Count(page, "blockquote"); n != 2 {
		t.Errorf("the style sheet names blockquote %d times: other rules change the 按语", n)
	}
}

// TestReportsUseOnlyWhatTheWritersRender checks that the bundled reports
// and the test reports use no Markdown that document.Unsupported reports.
func TestReportsUseOnlyWhatTheWritersRender(t *testing.T) {
	dirs := append(report.BuiltIn(), "../build/testdata/附件与表格", "../build/testdata/按语")
	for _, r := range testReports {
		dirs = append(dirs, r.dir)
	}
	for _, dir := range dirs {
		res, err := build.Render(build.Options{Report: dir, Fonts: fonts.Bundled(), Formats: []string{"txt"}})
		if err != nil {
			t.Fatalf("building %s: %v", dir, err)
		}
		exists := func(dest string) bool { _, err := res.Report.ReadFile(dest); return err == nil }
		issues := document.Unsupported(res.Document, document.AllowRawHTML(res.Report.AllowRawHTML()), document.ImageFiles(exists))
		for _, is := range issues {
			t.Errorf("%s, byte %d: %s", dir, is.Offset, is.Msg)
		}
	}
}
