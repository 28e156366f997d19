package workbook

import (
	"strings"
	"testing"
)

// A ratio typed every way a clerk types one reads as its parts, written
// back with ASCII colons and the parts as typed.
func TestParseProportion(t *testing.T) {
	for in, want := range map[string]string{
		"2.02:1":         "2.02|1",
		"1.2:75.1:23.7":  "1.2|75.1|23.7",
		"1.9：75.1：23.7":  "1.9|75.1|23.7",
		" 2.02 : 1 ":     "2.02|1",
		"1∶2":            "1|2",
		"１．２：３":          "1.2|3",
		"1.0:0":          "1.0|0",
		"8:30":           "8|30",
		"0.5:1:2:3:4":    "0.5|1|2|3|4",
		"100:0.25":       "100|0.25",
		"1234567890:1":   "1234567890|1",
		"1 : 2 : 3 : 4":  "1|2|3|4",
		"0:0":            "0|0",
		"10.25:7.5:3.75": "10.25|7.5|3.75",
	} {
		got, ok := parseProportion(in)
		if !ok || strings.Join(got, "|") != want {
			t.Errorf("parseProportion(%q) = %q, %v; want %s", in, got, ok, want)
		}
	}
	for _, bad := range []string{
		"", "1", "1:", ":1", "1::2", "-1:2", "+1:2", "1:-2", "1:2a", "1,000:1",
		"8:05", "08:30", "1.:2", ".5:1", "1:2%", "比例1:2", "1:2万", "2022-12-05 08:30",
		"1:2:3.4.5", "1234567890123456:1", "1/2", "1比2", "a:b",
	} {
		if got, ok := parseProportion(bad); ok {
			t.Errorf("parseProportion(%q) accepted: %q", bad, got)
		}
	}
}

func TestProportionValue(t *testing.T) {
	v := ProportionOf("1.9：75.1：23.7")
	if v.Kind != Proportion || v.String() != "1.9:75.1:23.7" || len(v.Parts) != 3 {
		t.Fatalf("ProportionOf: %+v", v)
	}
	wantNumber(t, "part 2", v.Parts[1], "75.1", false, "75.1")
	wantNumber(t, "part 1.0", ProportionOf("1.0:2").Parts[0], "1", false, "1.0")
	if Proportion.String() != "比例" {
		t.Errorf("Kind: %s", Proportion)
	}
	// Built by hand without Text, it writes its parts.
	hand := Value{Kind: Proportion, Parts: []Value{NumberOf("2.02"), NumberOf("1")}}
	if hand.String() != "2.02:1" || hand.IsNumber() || hand.IsZero() || hand.IsEmpty() || hand.Places() != 0 {
		t.Errorf("hand-built ratio: %q", hand.String())
	}
	if _, ok := hand.Decimal(); ok {
		t.Error("a ratio is not one number")
	}
	defer func() {
		if recover() == nil {
			t.Error("ProportionOf(\"1:\") did not panic")
		}
	}()
	ProportionOf("1:")
}

// In tables and the report sheet a ratio-looking text reads as a ratio,
// and a time typed as text writes back as typed either way.
func TestProportionInTablesAndInfo(t *testing.T) {
	b := newXL(t).sheet("结构",
		[]any{"年份", "三次产业比例", "时间", "比值（%）"},
		[]any{"2022", "1.9：75.1：23.7", "8:30", "2.02:1"},
		[]any{"2021", "2.0 : 74.0 : 24.0", "08:30", nil},
		[]any{"2020", "约2:1", "8:05", "1:1"},
	).sheet(InfoSheet, []any{"城乡收入比", "2.02:1"}, []any{"县名", "鹤岭"}).
		sheet("时刻", []any{"项目", "时刻"}, []any{"开会", nil}).
		format("时刻", "B2", "h:mm").raw("时刻", "B2", "0.3541666666666667").open()
	tb, _ := b.Table("结构")
	for _, c := range []struct {
		row      int
		col      string
		kind     Kind
		text     string
		numParts int
	}{
		{0, "三次产业比例", Proportion, "1.9:75.1:23.7", 3},
		{1, "三次产业比例", Proportion, "2.0:74.0:24.0", 3},
		{2, "三次产业比例", Text, "约2:1", 0},
		{0, "时间", Proportion, "8:30", 2},
		{1, "时间", Text, "08:30", 0},
		{2, "时间", Text, "8:05", 0},
		{0, "比值", Proportion, "2.02:1", 2}, // the unit in the header does not apply
		{2, "比值", Proportion, "1:1", 2},
	} {
		v := mustGet(t, tb.Rows[c.row], c.col)
		if v.Kind != c.kind || v.String() != c.text || len(v.Parts) != c.numParts {
			t.Errorf("row %d %s: %v %q %d parts, want %v %q %d", c.row, c.col, v.Kind, v.String(), len(v.Parts), c.kind, c.text, c.numParts)
		}
	}
	if p := mustGet(t, tb.Rows[0], "三次产业比例").Parts[2]; p.Ref.Cell != "B2" || p.String() != "23.7" {
		t.Errorf("part: %+v", p)
	}
	if v := mustInfo(t, b, "城乡收入比"); v.Kind != Proportion || v.String() != "2.02:1" {
		t.Errorf("info: %+v", v)
	}
	// A time cell (a number formatted h:mm) stays the text of a time.
	tm, _ := b.Table("时刻")
	if v := mustGet(t, tm.Rows[0], "时刻"); v.Kind != Text || v.String() != "8:30" {
		t.Errorf("time cell: %v %q", v.Kind, v.String())
	}
}
