package mdext

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// flanking returns whether a delimiter run of char c can open and can close
// emphasis. prev is the character before the run, prev2 the one before prev
// (only looked at when prev is a variation selector), next the character
// after the run. Line starts and ends are passed as '\n'.
func flanking(c byte, prev2, prev, next rune) (canOpen, canClose bool) {
	// Classify what precedes the run, looking through a variation selector.
	base := prev
	if isSVS(prev) {
		base = prev2
	}
	beforeSpace := isSpace(prev)
	beforeCJK := isCJK(base) || prev == 0xfe01 && isAmbiguousQuote(prev2) // “︁ is the fullwidth “
	beforePunct := isPunct(base)
	beforeNonCJKPunct := beforePunct && !beforeCJK
	beforeIVS := isIVS(prev)

	afterSpace := isSpace(next)
	afterNonCJKPunct := isNonCJKPunct(next)
	afterCJK := isCJK(next)

	left := !afterSpace &&
		(!afterNonCJKPunct || beforeSpace || beforeNonCJKPunct || beforeCJK || beforeIVS)
	right := !beforeSpace &&
		(!beforeNonCJKPunct || afterSpace || afterNonCJKPunct || afterCJK)

	if c == '_' {
		return left && (!right || beforePunct), right && (!left || isPunct(next))
	}
	return left, right
}

// emphasisProcessor matches * with * and _ with _, like goldmark's own.
type emphasisProcessor struct{}

func (emphasisProcessor) IsDelimiter(b byte) bool { return b == '*' || b == '_' }

func (emphasisProcessor) CanOpenCloser(opener, closer *parser.Delimiter) bool {
	return opener.Char == closer.Char
}

func (emphasisProcessor) OnMatch(consumes int) ast.Node { return ast.NewEmphasis(consumes) }

// emphasisParser is an inline parser for * and _ delimiter runs that decides
// flanking with the CJK-friendly rule. It only scans the run; pairing the
// delimiters into ast.Emphasis nodes is goldmark's own delimiter processing
// (parser.ProcessDelimiters), run at the end of each block and link.
type emphasisParser struct{}

// NewEmphasisParser returns the CJK-friendly inline parser for * and _.
// New registers it ahead of goldmark's emphasis parser, which then never
// sees a * or _. It scans delimiter runs only; pairing them into
// ast.Emphasis nodes is goldmark's own delimiter processing.
//
// CommonMark decides whether a run of * or _ can open or close emphasis from
// the characters on either side of it (the left- and right-flanking
// definitions of CommonMark 0.31 §6.2). Those definitions assume that words
// are separated by spaces: a closing ** after a punctuation character must be
// followed by a space or punctuation, so in
//
//	**（一）提高思想认识，高位推动落实。**积极贯彻
//
// the second ** cannot close and the asterisks stay literal. The amendment
// proposed for commonmark-spec issue 650 (implemented by markdown-it-cjk-friendly
// and others) only counts non-CJK punctuation in those conditions and lets a
// CJK character on the other side stand in for whitespace:
//
//   - left-flanking: not followed by whitespace, and either not followed by a
//     non-CJK punctuation character, or preceded by whitespace, a non-CJK
//     punctuation sequence, a CJK sequence or an ideographic variation selector;
//   - right-flanking: not preceded by whitespace, and either not preceded by a
//     non-CJK punctuation sequence, or followed by whitespace, a non-CJK
//     punctuation character or a CJK character;
//   - a single _ or double __ may open although right-flanking only when it is
//     preceded by a punctuation sequence (CJK or not).
//
// A "sequence" is a character optionally followed by a non-emoji variation
// selector (U+FE00..U+FE0E), so 〇 + U+FE00 before a delimiter counts as 〇;
// an ideographic variation selector (U+E0100..U+E01EF, as in 葛󠄀) counts
// as CJK. A quotation mark ‘ ’ “ ” followed by U+FE01 is the fullwidth
// (CJK) form of that mark. When no CJK character is involved the rule is
// exactly CommonMark's, and so is goldmark's result.
func NewEmphasisParser() parser.InlineParser { return emphasisParser{} }

func (emphasisParser) Trigger() []byte { return []byte{'*', '_'} }

func (emphasisParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, segment := block.PeekLine()
	if len(line) == 0 {
		return nil
	}
	c := line[0]
	n := 1
	for n < len(line) && line[n] == c {
		n++
	}
	next := rune('\n')
	if n < len(line) {
		next, _ = utf8.DecodeRune(line[n:])
	}
	prev := block.PrecendingCharacter()
	prev2 := rune('\n')
	if isSVS(prev) {
		prev2 = runeBeforePrevious(block)
	}
	canOpen, canClose := flanking(c, prev2, prev, next)
	d := parser.NewDelimiter(canOpen, canClose, n, c, emphasisProcessor{})
	d.Segment = segment.WithStop(segment.Start + n)
	block.Advance(n)
	pc.PushDelimiter(d)
	return d
}

// runeBeforePrevious returns the character before the one that
// PrecendingCharacter reports, or '\n' when there is none on this line.
func runeBeforePrevious(block text.Reader) rune {
	src := block.Source()
	_, pos := block.Position()
	i := pos.Start
	for k := 0; k < 2; k++ { // step back over two runes
		i--
		for i > 0 && !utf8.RuneStart(src[i]) {
			i--
		}
		if i < 0 {
			return '\n'
		}
	}
	r, _ := utf8.DecodeRune(src[i:])
	return r
}
