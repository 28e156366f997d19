package workbook

import (
	"fmt"
	"strings"
)

// Suggest returns the existing name closest to name — a figure, a table or
// a key of the report sheet — for a “是否是 …？” hint, or "" when nothing is
// close. Names are compared folded (spaces, full-width forms and Latin case
// do not count); a name that contains the other or is contained in it
// (“上云企业” / “上云企业数”) is closest, then a small edit distance over
// characters (one edit for names of two to five characters, one more per
// three characters beyond), then a long shared beginning.
func (b *Book) Suggest(name string) string {
	if b == nil {
		return ""
	}
	var names []string
	for _, m := range b.Metrics {
		names = append(names, m.Name)
	}
	for _, t := range b.Tables {
		names = append(names, t.Name)
	}
	for _, e := range b.Info {
		names = append(names, e.Key)
	}
	return closest(name, names)
}

// SuggestMetric is Suggest among the figures only.
func (b *Book) SuggestMetric(name string) string {
	if b == nil {
		return ""
	}
	names := make([]string, len(b.Metrics))
	for i, m := range b.Metrics {
		names[i] = m.Name
	}
	return closest(name, names)
}

// SuggestTable is Suggest among the tables only.
func (b *Book) SuggestTable(name string) string {
	if b == nil {
		return ""
	}
	names := make([]string, len(b.Tables))
	for i, t := range b.Tables {
		names[i] = t.Name
	}
	return closest(name, names)
}

// SuggestInfo is Suggest among the keys of the report sheet only.
func (b *Book) SuggestInfo(key string) string {
	if b == nil {
		return ""
	}
	names := make([]string, len(b.Info))
	for i, e := range b.Info {
		names[i] = e.Key
	}
	return closest(key, names)
}

// Suggest returns the column header closest to col, "" when none is close.
func (t *Table) Suggest(col string) string {
	if t == nil {
		return ""
	}
	return closest(col, t.Columns)
}

// MissingMetric is the message for a figure the workbook lacks, naming the
// sheet where it was looked for and the closest name:
// figures.xlsx 工作表“指标”中没有指标“上云企业”（是否是 上云企业数？）
// The template side puts its own file and line before it.
func (b *Book) MissingMetric(name string) string {
	return b.missing(b.SheetRef(MetricsSheet), "指标", name, b.SuggestMetric(name))
}

// MissingInfo is the message for a key the report sheet lacks.
func (b *Book) MissingInfo(key string) string {
	return b.missing(b.SheetRef(InfoSheet), "项目", key, b.SuggestInfo(key))
}

// MissingTable is the message for a table (sheet) the workbook lacks.
func (b *Book) MissingTable(name string) string {
	file := ""
	if b != nil {
		file = b.File
	}
	msg := fmt.Sprintf("%s 中没有工作表%s", file, quote(name))
	if s := b.SuggestTable(name); s != "" {
		msg += fmt.Sprintf("（是否是 %s？）", s)
	}
	return msg
}

// MissingColumn is the message for a column a table lacks.
func (t *Table) MissingColumn(col string) string {
	where := "表格" + quote(t.Name)
	if t.Ref.Sheet != "" {
		where = t.Ref.String()
	}
	msg := fmt.Sprintf("%s中没有列%s", where, quote(col))
	if s := t.Suggest(col); s != "" {
		msg += fmt.Sprintf("（是否是 %s？）", s)
	}
	return msg
}

func (b *Book) missing(sheet Ref, what, name, suggestion string) string {
	msg := fmt.Sprintf("%s中没有%s%s", sheet, what, quote(name))
	if suggestion != "" {
		msg += fmt.Sprintf("（是否是 %s？）", suggestion)
	}
	return msg
}

// closest picks the name in names closest to want (see Book.Suggest).
func closest(want string, names []string) string {
	q := []rune(fold(want))
	if len(q) == 0 || len(q) > 200 {
		return ""
	}
	best, bestScore := "", int(^uint(0)>>1)
	for _, n := range names {
		k := []rune(fold(n))
		if len(k) == 0 || len(k) > 200 {
			continue
		}
		score, ok := closeness(q, k)
		if ok && score < bestScore {
			best, bestScore = n, score
		}
	}
	return best
}

// closeness scores how close two folded names are, lower is closer; ok is
// false when they are not close at all.
func closeness(q, k []rune) (int, bool) {
	if string(q) == string(k) {
		return 0, true
	}
	short, long := len(q), len(k)
	if short > long {
		short, long = long, short
	}
	score, ok := 1<<30, false
	if short >= 2 && (strings.Contains(string(k), string(q)) || strings.Contains(string(q), string(k))) {
		score, ok = 10+(long-short), true
	}
	limit := 1
	if short == 1 {
		limit = 0 // one edit turns any one character into any other
	} else if short > 5 {
		limit = 1 + (short-5+2)/3
	}
	if d := editDistance(q, k, limit); limit > 0 && d <= limit {
		if s := 20 + 10*d; s < score {
			score, ok = s, true
		}
	}
	p := 0
	for p < short && q[p] == k[p] {
		p++
	}
	if p >= 3 && 2*p >= short {
		if s := 40 + (long - p); s < score {
			score, ok = s, true
		}
	}
	return score, ok
}

// editDistance is the Levenshtein distance between a and b over
// characters, or limit+1 as soon as it is known to exceed limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
