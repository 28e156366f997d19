package main

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// mainVar, set in the environment, makes the test binary run as briefing:
// the tests start the real program, with its exit status, signals and
// standard streams.
const mainVar = "BRIEFING_TEST_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(mainVar) == "1" {
		main()
	}
	os.Exit(m.Run())
}

// proc is a run of the real program.
type proc struct {
	cmd            *exec.Cmd
	stdout, stderr bytes.Buffer
	read           chan struct{} // closed when standard error is all read
}

// start starts briefing with args in the repository's root, with the
// extra environment env. When pausing is set, start returns once the
// program says it has paused there (BRIEFING_TEST_PAUSE).
func start(t *testing.T, env []string, pausing string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command(os.Args[0], args...), read: make(chan struct{})}
	p.cmd.Dir = filepath.Join("..", "..")
	p.cmd.Env = append(append(os.Environ(), mainVar+"=1"), env...)
	if pausing != "" {
		p.cmd.Env = append(p.cmd.Env, "BRIEFING_TEST_PAUSE="+pausing)
	}
	p.cmd.Stdout = &p.stdout
	errs, err := p.cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	paused := make(chan bool, 1)
	go p.readErrors(errs, pausing, paused)
	if pausing != "" {
		select {
		case ok := <-paused:
			if !ok {
				t.Fatalf("%v ended before pausing at %s: %s", args, pausing, p.stderr.String())
			}
		case <-time.After(30 * time.Second):
			p.cmd.Process.Kill()
			t.Fatalf("%v did not pause at %s", args, pausing)
		}
	}
	return p
}

// readErrors copies standard error, but for the pause line, which it
// reports on paused (false when the program ends without pausing).
func (p *proc) readErrors(r io.Reader, pausing string, paused chan<- bool) {
	defer close(p.read)
	sc := bufio.NewScanner(r)
	said := false
	for sc.Scan() {
		if line := sc.Text(); line == "BRIEFING_PAUSED "+pausing && !said {
			said = true
			paused <- true
		} else {
			p.stderr.WriteString(line + "\n")
		}
	}
	if !said {
		paused <- false
	}
}

// wait waits for the program to end and returns its exit status. It
// reads all of standard error first: Wait closes the pipe.
func (p *proc) wait(t *testing.T) int {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		<-p.read
		done <- p.cmd.Wait()
	}()
	select {
	case err := <-done:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			t.Fatal(err)
		}
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(60 * time.Second):
		p.cmd.Process.Kill()
		t.Fatal("briefing did not end")
	}
	return -1
}

// runProc runs briefing to its end.
func runProc(t *testing.T, env []string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	p := start(t, env, "", args...)
	code = p.wait(t)
	return code, p.stdout.String(), p.stderr.String()
}

// tree lists every file and directory under root with a hash of each
// file's content, to tell whether a run changed anything.
func tree(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == root {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			out = append(out, rel+" →")
		case d.IsDir():
			out = append(out, rel+"/")
		case d.Type().IsRegular():
			out = append(out, rel+" "+hashFile(p))
		default:
			out = append(out, rel+" "+d.Type().String())
		}
		return nil
	})
	sort.Strings(out)
	return out
}

// hashFile is a short hash of a file's content.
func hashFile(p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		return "?"
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:6])
}

// leftovers are the temporary and backup files in a tree listing.
func leftovers(list []string) []string {
	var out []string
	for _, l := range list {
		if strings.Contains(l, ".tmp") || strings.Contains(l, ".bak") {
			out = append(out, l)
		}
	}
	return out
}
