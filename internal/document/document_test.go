package document

import (
	"testing"

	east "github.com/yuin/goldmark/extension/ast"
	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/mdext"
)

func parse(md string) (*Document, []byte) {
	src := []byte(md)
	return &Document{Source: src, Root: mdext.Markdown().Parser().Parse(gtext.NewReader(src))}, src
}

func TestSpans(t *testing.T) {
	cases := []struct {
		md   string
		want []Span
	}{
		{"甲**乙**丙", []Span{{Text: "甲"}, {Text: "乙", Strong: true}, {Text: "丙"}}},
		{`82\.8亿元 \*不是强调\*`, []Span{{Text: "82.8亿元 *不是强调*"}}},
		{"第一行\n第二行", []Span{{Text: "第一行第二行"}}},
		{"one\ntwo", []Span{{Text: "one two"}}},
		{"甲<b>乙</b>", []Span{{Text: "甲"}, {Text: "<b>", Raw: true}, {Text: "乙"}, {Text: "</b>", Raw: true}}},
		{"[链接](http://x)", []Span{{Text: "链接", Link: "http://x"}}},
		{"`代码`", []Span{{Text: "代码", Code: true}}},
		{"见![图一](a.png)。", []Span{{Text: "见"}, {Text: "图一"}, {Text: "。"}}},
		{`&amp; \&amp;`, []Span{{Text: "& &amp;"}}},
	}
	for _, c := range cases {
		d, src := parse(c.md)
		got := Spans(d.Root.FirstChild(), src)
		for i := range got {
			got[i].Image = nil
		}
		if len(got) != len(c.want) {
			t.Errorf("%q: %+v, want %+v", c.md, got, c.want)
			continue
		}
		for i := range got {
			if got[i] != c.want[i] {
				t.Errorf("%q: span %d %+v, want %+v", c.md, i, got[i], c.want[i])
			}
		}
	}
}

func TestColumnAligns(t *testing.T) {
	d, src := parse("| 名称 | 数量 | 比例 | 备注 |\n| --- | --- | --- | :-: |\n| 甲 | 1,234 | 5.2% | 无 |\n| 乙 |  | -3 | 有 |\n")
	table, ok := d.Root.FirstChild().(*east.Table)
	if !ok {
		t.Fatalf("not a table: %T", d.Root.FirstChild())
	}
	got := ColumnAligns(table, src)
	want := []east.Alignment{east.AlignLeft, east.AlignRight, east.AlignRight, east.AlignCenter}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("column %d aligned %v, want %v", i, got[i], want[i])
		}
	}
}
