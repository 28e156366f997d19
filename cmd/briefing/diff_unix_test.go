//go:build unix

package main

import "testing"

func init() {
	checkDiffMessage = func(t *testing.T, msg string, args []string) {
		t.Helper()
		checkClean(t, msg, "", args)
	}
}
