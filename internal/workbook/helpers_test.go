package workbook

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// xl builds a test workbook with excelize.
type xl struct {
	t      testing.TB
	f      *excelize.File
	sheets int
}

func newXL(t testing.TB) *xl {
	t.Helper()
	return &xl{t: t, f: excelize.NewFile()}
}

// sheet adds a sheet (the first one renames Sheet1) with rows from A1.
// A nil cell is left empty.
func (x *xl) sheet(name string, rows ...[]any) *xl {
	x.t.Helper()
	if x.sheets == 0 {
		if err := x.f.SetSheetName("Sheet1", name); err != nil {
			x.t.Fatal(err)
		}
	} else if _, err := x.f.NewSheet(name); err != nil {
		x.t.Fatal(err)
	}
	x.sheets++
	for i, r := range rows {
		for j, v := range r {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if err := x.f.SetCellValue(name, cell, v); err != nil {
				x.t.Fatal(err)
			}
		}
	}
	return x
}

// raw stores a number cell's value exactly as given (“0.052000000000000005”).
func (x *xl) raw(sheet, cell, value string) *xl {
	x.t.Helper()
	if err := x.f.SetCellDefault(sheet, cell, value); err != nil {
		x.t.Fatal(err)
	}
	return x
}

// format gives a cell a number format: a built-in id or a custom code.
func (x *xl) format(sheet, cell string, nf any) *xl {
	x.t.Helper()
	st := &excelize.Style{}
	switch v := nf.(type) {
	case int:
		st.NumFmt = v
	case string:
		st.CustomNumFmt = &v
	}
	id, err := x.f.NewStyle(st)
	if err != nil {
		x.t.Fatal(err)
	}
	if err := x.f.SetCellStyle(sheet, cell, cell, id); err != nil {
		x.t.Fatal(err)
	}
	return x
}

func (x *xl) formula(sheet, cell, f string) *xl {
	x.t.Helper()
	if err := x.f.SetCellFormula(sheet, cell, f); err != nil {
		x.t.Fatal(err)
	}
	return x
}

func (x *xl) merge(sheet, from, to string) *xl {
	x.t.Helper()
	if err := x.f.MergeCell(sheet, from, to); err != nil {
		x.t.Fatal(err)
	}
	return x
}

// save writes the workbook as name in a temporary directory.
func (x *xl) save(name string) string {
	x.t.Helper()
	p := filepath.Join(x.t.TempDir(), name)
	if err := x.f.SaveAs(p); err != nil {
		x.t.Fatal(err)
	}
	return p
}

func (x *xl) bytes() []byte {
	x.t.Helper()
	buf, err := x.f.WriteToBuffer()
	if err != nil {
		x.t.Fatal(err)
	}
	return buf.Bytes()
}

// open saves and reads the workbook as figures.xlsx, failing on problems.
func (x *xl) open() *Book {
	x.t.Helper()
	b, err := Open(x.save("figures.xlsx"))
	if err != nil {
		x.t.Fatalf("unexpected problems:\n%v", err)
	}
	return b
}

// problems saves and reads the workbook as figures.xlsx and returns the
// lines of its error.
func (x *xl) problems() (*Book, []string) {
	x.t.Helper()
	b, err := Open(x.save("figures.xlsx"))
	return b, lines(x.t, err)
}

// lines returns the problems of err, one line each, checking that err is
// an *Error without an internal failure.
func lines(t testing.TB, err error) []string {
	t.Helper()
	if err == nil {
		t.Fatal("expected problems, got none")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error is %T, not *Error: %v", err, err)
	}
	if e.internal != "" {
		t.Fatalf("internal failure: %s", e.internal)
	}
	return strings.Split(err.Error(), "\n")
}

func sameLines(t testing.TB, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n got:\n\t%s\nwant:\n\t%s", strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// wantNumber checks a value is the number num (exactly, digit for digit
// once trailing zeros are dropped), shown as text.
func wantNumber(t *testing.T, what string, v Value, num string, ratio bool, text string) {
	t.Helper()
	if v.Kind != Number {
		t.Errorf("%s: kind %v, want number (value %+v)", what, v.Kind, v)
		return
	}
	if !v.Num.Equal(dec(num)) || v.Num.String() != num {
		t.Errorf("%s: Num %s, want exactly %s", what, v.Num.String(), num)
	}
	if v.Ratio != ratio {
		t.Errorf("%s: Ratio %v, want %v", what, v.Ratio, ratio)
	}
	if v.String() != text {
		t.Errorf("%s: String() %q, want %q", what, v.String(), text)
	}
}

func metric(t *testing.T, b *Book, name string) *Metric {
	t.Helper()
	m, ok := b.Metric(name)
	if !ok {
		t.Fatalf("no figure %q", name)
	}
	return m
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// patch rewrites one part of an .xlsx package, replacing what matches the
// regular expression re, to write what Excel writes and excelize does not:
// excelize cuts a double to 15 digits where Excel keeps 17
// (“0.052000000000000005”).
func patch(t testing.TB, data []byte, part, re, repl string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	found := false
	for _, f := range zr.File {
		if f.Name != part {
			if err := zw.Copy(f); err != nil {
				t.Fatal(err)
			}
			continue
		}
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		content, _ := io.ReadAll(rc)
		rc.Close()
		rx := regexp.MustCompile(re)
		if !rx.Match(content) {
			t.Fatalf("patch: %s not in %s", re, part)
		}
		found = true
		w, _ := zw.Create(part)
		w.Write(rx.ReplaceAll(content, []byte(repl)))
	}
	if !found {
		t.Fatalf("patch: no part %s", part)
	}
	zw.Close()
	return buf.Bytes()
}
