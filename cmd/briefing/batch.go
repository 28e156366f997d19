package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"briefing/internal/batch"
	"briefing/internal/build"
	"briefing/internal/oserr"
	"briefing/internal/pacing"
	"briefing/internal/report"
)

// dataFlags collects -data, which may be given more than once.
type dataFlags []string

func (d *dataFlags) String() string     { return strings.Join(*d, ",") }
func (d *dataFlags) Set(s string) error { *d = append(*d, s); return nil }

// batchFlags are the flags of build that a batch uses.
type batchFlags struct {
	name *string
	jobs *int
}

func addBatchFlags(c *command) batchFlags {
	return batchFlags{
		name: c.String("name", "", "批量生成时每份报告的`文件夹`名：{工作簿}（默认）、{报告}，或报告信息中的项目，如 {县名}；/ 分隔多级文件夹"),
		jobs: c.Int("j", 0, "批量生成时同时生成的报告`数`；默认每个处理器核一个"),
	}
}

// wanted tells whether the flags ask for a batch, whatever the workbooks.
func (f batchFlags) wanted() bool { return *f.name != "" }

// pattern is the folder name pattern -name asks for.
func (f batchFlags) pattern() (batch.Pattern, error) {
	if *f.name == "" {
		return batch.ParsePattern(batch.DefaultName)
	}
	return batch.ParsePattern(*f.name)
}

// check refuses a -name or a -j that cannot be used.
func (f batchFlags) check() error {
	if *f.jobs < 0 {
		return errors.New("-j 应是正整数")
	}
	_, err := f.pattern()
	return err
}

// splitArgs separates build's arguments into the report and workbooks: a
// pattern the shell expanded (briefing build -data 县/*.xlsx 经济运行)
// leaves the workbooks after the first among the arguments.
func splitArgs(pos []string) (rep string, books []string, extra []string) {
	for _, a := range pos {
		ext := strings.ToLower(filepath.Ext(a))
		switch {
		case ext == ".xlsx" || ext == ".xlsm":
			books = append(books, a)
		case rep == "":
			rep = a
		default:
			extra = append(extra, a)
		}
	}
	return rep, books, extra
}

// buildBatch builds one report per workbook of in, each into its folder
// under o.OutDir, and returns the exit status: 0 when all were built, 1
// when one failed, 3 when one could not be written, 130 or 143 when
// interrupted.
func buildBatch(in batch.Inputs, o build.Options, f batchFlags, load []report.LoadOption, stdout, stderr io.Writer) int {
	pattern, _ := f.pattern()
	if _, err := report.Load(o.Report, load...); err != nil {
		return fail(stderr, err)
	}
	// One font set for all the reports: the fonts are found and parsed
	// once, and each PDF embeds pieces cut for its own characters only, so
	// a report's bytes do not depend on the others built with it.
	if o.Fonts == nil && o.LoadFonts != nil {
		set, err := o.LoadFonts()
		if err != nil {
			return fail(stderr, err)
		}
		o.Fonts = set
	}
	jobs := *f.jobs
	if jobs <= 0 {
		jobs = runtime.NumCPU()
	}
	pacing.Limit(min(jobs, len(in.Workbooks)))
	prog := batch.NewProgress(stdout, stderr, isTerminal(stderr), len(in.Workbooks))
	b := batch.New(batch.Options{Workbooks: in.Workbooks, Build: o, OutDir: o.OutDir, Name: pattern, Jobs: jobs, Done: prog.Report})
	stop := watchBatch(b, stderr)
	sum := b.Run()
	stop()
	prog.Summary(sum)
	return batchStatus(sum)
}

// batchStatus is the exit status of a batch that ran to its end.
func batchStatus(sum batch.Summary) int {
	switch {
	case sum.WriteFailed():
		return exitWrite
	case len(sum.Failed()) > 0:
		return exitProblem
	}
	return exitOK
}

// watchBatch makes Ctrl+C and SIGTERM interrupt the batch until the
// returned function is called: the writes in progress are undone, the
// reports already written stay, and the process exits with 130 or 143 (see
// interruptBatch).
func watchBatch(b *batch.Batch, stderr io.Writer) (stop func()) {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, interruptSignals...)
	var mu sync.Mutex
	finished, interrupting := false, false
	go func() {
		sig := <-ch
		mu.Lock()
		if finished {
			mu.Unlock()
			return
		}
		interrupting = true
		mu.Unlock()
		interruptBatch(b, sig, ch, stderr, os.Exit)
	}()
	return func() {
		mu.Lock()
		finished = true
		wait := interrupting
		mu.Unlock()
		signal.Stop(ch)
		if wait {
			select {} // the interrupt is undoing the writes, then exits
		}
	}
}

// interruptBatch stops the batch after sig, says how many reports were
// written and exits. A second interrupt while the writes in progress are
// undone exits at once, removing their temporary files first.
func interruptBatch(b *batch.Batch, sig os.Signal, ch <-chan os.Signal, stderr io.Writer, exit func(int)) {
	fmt.Fprintln(stderr, "\n正在中断……")
	stopped := make(chan int, 1)
	go func() { stopped <- b.Stop() }()
	select {
	case n := <-stopped:
		fmt.Fprintf(stderr, "已中断：已生成的 %d 份报告保留，其余工作簿的报告没有写出任何文件\n", n)
		exit(exitStatus(sig))
	case again := <-ch:
		msg := "已强行中断"
		if !b.Scrap() {
			msg += "：输出目录中可能留下了以 . 开头、以 .tmp 结尾的临时文件，可以删除"
		}
		fmt.Fprintln(stderr, msg)
		exit(exitStatus(again))
	}
}

// checkOutDir refuses an output directory whose name has control
// characters.
func checkOutDir(out string, stderr io.Writer) bool {
	if oserr.HasControl(out) {
		fmt.Fprintf(stderr, "错误：输出目录“%s”的名字中有控制字符（如换行），请换一个目录\n", oserr.Path(out))
		return false
	}
	return true
}
