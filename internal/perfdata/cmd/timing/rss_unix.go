//go:build unix

package main

import (
	"os"
	"syscall"
)

// peakRSS is the most memory a finished process held (kilobytes on Linux).
func peakRSS(ps *os.ProcessState) int64 {
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		return int64(ru.Maxrss)
	}
	return 0
}
