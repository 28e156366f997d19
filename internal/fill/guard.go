package fill

import (
	"strconv"
	"strings"

	"briefing/internal/wording"
)

// guard holds the words a template typed against the figures printed
// beside them (package wording): each contradiction becomes a warning at
// the typed word's line, followed by the warnings its execution recorded.
// The guard of a template whose output is under guardAside bytes runs on a
// goroutine of its own, while the next templates are filled and the report
// is parsed (Warnings waits for it); a larger one runs at once, so that its
// text is not held while the next are filled.
func (f *Filler) guard(rec *recorder, srcs map[string]string) {
	g := guarded{done: make(chan guardResult, 1), warnings: rec.warnings}
	segs, names := f.segments(rec, srcs), f.nameIndex()
	if len(rec.out) >= guardAside {
		g.done <- checkWording(segs, names)
	} else {
		go func() { g.done <- checkWording(segs, names) }()
	}
	f.guarding = append(f.guarding, g)
}

// guardAside is the size of a template's output from which its guard runs
// at once.
const guardAside = 256 << 10

// guarded is a template's guard, running or done.
type guarded struct {
	done     chan guardResult
	warnings Errors // the template's own, after the guard's
}

type guardResult struct {
	warnings Errors
	panicked any
}

// wait waits for the guard and returns its warnings; a guard that
// panicked panics again here, in the caller's goroutine.
func (g guarded) wait() Errors {
	r := <-g.done
	if r.panicked != nil {
		panic(r.panicked)
	}
	return r.warnings
}

// checkWording runs the wording checks on a template's segments.
func checkWording(segs []wording.Segment, names *wording.Names) (r guardResult) {
	defer func() { r.panicked = recover() }()
	for _, w := range wording.CheckNames(segs, names) {
		r.warnings = append(r.warnings, &Error{File: w.File, Line: w.Line, Msg: w.Msg})
	}
	return r
}

// segments are the stretches of a template's output as the guard reads
// them: typed by the template, or printed by an action with its facts.
func (f *Filler) segments(rec *recorder, srcs map[string]string) []wording.Segment {
	segs := make([]wording.Segment, 0, len(rec.spans))
	lines := lineIndex{}
	for _, s := range rec.spans {
		raw := string(rec.out[s.start:s.end])
		line := lines.line(srcs, s.at.file, int(s.at.pos))
		seg := wording.Segment{Text: readable(raw), Typed: s.text, File: s.at.file, Line: line,
			Quiet: strings.ContainsRune(raw, quietMark)}
		for _, ft := range s.facts {
			seg.Facts = append(seg.Facts, ft.wording())
		}
		segs = append(segs, seg)
	}
	return segs
}

// readable is printed Markdown as it reads: without marks, backslash
// escapes and the character references of escaped spaces.
func readable(s string) string {
	s = unmark(s)
	if !strings.ContainsAny(s, "\\&") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && s[i+1] < 0x80 && isASCIIPunct(s[i+1]):
			continue
		case c == '&' && strings.HasPrefix(s[i:], "&#"):
			if j := strings.IndexByte(s[i:], ';'); j > 2 {
				if n, err := strconv.Atoi(s[i+2 : i+j]); err == nil {
					b.WriteRune(rune(n))
					i += j
					continue
				}
			}
		}
		b.WriteByte(c)
	}
	return b.String()
}

func isASCIIPunct(c byte) bool {
	return strings.IndexByte("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", c) >= 0
}

// names are the facts of every figure of the workbook, by name, for the
// guard to check a heading or a clause that names a figure it does not
// print.
// nameIndex is names indexed for the wording checks, made once.
func (f *Filler) nameIndex() *wording.Names {
	if f.nameIdx == nil {
		f.nameIdx = wording.NewNames(f.names())
	}
	return f.nameIdx
}

func (f *Filler) names() map[string]wording.Fact {
	if f.nameFacts != nil {
		return f.nameFacts
	}
	f.nameFacts = map[string]wording.Fact{}
	for _, m := range f.book.Metrics {
		if v, err := f.viewQuiet(m.Name); err == nil {
			f.nameFacts[m.Name] = f.factOf(v).wording()
		}
	}
	return f.nameFacts
}

// viewQuiet is the view of a figure, without marking it used.
func (f *Filler) viewQuiet(name string) (*view, error) {
	m, ok := f.book.Metric(name)
	if !ok {
		return nil, errNoFigure
	}
	v := &view{m: m, value: m.Value, rate: m.Growth}
	if v.rate.IsEmpty() && isRateFigure(m) {
		v.rate = m.Value
	}
	return v, nil
}

// wording is the fact as package wording takes it.
func (ft fact) wording() wording.Fact {
	return wording.Fact{Name: ft.name, Level: ft.level.wording(), Change: ft.change.wording(),
		Widen: ft.widen.wording(), PrevLevel: ft.prevLevel.wording(), Count: ft.count,
		Where: ft.where, Reads: ft.reads}
}

func (s sign) wording() wording.Sign {
	switch s {
	case negative:
		return wording.Minus
	case zero:
		return wording.Zero
	case positive:
		return wording.Plus
	}
	return wording.Unknown
}
