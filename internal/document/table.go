package document

import (
	"strings"
	"unicode"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"briefing/internal/mdext"
)

// ColumnAligns returns how each column of a table is aligned: as the
// template's delimiter row says (:--, :-:, --:), and otherwise right for a
// column whose body cells all hold numbers, left for the rest.
func ColumnAligns(t *east.Table, source []byte) []east.Alignment {
	aligns := append([]east.Alignment(nil), t.Alignments...)
	numeric := make([]bool, len(aligns))
	for i := range numeric {
		numeric[i] = true
	}
	rows := 0
	for row := range mdext.Rows(t) {
		if _, head := row.(*east.TableHeader); head {
			continue
		}
		rows++
		col := 0
		for c := row.FirstChild(); c != nil && col < len(numeric); c = c.NextSibling() {
			numeric[col] = numeric[col] && IsNumber(mdext.Text(c, source))
			col++
		}
	}
	for i, a := range aligns {
		if a == east.AlignNone {
			if numeric[i] && rows > 0 {
				aligns[i] = east.AlignRight
			} else {
				aligns[i] = east.AlignLeft
			}
		}
	}
	return aligns
}

// IsNumber reports whether a table cell holds a number: digits with an
// optional sign, decimal point, thousands separators and %, ％ or ‰. An
// empty cell counts as a number, so that it does not make a column textual.
func IsNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	digits := 0
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			digits++
		case r == '.' || r == ',' || r == '%' || r == '％' || r == '‰':
		case (r == '-' || r == '+' || r == '－' || r == '−') && i == 0:
		default:
			return false
		}
	}
	return digits > 0
}

// IsHeaderRow reports whether a table row is its header.
func IsHeaderRow(row ast.Node) bool {
	_, ok := row.(*east.TableHeader)
	return ok
}
