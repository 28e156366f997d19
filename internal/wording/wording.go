package wording

// Sign is the sign of a quantity: Minus, Zero or Plus. Its zero value is
// Unknown, so that a zero Fact claims nothing about any sign.
type Sign int8

// The signs. Unknown is the zero value; SignOf converts -1, 0 and +1.
const (
	Unknown Sign = iota
	Minus
	Zero
	Plus
)

// SignOf returns the Sign of n: Minus below zero, Zero, Plus above. It
// takes the result of decimal.Decimal.Sign or cmp.Compare.
func SignOf(n int) Sign {
	switch {
	case n < 0:
		return Minus
	case n > 0:
		return Plus
	}
	return Zero
}

// String returns -, 0, + or ?.
func (s Sign) String() string {
	if s < Unknown || s > Plus {
		return "?"
	}
	return [...]string{"?", "-", "0", "+"}[s]
}

// Fact is what the filler knows about a figure printed in the report. Its
// zero value knows nothing.
type Fact struct {
	Name      string // the indicator, e.g. 规上工业增加值 (may be "")
	Level     Sign   // sign of its growth: the published rate, or the value against the same period last year
	Change    Sign   // sign of (rate − previous period's rate): 回升 +, 回落 −
	Widen     Sign   // sign of (|rate| − |previous rate|): 扩大 +, 收窄 −
	PrevLevel Sign   // sign of the previous period's rate (for 由负转正 / 由正转负)
	Count     bool   // the figure counts items (家, 个, 项, 户, 条): a 0 reads wrong
	Where     string // the cell(s) it came from, e.g. 指标!D5
	Reads     string // how the figure reads, for messages, e.g. 同比下降0.5%
}

// Segment is a piece of a filled template, in order.
type Segment struct {
	Text  string // as it reads in the filled Markdown (may contain newlines and Markdown: "## " headings, "**")
	Typed bool   // written by the template's own text; false: printed by a {{ }} action
	File  string // the template file
	Line  int    // the template line where Text starts
	Facts []Fact // for printed segments: the figures it came from (may be several)
	Quiet bool   // printed by {{不检查}}: the sentence containing it is not checked
}

// Warning is one contradiction.
type Warning struct {
	File     string
	Line     int    // the line of the typed word
	Word     string // the typed word, e.g. 增长较快
	Sentence string // the sentence (or heading) as it reads, Markdown marks removed, trimmed
	Fact     Fact   // the figure it contradicts
	Msg      string // the whole message in Chinese; the caller prefixes "File 第N行："
}

// Check returns the contradictions in segs, the whole filled text of one
// template file, in the order of the text. names maps indicator names to
// the facts of their own figures, for a heading or a clause that names an
// indicator without printing it; it may be nil.
func Check(segs []Segment, names map[string]Fact) []Warning {
	return CheckNames(segs, NewNames(names))
}

// Names is an index of indicator names, for the Check of every template
// filled from one workbook: indexing the names took a fifth of a check.
type Names struct{ x *names }

// NewNames indexes names (see Check).
func NewNames(names map[string]Fact) *Names { return &Names{newNames(names)} }

// CheckNames is Check with the names indexed by NewNames. The index is
// only read: several CheckNames may share it at once.
func CheckNames(segs []Segment, names *Names) []Warning {
	t := flatten(segs)
	x := names.x
	ss := t.sentences()
	var ws []Warning
	for i, s := range ss {
		if t.quiet(s.span) {
			continue
		}
		ws = append(ws, t.checkSentence(s, t.scope(ss, i, x))...)
	}
	return ws
}
