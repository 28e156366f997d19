package fill

import "fmt"

// The problems a function reports come in three kinds. A name the workbook
// lacks and a value of the wrong kind are mistakes of the template (or of
// the workbook's layout) wherever they are written, and the check reports
// them even in a branch that this month's data does not take. A problem of
// the data (an empty 去年同期, a table with no rows) matters only where the
// template really goes, and the check reports it only outside conditions.
type problemKind uint8

const (
	dataProblem problemKind = iota
	nameProblem
	kindProblem
)

// fnError is a function's problem, in Chinese.
type fnError struct {
	kind problemKind
	msg  string
}

func (e *fnError) Error() string { return e.msg }

func nameError(msg string) error { return &fnError{nameProblem, msg} }

func kindError(format string, a ...any) error {
	return &fnError{kindProblem, fmt.Sprintf(format, a...)}
}
