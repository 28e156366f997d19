//go:build unix

package docxwriter_test

import (
	"os/exec"
	"syscall"
)

// ownGroup runs cmd in a process group of its own, and a cancelled
// command is killed with the whole group: soffice starts soffice.bin.
func ownGroup(cmd *exec.Cmd) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL) }
}
