package main

import (
	"os"
	"path/filepath"
	"syscall"
	"unsafe"
)

var (
	kernel32               = syscall.NewLazyDLL("kernel32.dll")
	procGetConsoleOutputCP = kernel32.NewProc("GetConsoleOutputCP")
	procSetConsoleOutputCP = kernel32.NewProc("SetConsoleOutputCP")
	procGetConsoleProcList = kernel32.NewProc("GetConsoleProcessList")
)

// utf8CodePage is Windows' number for UTF-8.
const utf8CodePage = 65001

// setupConsole switches the console's output to UTF-8, so that a Chinese
// Windows console (code page 936 by default) shows briefing's messages
// instead of garbled bytes; the returned function puts the code page back.
func setupConsole() (restore func()) {
	old, _, _ := procGetConsoleOutputCP.Call()
	if old == 0 || old == utf8CodePage {
		return func() {}
	}
	if ok, _, _ := procSetConsoleOutputCP.Call(utf8CodePage); ok == 0 {
		return func() {}
	}
	return func() { procSetConsoleOutputCP.Call(old) }
}

// doubleClicked reports whether briefing.exe was started from Explorer
// rather than typed in a console: then the console it runs in is its own,
// and no other process is attached to it.
func doubleClicked() bool {
	var ids [4]uint32
	n, _, _ := procGetConsoleProcList.Call(uintptr(unsafe.Pointer(&ids[0])), uintptr(len(ids)))
	return n == 1
}

// doubleClickWorkspace is the workspace of a double-clicked briefing.exe:
// the folder it lies in.
func doubleClickWorkspace() string {
	exe, err := os.Executable()
	if err != nil {
		return "."
	}
	return filepath.Dir(exe)
}
