package wording

import (
	"fmt"
	"strings"
)

// The hints that end messages.
const (
	zeroHint  = "差为0时应写“与……持平”：用 {{对比 …}} 让措辞随数据变化"
	countHint = "数目为0时这句话读不通：用 {{if}} 在没有时改写这句"
)

// warning words finding f of sentence s.
func (t *text) warning(s sentence, f finding) Warning {
	w := Warning{
		File:     t.segs[f.seg].File,
		Line:     f.line,
		Word:     f.word,
		Sentence: t.say(s),
		Fact:     f.fact,
	}
	reads := f.fact.Reads
	if reads == "" {
		reads = f.reads
	}
	w.Msg = fmt.Sprintf("“%s”与数据不符：%s%s%s。句子：“%s”。%s",
		w.Word, w.Fact.Name, reads, paren(w.Fact.Where), shorten(w.Sentence, w.Word), f.hint)
	return w
}

// say returns sentence s as it reads: trimmed, without a heading's end mark.
func (t *text) say(s sentence) string {
	return strings.TrimRight(strings.TrimSpace(string(t.runes(s.span))), "。；！？!?; 　")
}

// paren returns s in full-width brackets, or nothing for nothing.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return "（" + s + "）"
}

// shorten cuts sentence s to about 60 characters around word.
func shorten(s, word string) string {
	const long = 60
	rs := []rune(s)
	if len(rs) <= long {
		return s
	}
	at := len([]rune(s[:max(strings.Index(s, word), 0)]))
	from := min(max(at-long/2, 0), len(rs)-long)
	out := string(rs[from : from+long])
	if from > 0 {
		out = "……" + out
	}
	if from+long < len(rs) {
		out += "……"
	}
	return out
}

// claimHint tells how to write a sentence whose claim c fact f contradicts.
func claimHint(c claim, f Fact) string {
	fns := "同比、增长"
	if !c.levelWrong(f) {
		fns = "增幅变化、环比"
	}
	return fmt.Sprintf("请用 %s 等函数让措辞随数据变化，或改写为不带方向的说法（如“%s增速为……”），确属原意时在句中加 {{不检查}}",
		fns, trimGrowth(f.Name))
}

// negHint tells how to write a negative number that word h comes before.
func negHint(h hit, f Fact, printed string) string {
	fn := fmt.Sprintf("{{增长 %q}}", or(f.Name, "指标"))
	if h.kind == versus {
		fn = "{{对比 …}}"
	}
	if h.opp == "" {
		return fmt.Sprintf("负数前不要写“%s”：用 %s 让措辞随正负变化", h.word, fn)
	}
	abs := strings.TrimLeft(printed, "-−－ ")
	return fmt.Sprintf("负数前不要写“%s”：用 %s 写出“%s%s”", h.word, fn, h.opp, abs)
}

// or returns s, or def when s is empty.
func or(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
