// Package fill executes report templates: Chinese Markdown with
// text/template actions that take their figures from a workbook.
//
// A template names figures, report facts and tables by the names the clerk
// gave them in the workbook:
//
//	总签约金额{{值 "签约金额"}}{{单位 "签约金额"}}，
//	{{顿号 (列 (表 "专精特新") "企业名称")}}{{计数 (表 "专精特新")}}家企业荣获……
//
// Every value printed from the workbook is escaped, so that a cell holding
// Markdown or HTML prints literally. Templates run with missingkey=error, and
// every problem is reported with the template's file, line and column.
package fill

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"text/template"
	"unicode/utf8"

	"briefing/internal/workbook"
)

// Filler fills templates from one workbook.
type Filler struct {
	book  *workbook.Book
	funcs template.FuncMap
}

// New returns a Filler that takes its figures from book.
func New(book *workbook.Book) *Filler {
	f := &Filler{book: book}
	f.funcs = f.funcMap()
	return f
}

// Error is a problem in a template, at a place in its file.
type Error struct {
	File string // the template file as the user named it
	Line int    // 1-based; 0 when unknown
	Col  int    // 1-based; 0 when unknown
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

// Fill executes the template text, read from file, whose first line is line
// firstLine of that file (greater than 1 when the template follows front
// matter), and returns the filled Markdown.
func (f *Filler) Fill(file, text string, firstLine int) (string, error) {
	if firstLine < 1 {
		firstLine = 1
	}
	// Shift the template down so that text/template's line numbers are the
	// file's; the padding produces only leading newlines, trimmed below.
	pad := strings.Repeat("\n", firstLine-1)
	src := pad + text
	t, err := template.New(file).Option("missingkey=error").Funcs(f.funcs).Parse(src)
	if err != nil {
		return "", templateError(file, src, err)
	}
	var b strings.Builder
	if err := t.Execute(&b, nil); err != nil {
		return "", templateError(file, src, err)
	}
	out := strings.TrimLeft(b.String(), "\n")
	if err := leftovers(file, out); err != nil {
		return "", err
	}
	return out, nil
}

// leftovers refuses output that shows a filling went wrong somewhere.
func leftovers(file, out string) error {
	for _, bad := range []string{"<no value>", "{{", "}}", "%!", "NaN", "Inf"} {
		if i := strings.Index(out, bad); i >= 0 {
			line := strings.Count(out[:i], "\n") + 1
			return &Error{File: file, Msg: fmt.Sprintf("填充结果第%d行出现“%s”，模板未能正确填充", line, bad)}
		}
	}
	return nil
}

var (
	// template: 主要工作.md:12:5: executing "主要工作.md" at <值 "x">: error calling 值: …
	execRE = regexp.MustCompile(`^template: (.*?):(\d+):(\d+): executing "[^"]*" at <(.*?)>: (.*)$`)
	// template: 主要工作.md:12: function "x" not defined
	parseRE = regexp.MustCompile(`^template: (.*?):(\d+):(?:(\d+):)? ?(.*)$`)
	callRE  = regexp.MustCompile(`^error calling (\S+): (.*)$`)
)

// templateError turns an error of text/template into an *Error in Chinese.
// src is the template text, to turn text/template's byte offsets into
// character columns.
func templateError(file, src string, err error) error {
	var fe *Error
	if errors.As(err, &fe) {
		return fe
	}
	msg := err.Error()
	if m := execRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		off, _ := strconv.Atoi(m[3])
		return &Error{File: file, Line: line, Col: charColumn(src, line, off), Msg: execMessage(m[4], m[5])}
	}
	if m := parseRE.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[2])
		col := 0
		if m[3] != "" {
			off, _ := strconv.Atoi(m[3])
			col = charColumn(src, line, off)
		}
		return &Error{File: file, Line: line, Col: col, Msg: parseMessage(m[4])}
	}
	return &Error{File: file, Msg: msg}
}

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

func execMessage(action, detail string) string {
	if m := callRE.FindStringSubmatch(detail); m != nil {
		return m[2] // our functions' errors are already Chinese
	}
	if m := regexp.MustCompile(`map has no entry for key "(.*)"`).FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("表中没有“%s”这一列（在 {{%s}} 处）", m[1], action)
	}
	if strings.Contains(detail, "wrong number of args") {
		return fmt.Sprintf("{{%s}} 的参数个数不对：%s", action, detail)
	}
	if strings.Contains(detail, "wrong type for value") || strings.Contains(detail, "cannot") {
		return fmt.Sprintf("{{%s}} 的参数类型不对：%s", action, detail)
	}
	return fmt.Sprintf("执行 {{%s}} 时出错：%s", action, detail)
}

func parseMessage(detail string) string {
	if m := regexp.MustCompile(`function "(.*)" not defined`).FindStringSubmatch(detail); m != nil {
		return fmt.Sprintf("没有名为“%s”的函数", m[1])
	}
	switch {
	case strings.Contains(detail, "unclosed action"):
		return "{{ 没有对应的 }}"
	case strings.Contains(detail, "unexpected EOF"):
		return "模板意外结束：可能缺少 {{end}}"
	case strings.Contains(detail, "unexpected {{end}}"):
		return "多余的 {{end}}"
	}
	return "模板语法错误：" + detail
}
