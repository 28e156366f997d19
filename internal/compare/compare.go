// Package compare tells what changed between two builds of a report — last
// month's and this month's: the figures read from the two workbooks (old →
// new, with their cells) and the report's sentences, aligned in order, the
// changed words marked.
//
// Sentences are aligned by exact equality with a Myers diff; within each
// stretch of removed and added sentences, the similar ones are paired as
// changed and their words (whole numbers, Latin words, single Han
// characters and marks) diffed again. The work is bounded: beyond a fixed
// number of steps the alignment anchors on sentences that occur once on
// each side (patience diff), so a thousand-page report takes well under a
// second, and the result depends on the input only.
package compare

import "briefing/internal/workbook"

// Result is what changed between two builds of a report.
type Result struct {
	Figures   []FigureChange
	Sentences []SentenceChange // the whole report in order, including unchanged sentences (Op Same)
}

// Compare compares two builds: their workbooks (see Figures) and their
// plain texts (see Text).
func Compare(oldBook, newBook *workbook.Book, oldText, newText string) *Result {
	return &Result{Figures: Figures(oldBook, newBook), Sentences: Text(oldText, newText)}
}

// Changed tells whether any figure or sentence differs.
func (r *Result) Changed() bool {
	if len(r.Figures) > 0 {
		return true
	}
	for _, s := range r.Sentences {
		if s.Op != Same {
			return true
		}
	}
	return false
}

// Summary counts the differences of a Result.
type Summary struct {
	Figures int `json:"figures"` // figure changes
	Changed int `json:"changed"` // sentences changed
	Added   int `json:"added"`   // sentences added
	Removed int `json:"removed"` // sentences removed
	Same    int `json:"same"`    // sentences unchanged
}

// Summary counts the figure changes and the sentences by Op.
func (r *Result) Summary() Summary {
	s := Summary{Figures: len(r.Figures)}
	for _, c := range r.Sentences {
		switch c.Op {
		case Same:
			s.Same++
		case Changed:
			s.Changed++
		case Added:
			s.Added++
		case Removed:
			s.Removed++
		}
	}
	return s
}
