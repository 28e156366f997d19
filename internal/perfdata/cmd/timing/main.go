// Command timing times whole `briefing` processes — wall time and peak
// resident memory (getrusage's maxrss of the child) — on the sample, on
// `briefing check` of the sample, on a long report and on a large table,
// and optionally Typst on the sample's text, and prints the medians as a
// Markdown table. Run it from the repository root:
//
//	go run ./internal/perfdata/cmd/timing                      # this checkout, built as a release (CGO_ENABLED=0)
//	go run ./internal/perfdata/cmd/timing -before /tmp/old     # side by side with an older binary
//	go run ./internal/perfdata/cmd/timing -typst /path/to/typst -cases sample,check,typst
//	go run ./internal/perfdata/cmd/timing -cases sample,check,start    # how much of a build is the start alone
//
// Runs of the programs compared are interleaved, and so are the runs of
// the sample's build, its check and Typst, so that a machine busy with
// something else slows them alike; report the medians.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"briefing/internal/perfdata"
)

func main() {
	runs := flag.Int("runs", 5, "runs of each case (the median is reported)")
	bin := flag.String("bin", "", "the briefing binary to time; empty: build this checkout's")
	before := flag.String("before", "", "an older briefing binary, timed side by side")
	typst := flag.String("typst", "", "a typst binary, to time Typst on the sample's text (empty: typst on PATH, if any)")
	cases := flag.String("cases", "sample,check,pages,rows", "cases to time, of: sample, check, start (briefing version: what every command pays before its work), pages, rows, typst")
	pages := flag.Int("pages", 1000, "pages of the long report (the pages case also times a tenth of it)")
	rows := flag.Int("rows", 100000, "rows of the table (the rows case also times a tenth of it)")
	keep := flag.Bool("keep", false, "keep the inputs and outputs (their folder is printed)")
	flag.Parse()
	work, err := os.MkdirTemp("", "briefing-timing-")
	if err != nil {
		log.Fatal(err)
	}
	if *keep {
		fmt.Fprintln(os.Stderr, "inputs and outputs in", work)
	} else {
		defer os.RemoveAll(work)
	}
	if *bin == "" {
		*bin = buildBinary(work)
	}
	progs := []string{*bin}
	if *before != "" {
		progs = []string{*before, *bin}
	}
	t := &timer{work: work, runs: *runs}
	// The sample's build, its check and Typst are timed together, a run of
	// each in turn, so that a machine whose load drifts during the timing
	// slows them alike and their ratios hold.
	var together []job
	for _, c := range strings.Split(*cases, ",") {
		switch strings.TrimSpace(c) {
		case "sample":
			together = append(together, t.jobs("sample: build", progs, "build", "-o", t.out())...)
		case "check":
			together = append(together, t.jobs("sample: check", progs, "check")...)
		case "start":
			together = append(together, t.jobs("start: version", progs, "version")...)
		case "typst":
			together = append(together, t.typst(*typst, *bin, len(progs))...)
		case "pages", "rows":
		default:
			log.Fatalf("unknown case %q", c)
		}
	}
	t.interleave(together)
	for _, c := range strings.Split(*cases, ",") {
		switch strings.TrimSpace(c) {
		case "pages":
			t.pages(progs, *pages)
		case "rows":
			t.rows(progs, *rows)
		}
	}
	t.print(progs)
}

// job is one program's runs of a case timed with others (interleave).
type job struct {
	name    string
	col, of int // its program's column, of so many
	run     func() sample
}

// jobs are the runs of args with each program.
func (t *timer) jobs(name string, progs []string, args ...string) []job {
	var js []job
	for i, p := range progs {
		js = append(js, job{name: name, col: i, of: len(progs), run: func() sample { return run(p, args...) }})
	}
	return js
}

// interleave times the jobs, a run of each in turn, and keeps a row for
// each case, in the order first given.
func (t *timer) interleave(js []job) {
	if len(js) == 0 {
		return
	}
	rows := map[string]*row{}
	var order []string
	for _, j := range js {
		if rows[j.name] == nil {
			rows[j.name] = &row{name: j.name, samples: make([][]sample, j.of)}
			order = append(order, j.name)
		}
	}
	for range t.runs {
		for _, j := range js {
			r := rows[j.name]
			r.samples[j.col] = append(r.samples[j.col], j.run())
		}
	}
	for _, name := range order {
		t.results = append(t.results, *rows[name])
	}
	fmt.Fprintf(os.Stderr, "%s: done\n", strings.Join(order, ", "))
}

// buildBinary builds ./cmd/briefing into dir, as a release is built (see
// the README): without cgo, which only package net would use (briefing
// serve's DNS lookups) and which makes a dynamically linked binary whose
// every start loads the C library (about a millisecond).
func buildBinary(dir string) string {
	out := filepath.Join(dir, "briefing")
	cmd := exec.Command("go", "build", "-trimpath", "-o", out, "./cmd/briefing")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		log.Fatalf("go build ./cmd/briefing (run from the repository root): %v", err)
	}
	return out
}

// sample is one timed run.
type sample struct {
	wall time.Duration
	rss  int64 // KiB
}

// row is a case's samples for each program.
type row struct {
	name    string
	samples [][]sample // by program
	note    string
}

type timer struct {
	work    string
	runs    int
	results []row
}

func (t *timer) out() string { return filepath.Join(t.work, "out") }

// compare times args with each program, interleaving the runs.
func (t *timer) compare(name string, progs []string, args ...string) {
	t.interleave(t.jobs(name, progs, args...))
}

func (t *timer) pages(progs []string, pages int) {
	for _, n := range []int{pages / 10, pages} {
		copies := max(1, int(float64(n)/perfdata.PagesPerCopy+0.5))
		dir, err := perfdata.LongReport(filepath.Join(t.work, fmt.Sprint("pages", n)), copies)
		if err != nil {
			log.Fatal(err)
		}
		t.compare(fmt.Sprintf("about %d pages: build", n), progs, "build", "-bundled-fonts", "-o", t.out(), dir)
	}
}

func (t *timer) rows(progs []string, rows int) {
	for _, n := range []int{rows / 10, rows} {
		dir, err := perfdata.TableReport(filepath.Join(t.work, fmt.Sprint("rows", n)), n)
		if err != nil {
			log.Fatal(err)
		}
		t.compare(fmt.Sprintf("table of %d rows: build", n), progs, "build", "-bundled-fonts", "-o", t.out(), dir)
	}
}

// run runs prog with args and measures it; a failure stops the timing.
func run(prog string, args ...string) sample {
	cmd := exec.Command(prog, args...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	start := time.Now()
	err := cmd.Run()
	wall := time.Since(start)
	if err != nil {
		log.Fatalf("%s %s: %v\n%s", prog, strings.Join(args, " "), err, stderr.String())
	}
	return sample{wall: wall, rss: peakRSS(cmd.ProcessState)}
}

// fastest is the shortest wall time: what the work takes when nothing else
// slows it, on a busy machine.
func fastest(ss []sample) time.Duration {
	f := ss[0].wall
	for _, s := range ss {
		f = min(f, s.wall)
	}
	return f
}

// median is the median wall time and the median peak memory.
func median(ss []sample) (time.Duration, int64) {
	w := make([]time.Duration, len(ss))
	m := make([]int64, len(ss))
	for i, s := range ss {
		w[i], m[i] = s.wall, s.rss
	}
	sort.Slice(w, func(i, j int) bool { return w[i] < w[j] })
	sort.Slice(m, func(i, j int) bool { return m[i] < m[j] })
	return w[len(w)/2], m[len(m)/2]
}

func (t *timer) print(progs []string) {
	head := "| case |"
	rule := "| --- |"
	for _, p := range progs {
		head += fmt.Sprintf(" %s: wall (fastest) | peak RSS |", filepath.Base(p))
		rule += " ---: | ---: |"
	}
	fmt.Println(head)
	fmt.Println(rule)
	for _, r := range t.results {
		line := "| " + r.name + " |"
		for _, ss := range r.samples {
			if len(ss) == 0 {
				line += " | |"
				continue
			}
			w, m := median(ss)
			line += fmt.Sprintf(" %s (%s) | %.1f MiB |", ms(w), ms(fastest(ss)), float64(m)/1024)
		}
		fmt.Println(line)
		if r.note != "" {
			fmt.Println("|", r.note, "|")
		}
	}
	fmt.Printf("\nmedians of %d runs each; %s\n", t.runs, time.Now().Format(time.RFC3339))
	t.ratios(progs)
}

// ratios prints how the sample's build compares with Typst and with check.
func (t *timer) ratios(progs []string) {
	find := func(name string, i int) time.Duration {
		for _, r := range t.results {
			if r.name == name && i < len(r.samples) && len(r.samples[i]) > 0 {
				w, _ := median(r.samples[i])
				return w
			}
		}
		return 0
	}
	for i, p := range progs {
		build, check, start := find("sample: build", i), find("sample: check", i), find("start: version", i)
		typst := find("Typst on the sample's text", len(progs)-1)
		if build > 0 && typst > 0 {
			fmt.Printf("%s: sample build / Typst = %.2f\n", filepath.Base(p), build.Seconds()/typst.Seconds())
		}
		if build > 0 && check > 0 {
			fmt.Printf("%s: check / build = %.2f\n", filepath.Base(p), check.Seconds()/build.Seconds())
		}
		if build > 0 && start > 0 {
			// The floor of check / build: a check pays the start too.
			fmt.Printf("%s: start (version) / build = %.2f\n", filepath.Base(p), start.Seconds()/build.Seconds())
		}
	}
}

func ms(d time.Duration) string {
	if d >= 10*time.Second {
		return fmt.Sprintf("%.1f s", d.Seconds())
	}
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
