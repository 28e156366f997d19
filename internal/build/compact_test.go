package build

import (
	"bytes"
	"path/filepath"
	"slices"
	"testing"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/fonts"
	"briefing/internal/mdext"
	"briefing/internal/perfdata"
)

// A large table's body rows are held compactly (mdext.TableRows), and
// every writer gives the same bytes as from goldmark's ordinary rows: for
// the bundled reports with every table compacted, and for a generated
// table of 500 rows.
func TestCompactTablesSameBytes(t *testing.T) {
	big, err := perfdata.TableReport(filepath.Join(t.TempDir(), "rows"), 500)
	if err != nil {
		t.Fatal(err)
	}
	render := func(report string, compact int) *Result {
		t.Helper()
		old := mdext.CompactRows
		mdext.CompactRows = compact
		defer func() { mdext.CompactRows = old }()
		res, err := Render(Options{Report: report, Fonts: fonts.Bundled(), Formats: Formats, KeepDocument: true})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	for _, c := range []struct {
		report  string
		compact int
	}{
		{"../../templates/情况汇报", 1},
		{"经济运行", 1},
		{big, mdext.CompactRows},
	} {
		plain, compact := render(c.report, 0), render(c.report, c.compact)
		if n := compactRows(plain.Document.Root); n != 0 {
			t.Errorf("%s: %d compact rows with compaction off", c.report, n)
		}
		n := compactRows(compact.Document.Root)
		if n == 0 && c.report != "../../templates/情况汇报" { // which has no table
			t.Errorf("%s: no compact table", c.report)
		}
		if c.report == big && n != 500 {
			t.Errorf("%s: %d compact rows, want 500", c.report, n)
		}
		if !slices.Equal(plain.Warnings, compact.Warnings) {
			t.Errorf("%s: warnings %q without compact tables, %q with", c.report, plain.Warnings, compact.Warnings)
		}
		for i, f := range plain.Files {
			if !bytes.Equal(f.Data, compact.Files[i].Data) {
				t.Errorf("%s: %s differs with compact tables", c.report, f.Format)
			}
		}
	}
}

// compactRows counts the rows of root's TableRows nodes.
func compactRows(root ast.Node) int {
	n := 0
	_ = ast.Walk(root, func(node ast.Node, entering bool) (ast.WalkStatus, error) {
		if rs, ok := node.(*mdext.TableRows); ok && entering {
			n += rs.Len()
		}
		return ast.WalkContinue, nil
	})
	return n
}
