package fill

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
)

// Style is a report's house style (写法), set once in its front matter and
// followed by every function that writes a period, a zero change or a rank:
//
//	写法:
//	  期间: 1-N月份      # 1-7月份; also 1-N月, 1至N月份, 1－N月, 前N个月, 前几个月
//	  季度: 是           # 1-3月, 1-6月, 1-9月 as 一季度, 上半年, 前三季度
//	  持平: 与上年持平    # a zero change: 持平, 同比持平, 与上年持平, 与上年同期持平
//	  名次: 第N位        # 第N位, 第几位, 第N, 第N名
//	  首位: 是           # rank 1 as 首位
//
// The zero value is the style of a report that sets none: periods as
// 1－11月 with 一季度, 上半年, 前三季度 and 全年, a zero change as 持平 (同比持平
// after 同比), ranks as 第N位.
type Style struct {
	Period   periodStyle
	Quarters bool   // name the running totals that are a quarter, a half or three quarters
	Flat     string // the words for a zero change; "" for 持平 (同比持平 after 同比)
	Rank     string // a rank's pattern: 第N位, 第几位, 第N, 第N名
	First    bool   // rank 1 as 首位
}

// periodStyle is how a running total of months is written: before and
// after the month count, with Arabic or Chinese numerals, or as a range
// from month 1 with a dash.
type periodStyle struct {
	set     bool
	dash    string // "-", "－", "至"; "" for the 前N个月 form
	suffix  string // 月, 月份
	chinese bool   // 前七个月
}

// DefaultStyle is the style of a report that sets none.
func DefaultStyle() Style { return Style{Quarters: true} }

// StyleKeys lists the keys of 写法 and what each takes, for messages.
var StyleKeys = map[string]string{
	"期间": "1-N月、1-N月份、1至N月份、1－N月、前N个月、前几个月",
	"季度": "是 或 否",
	"持平": "持平、同比持平、与上年持平、与上年同期持平、与去年同期持平",
	"名次": "第N位、第几位、第N、第N名",
	"首位": "是 或 否",
}

var (
	rangeStyleRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^1\s*([-－—–~～至到])\s*N\s*(月份|月)$`) })
	countStyleRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^前\s*(N|几)\s*个月$`) })
	flatWords    = []string{"持平", "同比持平", "与上年持平", "与上年同期持平", "与去年同期持平", "与去年持平"}
	rankStyles   = []string{"第N位", "第几位", "第N", "第N名", "第几"}
)

// ParseStyle reads the 写法 of a report's front matter: each key with its
// value. Its errors, one per key, say what the key takes.
func ParseStyle(values map[string]string) (Style, map[string]error) {
	st := DefaultStyle()
	errs := map[string]error{}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if err := st.set(k, strings.TrimSpace(values[k])); err != nil {
			errs[k] = err
		}
	}
	return st, errs
}

func (st *Style) set(key, v string) error {
	bad := func() error {
		return fmt.Errorf("写法“%s”不能是“%s”，可用：%s", key, v, StyleKeys[key])
	}
	switch key {
	case "期间":
		p, ok := parsePeriodStyle(v)
		if !ok {
			return bad()
		}
		st.Period = p
	case "季度", "首位":
		b, ok := yesNo(v)
		if !ok {
			return bad()
		}
		if key == "季度" {
			st.Quarters = b
		} else {
			st.First = b
		}
	case "持平":
		if !contains(flatWords, v) {
			return bad()
		}
		st.Flat = v
	case "名次":
		if !contains(rankStyles, v) {
			return bad()
		}
		st.Rank = v
	default:
		return fmt.Errorf("不认识的写法“%s”（可用：%s）", key, strings.Join(sortedKeys(StyleKeys), "、"))
	}
	return nil
}

func parsePeriodStyle(v string) (periodStyle, bool) {
	v = strings.ReplaceAll(v, "n", "N")
	if m := rangeStyleRE().FindStringSubmatch(v); m != nil {
		dash := m[1]
		if dash == "到" {
			dash = "至"
		}
		if dash != "至" && dash != "－" {
			dash = "-"
		}
		return periodStyle{set: true, dash: dash, suffix: m[2]}, true
	}
	if m := countStyleRE().FindStringSubmatch(v); m != nil {
		return periodStyle{set: true, chinese: m[1] == "几"}, true
	}
	return periodStyle{}, false
}

func yesNo(v string) (bool, bool) {
	switch v {
	case "是", "用", "true", "yes":
		return true, true
	case "否", "不用", "false", "no":
		return false, true
	}
	return false, false
}

func sortedKeys(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// flat is the wording of a zero change; prefix is the function's own word
// (同比, 环比) that a bare 持平 follows.
func (st Style) flat(prefix string) string {
	if st.Flat == "" || prefix == "环比" {
		return prefix + "持平"
	}
	return st.Flat
}
