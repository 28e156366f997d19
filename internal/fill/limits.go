package fill

import (
	"fmt"
	"regexp"
	"strconv"
	"sync"
	"time"

	"text/template/parse"
)

// Limits bound what filling a report may take, so that a template that
// runs away ({{range 1000000000}}, two nested loops over a large table, a
// phrase that calls itself) is refused with a message naming its file and
// line instead of filling the memory or running for ever. They hold for
// every template a Filler fills, together.
type Limits struct {
	Output int           // bytes of filled Markdown
	Loops  int           // rounds of {{range}}
	Time   time.Duration // time spent executing templates
}

// DefaultLimits are generous for a report of a thousand pages: such a
// report is some 3 MB of Markdown, and its loops over tables of a few
// thousand rows take some hundred thousand rounds and well under a second.
var DefaultLimits = Limits{Output: 8 << 20, Loops: 2_000_000, Time: 30 * time.Second}

// WithLimits sets the limits of a fill; a zero field keeps its default.
func WithLimits(l Limits) Option {
	return func(f *Filler) {
		if l.Output > 0 {
			f.budget.limits.Output = l.Output
		}
		if l.Loops > 0 {
			f.budget.limits.Loops = l.Loops
		}
		if l.Time > 0 {
			f.budget.limits.Time = l.Time
		}
	}
}

// budget is what a Filler has spent of its limits.
type budget struct {
	limits  Limits
	output  int
	loops   int
	elapsed time.Duration
	since   time.Time // when the template executing now started

	exhausted bool // a limit was reached: later templates are not filled
}

// limitError is a limit reached while executing, at the action or loop
// that reached it.
type limitError struct {
	at  where
	msg string
}

func (e *limitError) Error() string { return e.msg }

// spend charges n bytes of output, or a round of a loop, and reports the
// limit that is reached.
func (b *budget) spend(at where, output int, round bool) error {
	if room := b.limits.Output - b.output; output > room && room >= 0 && at.text {
		at.pos += parse.Pos(room) // the place in a long text where the limit falls
	}
	b.output += output
	if round {
		b.loops++
	}
	switch {
	case b.output > b.limits.Output:
		return &limitError{at, fmt.Sprintf("填充结果超过 %s 的上限：模板写出的内容太多，可能是循环（range）没有按预期结束；确需生成这么长的报告时，用 -max-output 调高上限", sizeText(b.limits.Output))}
	case b.loops > b.limits.Loops:
		return &limitError{at, fmt.Sprintf("循环（range）一共超过 %d 轮的上限：请检查这里的 range 是否循环了太多次（如 range 一个很大的数，或几层循环嵌套）；确需这么多轮时，用 -max-loops 调高上限", b.limits.Loops)}
	case b.loops%1024 == 0 || output > 0:
		if b.elapsed+time.Since(b.since) > b.limits.Time {
			return &limitError{at, fmt.Sprintf("填充模板超过 %s 的时间上限：请检查这里的循环或函数是否在处理过多的数据；确需更长时间时，用 -max-time 调高上限", b.limits.Time)}
		}
	}
	return nil
}

// start and stop time one template's execution.
func (b *budget) start() { b.since = time.Now() }
func (b *budget) stop()  { b.elapsed += time.Since(b.since) }

func sizeText(n int) string {
	if n >= 1<<20 {
		return strconv.Itoa(n>>20) + " MB"
	}
	return strconv.Itoa(n>>10) + " KB"
}

// tick is the one-byte text node the recorder puts at the start of every
// loop's body: each round writes it, and the budget counts the round.
func tick(pos parse.Pos) *parse.TextNode {
	return &parse.TextNode{NodeType: parse.NodeText, Pos: pos, Text: []byte{1}}
}

// printfWidth finds the widths and precisions of a printf format.
var printfWidth = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`%[-+# 0]*(\d*)(?:\.(\d*))?`) })

// maxPrintfWidth bounds the widths and precisions of printf: fmt would
// build a string of the width asked before the output limit could see it.
const maxPrintfWidth = 1000

// boundedPrintf is text/template's printf with widths and precisions of at
// most maxPrintfWidth.
func boundedPrintf(format string, args ...any) (string, error) {
	for _, m := range printfWidth().FindAllStringSubmatch(format, -1) {
		for _, d := range m[1:] {
			if n, err := strconv.Atoi(d); err == nil && n > maxPrintfWidth {
				return "", kindError("printf 的宽度或精度 %d 太大（最多 %d）", n, maxPrintfWidth)
			}
		}
	}
	return fmt.Sprintf(format, args...), nil
}
