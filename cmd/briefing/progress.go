package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// slowBuild is how long a build runs before the terminal is told what it
// is doing.
const slowBuild = 500 * time.Millisecond

// progress tells a terminal what a slow build is doing, one line a stage,
// from the stage under way at half a second on.
type progress struct {
	w     io.Writer
	mu    sync.Mutex
	stage string
	slow  bool
	timer *time.Timer
}

// newProgress follows a build on w when w is a terminal; otherwise (a
// pipe, a file, CI) it returns nil and nothing is written.
func newProgress(w io.Writer) *progress {
	if !isTerminal(w) {
		return nil
	}
	p := &progress{w: w}
	p.timer = time.AfterFunc(slowBuild, p.late)
	return p
}

// isTerminal reports whether w is a terminal (a console on Windows).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

// late is the half second passing: the stage under way is shown.
func (p *progress) late() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.slow = true
	p.show()
}

func (p *progress) show() {
	if p.stage != "" {
		fmt.Fprintf(p.w, "正在%s……\n", p.stage)
	}
}

// Stage is build.Options.Progress.
func (p *progress) Stage(stage string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.stage = stage
	if p.slow {
		p.show()
	}
}

// done ends the following.
func (p *progress) done() {
	p.timer.Stop()
}

// stageFunc is the Progress option of a build followed by p.
func (p *progress) stageFunc() func(string) {
	if p == nil {
		return nil
	}
	return p.Stage
}
