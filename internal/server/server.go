// Package server is the clerk's local web page: choose a report type, drop
// in this month's workbook, read every problem with its cell, compare
// with last month's build, preview and download the report.
//
// A Server is an http.Handler for one workspace (package workspace). It
// answers only requests that carry its token (in the URL opened at start,
// then in a cookie) and name an allowed Host, so that no other web page
// and no other user of the machine can drive it; it reads and serves only
// files of the workspace. Each successful build is archived in the
// workspace; a failed one never replaces the last good one. While a page
// is open on a report, the report is rebuilt when its workbook (one of
// the workspace) or any of its template files changes on disk.
package server

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"sync"
	"time"

	"briefing/internal/fonts"
	"briefing/internal/report"
	"briefing/internal/workbook"
	"briefing/internal/workspace"
)

// Options configure a Server.
type Options struct {
	Workspace *workspace.Workspace
	// Token is the secret every request must carry; see New.
	Token string
	// Hosts are the values of the Host header the server answers, such
	// as “127.0.0.1:8080” and “localhost:8080”.
	Hosts []string
	// LoadFonts makes the font set of a build; nil for the bundled fonts.
	LoadFonts func() (*fonts.Set, error)
	Version   string        // briefing's, written into the outputs
	Limits    report.Limits // of filling the templates
	// MaxUpload bounds an uploaded workbook; 0 for the workbook reader's
	// limit on a file.
	MaxUpload int64
	// Poll is how often the files of an open report are looked at; 0 for
	// half a second.
	Poll time.Duration
	// Log, when set, gets a line for each build (a terminal's progress).
	Log io.Writer
}

// Server is the web page of one workspace.
type Server struct {
	o   Options
	mux *http.ServeMux

	mu       sync.Mutex
	sessions map[string]*session // by report type

	stop  context.CancelFunc
	done  chan struct{}
	logMu sync.Mutex
	ctx   context.Context
}

// New returns the server of o.Workspace and starts following the files of
// open reports; Close stops it.
func New(o Options) *Server {
	if o.MaxUpload <= 0 {
		o.MaxUpload = workbook.DefaultMaxFileSize
	}
	if o.Poll <= 0 {
		o.Poll = 500 * time.Millisecond
	}
	if o.LoadFonts == nil {
		o.LoadFonts = func() (*fonts.Set, error) { return fonts.Bundled(), nil }
	}
	o.Workspace.Tidy()
	s := &Server{o: o, sessions: map[string]*session{}, done: make(chan struct{})}
	s.ctx, s.stop = context.WithCancel(context.Background())
	s.routes()
	go s.watch()
	return s
}

// Close stops following files and waits for the builds under way.
func (s *Server) Close() {
	s.stop()
	<-s.done
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, ss := range s.sessions {
		ss.wait()
	}
}

// logf writes a line to the terminal's log.
func (s *Server) logf(format string, args ...any) {
	if s.o.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.o.Log, time.Now().Format("15:04:05")+" "+format+"\n", args...)
}
