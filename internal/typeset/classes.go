package typeset

import "unicode"

// Character classes for line breaking and punctuation adjustment, from
// clreq at the strict level and GB/T 15834-2011 (see
// /work/shared/spec/typography-rules.md, §2–§5).
const (
	cSpace     uint16 = 1 << iota // breakable blank: U+0020, U+3000, tab
	cNoStart                      // must not start a line (行首禁则)
	cNoEnd                        // must not end a line (行尾禁则)
	cSqR                          // mark with its blank on the right (，。）” …): may lose its right half
	cSqL                          // mark with its blank on the left (（《“ …): may lose its left half
	cPunct                        // punctuation (Unicode P*)
	cDash                         // —, a half of ——
	cEllipsis                     // …, a half of ……
	cDigit                        // 0–9, ０–９
	cNumSep                       // . , ． inside a number
	cLatin                        // A–Z, a–z
	cHan                          // ideograph
	cUnit                         // 年 月 元 亿 …: a measure word after a number
	cHyphen                       // '-': a minus sign when a digit follows
	cQuote                        // “ ” ‘ ’, which UAX #14 LB19 binds to both neighbours
	cConnector                    // － ～ - – —: between two numbers, a range
)

const (
	noStartChars = "、，。．：；？！,.:;?!∶﹐﹑﹒﹔﹕﹖﹗‼⁇⁈⁉" +
		"”’）》〉」』】〕〗〙〛］｝)]}»›〞｠︶︸︺︼︾﹀﹂﹄﹚﹜﹞" +
		"～〜–－" + "·・‧" + "/／" + "%％‰‱℃℉°′″¢￠" + "々〃ゝゞヽヾ" +
		"⸺⸻‥" + "—―─" + "…⋯"
	noEndChars = "“‘（《〈「『【〔〖〘〚［｛([{«‹〝｟︵︷︹︻︽︿﹁﹃﹙﹛﹝" +
		"￥＄￡$£¥€＃#№" + "/／" + "·・‧"
	sqRChars  = "，。、；：．）》〉」』】〕〗〙〛］｝”’"
	sqLChars  = "（《〈「『【〔〖〘〚［｛“‘"
	dashChars = "—―─⸺⸻"
	ellipses  = "…⋯‥"
	unitChars = "年月日时分秒亿万千百元角个件项家人名次台套辆吨米克度倍岁天周位条所座户册页号期届批亩斤升"
)

// Class tables: U+0000–U+33FF (Latin-1, general punctuation,
// CJK symbols and punctuation), then U+FE00–U+FFFF (small, vertical and
// full-width forms), the 年月日 … measure words among the ideographs, and a
// map for the rest.
var (
	lowClass   [0x3400]uint16
	formClass  [0x200]uint16
	unitBits   [(0xA000 - 0x4E00 + 31) / 32]uint32
	classTable = map[rune]uint16{}
)

func init() {
	set := func(r rune, c uint16) {
		switch {
		case r < 0x3400:
			lowClass[r] |= c
		case r >= 0xFE00 && r <= 0xFFFF:
			formClass[r-0xFE00] |= c
		default:
			classTable[r] |= c
		}
	}
	add := func(s string, c uint16) {
		for _, r := range s {
			set(r, c)
		}
	}
	eachPunct(0, 0x33FF, func(r rune) { lowClass[r] |= cPunct })
	eachPunct(0xFE00, 0xFFFF, func(r rune) { formClass[r-0xFE00] |= cPunct })
	for r := rune('0'); r <= '9'; r++ {
		lowClass[r] |= cDigit
	}
	for r := rune('A'); r <= 'Z'; r++ {
		lowClass[r] |= cLatin
		lowClass[r+'a'-'A'] |= cLatin
	}
	for r := '０'; r <= '９'; r++ {
		set(r, cDigit)
	}
	add(" \t\u3000", cSpace)
	add("-", cHyphen)
	add(".,．", cNumSep)
	add(noStartChars, cNoStart)
	add(noEndChars, cNoEnd)
	add(sqRChars, cSqR)
	add(sqLChars, cSqL)
	add(dashChars, cDash)
	add(ellipses, cEllipsis)
	add("“”‘’", cQuote)
	add("－～~〜-–—", cConnector)
	for _, r := range unitChars {
		unitBits[(r-0x4E00)/32] |= 1 << ((r - 0x4E00) % 32)
	}
}

// eachPunct calls fn with each punctuation character (unicode.IsPunct)
// from lo to hi, walking the ranges of the table (asking IsPunct of each of
// the 14,000 characters took a quarter of a millisecond of every start).
func eachPunct(lo, hi rune, fn func(rune)) {
	each := func(from, to, stride rune) {
		for r := from; r <= to && r <= hi; r += stride {
			if r >= lo {
				fn(r)
			}
		}
	}
	for _, g := range unicode.Punct.R16 {
		each(rune(g.Lo), rune(g.Hi), rune(g.Stride))
	}
	for _, g := range unicode.Punct.R32 {
		each(rune(g.Lo), rune(g.Hi), rune(g.Stride))
	}
}

func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF ||
		r >= 0x20000 && r <= 0x3134F || r >= 0xF900 && r <= 0xFAFF
}

// class returns the class bits of r.
func class(r rune) uint16 {
	switch {
	case r < 0:
		return 0
	case r < 0x3400:
		return lowClass[r]
	case r >= 0x4E00 && r <= 0x9FFF:
		if unitBits[(r-0x4E00)/32]&(1<<((r-0x4E00)%32)) != 0 {
			return cHan | cUnit
		}
		return cHan
	case r >= 0xFE00 && r <= 0xFFFF:
		return formClass[r-0xFE00]
	case isHan(r):
		return cHan
	}
	if c, ok := classTable[r]; ok {
		return c
	}
	if unicode.IsPunct(r) {
		return cPunct
	}
	return 0
}

// Penalties for a break, added to the cost of the line it ends. A break
// that the rules forbid is still possible, at a cost no other choice
// reaches, so that text nothing else can break (a 60-letter word, a number
// longer than a line) still gets set.
const (
	penNumberUnit = 60    // 82.8|亿元: allowed, but a pity
	penLatinWord  = 2e4   // inside a Latin word: soft violation
	penUAX        = 5e4   // other breaks UAX #14 forbids
	penForbidden  = 1e5   // kinsoku, inside ——, ……, or a number
	penNever      = 1e300 // inside a grapheme cluster
	penMust       = -1    // mandatory break (newline)
)

// Raw UAX #14 decisions, before the Chinese rules refine them.
const (
	rawNone = iota // inside a grapheme cluster
	rawDont        // UAX #14: no break
	rawCan         // UAX #14: break opportunity
	rawMust        // UAX #14: mandatory break
)

// breakPen refines UAX #14's decision raw for the boundary between glyphs a
// and b (p and n are the glyphs before a and after b, 0 if none) with the
// strict Chinese rules.
func breakPen(raw int, pa, a, b, nb rune) float64 {
	switch raw {
	case rawNone:
		return penNever
	case rawMust:
		return penMust
	}
	ca, cb := class(a), class(b)
	allowed := raw == rawCan
	if !allowed && (ca|cb)&cQuote != 0 {
		// UAX #14 (Unicode 15.0, LB19) keeps “ ” next to anything; Chinese
		// breaks around them like around brackets (the rules below).
		allowed = true
	}
	switch {
	case cb&cNoStart != 0 && !(cb&cHyphen != 0 && class(nb)&cDigit != 0):
		return penForbidden
	case cb&cHyphen != 0 && class(nb)&cDigit == 0:
		return penForbidden // a hyphen, not a minus sign
	case ca&cNoEnd != 0:
		return penForbidden
	case ca&cDash != 0 && cb&cDash != 0, ca&cEllipsis != 0 && cb&cEllipsis != 0:
		return penForbidden
	case numberLeft(pa, a) && numberRight(b, nb):
		return penForbidden
	case ca&cConnector != 0 && class(pa)&cDigit != 0 && cb&cDigit != 0:
		return penForbidden // a range: 1－11月
	}
	if !allowed {
		if ca&(cLatin|cDigit) != 0 && cb&(cLatin|cDigit) != 0 {
			return penLatinWord
		}
		return penUAX
	}
	if ca&cDigit != 0 && cb&cUnit != 0 {
		return penNumberUnit
	}
	return 0
}

// numberLeft reports whether a line ending in p a would end in a number
// (digits, perhaps followed by a decimal point or group separator).
func numberLeft(p, a rune) bool {
	ca := class(a)
	return ca&cDigit != 0 || ca&cNumSep != 0 && class(p)&cDigit != 0
}

// numberRight reports whether a line starting with b n would start with a
// number's digits or with its separator and digits.
func numberRight(b, n rune) bool {
	cb := class(b)
	return cb&cDigit != 0 || cb&cNumSep != 0 && class(n)&cDigit != 0
}
