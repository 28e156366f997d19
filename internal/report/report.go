// Package report loads a report directory and fills it from a workbook into
// the one document that the PDF and HTML writers render.
//
// A report directory holds report.md: YAML front matter, then the report's
// opening paragraph. The front matter names the title, 主送机关, 发文机关,
// 成文日期, 附件, the layout (版式), the workbook and the section templates,
// in order:
//
//	---
//	标题: '关于{{信息 "县名"}}县保障产业链供应链稳定工作的情况汇报'
//	主送机关: '{{信息 "主送机关"}}'
//	发文机关: '{{信息 "发文机关"}}'
//	成文日期: '{{日期 (信息 "成文日期")}}'
//	附件:
//	  - '{{信息 "县名"}}县重点企业名单'
//	版式: 公文
//	数据: ../../samples/产业链供应链.xlsx
//	章节:
//	  - ../../sections/主要工作.md
//	---
//	开头段落……现就相关情况汇报如下：
//
// Every value, the opening and the sections are templates (see package
// fill), so any value may come from the workbook. 标题, 主送机关, 发文机关,
// 成文日期 and 主题, when the front matter leaves them out, are taken from
// the keys of the same name of the workbook's report sheet (报告信息).
// Paths are relative to the report directory.
//
// Fill and Check report every problem of every template at once, each with
// its file, line and column; Check also lists the figures and tables that
// no template uses.
package report

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"go.yaml.in/yaml/v3"

	"briefing/internal/document"
	"briefing/internal/fill"
	"briefing/internal/mdext"
	"briefing/internal/oserr"
	"briefing/internal/workbook"
)

// DefaultName is the report built when none is named.
const DefaultName = "情况汇报"

// FileName is the name of a report's main file inside its directory.
const FileName = "report.md"

// Report is a loaded report directory, not yet filled.
type Report struct {
	Name string // base name of its outputs: the directory's name
	Dir  string // the directory as messages show it

	files       files
	fields      map[string]field // front matter, by key
	body        string           // the opening, a template
	bodyLine    int              // line of report.md where body starts
	sections    []field
	rawHTML     bool
	attachments []attachment
	lists       map[string][]field // the frame's keys that may hold several values
	phrases     []field
	style       fill.Style
	limits      fill.Limits
	layout      string
	dataPath    string
	fileLabel   string // report.md as messages show it
}

// field is one front matter value, with the line it is on.
type field struct {
	key   string
	value string
	line  int
	col   int // the column, in characters, where the value's text starts
}

// newField is a front matter value read from its YAML node.
func newField(key string, v *yaml.Node) field {
	f := field{key: key, value: v.Value, line: v.Line + 1, col: v.Column}
	switch v.Style {
	case yaml.SingleQuotedStyle, yaml.DoubleQuotedStyle:
		f.col++
	case yaml.LiteralStyle, yaml.FoldedStyle:
		f.line, f.col = f.line+1, 1
	}
	return f
}

// Known front matter keys and what they mean.
var keys = map[string]string{
	"标题":     "报告标题",
	"主送机关":   "主送机关，不带冒号",
	"发文机关":   "发文机关署名",
	"成文日期":   "成文日期，如 2022年12月5日",
	"附件":     "附件名称的列表",
	"章节":     "各部分模板文件的列表，按顺序",
	"版式":     "版式：公文 或 简报",
	"数据":     "默认的工作簿",
	"主题":     "PDF 的主题（Subject）",
	"允许HTML": "HTML 页面是否保留模板中的 HTML 标签（经白名单过滤）：是 或 否，默认否",
	"写法":     "报告的写法：期间、季度、持平、名次、首位（见 templates/README.md）",
	"短语":     "短语文件（一个或一列）：其中用 {{define}} 定义的句子，各部分都可以用 {{template}} 调用",
}

// Layouts the writers know.
var layouts = []string{"公文", "简报"}

func init() {
	for k, v := range frameKeys {
		keys[k] = v
	}
}

// Load finds and reads a report: a directory on disk, a directory under
// templates/ of the working directory, or a report type bundled in the
// binary. The empty name loads DefaultName.
func Load(name string, opts ...LoadOption) (*Report, error) {
	if name == "" {
		name = DefaultName
	}
	var o loadOptions
	for _, opt := range opts {
		opt(&o)
	}
	r := Report{limits: o.limits}
	switch {
	case isDir(name):
		r.files, r.Dir = diskFiles{dir: name, roots: o.rootsOf(name), log: &readLog{}}, name
	case !filepath.IsAbs(name) && isDir(filepath.Join("templates", name)):
		dir := filepath.Join("templates", name)
		r.files, r.Dir = diskFiles{dir: dir, roots: o.rootsOf(dir), log: &readLog{}}, dir
	case !strings.ContainsAny(name, `/\`) && embeddedDir(name):
		r.files, r.Dir = embedFiles{dir: path.Join("templates", name)}, "内置:templates/"+name
	default:
		return nil, fmt.Errorf("找不到报告“%s”：它不是一个目录，也不是内置的报告类型（内置：%s）", oserr.Escape(name), strings.Join(BuiltIn(), "、"))
	}
	r.Name = filepath.Base(filepath.Clean(name))
	if _, ok := r.files.(diskFiles); ok {
		if abs, err := filepath.Abs(r.Dir); err == nil {
			r.Name = filepath.Base(abs) // “.” is the directory's real name
		}
	}
	r.fileLabel = r.files.name(FileName)
	src, err := r.files.read(FileName)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("%s：报告目录中没有 %s", r.Dir, FileName)
		}
		var fe *fileError
		if errors.As(err, &fe) {
			return nil, errors.New(fe.msg) // it names the file
		}
		return nil, fmt.Errorf("%s：%s", r.fileLabel, readProblem(err))
	}
	if err := r.parse(src); err != nil {
		return nil, err
	}
	return &r, nil
}

var frontRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?s)\A\x{FEFF}?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\z)`)
})

// parse splits report.md into front matter and body and reads the front
// matter.
func (r *Report) parse(src []byte) error {
	m := frontRE().FindSubmatchIndex(src)
	if m == nil {
		return fmt.Errorf("%s 第1行：文件应以 --- 开头的前置信息（标题、章节等）开始", r.fileLabel)
	}
	front := src[m[2]:m[3]]
	r.body = string(src[m[1]:])
	r.bodyLine = bytes.Count(src[:m[1]], []byte("\n")) + 1

	var doc yaml.Node
	if err := yaml.Unmarshal(front, &doc); err != nil {
		return fmt.Errorf("%s：前置信息（两行 --- 之间）的写法不对：%s", r.fileLabel, yamlMessage(front, err))
	}
	r.fields, r.lists = map[string]field{}, map[string][]field{}
	if len(doc.Content) == 0 {
		return fmt.Errorf("%s 第2行：前置信息是空的", r.fileLabel)
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return fmt.Errorf("%s 第%d行：前置信息应是“键: 值”的形式", r.fileLabel, top.Line+1)
	}
	var problems []string
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		line := k.Line + 1 // the front matter starts on line 2
		if _, ok := keys[k.Value]; !ok {
			problems = append(problems, fmt.Sprintf("%s 第%d行：不认识的前置信息“%s”（可用：%s）", r.fileLabel, line, k.Value, knownKeys()))
			continue
		}
		switch k.Value {
		case "写法":
			problems = append(problems, r.parseStyle(v, line)...)
			continue
		case "短语":
			if v.Kind == yaml.ScalarNode {
				r.phrases = append(r.phrases, newField(k.Value, v))
				continue
			}
			fallthrough
		case "附件":
			problems = append(problems, r.parseAttachments(v, line)...)
			continue
		case "章节":
			if v.Kind != yaml.SequenceNode {
				problems = append(problems, fmt.Sprintf("%s 第%d行：“%s”应是一个列表，每项一行，以“- ”开头", r.fileLabel, line, k.Value))
				continue
			}
			for _, item := range v.Content {
				if item.Kind != yaml.ScalarNode {
					problems = append(problems, fmt.Sprintf("%s 第%d行：“%s”的每一项应是一个值；以 {{ 开头的项要用英文单引号括起来，如 - '{{信息 \"县名\"}}县重点企业名单'", r.fileLabel, item.Line+1, k.Value))
					continue
				}
				f := newField(k.Value, item)
				if k.Value == "章节" {
					r.sections = append(r.sections, f)
				} else {
					r.phrases = append(r.phrases, f)
				}
			}
		default:
			if listKeys[k.Value] {
				problems = append(problems, r.parseList(k.Value, v, line)...)
				continue
			}
			if v.Kind == yaml.MappingNode && v.Style&yaml.FlowStyle != 0 {
				problems = append(problems, fmt.Sprintf("%s 第%d行：“%s”的值以 { 开头，要用英文单引号把整个值括起来，如 %s: '{{信息 \"县名\"}}'", r.fileLabel, line, k.Value, k.Value))
				continue
			}
			if v.Kind != yaml.ScalarNode {
				problems = append(problems, fmt.Sprintf("%s 第%d行：“%s”应是一个值", r.fileLabel, line, k.Value))
				continue
			}
			r.fields[k.Value] = newField(k.Value, v)
		}
	}
	if r.style == (fill.Style{}) {
		r.style = fill.DefaultStyle()
	}
	r.layout = r.fields["版式"].value
	if r.layout == "" {
		r.layout = "公文"
	}
	if !contains(layouts, r.layout) {
		problems = append(problems, fmt.Sprintf("%s 第%d行：不认识的版式“%s”（可用：%s）", r.fileLabel, r.fields["版式"].line, r.layout, strings.Join(layouts, "、")))
	}
	r.dataPath = r.fields["数据"].value
	if f, ok := r.fields["允许HTML"]; ok {
		delete(r.fields, "允许HTML")
		switch strings.TrimSpace(f.value) {
		case "是", "true", "允许":
			r.rawHTML = true
		case "否", "false", "不允许", "":
		default:
			problems = append(problems, fmt.Sprintf("%s 第%d行：“允许HTML”应是“是”或“否”，而不是“%s”", r.fileLabel, f.line, f.value))
		}
	}
	if len(r.sections) == 0 && strings.TrimSpace(r.body) == "" {
		problems = append(problems, fmt.Sprintf("%s：报告没有正文：既没有开头段落，也没有“章节”", r.fileLabel))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// parseStyle reads 写法: a mapping of keys to values, each checked.
func (r *Report) parseStyle(v *yaml.Node, line int) []string {
	if v.Kind != yaml.MappingNode {
		return []string{fmt.Sprintf("%s 第%d行：“写法”下面应是一项一行的“键: 值”，如\n写法:\n  期间: 1-N月份\n  持平: 与上年持平", r.fileLabel, line)}
	}
	values, lines := map[string]string{}, map[string]int{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		values[k.Value], lines[k.Value] = val.Value, k.Line+1
	}
	st, errs := fill.ParseStyle(values)
	r.style = st
	var problems []string
	for k, err := range errs {
		problems = append(problems, fmt.Sprintf("%s 第%d行：%v", r.fileLabel, lines[k], err))
	}
	sort.Strings(problems)
	return problems
}

// yamlMessage says in Chinese what is wrong with the front matter, on
// which line of report.md (the front matter starts on line 2).
func yamlMessage(front []byte, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLineRE().FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	} else {
		// Some messages have no line: find the first line that makes the
		// front matter fail.
		lines := strings.SplitAfter(string(front), "\n")
		for k := 1; k <= len(lines); k++ {
			var n yaml.Node
			if yaml.Unmarshal([]byte(strings.Join(lines[:k], "")), &n) != nil {
				line = k
				break
			}
		}
	}
	known := false
	for en, zh := range yamlMessages {
		if strings.Contains(msg, en) {
			msg, known = zh, true
			break
		}
	}
	if !known {
		msg = "这一行写得不对"
	}
	hint := "（值中有 {{ }}、冒号或 # 时，要用英文单引号把整个值括起来，如 标题: '关于{{信息 \"县名\"}}县的汇报'）"
	if line > 0 {
		return fmt.Sprintf("第%d行：%s%s", line+1, msg, hint)
	}
	return msg + hint
}

var yamlLineRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`line (\d+): (.*)`) })

var yamlMessages = map[string]string{
	"mapping values are not allowed":                        "值中有“: ”",
	"did not find expected key":                             "缩进不对，或少了“键: 值”中的冒号",
	"did not find expected ',' or '}'":                      "值以 { 开头",
	"found character that cannot start any token":           "值以不能开头的字符（如 @ ` %）开头",
	"found unexpected end of stream":                        "引号没有配对",
	"could not find expected ':'":                           "少了“键: 值”中的冒号",
	"found a tab character":                                 "用了制表符缩进，请改用空格",
	"UTF-8":                                                 "有无效的字符：文件应是 UTF-8 编码（在记事本中“另存为”，编码选 UTF-8）",
	"control characters are not allowed":                    "有控制字符，请删去",
	"did not find expected node content":                    "缺少值",
	"did not find expected alphabetic or numeric character": "有不能出现在这里的字符（如 & 或 *），要用英文单引号把整个值括起来",
	"did not find expected '-' indicator":                   "列表的每一项应以“- ”开头，缩进一致",
	"block sequence entries are not allowed":                "列表的写法不对：“- ”应另起一行并缩进",
	"found undefined tag handle":                            "值以 ! 开头，要用英文单引号把整个值括起来",
	"did not find URI escaped octet":                        "值以 ! 开头，要用英文单引号把整个值括起来",
	"found unknown escape character":                        "双引号中的 \\ 写法不对，改用英文单引号括起来",
}

func knownKeys() string {
	var ks []string
	for k := range keys {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, "、")
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Files lists the files on disk the report has read so far (report.md,
// its sections, phrase files, attachments, images), in the order first
// read, files it could not read included; none for a bundled report. A
// template author's preview watches them.
func (r *Report) Files() []string {
	d, ok := r.files.(diskFiles)
	if !ok || d.log == nil {
		return nil
	}
	d.log.mu.Lock()
	defer d.log.mu.Unlock()
	return slices.Clone(d.log.paths)
}

// AllowRawHTML reports whether the report's front matter says 允许HTML: 是:
// the HTML page may then keep the HTML tags of its templates, through the
// HTML writer's allow-list. Workbook values are escaped all the same.
func (r *Report) AllowRawHTML() bool { return r.rawHTML }

// ReadFile reads a file named in the report's templates (an image),
// relative to the report directory.
func (r *Report) ReadFile(rel string) ([]byte, error) {
	b, err := r.files.read(rel)
	if err != nil {
		return nil, fmt.Errorf("%s：%s", r.fileLabel, fileProblem(r.files.name(rel), "文件", err))
	}
	return b, nil
}

// Workbook opens the report's workbook: path when it is not empty (the
// -data flag), otherwise the one its front matter names.
func (r *Report) Workbook(path string) (*workbook.Book, error) {
	if path != "" {
		return workbook.Open(path)
	}
	if r.dataPath == "" {
		return nil, fmt.Errorf("%s：没有指定工作簿：请用 -data 指定，或在前置信息中写“数据: 工作簿.xlsx”", r.fileLabel)
	}
	if p := r.files.disk(r.dataPath); p != "" {
		line := r.fields["数据"].line
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("%s 第%d行：“数据”指定的工作簿 %s 不存在；请检查路径（相对于报告目录），或用 -data 指定", r.fileLabel, line, p)
		}
		if err := r.files.(diskFiles).allowed(p); err != nil {
			return nil, fmt.Errorf("%s 第%d行：%s", r.fileLabel, line, readProblem(err))
		}
		return workbook.Open(p)
	}
	b, err := r.files.read(r.dataPath)
	if err != nil {
		return nil, fmt.Errorf("%s 第%d行：找不到工作簿 %s", r.fileLabel, r.fields["数据"].line, r.files.name(r.dataPath))
	}
	return workbook.Read(bytes.NewReader(b), filepath.Base(r.dataPath))
}

// Problems is every problem found while filling a report, one per line.
type Problems []error

func (p Problems) Error() string {
	lines := make([]string, len(p))
	for i, e := range p {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// add appends err to p, each problem of a template on its own.
func (p *Problems) add(err error) {
	var es fill.Errors
	if errors.As(err, &es) {
		for _, e := range es {
			*p = append(*p, e)
		}
		return
	}
	*p = append(*p, err)
}

// Filled is a report filled from a workbook: the document the writers
// render, and what a reader should look at before it goes out.
type Filled struct {
	Doc *document.Document
	// Warnings do not stop the report: wording that contradicts the
	// figures beside it, a 校验 of the workbook that fails, a digit a
	// template's rounding drops, Markdown the writers cannot render. One
	// line each, with the file and line or the cell.
	Warnings []string
	// Unused lists the figures and tables of the workbook that no template
	// uses, one line each.
	Unused []string
}

// Fill fills every template of the report from book and parses the result
// into a document. It reports all problems it finds, not only the first:
// its error is a Problems; the Filled it returns with a Problems holds only
// Unused.
func (r *Report) Fill(book *workbook.Book) (*Filled, error) {
	f := fill.New(book, fill.WithStyle(r.style), fill.WithLimits(r.limits))
	var problems Problems
	for _, p := range r.phrases {
		label := r.files.name(p.value)
		src, err := r.files.read(p.value)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s 第%d行：%s", r.fileLabel, p.line, fileProblem(label, "短语文件", err)))
			continue
		}
		fill.WithPhrases(label, string(src))(f)
	}
	if len(problems) > 0 {
		return nil, problems
	}
	doc, warnings, later, err := r.fill(f, book)
	if err != nil {
		return &Filled{Unused: f.Unused()}, err
	}
	verified := book.Verify()
	unused := f.Unused()
	fillWarnings := f.WarningsLater()
	// The filled Markdown is read for what the writers cannot render, and
	// then parsed, once the Filler is no longer used, and the workbook
	// neither, unless the caller holds it: a large table's rows, cells and
	// trees are not all held at once. The wording guard of the smaller
	// templates runs meanwhile; its warnings are waited for after.
	ws, problems := later.check(r)
	if len(problems) > 0 {
		return &Filled{Unused: unused}, problems
	}
	parse(doc)
	for _, w := range fillWarnings() {
		warnings = append(warnings, w.Error())
	}
	for _, p := range verified {
		warnings = append(warnings, p.String())
	}
	return &Filled{Doc: doc, Warnings: append(ws, warnings...), Unused: unused}, nil
}

// unchecked are filled templates of the body not yet read for what the
// writers cannot render (Report.unsupported), each with the place its
// problems take among the problems of the templates filled after it.
type unchecked []struct {
	out *fill.Output
	at  int // in the problems
}

// check reads each output for what the writers cannot render, in order.
func (u unchecked) check(r *Report) (warnings []string, problems Problems) {
	for _, c := range u {
		ws, ps := r.unsupported(c.out)
		warnings = append(warnings, ws...)
		problems = append(problems, ps...)
	}
	return warnings, problems
}

// merge adds to problems, the problems of filling the templates, those of
// reading each output, each at its place: as if each output had been read
// when it was filled.
func (u unchecked) merge(r *Report, problems Problems) Problems {
	var out Problems
	next := 0
	for _, c := range u {
		out = append(out, problems[next:c.at]...)
		next = c.at
		_, ps := r.unsupported(c.out)
		out = append(out, ps...)
	}
	return append(out, problems[next:]...)
}

// parse parses the filled Markdown of doc and of its annexes.
func parse(doc *document.Document) {
	doc.Root = mdext.Parse(doc.Source)
	for i := range doc.Annexes {
		a := &doc.Annexes[i]
		a.Root = mdext.Parse(a.Source)
	}
}

// notInBrief are the defaults a 简报 does not take from the workbook: it
// has no 主送机关 and no 落款 (its 报头 names the 编印单位 and the date);
// its front matter may still give them.
var notInBrief = []string{"主送机关", "发文机关", "成文日期"}

// defaults are the front matter keys that, when a report leaves them out,
// are taken from the key of the same name of the workbook's report sheet.
// The frame's keys are not among them: a report has a 版头 or a 版记 only
// when its front matter asks for one.
var defaults = []string{"标题", "主送机关", "发文机关", "成文日期", "主题"}

func (r *Report) fill(f *fill.Filler, book *workbook.Book) (*document.Document, []string, unchecked, error) {
	var problems Problems
	fillField := func(fd field) string {
		out, err := f.FillAt(r.fileLabel, fd.value, fd.line, fd.col)
		if err != nil {
			problems.add(err)
		}
		return plainText(out)
	}
	value := func(key string) string {
		fd, ok := r.fields[key]
		if !ok {
			return r.fromSheet(f, book, key, &problems)
		}
		return fillField(fd)
	}
	doc := &document.Document{Name: r.Name}
	doc.Meta.Title = value("标题")
	doc.Meta.Addressee = strings.TrimRight(value("主送机关"), ":：")
	doc.Meta.Org = value("发文机关")
	doc.Meta.Date = value("成文日期")
	doc.Meta.Subject = value("主题")
	list := func(key string) []string {
		fds, ok := r.lists[key]
		if !ok {
			return splitNames(r.fromSheet(f, book, key, &problems))
		}
		var out []string
		for _, fd := range fds {
			out = append(out, splitNames(fillField(fd))...)
		}
		return out
	}
	for _, err := range r.frame(&doc.Meta, value, list) {
		problems = append(problems, err)
	}
	for _, a := range r.attachments {
		doc.Meta.Attachments = append(doc.Meta.Attachments, fillField(a.name))
	}
	if doc.Meta.Title == "" && len(problems) == 0 {
		problems = append(problems, fmt.Errorf("%s：缺少“标题”：请在前置信息中写“标题: ……”，或在工作簿的“%s”表中填写“标题”", r.fileLabel, workbook.InfoSheet))
	}
	if doc.Meta.Date != "" {
		t, err := ParseDate(doc.Meta.Date)
		if err != nil {
			where := fmt.Sprintf("%s 第%d行", r.fileLabel, r.fields["成文日期"].line)
			if _, ok := r.fields["成文日期"]; !ok {
				v, _ := book.InfoValue("成文日期")
				where = v.Ref.String()
			}
			problems = append(problems, fmt.Errorf("%s：成文日期“%s”应写作“2022年12月5日”", where, doc.Meta.Date))
		}
		doc.Meta.Time = t
	}

	var md strings.Builder
	var warnings []string
	charts := newChartsRead()
	var later unchecked // read once the Filler is let go (Fill)
	add := func(out *fill.Output) {
		text := strings.TrimSpace(out.Text)
		if text == "" {
			return
		}
		if off, msg := tooDeep(out.Text); off >= 0 {
			file, line := out.Line(off)
			problems = append(problems, fmt.Errorf("%s 第%d行：%s", file, line, msg))
			return
		}
		if md.Len() > 0 {
			md.WriteString("\n\n")
		}
		md.WriteString(text)
		later = append(later, struct {
			out *fill.Output
			at  int
		}{out, len(problems)})
		// Charts read the workbook: now, while it is held.
		problems = append(problems, charts.readCharts(f, out, book)...)
	}
	if body, err := f.FillOutput(r.fileLabel, r.body, r.bodyLine); err != nil {
		problems.add(err)
	} else {
		add(body)
	}
	for _, s := range r.sections {
		label := r.files.name(s.value)
		src, err := r.files.read(s.value)
		if err != nil {
			problems = append(problems, fmt.Errorf("%s 第%d行：%s", r.fileLabel, s.line, fileProblem(label, "章节模板", err)))
			continue
		}
		out, err := f.FillOutput(label, string(src), 1)
		if err != nil {
			problems.add(err)
			continue
		}
		add(out)
	}
	if len(problems) > 0 {
		return nil, nil, nil, later.merge(r, problems)
	}
	for i, a := range r.attachments {
		if a.body == nil {
			continue
		}
		annex, ws, err := r.annex(f, a, i+1)
		if err != nil {
			problems.add(err)
			continue
		}
		annex.Title = doc.Meta.Attachments[i]
		doc.Annexes = append(doc.Annexes, annex)
		warnings = append(warnings, ws...)
	}
	if len(problems) > 0 {
		// The annexes' problems, unless the body's own come first.
		if _, ps := later.check(r); len(ps) > 0 {
			return nil, nil, nil, ps
		}
		return nil, nil, nil, problems
	}
	md.WriteString("\n")
	doc.Source = []byte(md.String())
	if len(charts.charts) > 0 {
		doc.Charts = charts.charts
	}
	return doc, warnings, later, nil // Fill checks and parses it
}

// unsupported lists, as warnings at their template's line, the Markdown
// of a filled template that the writers cannot render; an image the
// report may not read (outside its roots, a device) is a problem.
func (r *Report) unsupported(out *fill.Output) (warnings []string, problems []error) {
	src := []byte(out.Text)
	d := &document.Document{Source: src, Root: mdext.Parse(src)}
	refused := map[string]error{}
	exists := func(dest string) bool {
		_, err := r.files.read(dest)
		var fe *fileError
		if errors.As(err, &fe) {
			refused[dest] = err
		}
		return err == nil
	}
	for _, is := range document.Unsupported(d, document.AllowRawHTML(r.rawHTML), document.ImageFiles(exists)) {
		file, line := out.Line(is.Offset)
		if err, ok := refused[is.Image]; ok && is.Image != "" {
			problems = append(problems, fmt.Errorf("%s 第%d行：图片“%s”：%s", file, line, is.Image, readProblem(err)))
			continue
		}
		warnings = append(warnings, fmt.Sprintf("%s 第%d行：%s", file, line, is.Msg))
	}
	return warnings, problems
}

// fromSheet is the value of a front matter key that the report leaves out,
// taken from the workbook's report sheet; "" when the sheet has none.
func (r *Report) fromSheet(f *fill.Filler, book *workbook.Book, key string, problems *Problems) string {
	if !contains(defaults, key) || r.layout == document.LayoutBrief && contains(notInBrief, key) {
		return ""
	}
	v, ok := book.InfoValue(key)
	if !ok || v.IsEmpty() {
		return ""
	}
	tmpl := fmt.Sprintf("{{信息 %q}}", key)
	if v.Kind == workbook.Date {
		tmpl = fmt.Sprintf("{{日期 (信息 %q)}}", key)
	}
	out, err := f.Fill(v.Ref.String(), tmpl, 1)
	if err != nil {
		problems.add(err)
	}
	return plainText(out)
}

// plainText is the text a filled front matter value reads as: a value is
// one line of Markdown (values in it are escaped), while the title, the
// 主送机关 and the rest are set as plain text.
func plainText(md string) string {
	md = strings.TrimSpace(md)
	if md == "" {
		return ""
	}
	src := []byte(md)
	return strings.TrimSpace(mdext.Text(mdext.Parse(src), src))
}

var dateRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d{4})年(\d{1,2})月(\d{1,2})日$`) })

// ParseDate reads a date written the 公文 way: 2022年12月5日.
func ParseDate(s string) (time.Time, error) {
	m := dateRE().FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, fmt.Errorf("“%s”不是“2022年12月5日”形式的日期", s)
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Month() != time.Month(mo) || t.Day() != d {
		return time.Time{}, fmt.Errorf("“%s”不是一个存在的日期", s)
	}
	return t, nil
}
