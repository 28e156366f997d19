package compare

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"briefing/internal/oserr"
	"briefing/internal/workbook"
)

// WriteText writes the differences as a plain Chinese listing: the changed
// figures (old → new, with their cells), then the changed, added and
// removed sentences with the changed words in 【】, then a summary line.
func (r *Result) WriteText(w io.Writer) error { return r.write(w, false) }

// WriteAll is WriteText with the unchanged sentences too: the whole report
// in order.
func (r *Result) WriteAll(w io.Writer) error { return r.write(w, true) }

func (r *Result) write(w io.Writer, all bool) error {
	bw := bufio.NewWriter(w)
	s := r.Summary()
	if len(r.Figures) > 0 {
		fmt.Fprintf(bw, "数据：%d处不同\n", s.Figures)
		writeFigures(bw, r.Figures)
		bw.WriteString("\n")
	}
	if s.Changed+s.Added+s.Removed > 0 || all {
		fmt.Fprintf(bw, "文字：改动%d句，新增%d句，删去%d句\n", s.Changed, s.Added, s.Removed)
		for _, c := range r.Sentences {
			if c.Op != Same || all {
				writeSentence(bw, c)
			}
		}
		bw.WriteString("\n")
	}
	bw.WriteString(s.line() + "\n")
	return bw.Flush()
}

// line is the summary line of a comparison.
func (s Summary) line() string {
	if s.Figures+s.Changed+s.Added+s.Removed == 0 {
		return "没有不同：数据和文字都相同。"
	}
	return fmt.Sprintf("共%d处数据不同；文字改动%d句，新增%d句，删去%d句，未变%d句。", s.Figures, s.Changed, s.Added, s.Removed, s.Same)
}

// writeFigures writes a line for each change; the fields of a figure, row
// or entry added or removed whole are gathered on one line.
func writeFigures(w *bufio.Writer, fs []FigureChange) {
	for k := 0; k < len(fs); {
		f := fs[k]
		if f.Op == Changed {
			fmt.Fprintf(w, "  %s：%s → %s（%s）\n", label(f), shown(f.Old), shown(f.New), refs(f.OldRef, f.NewRef))
			k++
			continue
		}
		n := k + 1
		for n < len(fs) && fs[n].Op == f.Op && fs[n].Where == f.Where && fs[n].Name == f.Name {
			n++
		}
		writeWhole(w, fs[k:n])
		k = n
	}
}

// writeWhole writes the fields of one figure, row or entry added or
// removed: 新增：数值 12.3，增速 5%（指标!B20）.
func writeWhole(w *bufio.Writer, fs []FigureChange) {
	f := fs[0]
	verb, ref := "新增", f.NewRef
	if f.Op == Removed {
		verb, ref = "删去", f.OldRef
	}
	var parts []string
	for _, x := range fs {
		v := x.New
		if x.Op == Removed {
			v = x.Old
		}
		if v == f.Name && len(fs) > 1 {
			continue // a row's key, already named
		}
		if x.Field != "" {
			v = x.Field + " " + v
		}
		parts = append(parts, escape(v))
	}
	name := strings.TrimSpace(escape(f.Where) + " " + escape(f.Name))
	fmt.Fprintf(w, "  %s：%s，%s（%s）\n", name, verb, strings.Join(parts, "，"), short(ref))
}

// label names a change: where, name and field, parted by spaces.
func label(f FigureChange) string {
	var parts []string
	for _, s := range []string{f.Where, f.Name, f.Field} {
		if s != "" {
			parts = append(parts, escape(s))
		}
	}
	return strings.Join(parts, " ")
}

// shown is a value in the listing; an empty one is （空）.
func shown(v string) string {
	if v == "" {
		return "（空）"
	}
	return escape(v)
}

// refs writes the cells of a change: one when both are the same cell.
func refs(o, n workbook.Ref) string {
	switch os, ns := short(o), short(n); {
	case os == ns || os == "":
		return ns
	case ns == "":
		return os
	default:
		return os + " → " + ns
	}
}

// short is a cell without its file: 指标!B7, or the sheet alone.
func short(r workbook.Ref) string { return escape(refText(r)) }

// writeSentence writes one sentence: 改 with both versions, 增, 删, or
// (for WriteAll) the unchanged sentence indented.
func writeSentence(w *bufio.Writer, c SentenceChange) {
	switch c.Op {
	case Same:
		fmt.Fprintf(w, "  同（第%d段）%s\n", c.NewLine, marked(c.New))
	case Changed:
		fmt.Fprintf(w, "  改（第%d段）\n    旧：%s\n    新：%s\n", c.NewLine, marked(c.Old), marked(c.New))
	case Added:
		fmt.Fprintf(w, "  增（第%d段）%s\n", c.NewLine, escape(c.NewText()))
	case Removed:
		fmt.Fprintf(w, "  删（原第%d段）%s\n", c.OldLine, escape(c.OldText()))
	}
}

// marked writes spans with the changed ones in 【】.
func marked(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		if s.Changed {
			b.WriteString("【" + escape(s.Text) + "】")
		} else {
			b.WriteString(escape(s.Text))
		}
	}
	return b.String()
}

// escape shows control characters as escapes (oserr.Escape), keeping the
// tabs between a table row's cells.
func escape(s string) string {
	parts := strings.Split(s, "\t")
	for k, p := range parts {
		parts[k] = oserr.Escape(p)
	}
	return strings.Join(parts, "\t")
}
