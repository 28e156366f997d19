package build

import (
	"fmt"
	"io"
	"os"
	"time"
)

// The tests of the command run the real program and interrupt it at given
// points of Write, or make its disk full; two environment variables, which
// nothing else sets, ask for that:
//
//	BRIEFING_TEST_PAUSE=start|writing|temp|written|replaced
//	BRIEFING_TEST_DISK=full
//
// start is before Write makes anything; writing is while a temporary file
// is being written (the guard held, so that an interrupt has to wait);
// temp after each temporary file is written, written after all are,
// replaced after each output is put in place. At the point asked for,
// Write says “BRIEFING_PAUSED point” on standard error and waits for a
// minute, for the test's signal.
const (
	pauseVar = "BRIEFING_TEST_PAUSE"
	diskVar  = "BRIEFING_TEST_DISK"
)

// pause is called at each point of Write; the tests of this package
// replace it.
var pause = pauseFromEnv

// pauseFromEnv waits at point when the tests of the command ask for it.
func pauseFromEnv(point string) {
	if os.Getenv(pauseVar) != point {
		return
	}
	fmt.Fprintf(os.Stderr, "BRIEFING_PAUSED %s\n", point)
	time.Sleep(time.Minute)
}

// sink is where the bytes of a temporary file go: the file, or a full disk
// when the tests ask for one (on Linux, /dev/full, where every write fails
// with ENOSPC).
func sink(f *os.File) io.Writer {
	if os.Getenv(diskVar) == "full" {
		return fullDisk{}
	}
	return f
}

// fullDisk writes to /dev/full.
type fullDisk struct{}

// Write fails as a full disk does.
func (fullDisk) Write(p []byte) (int, error) {
	f, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	return f.Write(p)
}
