package compare

import (
	"bytes"
	"encoding/json"

	"briefing/internal/workbook"
)

// The JSON form of a Result, for scripts (briefing diff -json):
//
//	{"changed": true,
//	 "summary": {"figures": 2, "changed": 1, "added": 0, "removed": 0, "same": 30},
//	 "figures": [{"op": "changed", "where": "指标", "name": "规上工业增加值", "field": "增速",
//	              "old": "-0.5%", "new": "1.2%", "old_ref": "指标!F4", "new_ref": "指标!F4"}],
//	 "sentences": [{"op": "changed", "old_line": 5, "new_line": 5,
//	                "old": [{"text": "同比", "changed": false}, {"text": "下降0.5%", "changed": true}],
//	                "new": […]}]}
//
// A cell is sheet!cell without the file; refs and lines are left out on
// the side a figure or sentence is absent from.

// MarshalText writes the op as same, changed, added or removed.
func (o Op) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// MarshalJSON writes the Result with its Changed and Summary.
func (r *Result) MarshalJSON() ([]byte, error) {
	type out struct {
		Changed   bool             `json:"changed"`
		Summary   Summary          `json:"summary"`
		Figures   []FigureChange   `json:"figures"`
		Sentences []SentenceChange `json:"sentences"`
	}
	o := out{r.Changed(), r.Summary(), r.Figures, r.Sentences}
	if o.Figures == nil {
		o.Figures = []FigureChange{}
	}
	if o.Sentences == nil {
		o.Sentences = []SentenceChange{}
	}
	return marshal(o)
}

// MarshalJSON writes a figure change with its cells as sheet!cell.
func (f FigureChange) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Op     Op     `json:"op"`
		Where  string `json:"where"`
		Name   string `json:"name"`
		Field  string `json:"field"`
		Old    string `json:"old"`
		New    string `json:"new"`
		OldRef string `json:"old_ref,omitempty"`
		NewRef string `json:"new_ref,omitempty"`
	}{f.Op, f.Where, f.Name, f.Field, f.Old, f.New, refText(f.OldRef), refText(f.NewRef)})
}

// MarshalJSON writes a sentence change; a side without the sentence is
// left out.
func (c SentenceChange) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Op      Op     `json:"op"`
		OldLine int    `json:"old_line,omitempty"`
		NewLine int    `json:"new_line,omitempty"`
		Old     []Span `json:"old,omitempty"`
		New     []Span `json:"new,omitempty"`
	}{c.Op, c.OldLine, c.NewLine, c.Old, c.New})
}

// MarshalJSON writes a span as {"text": …, "changed": …}.
func (s Span) MarshalJSON() ([]byte, error) {
	return marshal(struct {
		Text    string `json:"text"`
		Changed bool   `json:"changed"`
	}{s.Text, s.Changed})
}

func refText(r workbook.Ref) string {
	switch {
	case r.Sheet == "":
		return ""
	case r.Cell == "":
		return r.Sheet
	}
	return r.Sheet + "!" + r.Cell
}

// marshal is json.Marshal without escaping <, > and & (the text of a
// report is not HTML here).
func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}
