package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"briefing/internal/build"
)

// Exit statuses after an interrupt, as shells report a process killed by
// the signal: 128 + its number.
const (
	exitInterrupt = 130 // SIGINT, Ctrl+C
	exitTerminate = 143 // SIGTERM
)

// interruptSignals are the signals that interrupt a build: Ctrl+C (on
// Windows too) and SIGTERM (on Windows, closing the console window).
var interruptSignals = []os.Signal{os.Interrupt, syscall.SIGTERM}

// exitStatus is the exit status after sig.
func exitStatus(sig os.Signal) int {
	if sig == syscall.SIGTERM {
		return exitTerminate
	}
	return exitInterrupt
}

// buildWatched runs a build that Ctrl+C and SIGTERM interrupt cleanly (see
// interrupted): the interrupt, not the build, ends the process then.
func buildWatched(o build.Options, stderr io.Writer) (*build.Result, error) {
	o.Guard = &build.Guard{}
	stop := watchInterrupts(o.Guard, stderr, os.Exit)
	res, err := build.Build(o)
	stop()
	if errors.Is(err, build.ErrInterrupted) {
		select {} // the interrupt is removing what was written, then exits
	}
	return res, err
}

// watchInterrupts makes an interrupt during a build undo its writing and
// end the process, until the returned function is called. See interrupted.
func watchInterrupts(g *build.Guard, stderr io.Writer, exit func(int)) (stop func()) {
	ch := make(chan os.Signal, 2)
	signal.Notify(ch, interruptSignals...)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-ch:
			interrupted(g, sig, ch, stderr, exit)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}

// interrupted handles the first interrupt of a build: it stops the guard,
// which removes the temporary files and puts back the outputs already
// replaced, says so and exits with 130 (SIGINT) or 143 (SIGTERM). When the
// outputs were already all in place, the build goes on and ends as usual.
// A second interrupt while the first waits exits at once, removing the
// temporary files first.
func interrupted(g *build.Guard, sig os.Signal, ch <-chan os.Signal, stderr io.Writer, exit func(int)) {
	stopped := make(chan bool, 1)
	go func() { stopped <- g.Stop() }()
	select {
	case complete := <-stopped:
		if complete {
			return
		}
		fmt.Fprintln(stderr, build.ErrInterrupted.Error())
		exit(exitStatus(sig))
	case again := <-ch:
		msg := "已强行中断"
		if !g.Scrap() {
			msg += "：输出目录中可能留下了以 . 开头、以 .tmp 结尾的临时文件，可以删除"
		}
		fmt.Fprintln(stderr, msg)
		exit(exitStatus(again))
	}
}
