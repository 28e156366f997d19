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
	"text/template"
	"text/template/parse"
	"unicode/utf8"

	"briefing/internal/workbook"
)

// Filler fills templates from one workbook. It is not safe for concurrent
// use.
type Filler struct {
	book  *workbook.Book
	funcs template.FuncMap

	used       map[*workbook.Metric]bool
	usedTables map[*workbook.Table]bool
	tables     map[*workbook.Table]Rows
	rowTable   map[uintptr]*workbook.Table
}

// New returns a Filler that takes its figures from book.
func New(book *workbook.Book) *Filler {
	if book == nil {
		book = &workbook.Book{}
	}
	f := &Filler{
		book:       book,
		used:       map[*workbook.Metric]bool{},
		usedTables: map[*workbook.Table]bool{},
		tables:     map[*workbook.Table]Rows{},
		rowTable:   map[uintptr]*workbook.Table{},
	}
	f.funcs = f.funcMap()
	return f
}

// Funcs lists the names of the template functions, sorted.
func Funcs() []string {
	var names []string
	for n := range New(nil).funcs {
		names = append(names, n)
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
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s：%s", e.File, e.Msg)
	case e.Col == 0:
		return fmt.Sprintf("%s 第%d行：%s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s 第%d行第%d列：%s", e.File, e.Line, e.Col, e.Msg)
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

// FillAt is Fill for a template that starts at column firstCol (in
// characters) of line firstLine of its file, such as a value of the front
// matter: problems on its first line are placed in the file's columns.
func (f *Filler) FillAt(file, text string, firstLine, firstCol int) (string, error) {
	if firstLine < 1 {
		firstLine = 1
	}
	out, probs := f.fill(file, text, firstLine)
	if len(probs) == 0 {
		return out, nil
	}
	for _, p := range probs {
		if p.Line == firstLine && p.Col > 0 && firstCol > 1 {
			p.Col += firstCol - 1
		}
	}
	return "", probs
}

func (f *Filler) fill(file, text string, firstLine int) (string, Errors) {
	// Shift the template down so that text/template's line numbers are the
	// file's; the padding produces only leading newlines, trimmed below.
	src := strings.Repeat("\n", firstLine-1) + text
	t, err := template.New(file).Option("missingkey=error").Funcs(f.funcs).Parse(src)
	if err != nil {
		return "", Errors{parseError(file, src, err)}
	}
	probs := f.check(t, file, src)
	rec := newRecorder(t)
	if err := t.Execute(rec, nil); err != nil {
		e := execError(file, src, err)
		// The check has met the problem that stopped the execution, or
		// one on the same line that explains it.
		dup := false
		for _, p := range probs {
			dup = dup || p.Line == e.Line
		}
		if !dup {
			probs = append(probs, e)
		}
	} else {
		for _, e := range rec.leftovers(file, src) {
			dup := false
			for _, p := range probs {
				dup = dup || p.Line == e.Line && (p.Col == e.Col || p.Msg == e.Msg)
			}
			if !dup {
				probs = append(probs, e)
			}
		}
	}
	if len(probs) > 0 {
		sort.SliceStable(probs, func(i, j int) bool {
			if probs[i].Line != probs[j].Line {
				return probs[i].Line < probs[j].Line
			}
			return probs[i].Col < probs[j].Col
		})
		return "", Errors(probs)
	}
	return strings.TrimLeft(unmark(string(rec.out)), "\n"), nil
}

// unmark removes the marks around printed values.
func unmark(s string) string {
	return strings.Map(func(r rune) rune {
		if r == markStart || r == markEnd {
			return -1
		}
		return r
	}, s)
}

// position turns a byte offset of src into a line and a character column.
func position(src string, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	line = strings.Count(src[:off], "\n") + 1
	start := strings.LastIndexByte(src[:off], '\n') + 1
	return line, utf8.RuneCountInString(src[start:off]) + 1
}

var (
	// template: 主要工作.md:12:5: executing "主要工作.md" at <值 "x">: error calling 值: …
	execRE = regexp.MustCompile(`^template: (.*?):(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)
	// template: 主要工作.md:12: function "x" not defined
	parseRE = regexp.MustCompile(`^template: (.*?):(\d+):(?:(\d+):)? ?(.*)$`)
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
// Chinese.
func execError(file, src string, err error) *Error {
	var fe *fnError
	msg := err.Error()
	m := execRE.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0])
	if m == nil {
		if errors.As(err, &fe) {
			return &Error{File: file, Msg: fe.msg}
		}
		return &Error{File: file, Msg: "执行模板时出错：" + msg}
	}
	line, _ := strconv.Atoi(m[2])
	off, _ := strconv.Atoi(m[3])
	e := &Error{File: file, Line: line, Col: charColumn(src, line, off)}
	if errors.As(err, &fe) {
		e.Msg = fe.msg
	} else {
		e.Msg = execMessage(m[4], m[5])
	}
	return e
}

var (
	errCallRE  = regexp.MustCompile(`^error calling (\S+): (.*)$`)
	noKeyRE    = regexp.MustCompile(`map has no entry for key "(.*)"`)
	argCountRE = regexp.MustCompile(`wrong number of args for (\S+): want (at least )?(\d+) got (\d+)`)
	wrongType  = regexp.MustCompile(`wrong type for value; expected (\S+); got (\S+)`)
	noFieldRE  = regexp.MustCompile(`can't evaluate field (\S+) in type (\S+)`)
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
	if m := errCallRE.FindStringSubmatch(detail); m != nil {
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
	if m := noKeyRE.FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("表中没有“%s”这一列（在 {{%s}} 处）", m[1], action)
	}
	if strings.Contains(detail, "nil data; no entry for key") {
		return fmt.Sprintf("{{%s}} 在这里没有可取的行：.列名 只能写在 range 或 with 一行表格之中", action)
	}
	if m := noFieldRE.FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("{{%s}}：%s没有“.%s”可取", action, goType(m[2]), m[1])
	}
	if m := argCountRE.FindStringSubmatch(detail); m != nil {
		return argCountMessage(m[1], m[2] != "", m[3], m[4])
	}
	if m := wrongType.FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("{{%s}} 处应是%s，这里给的是%s", action, goType(m[1]), goType(m[2]))
	}
	return fmt.Sprintf("执行 {{%s}} 时出错：%s", action, detail)
}

func argCountMessage(fn string, atLeast bool, want, got string) string {
	if atLeast {
		return fmt.Sprintf("函数“%s”至少需要%s个参数，这里给了%s个", fn, want, got)
	}
	return fmt.Sprintf("函数“%s”需要%s个参数，这里给了%s个", fn, want, got)
}

// parseError turns a syntax error of text/template into an *Error.
func parseError(file, src string, err error) *Error {
	m := parseRE.FindStringSubmatch(strings.SplitN(err.Error(), "\n", 2)[0])
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
	notDefinedRE = regexp.MustCompile(`function "(.*)" not defined`)
	undefVarRE   = regexp.MustCompile(`undefined variable "(.*)"`)
)

func parseMessage(detail string) string {
	if m := notDefinedRE.FindStringSubmatch(detail); m != nil {
		msg := fmt.Sprintf("没有名为“%s”的函数", m[1])
		if s := closestFunc(m[1]); s != "" {
			msg += fmt.Sprintf("（是否是 %s？）", s)
		}
		return msg
	}
	if m := undefVarRE.FindStringSubmatch(detail); m != nil {
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
	case strings.Contains(detail, "unterminated quoted string"):
		return "引号没有配对：名称要用英文双引号括起来，如 \"签约金额\""
	}
	return "模板语法错误：" + detail
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
// node, inserted before every action, says which action prints next.
type recorder struct {
	out     []byte
	spans   []outSpan
	texts   map[*byte]parse.Pos
	markers map[*byte]parse.Pos
	action  parse.Pos // the action printing now
}

// outSpan is a stretch of the output: written by the text node at pos
// (text) or printed by the action at pos.
type outSpan struct {
	start, end int
	pos        parse.Pos
	text       bool
}

func newRecorder(t *template.Template) *recorder {
	r := &recorder{texts: map[*byte]parse.Pos{}, markers: map[*byte]parse.Pos{}}
	for _, tt := range t.Templates() {
		if tt.Tree != nil && tt.Tree.Root != nil {
			r.instrument(tt.Tree.Root)
		}
	}
	return r
}

func (r *recorder) instrument(l *parse.ListNode) {
	if l == nil {
		return
	}
	nodes := make([]parse.Node, 0, len(l.Nodes))
	for _, n := range l.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			if len(n.Text) > 0 {
				r.texts[&n.Text[0]] = n.Pos
			}
		case *parse.ActionNode:
			m := &parse.TextNode{NodeType: parse.NodeText, Pos: n.Pos, Text: []byte{0}}
			r.markers[&m.Text[0]] = n.Pos
			nodes = append(nodes, m)
		case *parse.IfNode:
			r.instrument(n.List)
			r.instrument(n.ElseList)
		case *parse.WithNode:
			r.instrument(n.List)
			r.instrument(n.ElseList)
		case *parse.RangeNode:
			r.instrument(n.List)
			r.instrument(n.ElseList)
		}
		nodes = append(nodes, n)
	}
	l.Nodes = nodes
}

func (r *recorder) Write(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	if pos, ok := r.markers[&p[0]]; ok && len(p) == 1 {
		r.action = pos
		return 1, nil
	}
	s := outSpan{start: len(r.out), pos: r.action}
	if pos, ok := r.texts[&p[0]]; ok {
		s.pos, s.text = pos, true
	}
	r.out = append(r.out, p...)
	s.end = len(r.out)
	r.spans = append(r.spans, s)
	return len(p), nil
}

// Leftovers: what the template wrote (values masked) must not show that a
// filling went wrong.
var leftoverRE = regexp.MustCompile(`<no value>|\{\{|\}\}|%!|\x{E002}[^\x{E003}]*\x{E003}|(?:^|[^A-Za-z+-])(NaN|[+-]?Inf)(?:[^A-Za-z]|$)`)

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
func (r *recorder) leftovers(file, src string) []*Error {
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
	var probs []*Error
	seen := map[string]bool{}
	for _, loc := range leftoverRE.FindAllStringSubmatchIndex(text, -1) {
		if loc[2] >= 0 { // NaN or Inf, without the characters around it
			loc = loc[2:4]
		}
		found := text[loc[0]:loc[1]]
		i := sort.SearchInts(starts, loc[0]+1) - 1
		var line, col int
		if i >= 0 {
			s := r.spans[i]
			off := int(s.pos)
			if s.text {
				off += loc[0] - starts[i]
			}
			line, col = position(src, off)
		}
		e := &Error{File: file, Line: line, Col: col, Msg: leftoverMessage(found)}
		if key := e.Error(); !seen[key] {
			seen[key] = true
			probs = append(probs, e)
		}
	}
	return probs
}
