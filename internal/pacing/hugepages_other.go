//go:build !(linux && (amd64 || arm64))

package pacing

// LongRunning tells that the process is to run for long; only on Linux
// does it change anything (hugepages_linux.go).
func LongRunning() {}
