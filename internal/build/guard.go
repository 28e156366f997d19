package build

import (
	"errors"
	"os"
	"sync"
)

// ErrInterrupted is what a Write returns when its Guard was stopped: the
// output directory has been put back as it was.
var ErrInterrupted = errors.New("已中断：没有写出任何文件")

// Guard lets an interrupt undo a Write in progress. Every change Write makes
// to the disk is a step taken under the guard with a way to undo it; Stop
// undoes the steps taken, last first, and makes the next step fail, so
// that the output directory shows the previous build, whenever it comes.
// The zero Guard is ready to use.
type Guard struct {
	mu        sync.Mutex
	stopped   bool
	committed bool          // every output is in place: nothing is undone any more
	undo      []func() note // how to undo each step taken, in order

	tmu   sync.Mutex
	temps map[string]bool // temporary files that exist, for Scrap
	dirs  []string        // directories Write made, for Scrap
}

// note is what an undo could not do, for the message; "" when it did.
type note = string

// step makes one change to the disk under the guard and records how to
// undo it. It fails with ErrInterrupted once the guard is stopped.
func (g *Guard) step(do func() error, undo func() note) error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return ErrInterrupted
	}
	if err := do(); err != nil {
		return err
	}
	if undo != nil {
		g.undo = append(g.undo, undo)
	}
	return nil
}

// rollback undoes the steps taken, last first, and returns what it could
// not undo. The caller holds g.mu.
func (g *Guard) rollback() []note {
	var notes []note
	for i := len(g.undo) - 1; i >= 0; i-- {
		if n := g.undo[i](); n != "" {
			notes = append(notes, n)
		}
	}
	g.undo = nil
	return notes
}

// fail undoes the steps of a failed Write; see rollback.
func (g *Guard) fail() []note {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.rollback()
}

// commit marks every output in place: from now on nothing is undone, and
// Stop lets the Write finish. It fails once the guard is stopped.
func (g *Guard) commit() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.stopped {
		return ErrInterrupted
	}
	g.committed, g.undo = true, nil
	return nil
}

// Stop undoes the Write in progress, if any, and makes it fail with
// ErrInterrupted: its temporary files are removed and the outputs it has
// replaced put back. It waits for the step in progress (at most the writing
// of one file). It reports true when the outputs were already all in place:
// then it changes nothing and the Write finishes.
func (g *Guard) Stop() (complete bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.committed {
		return true
	}
	g.stopped = true
	g.rollback()
	return false
}

// Scrap removes the temporary files of the Write in progress, and the
// directories it made when empty, without waiting for its step, for an
// interrupt that cannot wait (a second Ctrl+C). The outputs it has
// replaced are not put back. It reports whether every
// temporary file is gone.
func (g *Guard) Scrap() bool {
	g.tmu.Lock()
	defer g.tmu.Unlock()
	ok := true
	for t := range g.temps {
		if err := os.Remove(t); err != nil && !errors.Is(err, os.ErrNotExist) {
			ok = false
		}
	}
	for i := len(g.dirs) - 1; i >= 0; i-- {
		os.Remove(g.dirs[i]) // only when empty
	}
	return ok
}

// trackDir records a directory Write made, for Scrap.
func (g *Guard) trackDir(dir string) {
	g.tmu.Lock()
	defer g.tmu.Unlock()
	g.dirs = append(g.dirs, dir)
}

// track records that a temporary file exists (or, with gone, no longer
// does), for Scrap.
func (g *Guard) track(path string, gone bool) {
	g.tmu.Lock()
	defer g.tmu.Unlock()
	if g.temps == nil {
		g.temps = map[string]bool{}
	}
	if gone {
		delete(g.temps, path)
	} else {
		g.temps[path] = true
	}
}
