// Package batch builds one report per workbook, many workbooks in one
// process: a worker per core, each report into a folder of its own under
// the output directory (the workbook's name, or a pattern such as {县名}),
// each written all or nothing (build.WriteGuarded). A workbook that fails
// stops no other and leaves no file; Stop ends the batch, keeping the
// reports already written and nothing of the others.
package batch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"briefing/internal/build"
	"briefing/internal/oserr"
	"briefing/internal/report"
	"briefing/internal/workbook"
)

// Options say what to build.
type Options struct {
	Workbooks []string // in order; see Expand
	// Build is what every report shares: the report type, formats, fonts,
	// strictness, read limits. Its Data, OutDir and Guard are the batch's.
	// Build.Fonts, when set, is one font set for all the reports; otherwise
	// Build.LoadFonts (or the bundled fonts) makes one for each.
	Build  build.Options
	OutDir string  // "" for out
	Name   Pattern // the folder of each report; the zero Pattern for DefaultName
	Jobs   int     // reports built at once; 0 for one per core
	// Done, when set, is told of each report that is built or fails, as
	// it ends, one at a time.
	Done func(Result)
}

// File is an output written.
type File struct {
	Format string
	Path   string
	Size   int
}

// Result is what became of one workbook.
type Result struct {
	Index    int
	Workbook string
	Folder   string // the report's folder, relative to the output directory; "" before it was named
	Files    []File
	Pages    int
	Warnings []string
	Err      error // nil when built; build.ErrInterrupted when the batch stopped first
}

// Interrupted tells whether the batch stopped before the report was
// written.
func (r Result) Interrupted() bool { return errors.Is(r.Err, build.ErrInterrupted) }

// Problems are the lines of the error of a report that failed, the first
// problem first.
func (r Result) Problems() []string {
	if r.Err == nil {
		return nil
	}
	return strings.Split(strings.TrimSpace(r.Err.Error()), "\n")
}

// Batch is a run of Options.
type Batch struct {
	o       Options
	names   *folders
	mu      sync.Mutex
	doneMu  sync.Mutex
	stop    chan struct{}
	halted  bool
	guards  map[int]*build.Guard // the writes in progress
	written int                  // the reports written
	made    []string             // the folders makeParents made, in order
	report  func() (*report.Report, error)
}

// reportName is the name of the report type, for {报告}.
func (b *Batch) reportName() (string, error) {
	rep, err := b.report()
	if err != nil {
		return "", err
	}
	return rep.Name, nil
}

// New prepares a batch.
func New(o Options) *Batch {
	if o.Name.folders == nil {
		o.Name, _ = ParsePattern(DefaultName)
	}
	if o.OutDir == "" {
		o.OutDir = "out"
	}
	if o.Jobs <= 0 {
		o.Jobs = runtime.NumCPU()
	}
	b := &Batch{o: o, names: newFolders(), stop: make(chan struct{}), guards: map[int]*build.Guard{}}
	b.report = sync.OnceValues(func() (*report.Report, error) {
		opts := []report.LoadOption{report.WithLimits(o.Build.Limits)}
		if o.Build.Root != "" {
			opts = append(opts, report.WithRoot(o.Build.Root))
		}
		return report.Load(o.Build.Report, opts...)
	})
	return b
}

// Run builds every workbook and returns what became of each.
func (b *Batch) Run() Summary {
	start := time.Now()
	n := len(b.o.Workbooks)
	results := make([]Result, n)
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range min(b.o.Jobs, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				results[i] = b.one(i)
				b.done(results[i])
			}
		}()
	}
	started := b.feed(jobs, n)
	close(jobs)
	wg.Wait()
	for i := started; i < n; i++ {
		results[i] = Result{Index: i, Workbook: b.o.Workbooks[i], Err: build.ErrInterrupted}
	}
	b.mu.Lock()
	b.tidy()
	b.mu.Unlock()
	return Summary{Results: results, Interrupted: b.stopped(), Elapsed: time.Since(start)}
}

// feed hands the workbooks to the workers in order until the batch stops,
// and returns how many it handed out.
func (b *Batch) feed(jobs chan<- int, n int) int {
	for i := range n {
		select {
		case jobs <- i:
		case <-b.stop:
			return i
		}
	}
	return n
}

// makeParents makes the folders above a report's folder that are missing
// (the output directory, a folder of -name's that reports share), one
// after the other, so that two reports never race to make one; the
// report's own folder is its write's. The caller holds b.mu.
func (b *Batch) makeParents(dir string) error {
	var missing []string
	for d := filepath.Dir(dir); ; d = filepath.Dir(d) {
		if _, err := os.Stat(d); err == nil || filepath.Dir(d) == d {
			break
		}
		missing = append(missing, d)
	}
	for i := len(missing) - 1; i >= 0; i-- {
		if err := os.Mkdir(missing[i], 0o755); err != nil {
			return &build.WriteError{Err: oserr.New("创建输出目录", missing[i], err)}
		}
		b.made = append(b.made, missing[i])
	}
	return nil
}

// tidy removes the folders makeParents made that no report was written
// into. The caller holds b.mu.
func (b *Batch) tidy() {
	for i := len(b.made) - 1; i >= 0; i-- {
		os.Remove(b.made[i]) // only when empty
	}
	b.made = nil
}

// done tells Options.Done of a report that ended.
func (b *Batch) done(r Result) {
	if b.o.Done == nil || r.Interrupted() {
		return
	}
	b.doneMu.Lock()
	defer b.doneMu.Unlock()
	b.o.Done(r)
}

// one builds report i.
func (b *Batch) one(i int) (r Result) {
	r = Result{Index: i, Workbook: b.o.Workbooks[i]}
	defer func() {
		if p := recover(); p != nil {
			b.names.pass(i)
			r.Err = fmt.Errorf("%s：briefing 内部错误：%v；请把这条信息和这个工作簿一并告知维护人员", oserr.Path(r.Workbook), p)
		}
	}()
	if b.stopped() {
		r.Err = build.ErrInterrupted
		return r
	}
	if r.Folder, r.Err = b.claim(i); r.Err != nil {
		return r
	}
	o := b.o.Build
	o.Data, o.OutDir, o.Guard = r.Workbook, "", nil
	res, err := build.Render(o)
	if err != nil {
		r.Err = err
		return r
	}
	r.Warnings = res.Warnings
	r.Files, r.Err = b.write(i, filepath.Join(b.o.OutDir, r.Folder), res.Files)
	r.Pages = res.Pages
	return r
}

// claim names report i's folder, in its turn, before it is built: a
// report whose folder is taken is not built at all.
func (b *Batch) claim(i int) (string, error) {
	path := b.o.Workbooks[i]
	book := sync.OnceValues(func() (*workbook.Book, error) { return workbook.Open(path) })
	folder, err := b.o.Name.Folder(fields(path, b.reportName, book))
	if err != nil {
		b.names.pass(i)
		return "", err
	}
	err = b.names.claim(i, folder)
	var taken *errTaken
	if errors.As(err, &taken) {
		return "", b.takenError(taken)
	}
	return folder, err
}

// takenError says that a report's folder is another's.
func (b *Batch) takenError(t *errTaken) error {
	dir := oserr.Path(filepath.Join(b.o.OutDir, t.folder))
	hint := "用 -name 换一种命名，如 -name {县名}"
	if b.o.Name.String() != DefaultName {
		hint = "请检查两个工作簿的报告信息，或用 -name 换一种命名"
	}
	return fmt.Errorf("与 %s 按 -name“%s”得到同一个文件夹 %s，排在后面的这一份报告没有生成；%s",
		oserr.Path(b.o.Workbooks[t.owner]), b.o.Name, dir, hint)
}

// write writes report i's files into dir, all or nothing, under a guard
// that Stop stops.
func (b *Batch) write(i int, dir string, files []build.File) ([]File, error) {
	g, err := b.prepare(i, dir)
	if err != nil {
		return nil, err
	}
	err = build.WriteGuarded(dir, files, g)
	b.release(i, err == nil)
	if err != nil {
		return nil, err
	}
	out := make([]File, len(files))
	for k, f := range files {
		out[k] = File{Format: f.Format, Path: filepath.Join(dir, f.Name), Size: len(f.Data)}
	}
	return out, nil
}

// prepare makes the folders above report i's folder dir and returns the
// guard of its write; it fails once the batch stopped.
func (b *Batch) prepare(i int, dir string) (*build.Guard, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.halted {
		return nil, build.ErrInterrupted
	}
	if err := b.makeParents(dir); err != nil {
		return nil, err
	}
	g := &build.Guard{}
	b.guards[i] = g
	return g, nil
}

// release ends report i's write; written tells whether it succeeded.
func (b *Batch) release(i int, written bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	delete(b.guards, i)
	if written {
		b.written++
	}
}

func (b *Batch) stopped() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.halted
}

// Stop ends the batch: no report starts any more, the writes in progress
// are undone (each waits for the file it is writing), and the reports
// being built will write nothing. The reports already written stay: Stop
// returns their number, those whose outputs were all in place when it
// came included. Run returns once the reports being built end.
func (b *Batch) Stop() (written int) {
	b.mu.Lock()
	written = b.written
	guards := b.inProgress()
	if !b.halted {
		b.halted = true
		close(b.stop)
	}
	b.mu.Unlock()
	b.names.stop()
	for _, g := range guards {
		if g.Stop() {
			written++
		}
	}
	b.mu.Lock()
	b.tidy()
	b.mu.Unlock()
	return written
}

// Scrap removes the temporary files of the writes in progress without
// waiting (see build.Guard.Scrap), for an interrupt that cannot wait. It
// reports whether every temporary file is gone.
func (b *Batch) Scrap() bool {
	b.mu.Lock()
	guards := b.inProgress()
	b.mu.Unlock()
	ok := true
	for _, g := range guards {
		ok = g.Scrap() && ok
	}
	return ok
}

// inProgress are the guards of the writes in progress. The caller holds
// b.mu.
func (b *Batch) inProgress() []*build.Guard {
	gs := make([]*build.Guard, 0, len(b.guards))
	for _, g := range b.guards {
		gs = append(gs, g)
	}
	return gs
}

// Summary is what became of a batch.
type Summary struct {
	Results     []Result // one per workbook, in their order
	Interrupted bool     // Stop was called
	Elapsed     time.Duration
}

// Built is the number of reports written.
func (s Summary) Built() int {
	n := 0
	for _, r := range s.Results {
		if r.Err == nil {
			n++
		}
	}
	return n
}

// Failed are the reports that failed, in the order of the workbooks (not
// those the batch stopped before they were written).
func (s Summary) Failed() []Result {
	var out []Result
	for _, r := range s.Results {
		if r.Err != nil && !r.Interrupted() {
			out = append(out, r)
		}
	}
	return out
}

// Unfinished is the number of reports the batch stopped before they were
// written.
func (s Summary) Unfinished() int {
	n := 0
	for _, r := range s.Results {
		if r.Interrupted() {
			n++
		}
	}
	return n
}

// WriteFailed tells whether a report could not be written (a full disk, a
// folder that cannot be made), rather than failing for its workbook.
func (s Summary) WriteFailed() bool {
	for _, r := range s.Failed() {
		var we *build.WriteError
		if errors.As(r.Err, &we) {
			return true
		}
	}
	return false
}
