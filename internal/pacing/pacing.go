// Package pacing sets the garbage collector's pace for briefing, a command
// that runs for a few tens of milliseconds and allocates most of its memory
// once (fonts, the PDF's compressed streams): collecting at the default
// pace costs a third of its CPU time for little memory. It is set when
// this package initialises: its import path sorts before those of the
// libraries that allocate megabytes as they initialise (excelize, goldmark,
// gonum/plot), and it imports nothing of theirs, so Go initialises it first
// (the spec's order: the first package, by import path, whose imports are
// initialised) and their initialisation no longer starts a collection.
//
// GOGC and GOMEMLIMIT, when set, are left to the runtime.
//
// On Linux it also has the heap backed by huge pages where the kernel does
// so only when asked (see hugepages_linux.go): page faults are half of a
// build's time on the virtual machines CI runs on.
package pacing

import (
	"os"
	"runtime/debug"
)

// Percent is the GOGC that briefing runs with unless GOGC says otherwise.
const Percent = 400

// BuildMemory is the soft memory limit a build is given: the heap of a
// report of 5000 pages would grow to five times what it holds, while what
// it holds stays under about 140 MB (a smaller limit makes such a report
// collect all the time; the sample holds a tenth of it).
const BuildMemory = 160 << 20

func init() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(Percent)
	}
	Limit(1)
}

// Limit sets the soft memory limit for builds reports built at once (a
// batch's workers), unless GOGC or GOMEMLIMIT says otherwise: one build's
// limit for the process would make the collector run all the time when
// several large reports are built together.
func Limit(builds int) {
	if os.Getenv("GOGC") == "" && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(int64(max(builds, 1)) * BuildMemory)
	}
}
