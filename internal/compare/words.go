package compare

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// interner numbers distinct strings, so that sequences compare as ints.
type interner map[string]int32

func (in interner) ids(ss []string) []int32 {
	out := make([]int32, len(ss))
	for k, s := range ss {
		id, ok := in[s]
		if !ok {
			id = int32(len(in))
			in[s] = id
		}
		out[k] = id
	}
	return out
}

// words is a sentence split into tokens, and the tokens' ids.
type words struct {
	toks []string
	ids  []int32
}

func (in interner) words(s string) words {
	toks := tokens(s)
	return words{toks, in.ids(toks)}
}

// pairWork is the work one word diff may take beyond its share by length:
// enough for any sentence edited rather than rewritten.
const pairWork = 10_000

// wordSpans marks the words of two versions of a sentence that differ,
// taking the work of their diff from *work, at most in proportion to their
// length, so that one long rewritten paragraph does not take all of it.
func wordSpans(o, n words, work *int) (os, ns []Span) {
	ot, nt := o.toks, n.toks
	budget := min(*work, pairWork+64*(len(ot)+len(nt)))
	left := budget
	runs := cleanup(toRuns(align(o.ids, n.ids, &left)), ot, nt)
	*work -= budget - left
	keptO, keptN := make([]bool, len(ot)), make([]bool, len(nt))
	for _, r := range runs {
		for k := 0; k < r.n; k++ {
			keptO[r.i+k], keptN[r.j+k] = true, true
		}
	}
	return spans(ot, keptO), spans(nt, keptN)
}

// spans joins tokens into spans, a new span wherever kept changes; the
// spans are slices of the tokens' text, which follow one another.
func spans(toks []string, kept []bool) []Span {
	var out []Span
	text := strings.Join(toks, "")
	start, at := 0, 0
	for k, t := range toks {
		if k > 0 && kept[k] != kept[k-1] {
			out = append(out, Span{Text: text[start:at], Changed: !kept[k-1]})
			start = at
		}
		at += len(t)
	}
	if len(toks) > 0 {
		out = append(out, Span{Text: text[start:], Changed: !kept[len(toks)-1]})
	}
	return out
}

// run is n matched tokens from old[i] and new[j].
type run struct{ i, j, n int }

func toRuns(ms []match) []run {
	var out []run
	for _, m := range ms {
		if l := len(out) - 1; l >= 0 && out[l].i+out[l].n == m.i && out[l].j+out[l].n == m.j {
			out[l].n++
			continue
		}
		out = append(out, run{m.i, m.j, 1})
	}
	return out
}

// runeCounts is the number of characters before each token (and, last, in
// all of them): co[b]-co[a] is the length of tokens a..b.
func runeCounts(toks []string) []int {
	co := make([]int, len(toks)+1)
	for k, t := range toks {
		co[k+1] = co[k] + utf8.RuneCountInString(t)
	}
	return co
}

// maxCleanupPasses bounds the passes of cleanup over a long line.
const maxCleanupPasses = 8

// cleanup drops the chance matches inside a rewritten phrase — the 增 that
// 保持增长 and 由增转降 share — so that the phrase is marked whole: a run of
// Han characters or Latin words (no digits, no punctuation) between two
// changes of words is dropped when it is no longer than the change on
// either side (the rule of diff-match-patch's semantic cleanup).
func cleanup(runs []run, ot, nt []string) []run {
	co, cn := runeCounts(ot), runeCounts(nt)
	end := run{len(ot), len(nt), 0}
	for pass := 0; pass < maxCleanupPasses; pass++ {
		kept := runs[:0:0]
		prev := run{}
		for k, r := range runs {
			next := end
			if k+1 < len(runs) {
				next = runs[k+1]
			}
			if !wordsOnly(ot[r.i:r.i+r.n]) || !chance(prev, r, next, ot, nt, co, cn) {
				kept = append(kept, r)
				prev = r
			}
		}
		if len(kept) == len(runs) {
			break
		}
		runs = kept
	}
	return runs
}

// chance tells whether r, between prev and next, is short beside the
// changes on both of its sides, and those changes hold words too (a unit
// between two changed numbers, the 月 of 8月12日, stays).
func chance(prev, r, next run, ot, nt []string, co, cn []int) bool {
	size := co[r.i+r.n] - co[r.i]
	before := max(co[r.i]-co[prev.i+prev.n], cn[r.j]-cn[prev.j+prev.n])
	after := max(co[next.i]-co[r.i+r.n], cn[next.j]-cn[r.j+r.n])
	return before > 0 && after > 0 && size <= before && size <= after &&
		hasWord(ot[prev.i+prev.n:r.i], nt[prev.j+prev.n:r.j]) && hasWord(ot[r.i+r.n:next.i], nt[r.j+r.n:next.j])
}

// hasWord tells whether any of the tokens is a word (holds a letter).
func hasWord(a, b []string) bool {
	for _, t := range append(a[:len(a):len(a)], b...) {
		if strings.IndexFunc(t, unicode.IsLetter) >= 0 {
			return true
		}
	}
	return false
}

// wordsOnly tells whether the tokens are all letters: Han characters or
// Latin words.
func wordsOnly(toks []string) bool {
	for _, t := range toks {
		for _, r := range t {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}
