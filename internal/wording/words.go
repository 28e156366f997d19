package wording

import "sort"

// claim is what a word says of its figure; an Unknown field says nothing.
type claim struct {
	level, change, widen, prev Sign
	orLevel                    bool // the change when it is known, else the level (上升, 提高, 下滑)
}

// kind is how a word is checked.
type kind int8

const (
	neutral     kind = iota // part of a longer word that claims nothing (增长点, 增加值)
	direction               // claims signs of its figure
	comparative             // claims the level only with 比 or 较 in its clause (增加, 减少)
	amount                  // claims nothing, but reads wrong before a negative number (新增)
	versus                  // compares with a benchmark: reads wrong before a gap of 0 (高于)
)

// reach is where a word looks for its figure.
type reach int8

const (
	inFigure   reach = iota // a figure in its clause
	inClause                // a figure in its clause, or an indicator the clause names before it
	inSentence              // also the nearest figure in its sentence
)

// entry is a word of the dictionary.
type entry struct {
	word  string
	kind  kind
	reach reach
	claim claim
	opp   string // the word for the other direction, for hints
}

// level returns an entry claiming that the level has sign s.
func level(w string, s Sign, r reach, opp string) entry {
	return entry{w, direction, r, claim{level: s}, opp}
}

// change returns an entry claiming that the rate changed with sign s, and,
// with orLevel, the level's sign when the change is not known.
func change(w string, s Sign, orLevel bool, opp string) entry {
	c := claim{change: s, orLevel: orLevel}
	if orLevel {
		c.level = s
	}
	return entry{w, direction, inClause, c, opp}
}

// widen returns an entry claiming the level l (if known) and the widening w.
func widen(word string, l, w Sign, r reach, opp string) entry {
	return entry{word, direction, r, claim{level: l, widen: w}, opp}
}

// turn returns an entry claiming the level l after the previous level p.
func turn(w string, l, p Sign) entry {
	return entry{w, direction, inSentence, claim{level: l, prev: p}, ""}
}

// than returns an entry comparing with a benchmark.
func than(w, opp string) entry { return entry{w, versus, inClause, claim{}, opp} }

// other returns an entry of a kind that makes no claim of sign.
func other(w string, k kind) entry { return entry{word: w, kind: k, reach: inClause} }

// words is the dictionary. Scanning takes the longest word at each place.
var words = []entry{
	level("增长", Plus, inSentence, "下降"),
	level("大幅增长", Plus, inSentence, "下降"),
	level("增长较快", Plus, inSentence, "下降"),
	level("快速增长", Plus, inSentence, "下降"),
	level("稳步增长", Plus, inSentence, "下降"),
	level("持续增长", Plus, inSentence, "下降"),
	level("较快增长", Plus, inSentence, "下降"),
	level("平稳增长", Plus, inSentence, "下降"),
	level("稳定增长", Plus, inSentence, "下降"),
	level("小幅增长", Plus, inSentence, "下降"),
	level("明显增长", Plus, inSentence, "下降"),
	level("显著增长", Plus, inSentence, "下降"),
	level("高速增长", Plus, inSentence, "下降"),
	level("逆势增长", Plus, inSentence, "下降"),
	level("保持增长", Plus, inSentence, "下降"),
	level("正增长", Plus, inSentence, "负增长"),
	level("实现增长", Plus, inSentence, "下降"),
	level("增幅", Plus, inSentence, "降幅"),
	level("涨幅", Plus, inSentence, "降幅"),
	level("翻番", Plus, inSentence, ""),
	level("上涨", Plus, inClause, "下跌"),
	level("下降", Minus, inSentence, "增长"),
	level("大幅下降", Minus, inSentence, "增长"),
	level("小幅下降", Minus, inSentence, "增长"),
	level("持续下降", Minus, inSentence, "增长"),
	level("明显下降", Minus, inSentence, "增长"),
	level("降幅", Minus, inSentence, "增幅"),
	level("跌幅", Minus, inSentence, "增幅"),
	level("负增长", Minus, inSentence, "正增长"),
	level("下跌", Minus, inClause, "上涨"),
	{"增加", comparative, inClause, claim{level: Plus}, "减少"},
	{"减少", comparative, inClause, claim{level: Minus}, "增加"},

	widen("增幅扩大", Plus, Plus, inSentence, "增幅收窄"),
	widen("增幅收窄", Plus, Minus, inSentence, "增幅扩大"),
	widen("涨幅扩大", Plus, Plus, inSentence, "涨幅收窄"),
	widen("涨幅收窄", Plus, Minus, inSentence, "涨幅扩大"),
	widen("降幅扩大", Minus, Plus, inSentence, "降幅收窄"),
	widen("降幅收窄", Minus, Minus, inSentence, "降幅扩大"),
	widen("跌幅扩大", Minus, Plus, inSentence, "跌幅收窄"),
	widen("跌幅收窄", Minus, Minus, inSentence, "跌幅扩大"),
	widen("扩大", Unknown, Plus, inFigure, "收窄"),
	widen("收窄", Unknown, Minus, inFigure, "扩大"),

	change("回升", Plus, false, "回落"),
	change("加快", Plus, false, "放缓"),
	change("提高", Plus, true, "降低"),
	change("上升", Plus, true, "下降"),
	change("回落", Minus, false, "回升"),
	change("放缓", Minus, false, "加快"),
	change("降低", Minus, false, "提高"),
	{"下滑", direction, inSentence, claim{level: Minus, change: Minus, orLevel: true}, "回升"},

	turn("由负转正", Plus, Minus),
	turn("负转正", Plus, Minus),
	turn("扭负为正", Plus, Minus),
	turn("转正", Plus, Minus),
	turn("由降转增", Plus, Minus),
	turn("由负转增", Plus, Minus),
	turn("由正转负", Minus, Plus),
	turn("转负", Minus, Plus),
	turn("由增转降", Minus, Plus),
	turn("由正转降", Minus, Plus),

	than("高于", "低于"), than("低于", "高于"), than("高出", "低于"),
	than("超", "低于"), than("超过", "低于"), than("快于", "慢于"),
	than("慢于", "快于"), than("领先", "落后"), than("落后", "领先"),
	than("多于", "少于"), than("少于", "多于"),
	other("新增", amount),

	other("增长点", neutral), other("增长极", neutral), other("增长率", neutral),
	other("增长速度", neutral), other("增长潜力", neutral), other("增长动能", neutral),
	other("增长动力", neutral), other("增长引擎", neutral), other("增长空间", neutral),
	other("增长方式", neutral), other("增长乏力", neutral), other("增加值", neutral), other("稳增长", neutral),
	other("保增长", neutral), other("促增长", neutral), other("降低成本", neutral),
	other("超额", neutral), other("超市", neutral), other("超前", neutral),
	other("超级", neutral), other("落后产能", neutral),
}

// reaching are the words that say where a figure went rather than whether
// it grew (下降至3.1%, 增长到82.8亿元): they claim nothing.
var reaching = []string{"增长", "下降", "提高", "降低", "上升", "回落", "回升", "增加", "减少", "下滑"}

// dict holds the words by their first character, longest first.
var dict = index(words)

// index sorts the words by their first character, longest first, and adds
// the neutral X至, X到 and X为 of the reaching words.
func index(es []entry) map[rune][]entry {
	for _, w := range reaching {
		es = append(es, other(w+"至", neutral), other(w+"到", neutral), other(w+"为", neutral))
	}
	es = append(es, other("降至", neutral), other("升至", neutral))
	d := map[rune][]entry{}
	for _, e := range es {
		r := []rune(e.word)[0]
		d[r] = append(d[r], e)
	}
	for _, list := range d {
		sort.SliceStable(list, func(i, j int) bool { return len(list[i].word) > len(list[j].word) })
	}
	return d
}

// lookup returns the longest word that rs starts with.
func lookup(rs []rune) (entry, bool) {
	for _, e := range dict[first(rs)] {
		if hasPrefix(rs, e.word) {
			return e, true
		}
	}
	return entry{}, false
}

// hasPrefix reports whether rs starts with w.
func hasPrefix(rs []rune, w string) bool {
	i := 0
	for _, r := range w {
		if i >= len(rs) || rs[i] != r {
			return false
		}
		i++
	}
	return true
}
