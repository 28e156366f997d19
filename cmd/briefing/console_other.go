//go:build !windows

package main

// setupConsole has nothing to do where terminals speak UTF-8.
func setupConsole() (restore func()) { return func() {} }

// doubleClicked is true only for briefing.exe started from Windows
// Explorer.
func doubleClicked() bool { return false }

func doubleClickWorkspace() string { return "." }
