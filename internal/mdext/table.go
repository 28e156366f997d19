package mdext

import (
	"fmt"
	"iter"
	"math"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// CompactRows is the least number of body rows for which a table's rows
// are kept compact (see TableRows). It is a variable so that tests can
// compact every table; 0 turns compaction off.
var CompactRows = 200

// KindTableRows is the kind of a TableRows node.
var KindTableRows = ast.NewNodeKind("TableRows")

// TableRows holds the body rows of a large GFM table compactly: a row
// whose cells are plain text (no byte that could start inline markup: see
// plain) keeps only its cells' places in the source, a few
// int32s a cell, instead of about 430 bytes of goldmark nodes a cell. The
// other rows are kept as ordinary *east.TableRow children, parsed by
// goldmark as usual. Rows hands out every row, in order, as ordinary nodes.
//
// A TableRows node is the last child of its *east.Table, after the header.
// Code that walks a table's rows must use Rows.
type TableRows struct {
	ast.BaseBlock
	alignments []east.Alignment
	cols       int
	pos        []int32 // per row, its Pos; -1 for a row kept as a child
	cells      []int32 // per cell of a compact row: its Pos, start and stop; start -1 for a cell the row lacked
}

// Kind implements ast.Node.
func (n *TableRows) Kind() ast.NodeKind { return KindTableRows }

// Dump implements ast.Node.
func (n *TableRows) Dump(source []byte, level int) {
	ast.DumpHelper(n, source, level, map[string]string{"Rows": fmt.Sprint(n.Len())}, nil)
}

// Len is the number of rows.
func (n *TableRows) Len() int { return len(n.pos) }

// Rows returns a table's rows in order, the header first, as goldmark made
// them: the rows of a TableRows node are made as they are asked for, so a
// caller must not keep one after its turn (nor expect it among its
// table's children, nor its siblings).
func Rows(t *east.Table) iter.Seq[ast.Node] {
	return func(yield func(ast.Node) bool) {
		for row := t.FirstChild(); row != nil; row = row.NextSibling() {
			if rs, ok := row.(*TableRows); ok {
				if !rs.each(yield) {
					return
				}
				continue
			}
			if !yield(row) {
				return
			}
		}
	}
}

func (n *TableRows) each(yield func(ast.Node) bool) bool {
	kept := n.FirstChild()
	c := 0
	for _, p := range n.pos {
		if p < 0 {
			next := kept.NextSibling()
			if !yield(kept) {
				return false
			}
			kept = next
			continue
		}
		row := east.NewTableRow(n.alignments)
		row.SetPos(int(p))
		row.SetParent(n)
		for k := range n.cols {
			cell := east.NewTableCell()
			cell.SetPos(int(n.cells[c]))
			if k < len(n.alignments) {
				cell.Alignment = n.alignments[k]
			}
			if start := n.cells[c+1]; start >= 0 {
				seg := text.NewSegment(int(start), int(n.cells[c+2]))
				cell.Lines().Append(seg)
				cell.AppendChild(cell, ast.NewTextSegment(seg))
			}
			row.AppendChild(row, cell)
			c += 3
		}
		if !yield(row) {
			return false
		}
	}
	return true
}

// compactTables is a paragraph transformer that runs just before
// goldmark's table transformer: a paragraph that is a table of at least
// CompactRows body rows it turns into the same table with its body rows in
// a TableRows node. It uses goldmark's table transformer on the header and
// a few rows at a time, so the rows are split as goldmark splits them.
type compactTables struct{}

// compactChunk is how many rows goldmark parses at a time.
const compactChunk = 256

func (compactTables) Transform(node *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := node.Lines()
	if CompactRows <= 0 || lines.Len()-2 < CompactRows || len(reader.Source()) >= math.MaxInt32 {
		return
	}
	var table *east.Table
	rows := &TableRows{}
	for j := 2; j < lines.Len(); j += compactChunk {
		part := []text.Segment{lines.At(0), lines.At(1)}
		part = append(part, lines.Sliced(j, min(j+compactChunk, lines.Len()))...)
		t := gfmTable(node.Pos(), part, reader, pc)
		if t == nil || t.ChildCount() != len(part)-1 {
			return // not a table that begins at the paragraph's first line
		}
		if table == nil {
			table = t
			rows.alignments = t.Alignments
			rows.cols = len(t.Alignments)
		}
		for row := t.FirstChild().NextSibling(); row != nil; {
			next := row.NextSibling()
			if !rows.add(row.(*east.TableRow), reader.Source()) {
				rows.pos = append(rows.pos, -1)
				rows.AppendChild(rows, row)
			}
			row = next
		}
	}
	for row := table.FirstChild().NextSibling(); row != nil; {
		next := row.NextSibling()
		if row.Parent() == table {
			table.RemoveChild(table, row)
		}
		row = next
	}
	table.AppendChild(table, rows)
	// as goldmark's table transformer does it, so that the parent's
	// ChildCount is what it would be
	parent := node.Parent()
	parent.InsertAfter(parent, node, table)
	parent.RemoveChild(parent, node)
}

// add adds row compactly, if its cells are plain text.
func (n *TableRows) add(row *east.TableRow, source []byte) bool {
	if row.ChildCount() != n.cols {
		return false
	}
	at := len(n.cells)
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		cell := c.(*east.TableCell)
		n.cells = append(n.cells, int32(cell.Pos()), -1, -1)
		switch cell.Lines().Len() {
		case 0:
			continue
		case 1:
			seg := cell.Lines().At(0)
			if seg.Padding == 0 && seg.Start < seg.Stop && plain(seg.Value(source)) {
				n.cells[len(n.cells)-2] = int32(seg.Start)
				n.cells[len(n.cells)-1] = int32(seg.Stop)
				continue
			}
		}
		n.cells = n.cells[:at]
		return false
	}
	n.pos = append(n.pos, int32(row.Pos()))
	return true
}

// plain reports whether goldmark parses s, a table cell, as one Text node
// of s: no byte that triggers one of its inline parsers (code spans, links
// and images, autolinks and raw HTML, emphasis), no line break, tab or
// pipe. Backslash escapes and entity references stay in a Text node as
// written (2\.54, &amp;): the writers resolve them (Text).
func plain(s []byte) bool {
	for _, b := range s {
		switch b {
		case '`', '*', '_', '[', ']', '!', '<', '|', '\n', '\r', '\t':
			return false
		}
	}
	return true
}

// gfmTable is goldmark's table of lines, or nil if they are not a table
// whose header is the first line.
func gfmTable(pos int, lines []text.Segment, reader text.Reader, pc parser.Context) *east.Table {
	doc := ast.NewDocument()
	p := ast.NewParagraph()
	p.SetPos(pos)
	p.Lines().AppendAll(lines)
	doc.AppendChild(doc, p)
	extension.NewTableParagraphTransformer().Transform(p, reader, pc)
	t, ok := doc.FirstChild().(*east.Table)
	if !ok || doc.LastChild() != t { // (not ChildCount: goldmark's InsertAfter at the end counts twice)
		return nil
	}
	doc.RemoveChild(doc, t)
	return t
}
