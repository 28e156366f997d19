package server

import (
	"errors"
	"os"
	"path/filepath"
	"sync"
	"time"

	"briefing/internal/build"
	"briefing/internal/report"
	"briefing/internal/workbook"
	"briefing/internal/workspace"
)

// session is one report type as the page shows it: the workbook chosen
// for it, the build under way, and the outcome of the last one.
type session struct {
	s   *Server
	typ workspace.Type

	building sync.Mutex // one build of a report at a time
	wg       sync.WaitGroup

	mu      sync.Mutex
	source  source
	running bool
	stage   string
	since   time.Time
	gen     int       // counts the builds finished
	last    *outcome  // the last build, good or not
	stamps  stamps    // of the files the last build read, taken before it
	watched time.Time // when a page last asked after this report
}

// source is the workbook a report is built from: a file of the workspace
// (followed as the clerk edits it) or an uploaded copy.
type source struct {
	Rel    string // a workbook of the workspace, relative to it
	Upload string // the snapshot of an uploaded workbook
	Name   string // as the page shows it
}

// session returns the session of a report type, making it when needed.
func (s *Server) session(t workspace.Type) *session {
	s.mu.Lock()
	defer s.mu.Unlock()
	ss, ok := s.sessions[t.Name]
	if !ok {
		ss = &session{s: s, typ: t}
		s.sessions[t.Name] = ss
	}
	return ss
}

// start builds the report from src in the background.
func (ss *session) start(src source) {
	ss.mu.Lock()
	ss.source = src
	ss.running, ss.stage, ss.since = true, "等待", time.Now()
	ss.watched = time.Now()
	ss.mu.Unlock()
	ss.wg.Add(1)
	go func() {
		defer ss.wg.Done()
		ss.run(src)
	}()
}

// releaseUnless removes the upload of src once it is no longer the
// report's workbook (its build archived a copy).
func (ss *session) releaseUnless(src source) {
	ss.mu.Lock()
	current := ss.source.Upload
	ss.mu.Unlock()
	if src.Upload != "" && src.Upload != current {
		ss.s.o.Workspace.Release(src.Upload)
	}
}

// wait waits for the builds under way.
func (ss *session) wait() { ss.wg.Wait() }

// run builds the report, one build at a time; a build asked for while
// another runs follows it.
func (ss *session) run(src source) {
	ss.building.Lock()
	defer ss.building.Unlock()
	defer ss.releaseUnless(src)
	ss.mu.Lock()
	if ss.source != src { // a newer choice is queued after this one
		ss.mu.Unlock()
		return
	}
	ss.running, ss.since = true, time.Now()
	ss.mu.Unlock()
	out, st := ss.build(src)
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.gen++
	out.Gen = ss.gen
	ss.last, ss.stamps = out, st
	ss.running, ss.stage = false, ""
}

// setStage is the build's progress.
func (ss *session) setStage(stage string) {
	ss.mu.Lock()
	ss.stage = stage
	slow := time.Since(ss.since) > 500*time.Millisecond
	ss.mu.Unlock()
	if slow {
		ss.s.logf("%s：%s……", ss.typ.Name, stage)
	}
}

// build reads, checks and renders the report, archives it when it is
// built, and compares it with the previous build.
func (ss *session) build(src source) (*outcome, stamps) {
	started := time.Now()
	out := &outcome{Source: src, At: started}
	ws := ss.s.o.Workspace
	snap, err := ss.snapshot(src)
	if err != nil {
		out.fail(err)
		return out.done(started), ss.stampOf(src, nil)
	}
	defer func() {
		if snap != src.Upload {
			ws.Release(snap)
		}
	}()
	ss.setStage("读取报告")
	rep, err := report.Load(ss.typ.Report(), report.WithRoot(ws.Dir), report.WithLimits(ss.s.o.Limits))
	if err != nil {
		out.fail(err)
		return out.done(started), ss.stampOf(src, nil)
	}
	st := ss.stampOf(src, rep)
	book := ss.check(out, rep, snap)
	if out.failed() {
		return out.done(started), ss.stampOf(src, rep)
	}
	res, err := build.Render(build.Options{Report: ss.typ.Report(), Data: snap, Formats: build.Formats,
		LoadFonts: ss.s.o.LoadFonts, Version: ss.s.o.Version, Root: ws.Dir, Limits: ss.s.o.Limits, Progress: ss.setStage})
	if err != nil {
		out.fail(err)
		return out.done(started), st
	}
	ss.keep(out, res, book, snap)
	return out.done(started), ss.stampOf(src, res.Report)
}

// snapshot is the file a build reads: an upload's copy, or a copy of the
// workspace's workbook taken now.
func (ss *session) snapshot(src source) (string, error) {
	if src.Upload != "" {
		return src.Upload, nil
	}
	ws := ss.s.o.Workspace
	p, err := ws.Path(src.Rel)
	if err != nil {
		return "", err
	}
	f, err := os.Open(p)
	if err != nil {
		return "", err
	}
	defer f.Close()
	return ws.Snapshot(filepath.Base(p), f, ss.s.o.MaxUpload)
}

// check reads the workbook and fills the templates, as briefing check
// does, into out: the figures, every problem, warning and reminder. It
// returns the workbook read.
func (ss *session) check(out *outcome, rep *report.Report, snap string) *workbook.Book {
	ss.setStage("读取工作簿")
	book, err := rep.Workbook(snap)
	if err != nil {
		out.fail(err)
		return nil
	}
	out.read(book)
	ss.setStage("填充模板")
	filled, err := rep.Fill(book)
	if filled != nil {
		out.Reminders = filled.Unused
	}
	if err != nil {
		out.fail(err)
		return book
	}
	out.warn(filled.Warnings)
	return book
}

// keep archives a built report and compares it with the build before.
func (ss *session) keep(out *outcome, res *build.Result, book *workbook.Book, snap string) {
	ss.setStage("归档")
	ws := ss.s.o.Workspace
	b := workspace.Build{Report: ss.typ.Name, Workbook: snap, Version: ss.s.o.Version, Time: time.Now()}
	for _, f := range res.Files {
		b.Outputs = append(b.Outputs, workspace.Output{Name: f.Name, Data: f.Data})
	}
	entry, err := ws.Archive(b)
	if err != nil {
		out.fail(errors.New("报告已生成，但无法归档：" + err.Error()))
		return
	}
	out.Entry = entry
	out.Pages = res.Pages
	ss.setStage("与上次比较")
	out.compare(ws.Previous(entry), book, string(res.Data("txt")))
}

// snapshotOf reports the outcome a page shows and whether a build is
// under way, and what it is doing.
func (ss *session) snapshotOf() (out *outcome, running bool, stage string, gen int, src source) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	ss.watched = time.Now()
	return ss.last, ss.running, ss.stage, ss.gen, ss.source
}

// bookOf reads the workbook an archive entry was built from.
func bookOf(e *workspace.Entry) (*workbook.Book, string, error) {
	p, _ := e.File(e.Workbook)
	book, err := workbook.Open(p)
	if err != nil {
		return nil, "", err
	}
	txt, ok := e.Output("txt")
	if !ok {
		return book, "", nil
	}
	b, err := os.ReadFile(txt)
	return book, string(b), err
}
