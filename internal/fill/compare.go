package fill

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"briefing/internal/workbook"
)

// 对比 writes a comparison with words between the verb and the figure, in
// one call. The template writes the phrase as this month's figures would
// have it; the function turns its verb by the sign of the difference and
// puts the difference after it:
//
//	{{对比 "规上工业增加值" "全市增速" "增速高于全市平均水平"}}
//	  增速高于全市平均水平2.3个百分点 / 增速低于全市平均水平1.2个百分点 / 增速与全市平均水平持平
//	{{对比 "规上工业增加值" "上期" "降幅较1-6月收窄"}}
//	  降幅较1-6月收窄4.1个百分点 / 增幅较1-6月扩大0.3个百分点 / 增速较1-6月由负转正
//	{{对比 "固定资产投资" "时序进度" "超时序进度"}}
//	  超时序进度3.0个百分点 / 低于时序进度1.5个百分点
//
// The base is a column of the figure's row (上期, 去年同期, 目标, 排名's 上期排名,
// or any other column such as 全市增速), 时序进度 (computed from the
// report's period when the row has no such column), or a number.

// operand is one side of a comparison.
type operand struct {
	n     Number
	label string // for messages: 规上工业增加值的上期增速
	ref   workbook.Ref
}

// comparison is what 对比 compares: the figure's side, the base, and how
// their difference is counted.
type comparison struct {
	cur, base operand
	rank      bool   // ranks: a smaller number is better
	unit      string // of the difference: 个百分点, 位, 亿元
	baseName  string // as the template named the base
}

// verbPairs are the verbs a phrase may turn: the word for a positive
// difference, then for a negative one.
var verbPairs = [][2]string{
	{"高于", "低于"}, {"高出", "低于"}, {"快于", "慢于"}, {"超过", "低于"}, {"超出", "低于"}, {"超", "低于"},
	{"领先", "落后"}, {"多于", "少于"}, {"提高", "降低"}, {"回升", "回落"}, {"上升", "下降"},
	{"加快", "放缓"}, {"增加", "减少"}, {"扩大", "缩小"}, {"前移", "后移"}, {"提升", "下滑"},
	{"上涨", "下跌"}, {"扩大", "收窄"}, {"多", "少"},
}

// contrast is 对比.
func (f *Filler) contrast(args ...any) (Text, error) {
	const fn = "对比"
	if len(args) < 2 {
		return "", kindError("对比 至少需要两个参数：指标名和比较的基数（如 \"上期\"、\"全市增速\"、\"时序进度\"）")
	}
	name, ok := args[0].(string)
	if !ok {
		return "", kindError("对比 的第一个参数是指标名，这里给的是%s", kindName(args[0]))
	}
	phrase, opts := phraseArgs(args[2:])
	o, err := parseOpts(fn, opts)
	if err != nil {
		return "", err
	}
	c, err := f.comparison(fn, name, args[1], o.month)
	if err != nil {
		return "", err
	}
	if phrase == "" {
		phrase = c.defaultPhrase()
	}
	return f.contrastWords(c, phrase, o)
}

// phraseArgs takes the phrase out of the arguments after the base: the
// first text that is not an option.
func phraseArgs(args []any) (string, []any) {
	var phrase string
	var opts []any
	for _, a := range args {
		if s, ok := a.(string); ok && phrase == "" && !isOption(s) {
			phrase = s
			continue
		}
		opts = append(opts, a)
	}
	return phrase, opts
}

// comparison finds the two sides of 对比.
func (f *Filler) comparison(fn, name string, base any, month bool) (*comparison, error) {
	v, err := f.view(fn, name, month)
	if err != nil {
		return nil, err
	}
	f.note(f.factOf(v))
	key, isName := base.(string)
	if !isName {
		b, err := toNumber(fn, base)
		if err != nil {
			return nil, err
		}
		return f.against(fn, v, operand{n: b, label: describe(b)}, "")
	}
	key = strings.TrimSpace(key)
	switch key {
	case "时序进度":
		return f.againstProgress(fn, v)
	case "排名", "上期排名", "上月排名":
		return f.againstRank(fn, v, key)
	}
	b, err := f.baseOperand(fn, v, key)
	if err != nil {
		return nil, err
	}
	return f.against(fn, v, b, key)
}

// baseOperand is the base a name gives: a column of the figure's row.
func (f *Filler) baseOperand(fn string, v *view, key string) (operand, error) {
	cell, label, err := f.baseCell(v, key)
	if err != nil {
		return operand{}, err
	}
	if cell.IsEmpty() {
		return operand{}, fmt.Errorf("%s指标“%s”的%s是空的，%s 需要它", at(cell.Ref), v.m.Name, label, fn)
	}
	n, err := toNumber(fn, val(cell))
	if err != nil {
		return operand{}, err
	}
	return operand{n: n, label: v.m.Name + "的" + label, ref: cell.Ref}, nil
}

// baseCell finds the cell a base's name means for a figure: the rate of
// the earlier period for a figure with a rate, its value otherwise.
func (f *Filler) baseCell(v *view, key string) (workbook.Value, string, error) {
	hasRate := !v.rate.IsEmpty()
	switch key {
	case "上期", "上月", "上期增速", "上月增速":
		if hasRate {
			return v.prevRate(), "上期增速", nil
		}
		return v.m.Prev, "上期", nil
	case "去年同期", "上年同期", "同期", "去年同期增速", "上年同期增速":
		if hasRate {
			return v.lastRate(), "去年同期增速", nil
		}
		return v.m.LastYear, "去年同期", nil
	case "目标":
		return v.m.Target, "目标", nil
	}
	if x, ok := extraField(v.m, key); ok {
		return x.Value, x.Name, nil
	}
	return workbook.Value{}, "", kindError("%s 指标“%s”没有“%s”这一列（可比较：上期、去年同期、目标、时序进度、排名%s）", v.m.Ref, v.m.Name, key, extraNames(v.m))
}

// extraField finds an extra column of a figure's row by its name: exactly,
// with 增速 after it, or as the one column that starts with it.
func extraField(m *workbook.Metric, key string) (workbook.Field, bool) {
	var starts []workbook.Field
	for _, x := range m.Extra {
		if x.Name == key || x.Name == key+"增速" {
			return x, true
		}
		if strings.HasPrefix(x.Name, key) {
			starts = append(starts, x)
		}
	}
	if len(starts) == 1 {
		return starts[0], true
	}
	return workbook.Field{}, false
}

func extraNames(m *workbook.Metric) string {
	var out []string
	for _, x := range m.Extra {
		out = append(out, x.Name)
	}
	if len(out) == 0 {
		return ""
	}
	return "、" + strings.Join(out, "、")
}

// against compares a figure with a base: its rate with a rate, its value
// with a value.
func (f *Filler) against(fn string, v *view, b operand, key string) (*comparison, error) {
	c := &comparison{base: b, baseName: key}
	if rate, ok := number(v.rate); ok && (b.n.Ratio || !v.value.IsNumber()) {
		c.cur = operand{n: Number{D: rate, Places: v.rate.Places(), Ratio: true}, label: v.label() + "的增速", ref: v.rate.Ref}
	} else {
		n, err := toNumber(fn, val(v.value))
		if err != nil {
			return nil, err
		}
		c.cur = operand{n: n, label: v.label(), ref: v.value.Ref}
	}
	if c.cur.n.Ratio && !c.base.n.Ratio {
		c.base.n = Number{D: c.base.n.D.Shift(-2), Places: c.base.n.Places, Ratio: true, how: c.base.n.how}
	}
	if c.cur.n.Ratio != c.base.n.Ratio {
		return nil, kindError("%s：%s 是%s，%s 却不是，无法比较", fn, c.cur.label, "百分数", c.base.label)
	}
	c.unit = v.m.Unit
	if c.cur.n.Ratio {
		c.unit = "个百分点"
	}
	return c, nil
}

// againstProgress compares a figure's completion of its 目标 with the
// time elapsed (时序进度): a column of that name, or the report's period.
func (f *Filler) againstProgress(fn string, v *view) (*comparison, error) {
	done, err := f.completion(fn, v.m.Name, nil)
	if err != nil {
		return nil, err
	}
	done = Number{D: done.D.Shift(-2), Places: done.Places, Ratio: true, how: "完成率：" + v.m.Name + "除以目标"}
	var b operand
	if x, ok := extraField(v.m, "时序进度"); ok && x.Value.IsNumber() {
		n, _ := toNumber(fn, val(x.Value))
		if !n.Ratio {
			n = Number{D: n.D.Shift(-2), Places: n.Places, Ratio: true}
		}
		b = operand{n: n, label: "时序进度", ref: x.Value.Ref}
	} else {
		p, err := f.timeProgress()
		if err != nil {
			return nil, err
		}
		b = operand{n: p, label: "时序进度"}
	}
	cur := operand{n: done, label: v.m.Name + "的完成率"}
	return &comparison{cur: cur, base: b, unit: "个百分点", baseName: "时序进度"}, nil
}

// againstRank compares a figure's 排名 with its 上期排名.
func (f *Filler) againstRank(fn string, v *view, key string) (*comparison, error) {
	cur, err := rankOperand(fn, v.m, v.m.Rank, "排名")
	if err != nil {
		return nil, err
	}
	prev, err := rankOperand(fn, v.m, v.m.PrevRank, "上期排名")
	if err != nil {
		return nil, err
	}
	return &comparison{cur: cur, base: prev, rank: true, unit: "位", baseName: "上期"}, nil
}

func rankOperand(fn string, m *workbook.Metric, v workbook.Value, label string) (operand, error) {
	if v.IsEmpty() {
		return operand{}, fmt.Errorf("%s指标“%s”的%s是空的，%s 需要它", at(v.Ref), m.Name, label, fn)
	}
	n, err := toNumber(fn, val(v))
	return operand{n: n, label: m.Name + "的" + label, ref: v.Ref}, err
}

// defaultPhrase is the phrase of a comparison the template did not word.
func (c *comparison) defaultPhrase() string {
	switch {
	case c.rank:
		return "较上期前移"
	case c.baseName == "时序进度":
		return "超时序进度"
	case c.baseName == "":
		return "高于"
	}
	if strings.HasPrefix(c.baseName, "上") || strings.Contains(c.baseName, "同期") {
		if c.cur.n.Ratio {
			return "较" + c.baseName + "提高"
		}
		return "较" + c.baseName + "增加"
	}
	return "高于" + c.baseName
}

// difference is the signed difference to word (positive: the first verb)
// and its size as printed; moved is false when it rounds to zero.
func (c *comparison) difference(o changeOpts) (d decimal.Decimal, size string, moved bool) {
	cur, base := c.cur.n, c.base.n
	d = cur.D.Sub(base.D)
	if cur.Ratio {
		d = d.Shift(2)
	}
	if c.rank {
		d = d.Neg()
	}
	size, moved = o.format(d, maxPlaces(cur, base))
	return d, size, moved
}

// contrastWords turns the phrase's verb and adds the difference.
func (f *Filler) contrastWords(c *comparison, phrase string, o changeOpts) (Text, error) {
	i, verb, pair := findVerb(phrase)
	if i < 0 {
		return "", kindError("对比 的短语“%s”中没有可以随数据变化的动词（如 高于、较…提高、较…回落、超、扩大、收窄、前移）", phrase)
	}
	if lvl := levelWord(phrase); lvl >= 0 && lvl < i && (verb == "扩大" || verb == "收窄") && !c.rank {
		return Text(f.spanWords(c, phrase, lvl, i, verb, o)), nil
	}
	d, size, moved := c.difference(o)
	if !moved {
		return Text(flatPhrase(phrase, i, verb)), nil
	}
	w := pair[0]
	if d.IsNegative() {
		w = pair[1]
	}
	return Text(phrase[:i] + w + phrase[i+len(verb):] + size + c.unit), nil
}

// findVerb finds the first verb of verbPairs in a phrase: its byte
// offset, the verb as written and its pair (-1 when there is none).
func findVerb(phrase string) (int, string, [2]string) {
	best, verb, pair := -1, "", [2]string{}
	for _, p := range verbPairs {
		for _, w := range p {
			i := strings.Index(phrase, w)
			if i < 0 || best >= 0 && (i > best || i == best && len(w) <= len(verb)) {
				continue
			}
			best, verb, pair = i, w, p
		}
	}
	if verb == "收窄" || verb == "缩小" && strings.Contains(phrase, "幅") {
		pair = [2]string{"扩大", "收窄"}
	}
	return best, verb, pair
}

// levelWord is the offset of 增幅 or 降幅 in a phrase, -1 when neither.
func levelWord(phrase string) int {
	i, j := strings.Index(phrase, "增幅"), strings.Index(phrase, "降幅")
	switch {
	case i < 0:
		return j
	case j < 0 || i < j:
		return i
	}
	return j
}

// flatPhrase words a comparison with no difference: the verb goes, 较 or
// 比 before it becomes 与, and 持平 ends the phrase (高于全市平均水平 →
// 与全市平均水平持平; 增速较上月回落 → 增速与上月持平).
func flatPhrase(phrase string, i int, verb string) string {
	head, tail := phrase[:i], phrase[i+len(verb):]
	if k := max(strings.LastIndex(head, "较"), strings.LastIndex(head, "比")); k >= 0 {
		head = head[:k] + "与" + head[k+len("较"):]
		return head + tail + "持平"
	}
	if strings.TrimSpace(tail) == "" {
		return head + "持平"
	}
	return head + "与" + tail + "持平"
}

// spanWords words a phrase about the size of a rate (增幅/降幅 …扩大/收窄):
// the level word follows the sign of the rate, the verb the change of its
// size, and a rate that changed sign is 由负转正 or 由正转负.
func (f *Filler) spanWords(c *comparison, phrase string, lvl, vi int, verb string, o changeOpts) string {
	cur, base := c.cur.n, c.base.n
	places := maxPlaces(cur, base)
	cs, bs := roundedSign(cur, places, o), roundedSign(base, places, o)
	gap := cur.D.Abs().Sub(base.D.Abs()).Shift(2)
	size, moved := o.format(gap, places)
	level, turn := "", ""
	switch {
	case cs > 0 && bs > 0:
		level = "增幅"
	case cs < 0 && bs < 0:
		level = "降幅"
	case cs == 0 && bs == 0:
		moved = false
	default:
		level, turn = "增速", turnWords(bs, cs)
	}
	out := phrase[:lvl] + level + phrase[lvl+len("增幅"):vi] + "\x00" + phrase[vi+len(verb):]
	switch {
	case turn != "":
		return strings.Replace(out, "\x00", turn, 1)
	case !moved:
		j := strings.Index(out, "\x00")
		return flatPhrase(strings.Replace(out, "\x00", "收窄", 1), j, "收窄")
	case gap.IsNegative():
		return strings.Replace(out, "\x00", "收窄", 1) + size + "个百分点"
	}
	return strings.Replace(out, "\x00", "扩大", 1) + size + "个百分点"
}

// roundedSign is the sign of a rate as printed with places decimals.
func roundedSign(n Number, places int, o changeOpts) int {
	if o.places >= 0 {
		places = o.places
	}
	d := n.D
	if n.Ratio {
		d = d.Shift(2)
	}
	if places >= 0 {
		d = d.Round(int32(places))
	}
	return d.Sign()
}

// turnWords words a rate that changed sign, or from or to zero.
func turnWords(from, to int) string {
	switch {
	case from < 0 && to > 0:
		return "由负转正"
	case from > 0 && to < 0:
		return "由正转负"
	case from == 0 && to > 0:
		return "由持平转为增长"
	case from == 0 && to < 0:
		return "由持平转为下降"
	case from > 0:
		return "由增长转为持平"
	}
	return "由下降转为持平"
}
