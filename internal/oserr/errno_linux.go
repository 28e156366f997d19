package oserr

import "syscall"

// systemKinds maps Linux's codes beyond those every system shares.
var systemKinds = map[uintptr]kind{
	uintptr(syscall.ENOMEDIUM): kindNotReady, // no medium in the drive
}
