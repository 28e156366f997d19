package wording

import (
	"regexp"
	"strings"
)

// action matches {{printed|facts}} in the test notation.
var action = regexp.MustCompile(`\{\{(.*?)\}\}`)

// segments builds the segments of src, a filled template of file t.md in
// a notation: typed text, with {{printed|fact;fact}} for a printed segment
// (see fact) and {{不检查}} for a Quiet one. Lines count from 1.
func segments(src string) []Segment {
	var segs []Segment
	line, last := 1, 0
	add := func(s Segment) {
		s.File, s.Line = "t.md", line
		segs = append(segs, s)
		line += strings.Count(s.Text, "\n")
	}
	for _, m := range action.FindAllStringSubmatchIndex(src, -1) {
		if m[0] > last {
			add(Segment{Text: src[last:m[0]], Typed: true})
		}
		add(printedSeg(src[m[2]:m[3]]))
		last = m[1]
	}
	if last < len(src) {
		add(Segment{Text: src[last:], Typed: true})
	}
	return segs
}

// printedSeg parses printed|facts.
func printedSeg(a string) Segment {
	if a == "不检查" {
		return Segment{Quiet: true}
	}
	text, spec, _ := strings.Cut(a, "|")
	s := Segment{Text: text}
	for _, f := range strings.Split(spec, ";") {
		if f != "" {
			s.Facts = append(s.Facts, fact(f))
		}
	}
	return s
}

// fact parses "名称 L- C+ W- P+ N @单元格": the name, the signs of Level,
// Change, Widen and PrevLevel, Count, and Where (default 指标!B2).
func fact(spec string) Fact {
	f := Fact{Where: "指标!B2"}
	for _, tok := range strings.Fields(spec) {
		switch {
		case tok == "N":
			f.Count = true
		case tok[0] == '@':
			f.Where = tok[1:]
		case len(tok) == 2 && strings.ContainsRune("LCWP", rune(tok[0])):
			*signOf(&f, tok[0]) = signs[tok[1]]
		default:
			f.Name = tok
		}
	}
	return f
}

var signs = map[byte]Sign{'-': Minus, '0': Zero, '+': Plus}

// signOf returns the field of f that the letter names.
func signOf(f *Fact, letter byte) *Sign {
	return map[byte]*Sign{'L': &f.Level, 'C': &f.Change, 'W': &f.Widen, 'P': &f.PrevLevel}[letter]
}

// namesOf builds a names map from facts in the notation of fact.
func namesOf(specs ...string) map[string]Fact {
	m := map[string]Fact{}
	for _, s := range specs {
		f := fact(s)
		m[f.Name] = f
	}
	return m
}
