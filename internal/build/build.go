// Package build runs the whole road from a report directory and a workbook
// to the finished files: load, read the workbook, fill, typeset, render,
// and write each output atomically.
package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/oserr"
	"briefing/internal/pdfwriter"
	"briefing/internal/report"
	"briefing/internal/textwriter"
	"briefing/internal/typeset"
	"briefing/internal/workbook"
)

// Formats the build can write: the PDF, the HTML page, the plain text
// (one paragraph a line, as the PDF reads), and the Word document.
var Formats = []string{"pdf", "html", "txt", "docx"}

// DefaultFormats are written when none are asked for.
var DefaultFormats = []string{"pdf", "html"}

// Options say what to build.
type Options struct {
	Report  string     // report directory or bundled report type; "" for the sample
	Data    string     // workbook; "" for the one the report names
	OutDir  string     // "" for out
	Formats []string   // nil for all
	Fonts   *fonts.Set // nil for LoadFonts, or the bundled fonts
	// LoadFonts, when Fonts is nil, makes the font set (finding the
	// system's fonts takes a few milliseconds); Render calls it while it
	// reads the report and the workbook, and waits for it before the PDF.
	LoadFonts func() (*fonts.Set, error)
	Version   string // written into the files as their producer
	// Strict refuses to build a report that has warnings: wording that
	// contradicts its figures, a failed 校验, Markdown it cannot render.
	Strict bool
	// Guard, when set, lets an interrupt undo Build's writing (Guard.Stop).
	Guard *Guard
	// Root, when set, is the only directory the report may read files
	// from (report.WithRoot); by default its own directory and the
	// templates/, sections/ and samples/ of the folder it lies in.
	Root string
	// Limits bound the filling of the templates (report.Limits); a zero
	// field keeps the default.
	Limits report.Limits
	// Progress, when set, is told each stage as Render begins it, in
	// Chinese: 读取报告, 读取工作簿, 填充模板, 排版, 生成 PDF, 生成 HTML ….
	Progress func(stage string)
	// KeepLayout keeps every page of the PDF's layout in Result.Layout,
	// for tests and tools that look at it. Without it the PDF is drawn
	// page by page as the pages are set, and its glyphs are not kept: the
	// memory a build takes does not grow with them.
	KeepLayout bool
	// KeepBook keeps the workbook in Result.Book, for a caller that
	// compares it with another; without it the workbook is let go once
	// the templates are filled.
	KeepBook bool
	// KeepDocument keeps the Markdown tree of Result.Document (Root and
	// Source, and its annexes'), as KeepLayout does; without either,
	// when a PDF is asked for, they are let go once the other formats are
	// made, before the PDF is drawn, and Result.Document holds the rest
	// (the metadata, the annexes' titles).
	KeepDocument bool
}

// keepTree says whether Result.Document keeps its Markdown tree.
func (o Options) keepTree() bool { return o.KeepDocument || o.KeepLayout }

// stage tells o.Progress that a stage begins.
func (o Options) stage(name string) {
	if o.Progress != nil {
		o.Progress(name)
	}
}

// stageNames are the stages of writing each format, for Progress.
var stageNames = map[string]string{"pdf": "生成 PDF", "html": "生成 HTML", "txt": "生成纯文本"}

// StrictError is the refusal of a build with Strict set: the report's
// warnings, one a line.
type StrictError struct{ Warnings []string }

func (e *StrictError) Error() string {
	return strings.Join(e.Warnings, "\n") + fmt.Sprintf("\n有%d条警告，按 -strict 的要求不生成报告；请改正后再试，或去掉 -strict", len(e.Warnings))
}

// Result is a built report, in memory.
type Result struct {
	Report *report.Report
	Book   *workbook.Book // with Options.KeepBook
	// Document is the filled report. Its Markdown tree (Root, Source) is
	// kept when no PDF was asked for, or with Options.KeepDocument or
	// KeepLayout; otherwise it was let go before the PDF was drawn
	// (Document.WithoutTree).
	Document *document.Document
	Layout   *typeset.Document // with Options.KeepLayout; nil without, or when no PDF was asked for
	Pages    int               // the PDF's pages; 0 when no PDF was asked for
	Warnings []string          // what does not stop the report but should be read (report.Filled)
	Files    []File
	Timings  Timings
}

// Data is the output in format f (pdf, html, txt, docx), nil when the
// build did not make it.
func (res *Result) Data(f string) []byte {
	for _, file := range res.Files {
		if file.Format == f {
			return file.Data
		}
	}
	return nil
}

// Timings is how long each stage of a build took.
type Timings struct {
	Report   time.Duration // read report.md and its front matter
	Workbook time.Duration // read the workbook
	Fill     time.Duration // fill the templates and parse the Markdown
	Fonts    time.Duration // load the fonts the report uses
	Layout   time.Duration // break lines and pages
	PDF      time.Duration // draw and write the PDF (font subsetting included)
	HTML     time.Duration // write the HTML page
}

// String writes the timings in Chinese, for briefing build -timings.
func (t Timings) String() string {
	ms := func(d time.Duration) string { return fmt.Sprintf("%.1f毫秒", float64(d.Microseconds())/1000) }
	total := t.Report + t.Workbook + t.Fill + t.Fonts + t.Layout + t.PDF + t.HTML
	return fmt.Sprintf("读取报告 %s，读取工作簿 %s，填充与解析 %s，载入字体 %s，排版 %s，生成 PDF %s，生成 HTML %s，共 %s",
		ms(t.Report), ms(t.Workbook), ms(t.Fill), ms(t.Fonts), ms(t.Layout), ms(t.PDF), ms(t.HTML), ms(total))
}

// File is one rendered output.
type File struct {
	Format string
	Name   string // file name, e.g. 情况汇报.pdf
	Data   []byte
	Path   string // where Write put it
}

// ParseFormats reads a -format value such as “pdf,html”.
func ParseFormats(s string) ([]string, error) {
	var out []string
	for _, f := range strings.Split(s, ",") {
		f = strings.ToLower(strings.TrimSpace(f))
		if f == "" {
			continue
		}
		ok := false
		for _, known := range Formats {
			if f == known {
				ok = true
			}
		}
		if !ok {
			return nil, fmt.Errorf("不认识的输出格式“%s”（可用：%s）", oserr.Escape(f), strings.Join(Formats, "、"))
		}
		dup := false
		for _, o := range out {
			dup = dup || o == f
		}
		if !dup {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("没有指定输出格式（可用：%s）", strings.Join(Formats, "、"))
	}
	return out, nil
}

// loadOptions are the options of report.Load that o asks for.
func (o Options) loadOptions() []report.LoadOption {
	opts := []report.LoadOption{report.WithLimits(o.Limits)}
	if o.Root != "" {
		opts = append(opts, report.WithRoot(o.Root))
	}
	return opts
}

// StartFonts starts making the font set that o asks for (o.Fonts,
// o.LoadFonts, or the bundled fonts) while the caller does other work, and
// returns the function that waits for it.
func StartFonts(o Options) func() (*fonts.Set, error) {
	type loaded struct {
		set *fonts.Set
		err error
	}
	ready := make(chan loaded, 1)
	switch {
	case o.Fonts != nil:
		ready <- loaded{set: o.Fonts}
	case o.LoadFonts != nil:
		go func() {
			set, err := o.LoadFonts()
			ready <- loaded{set, err}
		}()
	default:
		ready <- loaded{set: fonts.Bundled()}
	}
	var l *loaded
	return func() (*fonts.Set, error) {
		if l == nil {
			got := <-ready
			l = &got
		}
		return l.set, l.err
	}
}

// Render loads, fills and renders the report into memory; it writes
// nothing.
func Render(o Options) (*Result, error) {
	fontSet := StartFonts(o)
	formats := o.Formats
	if formats == nil {
		formats = DefaultFormats
	}
	var t Timings
	start := time.Now()
	lap := func(d *time.Duration) {
		now := time.Now()
		*d = now.Sub(start)
		start = now
	}
	o.stage("读取报告")
	rep, err := report.Load(o.Report, o.loadOptions()...)
	if err != nil {
		return nil, err
	}
	lap(&t.Report)
	o.stage("读取工作簿")
	book, err := rep.Workbook(o.Data)
	if err != nil {
		return nil, err
	}
	lap(&t.Workbook)
	var kept *workbook.Book
	if o.KeepBook {
		kept = book
	}
	o.stage("填充模板")
	filled, err := rep.Fill(book) // book is not used after: Fill may let it go
	if err != nil {
		return nil, err
	}
	if o.Strict && len(filled.Warnings) > 0 {
		return nil, &StrictError{Warnings: filled.Warnings}
	}
	doc := filled.Doc
	doc.Name = outputName(rep, doc.Meta.Title)
	lap(&t.Fill)
	// The workbook is let go here: a large table is not held while the
	// report is laid out and drawn.
	res := &Result{Report: rep, Document: doc, Warnings: filled.Warnings}
	res.Book = kept
	defer func() { res.Timings = t }()
	producer := "briefing"
	if o.Version != "" {
		producer += " " + o.Version
	}
	// The PDF is laid out first: the HTML page breaks its title where the
	// PDF does.
	ordered := make([]string, 0, len(formats))
	for _, known := range Formats {
		for _, f := range formats {
			if f == known {
				ordered = append(ordered, f)
			}
		}
	}
	// The PDF is drawn last, after the other formats have read the
	// Markdown tree, which is then let go: a table of 100,000 rows is a
	// tree of over 100 MB, not held while the PDF is drawn.
	var (
		titleLines []string
		plan       *typeset.Plan      // kept for the layout (KeepLayout), or
		drawing    *pdfwriter.Drawing // the PDF begun: its fonts are cut while the other formats are written
		pdfOpts    pdfwriter.Options
		pdfAt      int
	)
	for _, f := range ordered {
		var data []byte
		if f == "pdf" {
			o.stage("排版")
		} else {
			o.stage(stageNames[f])
		}
		switch f {
		case "pdf":
			set, err := fontSet()
			if err != nil {
				return nil, err
			}
			pdfOpts = pdfwriter.Options{Fonts: set, Producer: producer}
			plan, err = planPDF(doc, pdfOpts, o.keepTree(), &t, lap)
			if err != nil {
				return nil, err
			}
			titleLines = plan.Lines(typeset.KindTitle)
			pdfAt = len(res.Files)
			if !o.KeepLayout {
				if drawing, err = pdfwriter.StartDrawing(plan, doc, pdfOpts); err != nil {
					return nil, err
				}
				plan = nil
			}
		case "html":
			data, err = htmlwriter.Bytes(doc, htmlwriter.Options{
				Generator:    producer,
				AllowRawHTML: rep.AllowRawHTML(),
				Image:        rep.ReadFile,
				TitleLines:   titleLines,
			})
			lap(&t.HTML)
		case "txt":
			data = textwriter.Bytes(doc)
		case "docx":
			data, err = docxBytes(doc, titleLines, fontSet, producer)
		}
		if err != nil {
			return nil, err
		}
		res.Files = append(res.Files, File{Format: f, Name: doc.Name + "." + f, Data: data})
	}
	if plan != nil || drawing != nil {
		var other time.Duration
		lap(&other) // the plain text and the Word document
		if !o.keepTree() {
			doc = doc.WithoutTree()
			res.Document = doc
		}
		o.stage(stageNames["pdf"])
		var data []byte
		var err error
		if drawing != nil {
			data, err = res.draw(drawing)
		} else {
			data, err = res.drawKept(plan, doc, pdfOpts)
		}
		if err != nil {
			return nil, err
		}
		lap(&t.PDF)
		res.Files[pdfAt].Data = data
	}
	return res, nil
}

// Build renders the report and writes its files into o.OutDir, all or
// nothing (see Write).
func Build(o Options) (*Result, error) {
	res, err := Render(o)
	if err != nil {
		return nil, err
	}
	dir := o.OutDir
	if dir == "" {
		dir = "out"
	}
	g := o.Guard
	if g == nil {
		g = &Guard{}
	}
	if err := write(dir, res.Files, g); err != nil {
		return nil, err
	}
	for i := range res.Files {
		res.Files[i].Path = filepath.Join(dir, res.Files[i].Name)
	}
	return res, nil
}
