//go:build !windows && !linux

package oserr

// systemKinds maps a system's own error codes beyond the portable ones;
// the other Unix systems need none.
var systemKinds = map[uintptr]kind{}
