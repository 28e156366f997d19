package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPacedBeforeTheLibraries: the collector's pace (package pacing) is set
// before excelize, goldmark and gonum/plot allocate as they initialise: the
// first collection waits for the heap to grow to 16 MB (GOGC 400), not to
// the runtime's first 4 MB (GOGC 100), which these libraries' initialisation
// alone nearly fills.
func TestPacedBeforeTheLibraries(t *testing.T) {
	p := start(t, []string{"GOGC=", "GOMEMLIMIT=", "GODEBUG=inittrace=1,gctrace=1"}, "", "version")
	if code := p.wait(t); code != 0 {
		t.Fatalf("exit status %d: %s", code, p.stderr.String())
	}
	order := map[string]int{}
	var gcs []string
	for i, line := range strings.Split(p.stderr.String(), "\n") {
		if f := strings.Fields(line); len(f) > 1 && f[0] == "init" {
			if _, seen := order[f[1]]; !seen {
				order[f[1]] = i
			}
		}
		// The collection package pacing forces to free the huge-page
		// region it sets up (hugepages_linux.go) is not the pace.
		if !regexp.MustCompile(`^gc \d+ @`).MatchString(line) {
			continue
		}
		if strings.HasSuffix(line, "(forced)") {
			forced(t, line)
			continue
		}
		gcs = append(gcs, line)
	}
	paced, ok := order["briefing/internal/pacing"]
	if !ok {
		t.Fatalf("no init line for package pacing:\n%s", p.stderr.String())
	}
	for _, lib := range []string{"github.com/xuri/excelize/v2", "github.com/yuin/goldmark/extension", "gonum.org/v1/plot"} {
		if at, ok := order[lib]; !ok || at < paced {
			t.Errorf("%s initialised before the pace was set (line %d, pacing's %d)", lib, at, paced)
		}
	}
	if len(gcs) > 0 {
		m := regexp.MustCompile(` (\d+)->\d+->\d+ MB`).FindStringSubmatch(gcs[0])
		if m == nil {
			t.Fatalf("unreadable gctrace line %q", gcs[0])
		}
		if n, _ := strconv.Atoi(m[1]); n < 12 {
			t.Errorf("the first collection began with a heap of %d MB, not about 16:\n%s", n, gcs[0])
		}
	}
}

// forced checks the collection package pacing forces as it sets up the
// heap's huge pages: it ends with the heap's goal bounded (an unbounded one,
// the collector's pace still off, makes the runtime put its bookkeeping on
// huge pages for good, above 1 GiB of goal).
func forced(t *testing.T, line string) {
	t.Helper()
	m := regexp.MustCompile(` (\d+) MB goal`).FindStringSubmatch(line)
	if m == nil {
		t.Fatalf("unreadable gctrace line %q", line)
	}
	if n, _ := strconv.Atoi(m[1]); n >= 1024 {
		t.Errorf("the forced collection ended with a heap goal of %d MB:\n%s", n, line)
	}
}
