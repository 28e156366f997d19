// Package chart draws the charts of a report from its workbook: the
// ```图表 blocks of the section templates. A block's body, filled by the
// template language like any other text, names the kind of chart, the
// workbook table and its columns (or figures of the 指标 sheet), the
// caption, the units and the source:
//
//	```图表
//	类型：柱线
//	标题：规上工业增加值逐月走势
//	表：月度
//	分类：月份
//	柱：规上工业增加值
//	线：增速
//	数据来源：鹤岭县统计局
//	```
//
// Parse reads the body, Resolve takes the data from the workbook (a
// missing table or column, a cell that is not a number and units that do
// not match are errors naming the body's line and the cell), and Draw
// draws the chart with gonum.org/v1/plot onto a Recording: drawing
// commands (paths and text runs, in points) that the PDF writer plays into
// its page with the report's own fonts, SVG turns into inline SVG for
// the HTML page and PNG rasterizes, with the same fonts, for the Word
// document. gonum/plot lays out the axes, picks and labels the ticks
// and draws the grid; the marks (bars, lines, wedges) are drawn by this
// package's own plotters, so that an empty cell is a gap, a negative value
// goes below the axis and the report's county stands out.
//
// The colours (Palette) are one palette for every chart of a report, told
// apart in black and white too: by their grey level, by hatching, and a
// line by its markers.
package chart

import (
	"fmt"
	"strconv"
	"strings"

	"briefing/internal/mdext"
)

// Kind is a kind of chart.
type Kind string

// The kinds, as a template names them after 类型.
const (
	Bars        Kind = "柱"   // grouped vertical bars
	StackedBars Kind = "堆积柱" // stacked vertical bars
	Lines       Kind = "线"   // lines
	BarLine     Kind = "柱线"  // bars, and lines on a second axis (增速 in %)
	Ranking     Kind = "条"   // horizontal bars, largest first: a ranking
	Pie         Kind = "饼"   // shares of a whole
	Ring        Kind = "环"   // the same as a ring
)

var kinds = []Kind{Bars, StackedBars, Lines, BarLine, Ranking, Pie, Ring}

// Spec is a chart block as written, before its data is read.
type Spec struct {
	Kind      Kind
	Title     string   // 标题: the caption after “图N”
	Table     string   // 表: the workbook table
	Category  string   // 分类: the column that names the categories
	Bars      []string // 柱 (or 数值, 条): columns drawn as bars, wedges
	Lines     []string // 线: columns drawn as lines (on the second axis with 柱线)
	Metrics   []string // 指标: figures of the 指标 sheet as categories, instead of a table
	Highlight string   // 突出: the category to stand out (the report's own county)
	Unit      string   // 单位: “亿元、%”; taken from the columns when not given
	Source    string   // 数据来源
	Height    int      // 行数: grid lines the chart takes; 0 for the default

	lines map[string]int // the body line of each key, from 1
}

// Error is a problem of a chart block: at a line of its body (from 1; 0
// when the block as a whole), or at a cell of the workbook (Cell, as
// workbook.Ref.String writes it).
type Error struct {
	Line int
	Cell string
	Msg  string
}

func (e *Error) Error() string {
	if e.Cell != "" {
		return e.Cell + "：" + e.Msg
	}
	return e.Msg
}

// Line is the body line of key, or 0.
func (s *Spec) Line(key string) int { return s.lines[key] }

// keys are the keys a body may use, with their synonyms.
var keys = map[string]string{
	"类型": "类型", "标题": "标题", "表": "表", "分类": "分类", "柱": "柱", "数值": "柱", "条": "柱",
	"线": "线", "指标": "指标", "突出": "突出", "单位": "单位", "数据来源": "数据来源", "来源": "数据来源",
	"行数": "行数",
}

// Parse reads a chart block's body: one “键：值” a line (a half-width
// colon too); blank lines and lines starting with # are skipped.
func Parse(body string) (*Spec, []*Error) {
	s := &Spec{lines: map[string]int{}}
	var errs []*Error
	for i, line := range strings.Split(body, "\n") {
		n := i + 1
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := cut(mdext.Unescape(line))
		key, known := keys[k]
		if !ok || !known {
			errs = append(errs, &Error{Line: n, Msg: fmt.Sprintf("图表中的“%s”看不懂：每行写“键：值”，键是 类型、标题、表、分类、柱、线、指标、突出、单位、数据来源、行数 之一", clip(line))})
			continue
		}
		if _, dup := s.lines[key]; dup {
			errs = append(errs, &Error{Line: n, Msg: fmt.Sprintf("图表中“%s”写了两次", k)})
			continue
		}
		s.lines[key] = n
		switch key {
		case "类型":
			s.Kind = Kind(v)
		case "标题":
			s.Title = v
		case "表":
			s.Table = v
		case "分类":
			s.Category = v
		case "柱":
			s.Bars = names(v)
		case "线":
			s.Lines = names(v)
		case "指标":
			s.Metrics = names(v)
		case "突出":
			s.Highlight = v
		case "单位":
			s.Unit = strings.TrimPrefix(strings.TrimPrefix(v, "单位："), "单位:")
		case "数据来源":
			s.Source = v
		case "行数":
			h, err := strconv.Atoi(v)
			if err != nil || h < 4 || h > 20 {
				errs = append(errs, &Error{Line: n, Msg: fmt.Sprintf("图表的行数“%s”应是 4 到 20 之间的整数（占正文的行数）", v)})
			}
			s.Height = h
		}
	}
	if len(errs) > 0 {
		return nil, errs
	}
	return s, s.check()
}

// check finds what a body lacks or has too much of.
func (s *Spec) check() []*Error {
	var errs []*Error
	bad := func(key, format string, a ...any) {
		errs = append(errs, &Error{Line: s.lines[key], Msg: fmt.Sprintf(format, a...)})
	}
	known := false
	for _, k := range kinds {
		known = known || s.Kind == k
	}
	switch {
	case s.Kind == "":
		bad("", "图表缺少“类型：”（柱、堆积柱、线、柱线、条、饼、环 之一）")
	case !known:
		bad("类型", "图表的类型“%s”不认识：应是 柱、堆积柱、线、柱线、条、饼、环 之一", s.Kind)
	}
	if s.Title == "" {
		bad("", "图表缺少“标题：”（图下的图题）")
	}
	switch {
	case s.Table == "" && len(s.Metrics) == 0:
		bad("", "图表缺少数据：写“表：工作表名”和它的列，或“指标：指标名、指标名”")
	case s.Table != "" && len(s.Metrics) > 0:
		bad("指标", "图表的数据只能来自一张表或“指标”表，不能同时写“表：”和“指标：”")
	case s.Table != "" && s.Category == "":
		bad("表", "图表缺少“分类：”：表中哪一列是横轴（或条、扇形）的名称")
	}
	if len(errs) > 0 {
		return errs
	}
	switch s.Kind {
	case Lines:
		if len(s.Lines) == 0 && len(s.Bars) > 0 {
			s.Lines, s.Bars = s.Bars, nil
		}
		if len(s.Bars) > 0 {
			bad("柱", "类型为“线”的图表只画线：把“柱：”改为“线：”，或把类型改为“柱线”")
		}
	case BarLine:
		if len(s.Bars) == 0 || len(s.Lines) == 0 {
			bad("类型", "类型为“柱线”的图表要有“柱：”（绝对值）和“线：”（增速）")
		}
	default:
		if len(s.Lines) > 0 {
			bad("线", "类型为“%s”的图表不画线：删去“线：”，或把类型改为“柱线”", s.Kind)
		}
	}
	if s.Table != "" && len(s.Bars)+len(s.Lines) == 0 {
		bad("表", "图表没有指定画哪些列：写“柱：列名”（或“数值：列名”）")
	}
	if (s.Kind == Pie || s.Kind == Ring || s.Kind == Ranking) && len(s.Bars) > 1 {
		bad("柱", "类型为“%s”的图表只画一列数值", s.Kind)
	}
	return errs
}

// cut splits “键：值”.
func cut(line string) (k, v string, ok bool) {
	i := strings.IndexAny(line, ":：")
	if i < 0 {
		return "", "", false
	}
	sep := 1
	if line[i] != ':' {
		sep = len("：")
	}
	return strings.TrimSpace(line[:i]), strings.TrimSpace(line[i+sep:]), true
}

// names splits a list of names at 、，, and spaces.
func names(v string) []string {
	return strings.FieldsFunc(v, func(r rune) bool {
		return r == '、' || r == '，' || r == ',' || r == ' ' || r == '\u3000'
	})
}

func clip(s string) string {
	r := []rune(s)
	if len(r) > 20 {
		return string(r[:20]) + "……"
	}
	return s
}
