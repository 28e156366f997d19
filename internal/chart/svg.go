package chart

import (
	"fmt"
	"html"
	"math"
	"strings"
)

// SVG writes the recording as an inline SVG element that scales to the
// width of its container (no style attribute: a page whose policy allows
// only its own style sheet shows it): role img, labelled by a <title>
// (the caption) and described by the element with id desc (the data
// table beside it) when desc is not "". Text is set in the font stacks
// fontBody and fontBold (font-family values); each run keeps the width it
// has in the PDF.
func (r *Recording) SVG(id, title, desc, fontBody, fontBold string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="100%%" viewBox="0 0 %s %s" role="img" aria-labelledby="%s-t"`, f2(r.Width), f2(r.Height), id)
	if desc != "" {
		fmt.Fprintf(&b, ` aria-describedby="%s"`, desc)
	}
	fmt.Fprintf(&b, ` font-family="%s"><title id="%s-t">%s</title>`, html.EscapeString(fontBody), id, html.EscapeString(title))
	for _, op := range r.Ops {
		switch op.Kind {
		case OpFill:
			fmt.Fprintf(&b, `<path d="%s" fill="#%s"/>`, pathData(op.Path), hex(op.Color))
		case OpStroke:
			fmt.Fprintf(&b, `<path d="%s" fill="none" stroke="#%s" stroke-width="%s"`, pathData(op.Path), hex(op.Color), f2(op.Width))
			if op.Dash != nil {
				ds := make([]string, len(op.Dash))
				for i, d := range op.Dash {
					ds[i] = f2(d)
				}
				fmt.Fprintf(&b, ` stroke-dasharray="%s"`, strings.Join(ds, " "))
			}
			b.WriteString("/>")
		case OpText:
			fmt.Fprintf(&b, `<text x="%s" y="%s" font-size="%s"`, f2(op.X), f2(op.Y), f2(op.Size))
			if op.Color != black {
				fmt.Fprintf(&b, ` fill="#%s"`, hex(op.Color))
			}
			if op.Bold {
				fmt.Fprintf(&b, ` font-family="%s"`, html.EscapeString(fontBold))
			}
			if op.W > 0 && len([]rune(op.Text)) > 1 {
				fmt.Fprintf(&b, ` textLength="%s" lengthAdjust="spacingAndGlyphs"`, f2(op.W))
			}
			fmt.Fprintf(&b, `>%s</text>`, html.EscapeString(op.Text))
		}
	}
	b.WriteString("</svg>")
	return b.String()
}

func pathData(p []Seg) string {
	var b strings.Builder
	for _, s := range p {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		switch s.Op {
		case 'Z':
			b.WriteByte('Z')
		case 'C':
			fmt.Fprintf(&b, "C%s %s %s %s %s %s", f2(s.C1X), f2(s.C1Y), f2(s.C2X), f2(s.C2Y), f2(s.X), f2(s.Y))
		default:
			fmt.Fprintf(&b, "%c%s %s", s.Op, f2(s.X), f2(s.Y))
		}
	}
	return b.String()
}

// Rows is the chart's data as rows of text, a header first: the text
// alternative of the chart (an HTML table for screen readers). Empty
// values are “—”.
func (ch *Chart) Rows() [][]string {
	head := []string{""}
	for _, se := range ch.Series {
		h := se.Name
		if se.Unit != "" {
			h += "（" + se.Unit + "）"
		}
		head = append(head, h)
	}
	rows := [][]string{head}
	for i, c := range ch.Categories {
		row := []string{c}
		for _, se := range ch.Series {
			v := se.Values[i]
			if math.IsNaN(v) {
				row = append(row, "—")
			} else {
				row = append(row, trimNum(v))
			}
		}
		rows = append(rows, row)
	}
	return rows
}

func trimNum(v float64) string {
	s := fmt.Sprintf("%.4f", v)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		return "0"
	}
	return s
}
