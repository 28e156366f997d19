package fill

import (
	"os"
	"sort"
	"strings"
	"testing"
	"text/template/parse"

	"briefing/internal/readmetest"
	"briefing/internal/workbook"
)

// The examples of templates/README.md run here: the document's tables are
// written as a workbook (one CSV file per sheet, read by the workbook
// package as a clerk's workbook is), then each ```模板 block is filled and
// compared with the ```输出 block (the text a reader sees) or the ```错误
// block (the messages, one per line) that follows it.

const readmePath = "../../templates/README.md"

// readmeBook reads the workbook that the README describes.
func readmeBook(t *testing.T, doc string) *workbook.Book {
	t.Helper()
	b, sheets := readmetest.Book(t, doc)
	if sheets < 3 {
		t.Fatalf("the README describes %d sheets", sheets)
	}
	return b
}

type example struct {
	line       int // of the ```模板 line
	tmpl, want string
	isError    bool
	style      map[string]string // the ```写法 block before the template
	markdown   bool              // want is the filled Markdown (```填充结果), not the text it reads as
}

// readmeExamples finds each ```模板 block and the ```输出 or ```错误 block
// after it.
func readmeExamples(t *testing.T, doc string) []example {
	t.Helper()
	lines := strings.Split(doc, "\n")
	var out []example
	block := func(i int) (string, int) { return readmetest.Block(t, lines, i) }
	var style map[string]string
	for i := 0; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "```写法" {
			body, next := block(i)
			style = map[string]string{}
			for _, l := range strings.Split(body, "\n") {
				k, v, _ := strings.Cut(l, ":")
				style[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
			i = next - 1
			continue
		}
		if strings.TrimSpace(lines[i]) != "```模板" {
			continue
		}
		tmpl, next := block(i)
		for next < len(lines) && strings.TrimSpace(lines[next]) == "" {
			next++
		}
		if next >= len(lines) {
			t.Fatalf("README line %d: no ```输出 or ```错误 after the template", i+1)
		}
		kind := strings.TrimSpace(lines[next])
		if kind != "```输出" && kind != "```错误" && kind != "```填充结果" {
			t.Fatalf("README line %d: the template is followed by %q, not ```输出, ```填充结果 or ```错误", i+1, kind)
		}
		want, after := block(next)
		out = append(out, example{line: i + 1, tmpl: tmpl, want: want, isError: kind == "```错误", style: style,
			markdown: kind == "```填充结果"})
		style = nil
		i = after - 1
	}
	return out
}

func TestReadmeExamples(t *testing.T) {
	src, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	examples := readmeExamples(t, doc)
	if len(examples) < 20 {
		t.Fatalf("only %d examples in the README", len(examples))
	}
	used := map[string]bool{}
	for _, ex := range examples {
		st, errs := ParseStyle(ex.style)
		for k, err := range errs {
			t.Errorf("README line %d: 写法 %s: %v", ex.line, k, err)
		}
		f := New(readmeBook(t, doc), WithStyle(st))
		out, err := f.Fill("示例.md", ex.tmpl, 1)
		switch {
		case ex.isError && err == nil:
			t.Errorf("README line %d: no error; output %q", ex.line, read(out))
		case ex.isError && err.Error() != ex.want:
			t.Errorf("README line %d:\n got %s\nwant %s", ex.line, err, ex.want)
		case !ex.isError && err != nil:
			t.Errorf("README line %d: %v", ex.line, err)
		case ex.markdown && strings.TrimRight(out, "\n") != ex.want:
			t.Errorf("README line %d:\n got %s\nwant %s", ex.line, out, ex.want)
		case !ex.isError && !ex.markdown && read(out) != ex.want:
			t.Errorf("README line %d:\n got %s\nwant %s", ex.line, read(out), ex.want)
		}
		for _, name := range calledFunctions(t, ex.tmpl) {
			used[name] = true
		}
	}
	// Every function of the library has an example.
	var missing []string
	for _, name := range Funcs() {
		if !used[name] {
			missing = append(missing, name)
		}
		if !strings.Contains(doc, "| "+name+" |") && !strings.Contains(doc, "、"+name+" |") && !strings.Contains(doc, "| "+name+"、") &&
			!strings.Contains(doc, "、"+name+"、") && !strings.Contains(doc, "`"+name+"` 与") {
			t.Errorf("the README's tables do not list %s", name)
		}
	}
	sort.Strings(missing)
	if len(missing) > 0 {
		t.Errorf("functions without an example in the README: %s", strings.Join(missing, " "))
	}
}

// calledFunctions lists the functions a template calls.
func calledFunctions(t *testing.T, tmpl string) []string {
	trees, err := parse.Parse("x", tmpl, "", "", New(nil).funcs, builtins)
	if err != nil {
		return nil
	}
	var names []string
	var walk func(n parse.Node)
	walk = func(n parse.Node) {
		switch n := n.(type) {
		case *parse.ListNode:
			if n != nil {
				for _, c := range n.Nodes {
					walk(c)
				}
			}
		case *parse.ActionNode:
			walk(n.Pipe)
		case *parse.IfNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.RangeNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.WithNode:
			walk(n.Pipe)
			walk(n.List)
			walk(n.ElseList)
		case *parse.PipeNode:
			if n != nil {
				for _, c := range n.Cmds {
					walk(c)
				}
			}
		case *parse.CommandNode:
			for _, a := range n.Args {
				walk(a)
			}
		case *parse.ChainNode:
			walk(n.Node)
		case *parse.IdentifierNode:
			names = append(names, n.Ident)
		}
	}
	for _, tr := range trees {
		walk(tr.Root)
	}
	return names
}

var builtins = map[string]any{"and": 0, "or": 0, "not": 0, "len": 0, "index": 0, "print": 0, "printf": 0, "eq": 0, "ne": 0, "lt": 0, "le": 0, "gt": 0, "ge": 0}
