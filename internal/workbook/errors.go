package workbook

import (
	"fmt"
	"strings"
)

// Problem is one thing wrong in a workbook, at one place.
type Problem struct {
	Ref Ref
	Msg string // Chinese, one line, says what is wrong and, where it helps, what to do
}

// String writes the problem as its line of the error message:
// “figures.xlsx 指标!B7：“12a” 不是数字”.
func (p Problem) String() string {
	return p.Ref.String() + "：" + p.Msg
}

// Error is every problem found in a workbook. Open and Read return it (as
// an error) for anything they refuse, from “file not found” to a single
// cell; a caller that wants the problems one by one uses errors.As.
type Error struct {
	Problems []Problem

	// internal holds the stack of a panic the reader recovered from, so
	// that tests can tell a bug in the reader from a bad workbook. It is
	// never shown to the clerk.
	internal string
}

// maxShown is how many problems Error() lists before summing up the rest:
// a wrong column in a 10,000-row table should not bury the first lines.
const maxShown = 100

// Error writes one Chinese line per problem, in the order of the
// workbook (sheet by sheet, row by row).
func (e *Error) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if i == maxShown {
			fmt.Fprintf(&b, "……还有 %d 个问题没有列出，请先改正以上问题", len(e.Problems)-maxShown)
			break
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// problems collects the problems of one read.
type problems struct {
	list []Problem
}

func (ps *problems) add(ref Ref, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	ps.list = append(ps.list, Problem{Ref: ref, Msg: msg})
}

func (ps *problems) err() error {
	if len(ps.list) == 0 {
		return nil
	}
	return &Error{Problems: ps.list}
}

// fail is a single problem as an error.
func fail(ref Ref, format string, args ...any) error {
	var ps problems
	ps.add(ref, format, args...)
	return ps.err()
}
