package fill

import (
	"fmt"
	"reflect"
	"strings"
	"text/template"
	"text/template/parse"

	"briefing/internal/workbook"
)

// The static check. text/template stops at the first problem it meets, and
// meets only the problems of the branches this month's data takes. Before
// executing, Fill walks the parsed template and evaluates every function
// call whose arguments it knows — names written in the template, the
// workbook's values, tables and rows — with the very functions the
// template will run, in every branch of every {{if}}, {{with}} and
// {{range}} (a range over each of its rows). It reports:
//
//   - a name the workbook lacks (figure, report fact, table, column), with
//     the closest existing name, and a function given the wrong kind of
//     thing (a table where a list is needed), wherever they are written;
//   - a cell whose content does not fit (text where a number is needed) and
//     a problem of the data (an empty 去年同期, a table with no rows) only
//     where the template goes whatever the data: outside {{if}}, {{with}},
//     {{range}} and the later arguments of and/or (see errors.go);
//   - a wrong number of arguments, and printing what cannot be printed (a
//     table, a row, true/false).
//
// What depends on values it cannot know is left to the execution.

// sym is what the check knows about a value of the template.
type sym struct {
	known bool
	val   any             // the value, when known
	table *workbook.Table // a row, not known, of this table (range over an empty table)
}

var unknown = sym{}

func knownSym(v any) sym { return sym{known: true, val: v} }

type variable struct {
	name string
	s    sym
}

type checker struct {
	f      *Filler
	t      *template.Template
	file   string
	src    string
	probs  []*Error
	seen   map[string]bool
	scopes [][]variable
	cond   int // depth of conditions around the node being checked
	steps  int // nodes visited
}

// maxRangeRows bounds how many rows of a range the check walks, and
// maxCheckSteps the nodes it visits in all: beyond it, each range is
// walked for one row only, so that nested loops cannot make the check
// run for ever.
const (
	maxRangeRows  = 200
	maxCheckSteps = 200_000
)

// check checks every template of t; srcs holds the source of each file
// by name (the template's own, and the phrase files').
func (f *Filler) check(t *template.Template, srcs map[string]string) []*Error {
	c := &checker{f: f, t: t, seen: map[string]bool{}}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Root == nil {
			continue
		}
		c.file, c.src = tt.Tree.ParseName, srcs[tt.Tree.ParseName]
		c.scopes = [][]variable{{{name: "$", s: knownSym(nil)}}}
		c.cond = 0
		dot := knownSym(nil)
		if tt.Name() != t.Name() {
			// A {{define}}d template runs only where it is called, with
			// the dot it is given there.
			c.cond, dot = 1, unknown
			c.scopes[0][0].s = unknown
		}
		c.list(tt.Root, dot)
	}
	return c.probs
}

func (c *checker) add(n parse.Node, kind problemKind, msg string) {
	if (kind == dataProblem || kind == valueProblem) && c.cond > 0 {
		return
	}
	line, col := position(c.src, int(n.Position()))
	e := &Error{File: c.file, Line: line, Col: col, Msg: msg}
	if key := e.Error(); !c.seen[key] {
		c.seen[key] = true
		c.probs = append(c.probs, e)
	}
}

func (c *checker) report(n parse.Node, err error) {
	if fe, ok := err.(*fnError); ok {
		c.add(n, fe.kind, fe.msg)
		return
	}
	c.add(n, dataProblem, err.Error())
}

func (c *checker) push() { c.scopes = append(c.scopes, nil) }
func (c *checker) pop()  { c.scopes = c.scopes[:len(c.scopes)-1] }

func (c *checker) declare(name string, s sym) {
	top := len(c.scopes) - 1
	c.scopes[top] = append(c.scopes[top], variable{name, s})
}

func (c *checker) assign(name string, s sym) {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		for j := len(c.scopes[i]) - 1; j >= 0; j-- {
			if c.scopes[i][j].name == name {
				c.scopes[i][j].s = s
				return
			}
		}
	}
}

func (c *checker) lookup(name string) sym {
	for i := len(c.scopes) - 1; i >= 0; i-- {
		for j := len(c.scopes[i]) - 1; j >= 0; j-- {
			if c.scopes[i][j].name == name {
				return c.scopes[i][j].s
			}
		}
	}
	return unknown
}

func (c *checker) list(l *parse.ListNode, dot sym) {
	if l == nil {
		return
	}
	for _, n := range l.Nodes {
		c.node(n, dot)
	}
}

func (c *checker) node(n parse.Node, dot sym) {
	c.steps++
	switch n := n.(type) {
	case *parse.ActionNode:
		r := c.pipe(n.Pipe, dot, true)
		if len(n.Pipe.Decl) == 0 {
			c.printable(n, r)
		}
	case *parse.IfNode:
		c.branch(&n.BranchNode, dot, false, false)
	case *parse.WithNode:
		c.branch(&n.BranchNode, dot, true, false)
	case *parse.RangeNode:
		c.branch(&n.BranchNode, dot, false, true)
	case *parse.TemplateNode:
		if n.Pipe != nil {
			c.pipe(n.Pipe, dot, true)
		}
		if c.t.Lookup(n.Name) == nil {
			c.add(n, kindProblem, fmt.Sprintf("没有名为“%s”的短语：先用 {{define \"%s\"}}……{{end}} 定义它（可以写在本文件或报告的短语文件中）", n.Name, n.Name))
		}
	}
}

// printable reports printing what a report cannot show.
func (c *checker) printable(n *parse.ActionNode, r sym) {
	if !r.known {
		if r.table != nil {
			c.add(n, kindProblem, leftoverMessage("\uE002表中的一行\uE003"))
		}
		return
	}
	switch v := r.val.(type) {
	case Rows, Row, List:
		c.add(n, kindProblem, leftoverMessage(fmt.Sprint(v)))
	case bool:
		c.add(n, kindProblem, "这里会写出 true 或 false：判断真假的函数应写在 {{if …}} 中")
	case nil:
		c.add(n, kindProblem, "这里没有可写的值（会写出 <no value>）：{{.}} 只能写在 range 或 with 之中")
	}
}

func (c *checker) branch(b *parse.BranchNode, dot sym, with, rng bool) {
	c.push()
	defer c.pop()
	r := c.pipe(b.Pipe, dot, !rng)
	c.cond++
	defer func() { c.cond-- }()
	switch {
	case with:
		c.list(b.List, r)
	case rng:
		limit := maxRangeRows
		if c.steps > maxCheckSteps {
			limit = 1
		}
		for _, e := range c.elements(r, limit) {
			c.steps++
			c.push()
			switch len(b.Pipe.Decl) {
			case 1:
				c.declare(b.Pipe.Decl[0].Ident[0], e.elem)
			case 2:
				c.declare(b.Pipe.Decl[0].Ident[0], e.index)
				c.declare(b.Pipe.Decl[1].Ident[0], e.elem)
			}
			c.list(b.List, e.elem)
			c.pop()
		}
	default:
		c.list(b.List, dot)
	}
	c.list(b.ElseList, dot)
}

type element struct{ index, elem sym }

// elements is what a range walks: each row of a table, each value of a
// list (at most limit), or one row of the table not known when the table
// is empty.
func (c *checker) elements(r sym, limit int) []element {
	var out []element
	switch v := r.val.(type) {
	case Rows:
		for i, row := range v[:min(len(v), limit)] {
			out = append(out, element{knownSym(i), knownSym(row)})
		}
		if len(v) == 0 {
			out = append(out, element{unknown, sym{table: r.table}})
		}
		return out
	case List:
		for i, x := range v[:min(len(v), limit)] {
			out = append(out, element{knownSym(i), knownSym(x)})
		}
		return out
	case int:
		for i := 0; i < min(v, limit); i++ {
			out = append(out, element{knownSym(i), knownSym(i)})
		}
		return out
	}
	return []element{{unknown, unknown}}
}

func (c *checker) pipe(p *parse.PipeNode, dot sym, declare bool) sym {
	if p == nil {
		return unknown
	}
	var res sym
	for i, cmd := range p.Cmds {
		var final *sym
		if i > 0 {
			prev := res
			final = &prev
		}
		res = c.command(cmd, dot, final)
	}
	if declare {
		for _, v := range p.Decl {
			if p.IsAssign {
				c.assign(v.Ident[0], res)
			} else {
				c.declare(v.Ident[0], res)
			}
		}
	}
	return res
}

func (c *checker) command(cmd *parse.CommandNode, dot sym, final *sym) sym {
	if len(cmd.Args) == 0 {
		return unknown
	}
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.call(id, cmd.Args[1:], dot, final)
	}
	return c.arg(cmd.Args[0], dot)
}

func (c *checker) arg(n parse.Node, dot sym) sym {
	switch n := n.(type) {
	case *parse.StringNode:
		return knownSym(n.Text)
	case *parse.NumberNode:
		if n.IsInt && !strings.ContainsAny(n.Text, ".eEpP") {
			return knownSym(int(n.Int64))
		}
		if n.IsFloat {
			return knownSym(n.Float64)
		}
		return unknown
	case *parse.BoolNode:
		return knownSym(n.True)
	case *parse.DotNode:
		return dot
	case *parse.FieldNode:
		return c.fields(dot, n.Ident, n)
	case *parse.VariableNode:
		return c.fields(c.lookup(n.Ident[0]), n.Ident[1:], n)
	case *parse.ChainNode:
		return c.fields(c.arg(n.Node, dot), n.Field, n)
	case *parse.PipeNode:
		return c.pipe(n, dot, true)
	case *parse.IdentifierNode:
		return c.call(n, nil, dot, nil)
	}
	return unknown
}

// fields follows .列名 from base.
func (c *checker) fields(base sym, names []string, n parse.Node) sym {
	for _, name := range names {
		switch {
		case !base.known && base.table != nil:
			if !contains(base.table.Columns, name) {
				c.add(n, nameProblem, c.missingField(base.table, name))
			}
			base = unknown
		case !base.known:
			return unknown
		default:
			switch v := base.val.(type) {
			case Row:
				x, ok := v[name]
				if !ok {
					c.add(n, nameProblem, c.missingField(c.f.tableOf(v), name))
					return unknown
				}
				base = knownSym(x)
			case nil:
				c.add(n, kindProblem, fmt.Sprintf("{{.%s}} 在这里没有可取的行：.列名 只能写在 range 或 with 一行表格之中", name))
				return unknown
			case Value, Number:
				return unknown // the fields of the Go value, for those who know them
			default:
				c.add(n, kindProblem, fmt.Sprintf("%s 没有“.%s”可取：.列名 只能用于表中的一行（可用 首、最大 取出一行，或用 range 逐行）", kindName(v), name))
				return unknown
			}
		}
	}
	return base
}

func (c *checker) missingField(t *workbook.Table, name string) string {
	if t == nil {
		return fmt.Sprintf("表中没有“%s”这一列", name)
	}
	if i := t.Column(name); i >= 0 {
		return fmt.Sprintf("%s 中的列名是“%s”：.列名 要写出完整的列名，或写作 {{格 . \"%s\"}}", t.Ref, t.Columns[i], name)
	}
	return t.MissingColumn(name)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// colArgs are the functions that take a table (or a row) and column names:
// for each, the position of the table and of its column names.
var colArgs = map[string][]int{
	"列": {0, 1}, "格": {0, 1}, "单位": {0, 1}, "最大": {0, 1}, "最小": {0, 1},
	"筛选": {0, 1}, "包含": {0, 1}, "等于": {0, 1}, "大于": {0, 1}, "小于": {0, 1},
	"不小于": {0, 1}, "不大于": {0, 1}, "降序": {0, 1}, "升序": {0, 1}, "排序": {0, 1},
	"表格": {0, 1, 2, 3, 4, 5, 6, 7, 8},
	"排名": {0, 1, 2},
}

func (c *checker) call(id *parse.IdentifierNode, argNodes []parse.Node, dot sym, final *sym) sym {
	name := id.Ident
	args := make([]sym, 0, len(argNodes)+1)
	for i, a := range argNodes {
		if i > 0 && (name == "and" || name == "or") {
			c.cond++
			args = append(args, c.arg(a, dot))
			c.cond--
			continue
		}
		args = append(args, c.arg(a, dot))
	}
	if final != nil {
		args = append(args, *final)
	}
	fn, ok := c.f.funcs[name]
	if !ok {
		return c.builtin(name, args)
	}
	ft := reflect.TypeOf(fn)
	if !arity(ft, len(args)) {
		want := ft.NumIn()
		if ft.IsVariadic() {
			c.add(id, kindProblem, argCountMessage(name, true, fmt.Sprint(want-1), fmt.Sprint(len(args))))
		} else {
			c.add(id, kindProblem, argCountMessage(name, false, fmt.Sprint(want), fmt.Sprint(len(args))))
		}
		return unknown
	}
	for _, a := range args {
		if !a.known {
			c.columns(id, name, args)
			return unknown
		}
	}
	res, err := c.invoke(name, fn, ft, args)
	if err != nil {
		c.report(id, err)
		return unknown
	}
	// Remember the table of a selection of rows, which an empty selection
	// cannot tell.
	if rows, ok := res.val.(Rows); ok && len(rows) == 0 {
		if name == "表" {
			res.table, _ = c.f.book.Table(args[0].val.(string))
		} else if len(args) > 0 {
			res.table = args[0].table
		}
	}
	return res
}

// columns checks the column names given with a row of a table not known.
func (c *checker) columns(id *parse.IdentifierNode, name string, args []sym) {
	pos, ok := colArgs[name]
	if !ok || len(args) <= pos[0] || args[pos[0]].known || args[pos[0]].table == nil {
		return
	}
	t := args[pos[0]].table
	for _, p := range pos[1:] {
		if p >= len(args) || !args[p].known {
			continue
		}
		if col, ok := args[p].val.(string); ok && t.Column(col) < 0 {
			c.add(id, nameProblem, t.MissingColumn(col))
		}
	}
}

func arity(ft reflect.Type, n int) bool {
	if ft.IsVariadic() {
		return n >= ft.NumIn()-1
	}
	return n == ft.NumIn()
}

// invoke calls the function with the known arguments, as text/template
// would.
func (c *checker) invoke(name string, fn any, ft reflect.Type, args []sym) (res sym, err error) {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		pt := paramType(ft, i)
		if a.val == nil {
			if pt.Kind() != reflect.Interface {
				return unknown, kindError("函数“%s”的第%d个参数不能是空值", name, i+1)
			}
			in[i] = reflect.Zero(pt)
			continue
		}
		v := reflect.ValueOf(a.val)
		switch {
		case v.Type().AssignableTo(pt):
		case v.Kind() == reflect.Int && (pt.Kind() == reflect.Float64 || pt.Kind() == reflect.Int64):
			v = v.Convert(pt)
		default:
			return unknown, kindError("函数“%s”的第%d个参数应是%s，这里给的是%s", name, i+1, goType(pt.String()), kindName(a.val))
		}
		in[i] = v
	}
	defer func() {
		if r := recover(); r != nil {
			res, err = unknown, nil
		}
	}()
	out := reflect.ValueOf(fn).Call(in)
	if len(out) == 2 && !out[1].IsNil() {
		return unknown, out[1].Interface().(error)
	}
	return knownSym(out[0].Interface()), nil
}

func paramType(ft reflect.Type, i int) reflect.Type {
	if ft.IsVariadic() && i >= ft.NumIn()-1 {
		return ft.In(ft.NumIn() - 1).Elem()
	}
	return ft.In(i)
}

// builtin is what the check knows of text/template's own functions.
func (c *checker) builtin(name string, args []sym) sym {
	if name == "index" && len(args) == 2 && args[0].known && args[1].known {
		i, ok := args[1].val.(int)
		if !ok {
			return unknown
		}
		switch v := args[0].val.(type) {
		case List:
			if i >= 0 && i < len(v) {
				return knownSym(v[i])
			}
		case Rows:
			if i >= 0 && i < len(v) {
				return knownSym(v[i])
			}
		}
	}
	return unknown
}

// Unused lists, one line each, the figures and tables of the workbook
// that no template filled by f has used.
func (f *Filler) Unused() []string {
	var out []string
	for _, m := range f.book.Metrics {
		if !f.used[m] {
			out = append(out, fmt.Sprintf("%s：指标“%s”没有被任何模板使用", m.Ref, m.Name))
		}
	}
	for _, t := range f.book.Tables {
		if !f.usedTables[t] {
			ref := t.Ref
			if ref.Sheet == "" {
				ref = workbook.Ref{File: f.book.File, Sheet: t.Name}
			}
			out = append(out, fmt.Sprintf("%s：表“%s”没有被任何模板使用", ref, t.Name))
		}
	}
	return out
}

// MarkUsed records that a table (nil: none) and figures of the workbook
// are used other than by a template function, by a chart, so that Unused
// does not list them.
func (f *Filler) MarkUsed(t *workbook.Table, metrics ...*workbook.Metric) {
	if t != nil {
		f.usedTables[t] = true
	}
	for _, m := range metrics {
		f.used[m] = true
	}
}
