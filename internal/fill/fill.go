// Package fill executes report templates: Chinese Markdown with
// text/template actions that take their figures from a workbook.
//
// A template names figures, report facts and tables by the names the clerk
// gave them in the workbook, and writes the changing words of a sentence
// with functions that know Chinese figures:
//
//	总签约金额{{值 "签约金额"}}{{单位 "签约金额"}}，{{同比 "签约金额"}}，
//	{{等 (列 (表 "专精特新") "企业名称") "家"}}企业荣获……
//
// templates/README.md documents every function, with an example that a
// test runs.
//
// Every value printed from the workbook is escaped, so that a cell holding
// Markdown or HTML prints literally. Templates run with missingkey=error.
// Fill reports every problem of a template at once, each with the
// template's file, line and column: before executing, it walks the parsed
// template and checks every name of a figure, table, report fact and
// column and the kind of every value it can know (see check.go); then it
// executes, and checks what the template itself wrote for leftovers such
// as <no value> or }} (values are marked, so that a company named
// “Infinity科技” is not a leftover).
package fill

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"briefing/internal/oserr"
	"briefing/internal/wording"
	"briefing/internal/workbook"
)

// Filler fills templates from one workbook. It is not safe for concurrent
// use.
type Filler struct {
	book    *workbook.Book
	funcs   template.FuncMap
	style   Style
	phrases []phraseFile

	used       map[*workbook.Metric]bool
	usedTables map[*workbook.Table]bool
	tables     map[*workbook.Table]Rows
	rowTable   map[uintptr]*workbook.Table

	// While a template executes: the figures the action running now has
	// read (see facts.go), and the warnings of every template filled.
	run       *run
	budget    budget
	checking  bool // the static check is calling the functions
	warnings  Errors
	guarding  []guarded               // the templates whose guard runs, in order (see guard.go)
	nameFacts map[string]wording.Fact // see guard.go
	nameIdx   *wording.Names
}

// An Option configures a Filler.
type Option func(*Filler)

// WithStyle sets the report's house style (写法).
func WithStyle(st Style) Option { return func(f *Filler) { f.style = st } }

// WithPhrases makes the {{define}}d phrases of a phrase file (短语) callable
// with {{template}} from every template the Filler fills.
func WithPhrases(file, text string) Option {
	return func(f *Filler) { f.phrases = append(f.phrases, phraseFile{file, text}) }
}

// New returns a Filler that takes its figures from book.
func New(book *workbook.Book, opts ...Option) *Filler {
	if book == nil {
		book = &workbook.Book{}
	}
	f := &Filler{
		book:       book,
		style:      DefaultStyle(),
		used:       map[*workbook.Metric]bool{},
		usedTables: map[*workbook.Table]bool{},
		tables:     map[*workbook.Table]Rows{},
		rowTable:   map[uintptr]*workbook.Table{},
		budget:     budget{limits: DefaultLimits},
	}
	for _, o := range opts {
		o(f)
	}
	f.funcs = f.funcMap()
	return f
}

// Warnings are the problems of every template filled so far that do not
// stop a report: wording that contradicts the figures beside it, a
// rounding that drops a digit. Each names its template file and line.
// The wording guard of a small template runs while the next are filled
// (see guard.go): Warnings waits for it.
func (f *Filler) Warnings() Errors {
	f.warnings = f.WarningsLater()()
	return f.warnings
}

// WarningsLater returns a function that waits for the warnings of the
// templates filled so far (see Warnings). It holds nothing else of the
// Filler, which the caller may let go, with its workbook, meanwhile.
func (f *Filler) WarningsLater() func() Errors {
	ws, gs := f.warnings, f.guarding
	f.warnings, f.guarding = nil, nil
	return func() Errors {
		for _, g := range gs {
			ws = append(ws, g.wait()...)
			ws = append(ws, g.warnings...)
		}
		gs = nil
		return ws
	}
}

// Funcs lists the names of the template functions, sorted.
func Funcs() []string {
	var names []string
	for n := range New(nil).funcs {
		if n != "printf" { // text/template's, bounded
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names
}

// Error is a problem in a template, at a place in its file.
type Error struct {
	File string // the template file as the user named it
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based, in characters; 0 when unknown
	Msg  string // Chinese
}

func (e *Error) Error() string {
	file, msg := printable(e.File), printable(e.Msg)
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s：%s", file, msg)
	case e.Col == 0:
		return fmt.Sprintf("%s 第%d行：%s", file, e.Line, msg)
	}
	return fmt.Sprintf("%s 第%d行第%d列：%s", file, e.Line, e.Col, msg)
}

// printable is a message as one readable line: the marks of printed
// values dropped, control characters and bytes that are not UTF-8 escaped
// as every message of the program shows them (oserr.Escape).
func printable(s string) string {
	return oserr.Escape(strings.Map(func(r rune) rune {
		if r >= 0xE000 && r <= 0xE008 {
			return -1
		}
		return r
	}, s))
}

// Errors is every problem of a template, in the order of the file.
type Errors []*Error

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// Fill executes the template text, read from file, whose first line is line
// firstLine of that file (greater than 1 when the template follows front
// matter), and returns the filled Markdown. Its error is an Errors with
// every problem found.
func (f *Filler) Fill(file, text string, firstLine int) (string, error) {
	return f.FillAt(file, text, firstLine, 1)
}

// FillOutput is Fill, with where each byte of the filled Markdown came
// from.
func (f *Filler) FillOutput(file, text string, firstLine int) (*Output, error) {
	out, probs := f.fill(file, text, max(firstLine, 1))
	if len(probs) > 0 {
		return nil, probs
	}
	return out, nil
}

// FillAt is Fill for a template that starts at column firstCol (in
// characters) of line firstLine of its file, such as a value of the front
// matter: problems on its first line are placed in the file's columns.
func (f *Filler) FillAt(file, text string, firstLine, firstCol int) (string, error) {
	if firstLine < 1 {
		firstLine = 1
	}
	out, probs := f.fill(file, text, firstLine)
	if len(probs) == 0 {
		return out.Text, nil
	}
	for _, p := range probs {
		if p.Line == firstLine && p.Col > 0 && firstCol > 1 {
			p.Col += firstCol - 1
		}
	}
	return "", probs
}

// Output is a filled template, and where each of its bytes came from.
type Output struct {
	Text  string
	spans []placed // in the order of Text
	srcs  map[string]string
	lines lineIndex // of srcs, made as Line needs them
}

// placed is where a stretch of the output, from start, came from.
type placed struct {
	start int
	size  int // of one write of a text repeated by a loop
	at    where
	text  bool
}

// Line is the template file and line that wrote the byte at offset off of
// Text: the character's own line for the template's text, the action's
// for what an action printed.
func (o *Output) Line(off int) (file string, line int) {
	i := sort.Search(len(o.spans), func(i int) bool { return o.spans[i].start > off }) - 1
	if i < 0 {
		return "", 0
	}
	p := o.spans[i]
	pos := int(p.at.pos)
	if p.text {
		pos += (off - p.start) % p.size
	}
	if o.lines == nil {
		o.lines = lineIndex{}
	}
	return p.at.file, o.lines.line(o.srcs, p.at.file, pos)
}

// output unmarks what the recorder wrote and places each stretch of it.
func (r *recorder) output(srcs map[string]string) *Output {
	text := unmark(string(r.out))
	trimmed := len(text) - len(strings.TrimLeft(text, "\n"))
	o := &Output{Text: text[trimmed:], srcs: srcs}
	n := 0 // bytes of the unmarked output before the span
	for _, s := range r.spans {
		o.spans = append(o.spans, placed{start: n - trimmed, size: max(s.size, 1), at: s.at, text: s.text})
		n += len(unmark(string(r.out[s.start:s.end])))
	}
	return o
}

func (f *Filler) fill(file, text string, firstLine int) (*Output, Errors) {
	// Shift the template down so that text/template's line numbers are the
	// file's; the padding produces only leading newlines, trimmed below.
	if f.budget.exhausted {
		// A limit was reached in an earlier template: the report fails
		// there, and saying so again for each later one would bury it.
		return &Output{}, nil
	}
	defer f.release()
	src := strings.Repeat("\n", firstLine-1) + text
	t, srcs, perr := f.parse(file, src)
	if perr != nil {
		return nil, Errors{perr}
	}
	f.checking = true
	probs := f.check(t, srcs)
	f.checking = false
	rec := newRecorder(t, &f.budget)
	f.run = &run{rec: rec, srcs: srcs}
	f.budget.start()
	err := t.Execute(rec, nil)
	f.budget.stop()
	f.run = nil
	f.release() // before the guard reads the output
	var le *limitError
	switch {
	case errors.As(err, &le):
		f.budget.exhausted = true
		line, col := position(srcs[le.at.file], int(le.at.pos))
		probs = addNew(probs, &Error{File: le.at.file, Line: line, Col: col, Msg: le.msg}, sameLine)
	case err != nil:
		probs = addNew(probs, execError(srcs, file, err), sameLine)
	default:
		for _, e := range rec.leftovers(file, srcs) {
			probs = addNew(probs, e, sameSpot)
		}
	}
	if len(probs) > 0 {
		sortErrors(probs)
		return nil, Errors(probs)
	}
	f.guard(rec, srcs)
	return rec.output(srcs), nil
}

// release lets go of the rows of the tables a template read, once it is
// filled: a table of 100,000 rows is not held while the next templates
// are filled and the report is laid out. A later template that reads the
// table makes its rows again.
func (f *Filler) release() {
	if len(f.tables) > 0 {
		// New maps: clear would keep the room of 100,000 rows.
		f.tables = map[*workbook.Table]Rows{}
		f.rowTable = map[uintptr]*workbook.Table{}
	}
}

// parse parses a template with the phrase files' definitions; srcs holds
// the source of each file by name.
func (f *Filler) parse(file, src string) (*template.Template, map[string]string, *Error) {
	srcs := map[string]string{file: src}
	t := template.New(file).Option("missingkey=error").Funcs(f.funcs)
	for _, p := range f.phrases {
		if _, err := t.New(p.file).Parse(p.text); err != nil {
			return nil, nil, parseError(p.file, p.text, err)
		}
		srcs[p.file] = p.text
	}
	if _, err := t.Parse(src); err != nil {
		return nil, nil, parseError(file, src, err)
	}
	return t, srcs, nil
}

// phraseFile is a file of {{define}}d phrases (短语).
type phraseFile struct{ file, text string }

// sameLine and sameSpot say whether a problem found later repeats one
// found before: the check has met the problem that stopped the execution,
// or one on the same line that explains it.
func sameLine(a, b *Error) bool { return a.File == b.File && a.Line == b.Line }
func sameSpot(a, b *Error) bool {
	return sameLine(a, b) && (a.Col == b.Col || a.Msg == b.Msg)
}

func addNew(probs []*Error, e *Error, same func(a, b *Error) bool) []*Error {
	for _, p := range probs {
		if same(p, e) {
			return probs
		}
	}
	return append(probs, e)
}

func sortErrors(probs []*Error) {
	sort.SliceStable(probs, func(i, j int) bool {
		if probs[i].File != probs[j].File {
			return probs[i].File < probs[j].File
		}
		if probs[i].Line != probs[j].Line {
			return probs[i].Line < probs[j].Line
		}
		return probs[i].Col < probs[j].Col
	})
}

// unmark removes the marks around printed values.
func unmark(s string) string {
	return strings.Map(func(r rune) rune {
		if r == markStart || r == markEnd || r == quietMark {
			return -1
		}
		return r
	}, s)
}

// position turns a byte offset of src into a line and a character column.
// lineIndex holds the offsets at which the lines of sources start, by
// file, made when first asked: the guard and Output.Line ask the line of
// every stretch of a template's output, and counting the newlines before
// each made that quadratic in the template's length.
type lineIndex map[string][]int

// line is the 1-based line of byte offset off of srcs[file], as position
// counts it.
func (x lineIndex) line(srcs map[string]string, file string, off int) int {
	starts, ok := x[file]
	if !ok {
		src := srcs[file]
		starts = append(make([]int, 0, strings.Count(src, "\n")+1), 0)
		for i := 0; ; {
			j := strings.IndexByte(src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			starts = append(starts, i)
		}
		x[file] = starts
	}
	off = min(max(off, 0), len(srcs[file]))
	return sort.Search(len(starts), func(i int) bool { return starts[i] > off })
}

func position(src string, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = strings.Count(src[:off], "\n") + 1
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCountInString(src[start:off]) + 1
}

var (
	// template: 主要工作.md:12:5: executing "主要工作.md" at <值 "x">: error calling 值: …
	execRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^template: (.*?):(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)
	})
	// template: 主要工作.md:12: function "x" not defined
	parseRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^template: (.*?):(\d+):(?:(\d+):)? ?(.*)$`) })
)

// charColumn turns text/template's position, a 0-based byte offset within a
// line, into a 1-based character column.
func charColumn(src string, line, off int) int {
	lines := strings.SplitN(src, "\n", line+1)
	if line < 1 || line > len(lines) || off < 0 {
		return 0
	}
	l := lines[line-1]
	if off > len(l) {
		off = len(l)
	}
	return utf8.RuneCountInString(l[:off]) + 1
}

// execError turns an execution error of text/template into an *Error in
// Chinese, in the file of the template that failed (a phrase file's
// definition, or the template itself).
func execError(srcs map[string]string, file string, err error) *Error {
	var fe *fnError
	msg := err.Error()
	m := execRE().FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil {
		if errors.As(err, &fe) {
			return &Error{File: file, Msg: fe.msg}
		}
		return &Error{File: file, Msg: "执行模板时出错：" + msg}
	}
	if _, ok := srcs[m[1]]; ok {
		file = m[1]
	}
	line, _ := strconv.Atoi(m[2])
	off, _ := strconv.Atoi(m[3])
	e := &Error{File: file, Line: line, Col: charColumn(srcs[file], line, off)}
	if errors.As(err, &fe) {
		e.Msg = fe.msg
	} else {
		e.Msg = execMessage(m[4], m[5])
	}
	return e
}

var (
	errCallRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^error calling (\S+): (.*)$`) })
	maxDepthRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`exceeded maximum template depth \((\d+)\)`) })
	noKeyRE    = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`map has no entry for key "(.*)"`) })
	argCountRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`wrong number of args for (\S+): want (at least )?(\d+) got (\d+)`)
	})
	wrongType = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`wrong type for value; expected (\S+); got (\S+)`) })
	noFieldRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`can't evaluate field (\S+) in type (\S+)`) })
)

// goTypes names Go types the way messages name what a template holds.
var goTypes = map[string]string{
	"string": "文字（带英文引号的名称）", "int": "整数", "float64": "数字", "bool": "真假值",
	"fill.Rows": "表", "fill.Row": "表中的一行", "fill.List": "一列值", "fill.Value": "单个值",
	"fill.Number": "数字", "fill.Text": "函数写出的文字", "interface {}": "值",
}

func goType(t string) string {
	if s, ok := goTypes[t]; ok {
		return s
	}
	return t
}

func execMessage(action, detail string) string {
	action = strings.TrimSuffix(strings.TrimPrefix(action, "{{"), "}}")
	if m := maxDepthRE().FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("{{%s}}：短语调用自己（或几个短语互相调用）超过 %s 层，永远写不完：请检查 {{define}} 中的 {{template}}", action, m[1])
	}
	if m := errCallRE().FindStringSubmatch(detail); m != nil {
		switch m[1] {
		case "index":
			return fmt.Sprintf("{{%s}}：index 的序号超出了范围，或所给的不是一列值（序号从0数起）", action)
		case "eq", "ne", "lt", "le", "gt", "ge":
			return fmt.Sprintf("{{%s}}：%s 不能比较这两个值（工作簿中的数请用 等于、大于、小于 比较）", action, m[1])
		case "len", "slice", "call":
			return fmt.Sprintf("{{%s}}：%s 用错了：%s", action, m[1], m[2])
		}
		return m[2]
	}
	if m := noKeyRE().FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("表中没有“%s”这一列（在 {{%s}} 处）", m[1], action)
	}
	if strings.Contains(detail, "nil data; no entry for key") {
		return fmt.Sprintf("{{%s}} 在这里没有可取的行：.列名 只能写在 range 或 with 一行表格之中", action)
	}
	if m := noFieldRE().FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("{{%s}}：%s没有“.%s”可取", action, goType(m[2]), m[1])
	}
	if m := argCountRE().FindStringSubmatch(detail); m != nil {
		return argCountMessage(m[1], m[2] != "", m[3], m[4])
	}
	if m := wrongType().FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("{{%s}} 处应是%s，这里给的是%s", action, goType(m[1]), goType(m[2]))
	}
	for _, p := range execMessages {
		if strings.Contains(detail, p.en) {
			return fmt.Sprintf("{{%s}}：%s", action, p.zh)
		}
	}
	return fmt.Sprintf("{{%s}}：这里的写法不对，无法执行：请对照 templates/README.md 检查函数、参数和括号", action)
}

// execMessages are the other execution errors of text/template, in
// Chinese.
var execMessages = []struct{ en, zh string }{
	{"can't iterate over", "range 只能对表、一列值或一个数目循环"},
	{"range can't iterate", "range 只能对表、一列值或一个数目循环"},
	{"index out of range", "序号超出了范围（序号从0数起）"},
	{"can't index item", "index 只能用于一列值或一张表"},
	{"cannot index", "index 只能用于一列值或一张表"},
	{"nil pointer evaluating", "这里没有可取的值"},
	{"can't give argument to non-function", "这里不是函数，后面不能再跟参数"},
	{"is not a method", "这里不是函数，后面不能再跟参数"},
	{"incompatible types for comparison", "这两个值不能比较（工作簿中的数请用 等于、大于、小于 比较）"},
	{"invalid type for comparison", "这两个值不能比较（工作簿中的数请用 等于、大于、小于 比较）"},
	{"missing argument for comparison", "比较需要两个值"},
	{"can't evaluate", "这里没有可取的值"},
	{"no such template", "没有这个短语：先用 {{define}} 定义它"},
	{"wrong number of args", "参数的个数不对"},
	{"invalid value", "参数的种类不对"},
	{"slice", "slice 用错了"},
}

func argCountMessage(fn string, atLeast bool, want, got string) string {
	if atLeast {
		return fmt.Sprintf("函数“%s”至少需要%s个参数，这里给了%s个", fn, want, got)
	}
	return fmt.Sprintf("函数“%s”需要%s个参数，这里给了%s个", fn, want, got)
}

// parseError turns a syntax error of text/template into an *Error.
func parseError(file, src string, err error) *Error {
	m := parseRE().FindStringSubmatch(strings.SplitN(err.Error(), "\n", 2)[0])
	if m == nil {
		return &Error{File: file, Msg: "模板语法错误：" + err.Error()}
	}
	line, _ := strconv.Atoi(m[2])
	col := 0
	if m[3] != "" {
		off, _ := strconv.Atoi(m[3])
		col = charColumn(src, line, off)
	}
	return &Error{File: file, Line: line, Col: col, Msg: parseMessage(m[4])}
}

var (
	notDefinedRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`function "(.*)" not defined`) })
	undefVarRE   = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`undefined variable "(.*)"`) })
)

func parseMessage(detail string) string {
	if m := notDefinedRE().FindStringSubmatch(detail); m != nil {
		msg := fmt.Sprintf("没有名为“%s”的函数", m[1])
		if s := closestFunc(m[1]); s != "" {
			msg += fmt.Sprintf("（是否是 %s？）", s)
		}
		return msg
	}
	if m := undefVarRE().FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("变量“%s”没有定义：先写 {{%s := …}}", m[1], m[1])
	}
	switch {
	case strings.Contains(detail, "unclosed action"):
		return "{{ 没有对应的 }}"
	case strings.Contains(detail, "unexpected EOF"):
		return "模板意外结束：可能缺少 {{end}}"
	case strings.Contains(detail, "unexpected {{end}}"):
		return "多余的 {{end}}"
	case strings.Contains(detail, "unexpected \"}\""), strings.Contains(detail, "unexpected right delim"):
		return "{{ }} 中多了右括号或 }"
	case strings.Contains(detail, "unclosed left paren"):
		return "左括号 ( 没有对应的右括号 )"
	case strings.Contains(detail, "unexpected \")\""), strings.Contains(detail, "unexpected right paren"):
		return "多余的右括号 )"
	case strings.Contains(detail, "unterminated quoted string"), strings.Contains(detail, "unterminated raw quoted string"):
		return "引号没有配对：名称要用英文双引号括起来，如 \"签约金额\""
	}
	for _, p := range parseMessages {
		if strings.Contains(detail, p.en) {
			return p.zh
		}
	}
	return "模板语法错误：这里的 {{ }} 写法不对，请对照 templates/README.md 检查函数名、引号和括号"
}

// parseMessages are the other syntax errors of text/template, in Chinese.
var parseMessages = []struct{ en, zh string }{
	{"unterminated character constant", "单引号没有配对：名称要用英文双引号括起来，如 \"签约金额\""},
	{"unclosed comment", "注释 {{/* 没有以 */}} 结束"},
	{"comment ends before closing delimiter", "注释的 */ 后面应紧跟 }}"},
	{"bad number syntax", "数字的写法不对（如 1.2.3）"},
	{"illegal number syntax", "数字的写法不对"},
	{"bad character", "{{ }} 中有不认识的字符：名称要用英文双引号括起来，标点要用英文的"},
	{"missing value for", "{{if}}、{{range}}、{{with}} 后面缺少条件或要循环的内容"},
	{"unexpected {{else}}", "多余的 {{else}}"},
	{"expected end; found", "{{define}} 的后面缺少 {{end}}"},
	{"empty command", "{{ }} 中是空的，或 | 后面缺少函数"},
	{"empty pipeline", "{{ }} 中是空的"},
	{"non executable command in pipeline stage", "| 后面应是一个函数"},
	{"too many declarations", "一次定义了太多变量"},
	{"multiple definition of template", "同一个短语定义了两次：{{define}} 的名字不能重复"},
	{"unexpected", "{{ }} 中有多余或位置不对的内容：请检查括号、引号和 {{end}}"},
}

// closestFunc is the function name closest to a misspelt one, "" when
// none is close: a name that contains it or is contained in it, or one
// character apart.
func closestFunc(name string) string {
	best, bestScore := "", 1<<30
	q := []rune(name)
	for _, n := range Funcs() {
		k := []rune(n)
		score := 1 << 30
		switch {
		case strings.Contains(n, name) || strings.Contains(name, n):
			score = abs(len(k) - len(q))
		case len(k) == len(q):
			diff := 0
			for i := range k {
				if k[i] != q[i] {
					diff++
				}
			}
			if diff == 1 {
				score = 10
			}
		}
		if score < bestScore {
			best, bestScore = n, score
		}
	}
	return best
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// recorder is the writer a template executes into. It knows which bytes
// the template's own text wrote and which an action printed: each text node
// is written from the parsed tree's own bytes, and a one-byte marker text
// node, inserted before every action, says which action prints next. It
// also keeps, for what each action printed, the figures the action read
// (see facts.go).
type recorder struct {
	out      []byte
	spans    []outSpan
	texts    map[*byte]where
	markers  map[*byte]where
	action   where  // the action printing now
	pending  []fact // the figures it has read
	warnings Errors // problems that do not stop the report, found while executing
	ticks    map[*byte]where
	budget   *budget
}

// where is a place in a template file: a byte offset of its source, in
// the template's own text or in an action.
type where struct {
	file string
	pos  parse.Pos
	text bool
}

// outSpan is a stretch of the output: written by the text node at pos
// (text) or printed by the action at pos, which read facts.
type outSpan struct {
	start, end int
	size       int // of one write: a loop's text written n times is one span
	at         where
	text       bool
	facts      []fact
}

func newRecorder(t *template.Template, b *budget) *recorder {
	r := &recorder{texts: map[*byte]where{}, markers: map[*byte]where{}, ticks: map[*byte]where{}, budget: b}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			r.instrument(tt.Tree.ParseName, tt.Tree.Root)
		}
	}
	return r
}

func (r *recorder) instrument(file string, l *parse.ListNode) {
	if l == nil {
		return
	}
	nodes := make([]parse.Node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if len(n.Text) > 0 {
				r.texts[&n.Text[0]] = where{file, n.Pos, true}
			}
		case *parse.ActionNode:
			m := &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte{0}}
			r.markers[&m.Text[0]] = where{file: file, pos: n.Pos}
			nodes = append(nodes, m)
		case *parse.IfNode:
			r.instrumentBranch(file, &n.BranchNode)
		case *parse.WithNode:
			r.instrumentBranch(file, &n.BranchNode)
		case *parse.RangeNode:
			r.instrumentBranch(file, &n.BranchNode)
			if n.List != nil {
				t := tick(n.Pos)
				r.ticks[&t.Text[0]] = where{file: file, pos: n.Pos}
				n.List.Nodes = append([]parse.Node{t}, n.List.Nodes...)
			}
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}

func (r *recorder) instrumentBranch(file string, b *parse.BranchNode) {
	r.instrument(file, b.List)
	r.instrument(file, b.ElseList)
}

func (r *recorder) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if at, ok := r.ticks[&p[0]]; ok && len(p) == 1 {
		return 1, r.budget.spend(at, 0, true)
	}
	if at, ok := r.markers[&p[0]]; ok && len(p) == 1 {
		r.action, r.pending = at, nil
		return 1, r.budget.spend(at, 0, false)
	}
	s := outSpan{start: len(r.out), at: r.action, facts: r.pending}
	if at, ok := r.texts[&p[0]]; ok {
		s.at, s.text, s.facts = at, true, nil
	}
	if err := r.budget.spend(s.at, len(p), false); err != nil {
		return 0, err
	}
	r.pending = nil
	r.out = append(r.out, p...)
	s.end = len(r.out)
	r.addSpan(s)
	return len(p), nil
}

// addSpan records a stretch of the output; a text node written again
// right after itself (the body of a loop that is only text) extends the
// stretch before.
func (r *recorder) addSpan(s outSpan) {
	if n := len(r.spans); n > 0 && s.text {
		last := &r.spans[n-1]
		if last.text && last.at == s.at && last.end == s.start && last.size == s.end-s.start {
			last.end = s.end
			return
		}
	}
	s.size = s.end - s.start
	r.spans = append(r.spans, s)
}

// warn records a problem that does not stop the report at the action
// running now.
func (r *recorder) warn(srcs map[string]string, msg string) {
	line, col := position(srcs[r.action.file], int(r.action.pos))
	e := &Error{File: r.action.file, Line: line, Col: col, Msg: msg}
	r.warnings = addNew(r.warnings, e, sameSpot)
}

// Leftovers: what the template wrote (values masked) must not show that a
// filling went wrong.
var leftoverRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`<no value>|\{\{|\}\}|%!|\x{E002}[^\x{E003}]*\x{E003}|(?:^|[^A-Za-z+-])(NaN|[+-]?Inf)(?:[^A-Za-z]|$)`)
})

// mayHaveLeftover is a quick test before leftoverRE, which takes long on
// a long text.
func mayHaveLeftover(s string) bool {
	for _, needle := range []string{"<no value>", "{{", "}}", "%!", "\uE002", "NaN", "Inf"} {
		if strings.Contains(s, needle) {
			return true
		}
	}
	return false
}

func leftoverMessage(s string) string {
	switch {
	case s == "<no value>":
		return "填充结果中出现“<no value>”：这里取到的值不存在"
	case s == "{{" || s == "}}":
		return fmt.Sprintf("填充结果中出现“%s”：模板的 {{ 与 }} 没有配对", s)
	case s == "%!":
		return "填充结果中出现“%!”：printf 的格式与所给的值不符"
	case strings.HasPrefix(s, "\uE002"):
		what := strings.Trim(s, "\uE002\uE003")
		return fmt.Sprintf("不能直接写出%s：请用 顿号、和、计数、合计 等函数把它写成文字", what)
	}
	return fmt.Sprintf("填充结果中出现“%s”：这不是一个有效的数字", s)
}

// leftovers reports each leftover in the output, at the place of the
// template that wrote it: the exact character for the template's text, the
// action for what an action printed.
func (r *recorder) leftovers(file string, srcs map[string]string) []*Error {
	var masked strings.Builder
	starts := make([]int, len(r.spans))
	for i, s := range r.spans {
		starts[i] = masked.Len()
		if s.text {
			masked.Write(r.out[s.start:s.end])
			continue
		}
		depth := 0
		for _, c := range string(r.out[s.start:s.end]) {
			switch {
			case c == markStart:
				if depth == 0 {
					masked.WriteRune('\uFFFC')
				}
				depth++
			case c == markEnd:
				depth = max(depth-1, 0)
			case depth == 0:
				masked.WriteRune(c)
			}
		}
	}
	text := masked.String()
	if !mayHaveLeftover(text) {
		return nil
	}
	var probs []*Error
	seen := map[string]bool{}
	for _, loc := range leftoverRE().FindAllStringSubmatchIndex(text, -1) {
		if loc[2] >= 0 { // NaN or Inf, without the characters around it
			loc = loc[2:4]
		}
		found := text[loc[0]:loc[1]]
		i := sort.SearchInts(starts, loc[0]+1) - 1
		e := &Error{File: file, Msg: leftoverMessage(found)}
		if i >= 0 {
			s := r.spans[i]
			off := int(s.at.pos)
			if s.text {
				off += (loc[0] - starts[i]) % s.size
			}
			e.File = s.at.file
			e.Line, e.Col = position(srcs[s.at.file], off)
		}
		if key := e.Error(); !seen[key] {
			seen[key] = true
			probs = append(probs, e)
		}
	}
	return probs
}
