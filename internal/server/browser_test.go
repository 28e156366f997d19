package server

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	bundled "briefing/fonts"
)

// The browser test drives the page as a clerk would, in headless Chromium
// (Debian's package chromium; BRIEFING_CHROMIUM names another), and skips
// when there is none. Its screenshots go to the test's artifact directory
// (kept with go test -artifacts); BRIEFING_SCREENS=dir writes them there
// instead (internal/server/testdata/screens holds the ones the README
// shows).

func chromium(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("BRIEFING_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("Chromium is not installed: the browser test needs it (Debian: apt-get install -y chromium; or set BRIEFING_CHROMIUM)")
	return ""
}

// clerk is a browser tab on the page, with what its console said.
type clerk struct {
	t         *testing.T
	ctx       context.Context
	shots     string
	downloads string
	mu        sync.Mutex
	console   []string
	log       *syncBuffer // the server's log
}

func newClerk(t *testing.T) *clerk {
	t.Helper()
	exe := chromium(t)
	work := t.TempDir()
	fontDir := filepath.Join(work, "fonts")
	os.MkdirAll(fontDir, 0o755)
	for _, name := range bundled.Files() {
		os.WriteFile(filepath.Join(fontDir, name), bundled.Bytes(name), 0o644)
	}
	conf := filepath.Join(work, "fonts.conf")
	os.WriteFile(conf, []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include><dir>`+fontDir+`</dir><cachedir>`+filepath.Join(work, "fc")+`</cachedir></fontconfig>
`), 0o644)
	alloc, cancel := chromedp.NewExecAllocator(context.Background(), chromedp.ExecPath(exe), chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-dev-shm-usage", true), chromedp.UserDataDir(filepath.Join(work, "profile")),
		chromedp.Env("FONTCONFIG_FILE="+conf))
	t.Cleanup(cancel)
	c := &clerk{t: t, downloads: filepath.Join(work, "downloads")}
	ctx, cancelCtx := chromedp.NewContext(alloc, chromedp.WithListener(c.listen))
	t.Cleanup(cancelCtx)
	c.ctx = ctx
	c.shots = os.Getenv("BRIEFING_SCREENS")
	if c.shots == "" {
		c.shots = t.ArtifactDir()
	}
	os.MkdirAll(c.shots, 0o755)
	started := make(chan error, 1)
	go func() { started <- chromedp.Do(ctx) }()
	select {
	case err := <-started:
		if err != nil {
			t.Fatalf("starting %s: %v", exe, err)
		}
	case <-time.After(time.Minute):
		t.Fatalf("%s did not start within a minute", exe)
	}
	return c
}

func (c *clerk) listen(ev any) {
	c.mu.Lock()
	defer c.mu.Unlock()
	switch ev := ev.(type) {
	case *runtime.EventExceptionThrown:
		c.console = append(c.console, "exception: "+ev.ExceptionDetails.Text)
	case *runtime.EventConsoleAPICalled:
		if ev.Type == "error" || ev.Type == "warning" {
			c.console = append(c.console, fmt.Sprintf("console.%s", ev.Type))
		}
	}
}

// do runs actions with a deadline.
func (c *clerk) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, 90*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		c.t.Fatalf("%s: %v", what, err)
	}
}

// text is the visible text of the element a selector finds.
func (c *clerk) text(sel string) string {
	c.t.Helper()
	return get(c, "reading "+sel, chromedp.Text(chromedp.CSS(sel)))
}

// get runs an action that gives a value.
func get[T any](c *clerk, what string, a chromedp.Action[T]) T {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(c.ctx, 90*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		c.t.Fatalf("%s: %v", what, err)
	}
	return v
}

// upload picks a workbook in the form, presses the button and waits for
// the page to show the outcome of the build it started. The button is
// pressed from the page's script rather than by a mouse event at its
// coordinates: on a loaded machine the layout may still be settling after
// a screenshot's change of width, and a click at stale coordinates would
// be lost.
func (c *clerk) upload(typ, file string) {
	c.t.Helper()
	before := get(c, "the page's build count", chromedp.Evaluate[string](`(function () { var s = document.getElementById("status"); return s ? s.dataset.gen : "none"; })()`))
	c.do("uploading "+file,
		chromedp.SetValue(chromedp.CSS(`form.build select[name=type]`), typ),
		chromedp.SetUploadFiles(chromedp.CSS(`form.build input[type=file]`), []string{file}),
	)
	get(c, "pressing the button", chromedp.Evaluate[bool](`(function () { document.querySelector("form.build button[type=submit]").click(); return true; })()`))
	c.await("the build of "+filepath.Base(file), fmt.Sprintf(`(function () { var s = document.getElementById("status"); return !!s && s.dataset.gen !== %q && s.dataset.running === "false"; })()`, before))
}

// await waits until a script's condition holds on the page, across the
// page's reloads; when it does not within the deadline, the test fails
// with what the page and the server showed.
func (c *clerk) await(what, cond string) {
	c.t.Helper()
	deadline := time.Now().Add(90 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(c.ctx, 5*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	ctx, cancel := context.WithTimeout(c.ctx, 5*time.Second)
	defer cancel()
	where, _ := chromedp.Run(ctx, chromedp.Location())
	status, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`(function () { var s = document.getElementById("status"); return s ? s.outerHTML : document.body.innerText.slice(0, 500); })()`))
	c.t.Fatalf("%s did not finish within 90 s.\npage: %s\n%s\nthe server's log:\n%s", what, where, status, c.log.String())
}

// screen takes a full-page screenshot at a width, then puts the width
// back to a desktop's; it fails when the page scrolls sideways.
func (c *clerk) screen(name string, width int64) {
	c.t.Helper()
	var opts []chromedp.EmulateViewportOption
	if width < 600 {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	c.do("viewport", chromedp.EmulateViewport(width, 900, opts...), chromedp.Sleep(300*time.Millisecond))
	overflow := get(c, "overflow", chromedp.Evaluate[int](`document.documentElement.scrollWidth - document.documentElement.clientWidth`))
	png := get(c, "screenshot "+name, chromedp.FullScreenshot(60))
	c.do("viewport", chromedp.EmulateViewport(1280, 900))
	if overflow > 0 {
		c.t.Errorf("%s at %d px scrolls sideways by %d px", name, width, overflow)
	}
	os.WriteFile(filepath.Join(c.shots, fmt.Sprintf("%s-%d.jpg", name, width)), png, 0o644)
}

// syncBuffer is a log written by the server's goroutines and read by the
// test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// both screenshots a screen on a desktop and on a phone.
func (c *clerk) both(name string) {
	c.screen(name, 1280)
	c.screen(name, 375)
}

func TestClerkInBrowser(t *testing.T) {
	log := &syncBuffer{}
	f := newFixture(t, func(o *Options) { o.Log = log })
	c := newClerk(t)
	c.log = log
	dir := t.TempDir()
	july := repoFile("samples/经济运行-2022年7月.xlsx")
	aug := repoFile("samples/经济运行-2022年8月.xlsx")
	bad := filepath.Join(dir, "经济运行-2022年8月（有误）.xlsx")
	os.WriteFile(bad, broken(t), 0o644)

	// Without the token the page refuses.
	c.do("no token", chromedp.Navigate(f.http.URL+"/"))
	if got := c.text("body"); !strings.Contains(got, "访问口令") {
		t.Errorf("without the token: %q", got)
	}
	c.do("open", chromedp.EmulateViewport(1280, 900), chromedp.Navigate(f.url("/")), chromedp.WaitVisible(chromedp.CSS(`form.build`)))
	c.both("首页")

	c.upload("经济运行", july)
	c.do("built", chromedp.WaitVisible(chromedp.CSS(`#status .good`)))
	figures := c.text("#figures")
	for _, want := range []string{"规上工业总产值", "82.35", "亿元", "指标!D4", "鹤岭"} {
		if !strings.Contains(figures, want) {
			t.Errorf("the figures lack %q", want)
		}
	}
	c.both("报告")

	c.upload("经济运行", bad)
	c.do("refused", chromedp.WaitVisible(chromedp.CSS(`#problems`)))
	problems := c.text("#problems")
	for _, want := range []string{"指标!D4", "“82.35万元”", "指标!F7", "“14%%”"} {
		if !strings.Contains(problems, want) {
			t.Errorf("the problems lack %q:\n%s", want, problems)
		}
	}
	if s := c.text("#status"); !strings.Contains(s, "仍然保留") {
		t.Errorf("status after a failed build: %s", s)
	}
	c.both("问题")

	c.upload("经济运行", aug)
	c.do("compared", chromedp.WaitVisible(chromedp.CSS(`#compare`)), chromedp.WaitVisible(chromedp.CSS(`#status .good`)))
	cmp := c.text("#compare")
	for _, want := range []string{"数据的变化", "文字的变化", "经济运行-2022年7月.xlsx", "经济运行-2022年8月.xlsx", "指标!"} {
		if !strings.Contains(cmp, want) {
			t.Errorf("the comparison lacks %q", want)
		}
	}
	marks := get(c, "marks", chromedp.Evaluate[int](`document.querySelectorAll("#compare ins, #compare del").length`))
	if marks == 0 {
		t.Error("no changed words marked")
	}
	c.both("比较")

	c.download(t, aug)
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.console) > 0 {
		t.Errorf("the console: %v", c.console)
	}
}

// download clicks the PDF button and compares the file with the PDF
// briefing build makes from the same workbook.
func (c *clerk) download(t *testing.T, workbook string) {
	dctx, cancel := context.WithTimeout(c.ctx, 90*time.Second)
	defer cancel()
	progress := chromedp.Events(dctx, browser.DownloadProgress)
	c.do("download",
		chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
				Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: c.downloads, EventsEnabled: ptr(true)})
			return err
		}),
		chromedp.WaitVisible(chromedp.CSS(`#downloads a[data-format=PDF]`)),
	)
	// Pressed from the script, as the upload's button is (see upload).
	get(c, "pressing PDF", chromedp.Evaluate[bool](`(function () { document.querySelector("#downloads a[data-format=PDF]").click(); return true; })()`))
	var guid string
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("the PDF's download did not finish: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			guid = ev.GUID
			break
		}
	}
	got := readFile(t, filepath.Join(c.downloads, guid))
	if want := direct(t, workbook, "pdf"); !bytes.Equal(got, want) {
		t.Errorf("the downloaded PDF (%d bytes) differs from briefing build's (%d bytes)", len(got), len(want))
	}
}

func ptr[T any](v T) *T { return &v }
