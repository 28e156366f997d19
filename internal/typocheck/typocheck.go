// Package typocheck runs the project's typography checker (.ci/typocheck.py,
// a copy of the shared tools' typocheck) on a PDF and returns its summary,
// for tests that measure the PDFs briefing and a browser make.
//
// The checker needs Python with pdfminer (Debian: python3-pdfminer); when
// none is installed, Available reports false and tests skip the measure.
package typocheck

import (
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
)

// Summary is the headline of the checker's report (its "summary" object),
// with the page-number placement from its "page_numbers" object.
type Summary struct {
	Pages               int                `json:"pages"`
	A4                  bool               `json:"a4"`
	BodySize            float64            `json:"body_font_size_pt"`
	LinesPerFullPage    []int              `json:"lines_per_full_page"`
	CharsMode           int                `json:"chars_per_full_line_mode"`
	FlushRatio          float64            `json:"flush_ratio"`
	RightDevMax         float64            `json:"right_dev_max_pt"`
	GridRegular         bool               `json:"grid_regular"`
	Pitch               float64            `json:"line_pitch_pt"`
	Kinsoku             int                `json:"kinsoku_violations"`
	Unbreakable         int                `json:"unbreakable_violations"`
	NumberUnitSplits    int                `json:"number_unit_splits"`
	Missing             int                `json:"missing_glyphs"`
	AllEmbedded         bool               `json:"all_fonts_embedded"`
	AllSubset           bool               `json:"all_fonts_subset"`
	WithoutToUnicode    int                `json:"cid_fonts_without_tounicode"`
	TextSimilarity      float64            `json:"text_similarity"`
	Margins             map[string]float64 `json:"margins_mm"`
	Orphans             int                `json:"orphans"`
	Widows              int                `json:"widows"`
	PageNumberFormats   map[string]int     `json:"page_number_formats"`
	PageNumbersPlacedGB bool               `json:"-"`
	Lang                string             `json:"lang"`
	HasOutline          bool               `json:"has_outline"`

	// From the report's other objects: the margins' GB/T 9704 verdict
	// (±1 mm, to the em box or the line box), the lines of each page, the
	// marks hung past the right edge, the line-breaking faults by level.
	MarginsGB      bool           `json:"-"`
	PageLines      []PageLines    `json:"-"`
	Hanging        int            `json:"-"`
	KinsokuByLevel map[string]int `json:"kinsoku_by_level"`
}

// PageLines counts the text lines of a page: those in the body size and
// all of them (a title, a table, the 版记 are in other sizes).
type PageLines struct {
	Body int `json:"body_lines"`
	All  int `json:"all_text_lines"`
}

var (
	once   sync.Once
	python string
)

// Python returns a python3 that can import pdfminer, or "".
func Python() string {
	once.Do(func() {
		for _, p := range []string{"python3", "/usr/bin/python3"} {
			if path, err := exec.LookPath(p); err == nil && exec.Command(path, "-c", "import pdfminer").Run() == nil {
				python = path
				return
			}
		}
	})
	return python
}

// Available reports whether the checker can run here.
func Available() bool { return Python() != "" }

// script is .ci/typocheck.py in this repository, or .ci/figcheck.py.
func script(name string) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..", ".ci", name)
}

// Run measures pdf, comparing its text with the plain text in expected
// (one paragraph a line) when expected is not "".
func Run(pdf, expected string) (*Summary, error) { return run("typocheck.py", pdf, expected) }

// RunFigures is Run for a PDF with figures (charts) marked as /Figure or
// /Artifact content: .ci/figcheck.py drops their text before the checker
// measures, so that a chart's labels are not taken for body lines. A
// page's lines then leave out the grid lines its figures take.
func RunFigures(pdf, expected string) (*Summary, error) { return run("figcheck.py", pdf, expected) }

func run(name, pdf, expected string) (*Summary, error) {
	py := Python()
	if py == "" {
		return nil, errors.New("python3 with pdfminer is not installed (apt-get install python3-pdfminer)")
	}
	args := []string{script(name), pdf, "--json", "-", "--quiet"}
	if expected != "" {
		args = append(args, "--expected", expected)
	}
	out, err := exec.Command(py, args...).Output()
	if err != nil {
		return nil, fmt.Errorf("typocheck %s: %v\n%s", pdf, err, out)
	}
	var r struct {
		Summary     Summary `json:"summary"`
		PageNumbers struct {
			PositionOK bool `json:"gbt9704_position_ok"`
		} `json:"page_numbers"`
		Layout struct {
			PerPage []PageLines `json:"per_page"`
			GBT9704 struct {
				MarginsOK bool `json:"margins_ok"`
			} `json:"gbt9704"`
		} `json:"layout"`
		Justification struct {
			Hanging int `json:"line_end_punct_hanging"`
		} `json:"justification"`
	}
	if err := json.Unmarshal(out, &r); err != nil {
		return nil, fmt.Errorf("typocheck %s: %v", pdf, err)
	}
	r.Summary.PageNumbersPlacedGB = r.PageNumbers.PositionOK
	r.Summary.MarginsGB = r.Layout.GBT9704.MarginsOK
	r.Summary.PageLines = r.Layout.PerPage
	r.Summary.Hanging = r.Justification.Hanging
	return &r.Summary, nil
}
