//go:build !windows

package oserr

// systemKinds maps a system's own error codes beyond the portable ones;
// the Unix systems have none.
var systemKinds = map[uintptr]kind{}
