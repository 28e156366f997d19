package fill

import "fmt"

// The problems a function reports come in kinds. A name the workbook
// lacks and a function given the wrong kind of thing (a table where a list
// is needed, an unknown option) are mistakes of the template, wherever
// they are written: the check reports them even in a branch that this
// month's data does not take. A cell whose content does not fit (text
// where a number is needed) and a problem of the data (an empty 去年同期, a
// table with no rows) matter only where the template really goes: a
// condition may be there to pass them by (a column that holds 在建 for
// projects and numbers for firms), and the check reports them only
// outside conditions.
type problemKind uint8

const (
	dataProblem  problemKind = iota
	valueProblem             // a workbook value of the wrong kind
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

func valueError(format string, a ...any) error {
	return &fnError{valueProblem, fmt.Sprintf(format, a...)}
}
