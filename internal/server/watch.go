package server

import (
	"maps"
	"os"
	"time"

	"briefing/internal/report"
)

// stamps are the size and modification time of the files a build read.
type stamps map[string]stamp

type stamp struct {
	size int64
	mod  time.Time
}

// stampOf takes the stamps of the files a build of src reads: the
// workspace's workbook (not an upload: it does not change) and the files
// of the report.
func (ss *session) stampOf(src source, rep *report.Report) stamps {
	st := stamps{}
	if src.Rel != "" {
		if p, err := ss.s.o.Workspace.Path(src.Rel); err == nil {
			st.add(p)
		}
	}
	if rep != nil {
		for _, p := range rep.Files() {
			st.add(p)
		}
	}
	return st
}

func (st stamps) add(p string) {
	fi, err := os.Stat(p)
	if err != nil {
		st[p] = stamp{size: -1}
		return
	}
	st[p] = stamp{size: fi.Size(), mod: fi.ModTime()}
}

// changed reports whether any of the files changed since st was taken.
func (st stamps) changed() bool {
	now := stamps{}
	for p := range st {
		now.add(p)
	}
	return !maps.Equal(st, now)
}

// watchFor is how long after a page last asked after a report the server
// goes on following its files.
const watchFor = 10 * time.Second

// watch rebuilds, every Poll, each report open in a page whose workbook or
// template files changed since its last build.
func (s *Server) watch() {
	defer close(s.done)
	tick := time.NewTicker(s.o.Poll)
	defer tick.Stop()
	for {
		select {
		case <-s.ctx.Done():
			return
		case <-tick.C:
		}
		s.mu.Lock()
		list := make([]*session, 0, len(s.sessions))
		for _, ss := range s.sessions {
			list = append(list, ss)
		}
		s.mu.Unlock()
		for _, ss := range list {
			ss.rebuildIfChanged()
		}
	}
}

// rebuildIfChanged starts a build when the files of the last one changed
// and a page is still following the report.
func (ss *session) rebuildIfChanged() {
	ss.mu.Lock()
	src, idle, st := ss.source, !ss.running, ss.stamps
	open := time.Since(ss.watched) < watchFor
	ss.mu.Unlock()
	if !idle || !open || (src == source{}) || st == nil || !st.changed() {
		return
	}
	ss.s.logf("%s：文件有改动，重新生成", ss.typ.Name)
	ss.start(src)
}
