package mdext

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
)

// dumpRows writes every row of every table of src's tree, as Rows gives
// them, with each node's type, position, lines, segment and flags.
func dumpRows(t *testing.T, src []byte, compact int) (string, int) {
	t.Helper()
	old := CompactRows
	CompactRows = compact
	defer func() { CompactRows = old }()
	root := Markdown().Parser().Parse(text.NewReader(src))
	var b strings.Builder
	var dump func(n ast.Node, depth int)
	dump = func(n ast.Node, depth int) {
		fmt.Fprintf(&b, "%s%T pos=%d raw=%v", strings.Repeat(" ", depth), n, n.Pos(), n.IsRaw())
		if n.Type() == ast.TypeBlock {
			for i := 0; i < n.Lines().Len(); i++ {
				fmt.Fprintf(&b, " line=%+v", n.Lines().At(i))
			}
		}
		switch n := n.(type) {
		case *ast.Text:
			fmt.Fprintf(&b, " seg=%+v soft=%v hard=%v raw=%v %q", n.Segment, n.SoftLineBreak(), n.HardLineBreak(), n.IsRaw(), value(n.Segment, src))
		case *east.TableCell:
			fmt.Fprintf(&b, " align=%v", n.Alignment)
		case *east.TableRow:
			fmt.Fprintf(&b, " aligns=%v", n.Alignments)
		}
		fmt.Fprintf(&b, " attrs=%v\n", n.Attributes())
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			dump(c, depth+1)
		}
	}
	compacted := 0
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		tab, ok := n.(*east.Table)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		fmt.Fprintf(&b, "table pos=%d aligns=%v parent=%T\n", tab.Pos(), tab.Alignments, tab.Parent())
		for row := range Rows(tab) {
			dump(row, 1)
		}
		if rs, ok := tab.LastChild().(*TableRows); ok {
			compacted++
			kept := 0
			for c := rs.FirstChild(); c != nil; c = c.NextSibling() {
				kept++
			}
			if kept == 0 && rs.Len() > 100 || kept == rs.Len() {
				t.Errorf("%d of %d rows kept as nodes", kept, rs.Len())
			}
		}
		return ast.WalkSkipChildren, nil
	})
	fmt.Fprintf(&b, "text %q children %d\n", Text(root, src), root.ChildCount())
	return b.String(), compacted
}

// Every row that Rows makes from a compact table is the row goldmark
// makes: plain cells, cells with markup, escapes, entities, escaped pipes,
// missing and extra cells, empty cells, spaces.
func TestCompactTableRows(t *testing.T) {
	cells := []string{
		"企业1", "12.5", "-3.2%", "1,234", "鹤岭县 某某 公司", "", "  ", "a b", "（一）合计", "—",
		"*强调*", "**加粗**", `\*号`, "&amp;", "A&B", "`代码`", "`a\\|b`", `a\|b`, "<b>x</b>", "[链](x)",
		"x_y", "~~删~~", "100％", "１２", "a:b", "x@y.z", "http://example.com",
		`2\.54`, `\-3`, `1\.`, `a\`, `\#`, "&#123;", "x > y", "a~b", `\`, `\\`, "&", "&nbsp;x",
	}
	var src strings.Builder
	src.WriteString("前言。\n\n| 名称 | 数 | 说明 |\n| :-- | --: | --- |\n")
	for i := range 300 {
		a, b, c := cells[i%len(cells)], cells[(i/3)%len(cells)], cells[(i*7)%len(cells)]
		switch i % 11 {
		case 3:
			fmt.Fprintf(&src, "| %s | %s |\n", a, b) // a cell short
		case 5:
			fmt.Fprintf(&src, "| %s | %s | %s | %s |\n", a, b, c, a) // one too many
		case 7:
			fmt.Fprintf(&src, "%s | %s | %s\n", a, b, c) // no outer pipes
		default:
			fmt.Fprintf(&src, "| %s | %s | %s |\n", a, b, c)
		}
	}
	src.WriteString("\n后记。\n\n- 列表\n\n  | 甲 | 乙 |\n  | -- | -- |\n  | 1 | 2 |\n  | 3 | 4 |\n")
	want, n := dumpRows(t, []byte(src.String()), 0)
	if n != 0 {
		t.Fatalf("compacted %d tables with compaction off", n)
	}
	got, n := dumpRows(t, []byte(src.String()), 1)
	if n != 2 {
		t.Fatalf("compacted %d tables, want 2", n)
	}
	if got != want {
		g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
		for i := range min(len(g), len(w)) {
			if g[i] != w[i] {
				t.Fatalf("line %d:\ngot  %s\nwant %s", i+1, g[i], w[i])
			}
		}
		t.Fatalf("got %d lines, want %d", len(g), len(w))
	}
	if !strings.Contains(want, `"鹤岭县 某某 公司"`) || !strings.Contains(want, "TableCell") {
		t.Fatalf("dump lacks cells:\n%s", want[:min(len(want), 2000)])
	}
}

// A table of fewer than CompactRows body rows is left as goldmark made it;
// a paragraph that only looks like a table is left a paragraph.
func TestCompactTableThreshold(t *testing.T) {
	src := []byte("| a | b |\n| - | - |\n| 1 | 2 |\n| 3 | 4 |\n\n不是表格\n| - | - |\n| 1 | 2 |\n")
	want, _ := dumpRows(t, src, 0)
	got, n := dumpRows(t, src, 3)
	if n != 0 || got != want {
		t.Fatalf("compacted %d tables below the threshold", n)
	}
	got, n = dumpRows(t, src, 2)
	if n != 1 || got != want {
		t.Fatalf("compacted %d tables, want 1; same rows: %v", n, got == want)
	}
}

func value(s text.Segment, src []byte) string {
	if s.Start > s.Stop {
		return "?"
	}
	return string(s.Value(src))
}
