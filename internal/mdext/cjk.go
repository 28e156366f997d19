package mdext

import (
	"unicode"

	"github.com/yuin/goldmark/util"
)

// cjkTable holds the CJK characters of the CJK-friendly emphasis amendment
// (markdown-cjk-friendly, after commonmark-spec issue 650): code points whose
// East Asian Width is W, F or H and that are not default emoji presentation
// characters, plus the Hangul script. Unassigned code points in the
// ideographic planes count as W, as UAX #11 says. Snapshot of Unicode 16.
var cjkTable = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x11ff, Stride: 1}, // Hangul Jamo
		{Lo: 0x20a9, Hi: 0x20a9, Stride: 1}, // ₩ (halfwidth)
		{Lo: 0x2329, Hi: 0x232a, Stride: 1}, // 〈 〉
		{Lo: 0x2630, Hi: 0x2637, Stride: 1}, // trigrams ☰…☷
		{Lo: 0x268a, Hi: 0x268f, Stride: 1}, // digrams
		{Lo: 0x2e80, Hi: 0x2e99, Stride: 1}, // CJK radicals supplement
		{Lo: 0x2e9b, Hi: 0x2ef3, Stride: 1},
		{Lo: 0x2f00, Hi: 0x2fd5, Stride: 1}, // Kangxi radicals
		{Lo: 0x2ff0, Hi: 0x303e, Stride: 1}, // description characters, CJK symbols and punctuation 、。〈〉《》「」【】〔〕
		{Lo: 0x3041, Hi: 0x3096, Stride: 1}, // Hiragana
		{Lo: 0x3099, Hi: 0x30ff, Stride: 1}, // Katakana
		{Lo: 0x3105, Hi: 0x312f, Stride: 1}, // Bopomofo
		{Lo: 0x3131, Hi: 0x318e, Stride: 1}, // Hangul compatibility Jamo
		{Lo: 0x3190, Hi: 0x31e5, Stride: 1}, // Kanbun, Bopomofo ext., strokes
		{Lo: 0x31ef, Hi: 0x321e, Stride: 1},
		{Lo: 0x3220, Hi: 0x3247, Stride: 1}, // parenthesized ideographs ㈠…
		{Lo: 0x3250, Hi: 0xa48c, Stride: 1}, // enclosed CJK, CJK ext. A, CJK unified ideographs, Yi
		{Lo: 0xa490, Hi: 0xa4c6, Stride: 1}, // Yi radicals
		{Lo: 0xa960, Hi: 0xa97c, Stride: 1}, // Hangul Jamo ext. A
		{Lo: 0xac00, Hi: 0xd7a3, Stride: 1}, // Hangul syllables
		{Lo: 0xd7b0, Hi: 0xd7c6, Stride: 1}, // Hangul Jamo ext. B
		{Lo: 0xd7cb, Hi: 0xd7fb, Stride: 1},
		{Lo: 0xf900, Hi: 0xfaff, Stride: 1}, // CJK compatibility ideographs
		{Lo: 0xfe10, Hi: 0xfe19, Stride: 1}, // vertical forms
		{Lo: 0xfe30, Hi: 0xfe52, Stride: 1}, // CJK compatibility forms, small forms
		{Lo: 0xfe54, Hi: 0xfe66, Stride: 1},
		{Lo: 0xfe68, Hi: 0xfe6b, Stride: 1},
		{Lo: 0xff01, Hi: 0xffbe, Stride: 1}, // fullwidth ASCII （），：；！？ and halfwidth Katakana
		{Lo: 0xffc2, Hi: 0xffc7, Stride: 1}, // halfwidth Hangul
		{Lo: 0xffca, Hi: 0xffcf, Stride: 1},
		{Lo: 0xffd2, Hi: 0xffd7, Stride: 1},
		{Lo: 0xffda, Hi: 0xffdc, Stride: 1},
		{Lo: 0xffe0, Hi: 0xffe6, Stride: 1}, // fullwidth ￠￡￥…
		{Lo: 0xffe8, Hi: 0xffee, Stride: 1}, // halfwidth forms
	},
	R32: []unicode.Range32{
		{Lo: 0x16fe0, Hi: 0x16fe4, Stride: 1}, // ideographic symbols
		{Lo: 0x16ff0, Hi: 0x16ff6, Stride: 1},
		{Lo: 0x17000, Hi: 0x18cd5, Stride: 1}, // Tangut, Khitan
		{Lo: 0x18cff, Hi: 0x18d1e, Stride: 1},
		{Lo: 0x18d80, Hi: 0x18df2, Stride: 1},
		{Lo: 0x1aff0, Hi: 0x1aff3, Stride: 1}, // Kana ext. B
		{Lo: 0x1aff5, Hi: 0x1affb, Stride: 1},
		{Lo: 0x1affd, Hi: 0x1affe, Stride: 1},
		{Lo: 0x1b000, Hi: 0x1b122, Stride: 1}, // Kana supplement, ext. A
		{Lo: 0x1b132, Hi: 0x1b132, Stride: 1},
		{Lo: 0x1b150, Hi: 0x1b152, Stride: 1}, // small Kana ext.
		{Lo: 0x1b155, Hi: 0x1b155, Stride: 1},
		{Lo: 0x1b164, Hi: 0x1b167, Stride: 1},
		{Lo: 0x1b170, Hi: 0x1b2fb, Stride: 1}, // Nushu
		{Lo: 0x1d300, Hi: 0x1d356, Stride: 1}, // Tai Xuan Jing symbols
		{Lo: 0x1d360, Hi: 0x1d376, Stride: 1}, // counting rods
		{Lo: 0x1f200, Hi: 0x1f200, Stride: 1}, // enclosed ideographic supplement, less emoji
		{Lo: 0x1f202, Hi: 0x1f202, Stride: 1},
		{Lo: 0x1f210, Hi: 0x1f219, Stride: 1},
		{Lo: 0x1f21b, Hi: 0x1f22e, Stride: 1},
		{Lo: 0x1f230, Hi: 0x1f231, Stride: 1},
		{Lo: 0x1f237, Hi: 0x1f237, Stride: 1},
		{Lo: 0x1f23b, Hi: 0x1f23b, Stride: 1},
		{Lo: 0x1f240, Hi: 0x1f248, Stride: 1},
		{Lo: 0x1f260, Hi: 0x1f265, Stride: 1},
		{Lo: 0x20000, Hi: 0x3fffd, Stride: 1}, // CJK ext. B and later, planes 2 and 3
	},
}

// isCJK reports whether r is a CJK character in the sense of the
// CJK-friendly emphasis rule.
func isCJK(r rune) bool {
	if r < 0x1100 {
		return false
	}
	return unicode.Is(cjkTable, r)
}

// isSVS reports whether r is a non-emoji general-use variation selector
// (U+FE00..U+FE0E; U+FE0F selects emoji presentation and is excluded).
func isSVS(r rune) bool { return r >= 0xfe00 && r <= 0xfe0e }

// isIVS reports whether r is an ideographic variation selector
// (Variation Selectors Supplement, U+E0100..U+E01EF).
func isIVS(r rune) bool { return r >= 0xe0100 && r <= 0xe01ef }

// isSpace and isPunct are goldmark's own classes, so that text without CJK
// is classified exactly as goldmark's emphasis parser classifies it.
func isSpace(r rune) bool { return util.IsSpaceRune(r) }
func isPunct(r rune) bool { return util.IsPunctRune(r) }

// isNonCJKPunct reports whether r is a Unicode punctuation character that
// is not a CJK character: ASCII punctuation, “ ” ‘ ’ — … and the like.
func isNonCJKPunct(r rune) bool { return isPunct(r) && !isCJK(r) }

// isAmbiguousQuote reports whether r is one of the quotation marks that a
// following U+FE01 turns into its fullwidth (CJK) form.
func isAmbiguousQuote(r rune) bool {
	return r == '‘' || r == '’' || r == '“' || r == '”'
}
