package htmlwriter_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	cdppage "github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	bundled "briefing/fonts"
	"briefing/internal/build"
	"briefing/internal/document"
	"briefing/internal/fonts"
	"briefing/internal/htmlwriter"
	"briefing/internal/typocheck"
)

// The browser test drives headless Chromium (Debian's package chromium) on
// the pages, on a phone and on a desktop, and prints them. It skips when no
// Chromium is installed; BRIEFING_CHROMIUM names one elsewhere. Screenshots
// and the printed PDFs go to $BRIEFING_SCREENSHOTS, or to the test's
// artifact directory (kept with go test -artifacts).

// chromium returns the browser to drive, or skips the test.
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

// outDir is where screenshots and printed PDFs go.
func outDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("BRIEFING_SCREENSHOTS")
	if dir == "" {
		dir = t.ArtifactDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

type browser struct {
	ctx   context.Context
	pages string // directory of the pages loaded
}

// newBrowser starts Chromium with a fresh profile, no network of its own,
// and the bundled fonts available besides the system's, so that a machine
// without Chinese fonts renders the pages as a Chinese office PC would
// substitute them.
func newBrowser(t *testing.T) *browser {
	t.Helper()
	exe := chromium(t)
	work, err := os.MkdirTemp("", "briefing-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(work) })
	fontDir := filepath.Join(work, "fonts")
	pages := filepath.Join(work, "pages")
	for _, d := range []string{fontDir, pages} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range bundled.Files() {
		if err := os.WriteFile(filepath.Join(fontDir, name), bundled.Bytes(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(work, "fonts.conf")
	err = os.WriteFile(conf, []byte(`<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>`+fontDir+`</dir>
  <cachedir>`+filepath.Join(work, "fontcache")+`</cachedir>
</fontconfig>
`), 0o644)
	if err != nil {
		t.Fatal(err)
	}
	alloc, cancel := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-default-apps", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("no-pings", true),
		chromedp.UserDataDir(filepath.Join(work, "profile")),
		chromedp.Env("FONTCONFIG_FILE="+conf),
	)
	t.Cleanup(cancel)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(cancelCtx)
	// The first action starts the browser and binds it to its context,
	// so the start is timed here rather than by a context.
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
	return &browser{ctx: ctx, pages: pages}
}

// events records what a tab does: requests, console messages, exceptions
// and browser log entries.
type events struct {
	mu       sync.Mutex
	requests []string
	console  []string
}

func (e *events) listen(ev any) {
	e.mu.Lock()
	defer e.mu.Unlock()
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		e.requests = append(e.requests, ev.Request.URL)
	case *runtime.EventConsoleAPICalled:
		var args []string
		for _, a := range ev.Args {
			args = append(args, string(a.Value))
		}
		e.console = append(e.console, fmt.Sprintf("console.%s: %s", ev.Type, strings.Join(args, " ")))
	case *runtime.EventExceptionThrown:
		e.console = append(e.console, "exception: "+ev.ExceptionDetails.Text)
	case *log.EventEntryAdded:
		e.console = append(e.console, fmt.Sprintf("%s (%s): %s %s", ev.Entry.Level, ev.Entry.Source, ev.Entry.Text, ev.Entry.URL))
	}
}

// tab is one page loaded in its own tab.
type tab struct {
	ctx    context.Context
	url    string
	events *events
}

// open loads page, saved as name.html, in a new tab with a viewport of
// width × height CSS pixels (a phone's when mobile).
func (b *browser) open(t *testing.T, name string, doc []byte, width, height int64, mobile bool) *tab {
	t.Helper()
	return b.openCSP(t, name, doc, width, height, mobile, false)
}

// openCSP is open, with the page's Content-Security-Policy ignored when
// bypass is set: then only the escaping stands between a value and a
// script.
func (b *browser) openCSP(t *testing.T, name string, doc []byte, width, height int64, mobile, bypass bool) *tab {
	t.Helper()
	path := filepath.Join(b.pages, name+".html")
	if err := os.WriteFile(path, doc, 0o644); err != nil {
		t.Fatal(err)
	}
	ev := &events{}
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(ev.listen))
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
	t.Cleanup(cancelTimeout)
	u := (&url.URL{Scheme: "file", Path: path}).String()
	var opts []chromedp.EmulateViewportOption
	if mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	bypassCSP := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, cdppage.SetBypassCSP, cdppage.SetBypassCSPParams{Enabled: bypass})
		return err
	})
	if err := chromedp.Do(ctx,
		bypassCSP,
		chromedp.EmulateViewport(width, height, opts...),
		chromedp.Navigate(u),
		chromedp.Evaluate[chromedp.Void](`document.fonts.ready.then(() => true)`, chromedp.EvalAwaitPromise),
	); err != nil {
		t.Fatalf("loading %s: %v", name, err)
	}
	return &tab{ctx: ctx, url: u, events: ev}
}

// quiet checks that the tab made no request but for the page itself and
// wrote nothing to the console.
func (tb *tab) quiet(t *testing.T) {
	t.Helper()
	time.Sleep(200 * time.Millisecond) // late events: fonts, images
	tb.events.mu.Lock()
	defer tb.events.mu.Unlock()
	for _, r := range tb.events.requests {
		if r != tb.url && !strings.HasPrefix(r, "data:") {
			t.Errorf("the page requested %s", r)
		}
	}
	for _, m := range tb.events.console {
		t.Errorf("the console says: %s", m)
	}
}

func (tb *tab) eval(t *testing.T, js string, v any) {
	t.Helper()
	raw, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]byte](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("decoding %s: %v", raw, err)
	}
}

func (tb *tab) screenshot(t *testing.T, file string) {
	t.Helper()
	png, err := chromedp.Run(tb.ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", file)
}

// measure is what the page looks like in the browser.
type measure struct {
	ScrollWidth int      `json:"scrollWidth"`
	ClientWidth int      `json:"clientWidth"`
	Headings    []string `json:"headings"`
	Paragraphs  []string `json:"paragraphs"`
	Overflowing []string `json:"overflowing"`
	Tables      []struct {
		ScrollWidth int `json:"scrollWidth"`
		ClientWidth int `json:"clientWidth"`
	} `json:"tables"`
	Indent    string  `json:"indent"`
	FontSize  float64 `json:"fontSize"`
	Justified string  `json:"justified"`
	Quotes    []style `json:"quotes"` // the paragraphs of the 按语
}

// style is the computed style of a paragraph, and where it stands.
type style struct {
	Indent    string  `json:"indent"`
	FontSize  float64 `json:"fontSize"`
	Justified string  `json:"justified"`
	Left      float64 `json:"left"`
	Right     float64 `json:"right"`
	BodyLeft  float64 `json:"bodyLeft"`
	BodyRight float64 `json:"bodyRight"`
}

const measureJS = `(() => {
  const de = document.documentElement;
  const q = s => Array.from(document.querySelectorAll(s));
  const norm = s => s.replace(/\s+/g, '');
  const body = q('main p:not(.addressee):not(.org):not(.date), main h1:not(.title), main h2, main h3, main h4, main h5, main h6');
  const p = document.querySelector('main > p:not([class])');
  return {
    scrollWidth: de.scrollWidth, clientWidth: de.clientWidth,
    headings: q('h1, h2, h3, h4, h5, h6, [role=heading]').map(e => norm(e.innerText)),
    paragraphs: body.map(e => norm(e.innerText)),
    overflowing: q('main *').filter(e => !e.closest('.table-wrap') && e.getBoundingClientRect().right > de.clientWidth + 0.5)
      .map(e => e.tagName + '.' + e.className).slice(0, 10),
    tables: q('.table-wrap').map(e => ({scrollWidth: e.scrollWidth, clientWidth: e.clientWidth})),
    indent: p ? getComputedStyle(p).textIndent : '',
    fontSize: p ? parseFloat(getComputedStyle(p).fontSize) : 0,
    justified: p ? getComputedStyle(p).textAlign : '',
    quotes: q('blockquote.按语 p').map(e => {
      const s = getComputedStyle(e), r = e.getBoundingClientRect(), b = p ? p.getBoundingClientRect() : r;
      return {indent: s.textIndent, fontSize: parseFloat(s.fontSize), justified: s.textAlign,
        left: r.left, right: r.right, bodyLeft: b.left, bodyRight: b.right};
    }),
  };
})()`

func (tb *tab) measure(t *testing.T) measure {
	t.Helper()
	var m measure
	tb.eval(t, measureJS, &m)
	return m
}

// fontOf returns the platform font that renders most of the first element
// that selector matches.
func (tb *tab) fontOf(t *testing.T, selector string) string {
	t.Helper()
	var font string
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		doc, err := cdp.Call(ctx, tg, dom.GetDocument, dom.GetDocumentParams{})
		if err != nil {
			return err
		}
		n, err := cdp.Call(ctx, tg, dom.QuerySelector, dom.QuerySelectorParams{NodeID: doc.Root.NodeID, Selector: selector})
		if err != nil {
			return err
		}
		if n.NodeID == 0 {
			return fmt.Errorf("nothing matches %s", selector)
		}
		res, err := cdp.Call(ctx, tg, css.GetPlatformFontsForNode, css.GetPlatformFontsForNodeParams{NodeID: n.NodeID})
		if err != nil {
			return err
		}
		best := 0.0
		for _, f := range res.Fonts {
			if f.GlyphCount > best {
				best, font = f.GlyphCount, f.FamilyName
			}
		}
		return nil
	}))
	if err != nil {
		t.Fatalf("font of %s: %v", selector, err)
	}
	return font
}

// testReports are the reports the browser test renders: the sample, one
// with what the sample lacks (a two-line title, a table, a list, headings
// of three levels, attachments), and one that opens with an 按语.
var testReports = []struct{ name, dir string }{
	{"sample", sampleReport},
	{"tables", "testdata/表格与附件"},
	{"anyu", "../build/testdata/按语"},
	{"gongwen", "../build/testdata/公文框架"},
	{"brief", "../build/testdata/简报"},
}

func TestBrowser(t *testing.T) {
	b := newBrowser(t)
	out := outDir(t)
	for _, rep := range testReports {
		res, err := build.Render(build.Options{Report: rep.dir, Fonts: fonts.Bundled(), Formats: []string{"pdf", "html", "txt"}, KeepLayout: true})
		if err != nil {
			t.Fatalf("building %s: %v", rep.dir, err)
		}
		page := fileOf(t, res, "html")
		pdf := pdfOf(t, res)
		for _, v := range []struct {
			name          string
			width, height int64
			mobile        bool
		}{
			{"phone", 375, 812, true},
			{"tablet", 768, 1024, true},
			{"desktop", 1280, 900, false},
		} {
			t.Run(fmt.Sprintf("%s-%s-%d", rep.name, v.name, v.width), func(t *testing.T) {
				name := fmt.Sprintf("%s-%d", rep.name, v.width)
				tb := b.open(t, name, page, v.width, v.height, v.mobile)
				m := tb.measure(t)
				if m.ScrollWidth > m.ClientWidth {
					t.Errorf("at %d px the page is %d px wide: it scrolls sideways (overflowing: %v)", v.width, m.ScrollWidth, m.Overflowing)
				}
				if len(m.Overflowing) > 0 {
					t.Errorf("at %d px these stick out of the viewport: %v", v.width, m.Overflowing)
				}
				if !slices.Equal(m.Headings, pdf.Headings) {
					t.Errorf("the headings differ from the PDF's:\nbrowser %q\nPDF     %q", m.Headings, pdf.Headings)
				}
				if len(m.Paragraphs) != len(pdf.Paragraphs) {
					t.Errorf("the browser shows %d paragraphs, the PDF sets %d", len(m.Paragraphs), len(pdf.Paragraphs))
				}
				for i := range min(len(m.Paragraphs), len(pdf.Paragraphs)) {
					if m.Paragraphs[i] != pdf.Paragraphs[i] {
						t.Errorf("paragraph %d differs:\nbrowser %s\nPDF     %s", i+1, m.Paragraphs[i], pdf.Paragraphs[i])
					}
				}
				if m.Justified != "justify" {
					t.Errorf("paragraphs are aligned %q, not justified", m.Justified)
				}
				if want := 2 * m.FontSize; !indentNear(m.Indent, want) {
					t.Errorf("the paragraph indent is %s, not 2 characters (%.1fpx)", m.Indent, want)
				}
				if v.width < 800 && (m.FontSize < 16 || m.FontSize > 20) {
					t.Errorf("at %d px the text is %.1fpx", v.width, m.FontSize)
				}
				body, hei, kai := tb.fontOf(t, "main > p:not([class])"), tb.fontOf(t, "main h2, .lead.l1"), tb.fontOf(t, "main h3, .lead.l2")
				t.Logf("fonts: body %s, 一、 %s, （一） %s, title %s", body, hei, kai, tb.fontOf(t, "h1.title"))
				if body == hei || body == kai || hei == kai {
					t.Errorf("the body (%s), 一、 (%s) and （一） (%s) headings should be in three faces", body, hei, kai)
				}
				if len(m.Quotes) > 0 {
					checkQuote(t, tb, m, kai)
				}
				checkRed(t, tb, res.Document.Meta.HasHead() || res.Document.Meta.HasBriefHead())
				checkCharts(t, tb, len(res.Document.Charts))
				tb.screenshot(t, filepath.Join(out, name+".png"))
				tb.quiet(t)
			})
		}

		t.Run(rep.name+"-accessibility", func(t *testing.T) {
			tb := b.open(t, rep.name+"-ax", page, 1280, 900, false)
			got := tb.headingsForAT(t)
			var names []string
			for _, h := range got {
				names = append(names, h.name)
			}
			if !slices.Equal(names, pdf.Headings) {
				t.Errorf("assistive technology sees other headings than the PDF's:\nAX  %q\nPDF %q", names, pdf.Headings)
			}
			annexTitles := map[string]bool{}
			for _, a := range res.Document.Annexes {
				annexTitles[squeeze(a.Title)] = true
			}
			for i, h := range got {
				if want := levelOf(h.name, i == 0 || annexTitles[h.name]); h.level != want {
					t.Errorf("heading %s has level %d, not %d", h.name, h.level, want)
				}
			}
			tb.quiet(t)
		})

		t.Run(rep.name+"-print", func(t *testing.T) {
			tb := b.open(t, rep.name+"-print", page, 1280, 900, false)
			data, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
			if err != nil {
				t.Fatalf("printing: %v", err)
			}
			file := filepath.Join(out, rep.name+"-print.pdf")
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Logf("printed: %s", file)
			tb.quiet(t)
			checkPrint(t, file, string(fileOf(t, res, "txt")), len(res.Layout.Pages), len(res.Document.Charts) > 0)
		})
	}

	t.Run("wide-table", func(t *testing.T) {
		page := wideTablePage(t)
		for _, width := range []int64{375, 1280} {
			tb := b.open(t, fmt.Sprintf("table-%d", width), page, width, 812, width < 800)
			m := tb.measure(t)
			if m.ScrollWidth > m.ClientWidth {
				t.Errorf("at %d px the page with a wide table is %d px wide (overflowing: %v)", width, m.ScrollWidth, m.Overflowing)
			}
			if len(m.Tables) != 1 {
				t.Fatalf("%d tables", len(m.Tables))
			}
			if width == 375 && m.Tables[0].ScrollWidth <= m.Tables[0].ClientWidth {
				t.Errorf("at 375 px the wide table (%d px) does not scroll in its box (%d px)", m.Tables[0].ScrollWidth, m.Tables[0].ClientWidth)
			}
			tb.screenshot(t, filepath.Join(out, fmt.Sprintf("table-%d.png", width)))
			tb.quiet(t)
		}
	})

	t.Run("print-breaks", func(t *testing.T) {
		if _, err := exec.LookPath("pdftotext"); err != nil {
			t.Skip("pdftotext is not installed (Debian: poppler-utils)")
		}
		// 21 one-line paragraphs, then a heading that would be the 22nd
		// line of page 1; then a table longer than a page.
		var md strings.Builder
		for i := range 21 {
			fmt.Fprintf(&md, "第%d段。\n\n", i+1)
		}
		md.WriteString("## 标题不落在页末\n\n标题后的段落。\n\n| 序号 | 名称 |\n| --: | --- |\n")
		for i := range 40 {
			fmt.Fprintf(&md, "| %d | 第%d行 |\n", i+1, i+1)
		}
		tb := b.open(t, "breaks", page(t, parseDoc(md.String(), document.Meta{}), htmlwriter.Options{}), 1280, 900, false)
		data, err := chromedp.Run(tb.ctx, chromedp.PrintToPDF(chromedp.PDFPreferCSSPageSize()))
		if err != nil {
			t.Fatalf("printing: %v", err)
		}
		file := filepath.Join(out, "breaks-print.pdf")
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		text, err := exec.Command("pdftotext", file, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(string(text), "\f")
		if len(pages) < 3 {
			t.Fatalf("printed on %d pages", len(pages))
		}
		if strings.Contains(pages[0], "标题不落在页末") || !strings.Contains(pages[0], "第21段") || !strings.Contains(pages[1], "标题不落在页末") {
			t.Errorf("the heading is not kept with its paragraph:\npage 1: %s\npage 2: %s", pages[0], pages[1])
		}
		if !strings.Contains(pages[2], "序号") || !strings.Contains(pages[2], "第30行") {
			t.Errorf("the table's header is not repeated on page 3:\n%s", pages[2])
		}
		tb.quiet(t)
	})

	t.Run("xss", func(t *testing.T) {
		// The payloads must stay inert by the escaping alone (the policy
		// bypassed) and with the page's policy, as it ships.
		xss := xssPage(t)
		for _, bypass := range []bool{true, false} {
			tb := b.openCSP(t, fmt.Sprintf("xss-bypass-%v", bypass), xss, 375, 812, true, bypass)
			if m := tb.measure(t); m.ScrollWidth > m.ClientWidth {
				t.Errorf("at 375 px the page is %d px wide (overflowing: %v)", m.ScrollWidth, m.Overflowing)
			}
			var ran string
			tb.eval(t, `typeof window.__xss`, &ran)
			if ran != "undefined" {
				t.Errorf("a payload ran (policy bypassed: %v): window.__xss is %s", bypass, ran)
			}
			var elements int
			tb.eval(t, `document.querySelectorAll('script, img, svg, iframe, a, details, math, [onerror], [onload]').length`, &elements)
			if elements != 0 {
				t.Errorf("the page has %d elements made of values", elements)
			}
			if !bypass {
				tb.screenshot(t, filepath.Join(out, "xss-375.png"))
			}
			tb.quiet(t)
		}
	})

	t.Run("xss-control", func(t *testing.T) {
		// The check can see a payload run: markup written into a page
		// runs when the policy is bypassed, and the policy stops it.
		doc := bytes.Replace(wideTablePage(t), []byte("</main>"), []byte(`<p><img src=x onerror="window.__xss=1"></p></main>`), 1)
		for _, bypass := range []bool{true, false} {
			tb := b.openCSP(t, fmt.Sprintf("control-bypass-%v", bypass), doc, 375, 812, true, bypass)
			time.Sleep(200 * time.Millisecond)
			var ran string
			tb.eval(t, `String(window.__xss)`, &ran)
			if want := map[bool]string{true: "1", false: "undefined"}[bypass]; ran != want {
				t.Errorf("policy bypassed %v: window.__xss is %s, not %s", bypass, ran, want)
			}
		}
	})
}

// redJS lists what the page paints red: its text, in or out of the
// frame, and the red rules.
const redJS = `(() => {
  const red = c => c === 'rgb(255, 0, 0)';
  const out = {frameText: '', outside: [], rules: 0};
  for (const e of document.querySelectorAll('body *')) {
    const s = getComputedStyle(e);
    const own = Array.from(e.childNodes).filter(n => n.nodeType === 3).map(n => n.data).join('').trim();
    const inFrame = !!e.closest('.frame');
    if (red(s.color) && own) {
      if (inFrame) out.frameText += own; else out.outside.push(e.tagName + '.' + e.className);
    }
    for (const side of ['Top', 'Right', 'Bottom', 'Left']) {
      if (red(s['border' + side + 'Color']) && s['border' + side + 'Style'] !== 'none' && parseFloat(s['border' + side + 'Width']) > 0) {
        if (inFrame && e.matches('hr.red-rule')) out.rules++; else out.outside.push(e.tagName + '.' + e.className + ' border');
      }
    }
  }
  return out;
})()`

// checkRed checks that red is the frame's alone: the 标志 or the 简报's
// name and one red rule, when the page has a head; nothing else.
func checkRed(t *testing.T, tb *tab, framed bool) {
	t.Helper()
	var r struct {
		FrameText string   `json:"frameText"`
		Outside   []string `json:"outside"`
		Rules     int      `json:"rules"`
	}
	tb.eval(t, redJS, &r)
	if len(r.Outside) > 0 {
		t.Errorf("red outside the frame: %v", r.Outside)
	}
	if framed != (r.FrameText != "" && r.Rules == 1) {
		t.Errorf("framed %v: red text %q, %d red rules", framed, r.FrameText, r.Rules)
	}
}

// checkQuote checks the paragraphs of an 按语: in the face of the （一）
// headings, kai, with the size, indent, alignment and measure of the body.
func checkQuote(t *testing.T, tb *tab, m measure, kai string) {
	t.Helper()
	if f := tb.fontOf(t, "blockquote.按语 p"); f != kai {
		t.Errorf("the 按语 is set in %s, not in the （一） headings' %s", f, kai)
	}
	for i, q := range m.Quotes {
		if q.FontSize != m.FontSize || q.Indent != m.Indent || q.Justified != "justify" ||
			math.Abs(q.Left-q.BodyLeft) > 0.5 || math.Abs(q.Right-q.BodyRight) > 0.5 {
			t.Errorf("paragraph %d of the 按语 is %+v; the body's size is %.1fpx, its indent %s", i+1, q, m.FontSize, m.Indent)
		}
	}
}

// checkPrint measures a printed page with the project's typography
// checker (.ci/typocheck.py; CI installs python3-pdfminer), against the
// report's text, and checks that it keeps to the GB/T 9704 page as the PDF
// does: A4; no page with more than 22 lines of body text and most full
// pages with 22 (a heading-led paragraph is not split after its first line,
// so a page can end a line early); 28 characters on most lines, all flush;
// lines on a regular grid; the 版心 within 1 mm of 37 mm from the top,
// 28 mm from the left and 26 mm from the right; page numbers “— N —” where
// GB/T 9704 puts them; the report's text, all of it; no missing glyph.
// checkCharts checks the charts of a page: as many as the report has,
// each an SVG within the viewport, named by a <title> that is its caption
// and described by a table of its data.
func checkCharts(t *testing.T, tb *tab, want int) {
	t.Helper()
	var charts []struct {
		Title    string  `json:"title"`
		Caption  string  `json:"caption"`
		Width    float64 `json:"width"`
		Right    float64 `json:"right"`
		Viewport float64 `json:"viewport"`
		Rows     int     `json:"rows"`
		Texts    int     `json:"texts"`
	}
	tb.eval(t, `Array.from(document.querySelectorAll('figure.chart')).map(f => {
  const svg = f.querySelector('svg'), r = svg.getBoundingClientRect();
  const title = svg.querySelector('title'), desc = document.getElementById(svg.getAttribute('aria-describedby') || '');
  return {title: title ? title.textContent : '', caption: f.querySelector('figcaption').innerText.replace(/\s+/g, ''),
    width: r.width, right: r.right, viewport: document.documentElement.clientWidth,
    rows: desc ? desc.querySelectorAll('tbody tr').length : 0, texts: svg.querySelectorAll('text').length};
})`, &charts)
	if len(charts) != want {
		t.Errorf("the page shows %d charts, the report has %d", len(charts), want)
	}
	for i, c := range charts {
		if c.Title == "" || strings.ReplaceAll(c.Title, "　", "") != strings.ReplaceAll(c.Caption, "　", "") {
			t.Errorf("chart %d: its SVG's title %q is not its caption %q", i+1, c.Title, c.Caption)
		}
		if c.Rows == 0 {
			t.Errorf("chart %d: no table of its data describes it", i+1)
		}
		if c.Texts == 0 || c.Width < 200 || c.Right > c.Viewport+0.5 {
			t.Errorf("chart %d: %d labels, %.0f px wide, its right edge at %.0f px in a %.0f px viewport", i+1, c.Texts, c.Width, c.Right, c.Viewport)
		}
	}
}

func checkPrint(t *testing.T, file, text string, pdfPages int, charts bool) {
	t.Helper()
	if !typocheck.Available() {
		t.Log("python3 with pdfminer is not installed (apt-get install python3-pdfminer): the printed page is not measured")
		return
	}
	expected := strings.TrimSuffix(file, ".pdf") + ".txt"
	if err := os.WriteFile(expected, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	run := typocheck.Run
	if charts {
		// The browser marks an SVG as /Figure content, as briefing marks
		// its charts: their labels are not body lines.
		run = typocheck.RunFigures
	}
	s, err := run(file, expected)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("printed: %d pages (the PDF %d); lines on full pages %v; %d characters a line; pitch %.3f pt; margins %v mm; text similarity %.3f; kinsoku %d, 孤字 %d, 孤行 %d",
		s.Pages, pdfPages, s.LinesPerFullPage, s.CharsMode, s.Pitch, s.Margins, s.TextSimilarity, s.Kinsoku, s.Orphans, s.Widows)
	if !s.A4 {
		t.Errorf("not printed on A4")
	}
	if s.Pages < pdfPages-1 || s.Pages > pdfPages+1 {
		t.Errorf("printed on %d pages, the PDF has %d", s.Pages, pdfPages)
	}
	full := 0
	for i, n := range s.LinesPerFullPage {
		if n > 22 {
			t.Errorf("full page %d has %d lines", i+1, n)
		}
		if n == 22 {
			full++
		}
	}
	if full < (len(s.LinesPerFullPage)-1)/2 {
		t.Errorf("only %d of %d full pages have 22 lines: %v", full, len(s.LinesPerFullPage), s.LinesPerFullPage)
	}
	if s.CharsMode != 28 || s.FlushRatio < 0.98 || !s.GridRegular {
		t.Errorf("%d characters on most lines, %.2f of the lines flush, grid regular %v", s.CharsMode, s.FlushRatio, s.GridRegular)
	}
	for k, want := range map[string]float64{"top": 37, "left": 28, "right": 26} {
		if d := s.Margins[k] - want; d > 1 || d < -1 {
			t.Errorf("the %s margin is %.1f mm, not %.0f", k, s.Margins[k], want)
		}
	}
	if s.PageNumberFormats["— N —"] != s.Pages || !s.PageNumbersPlacedGB {
		t.Errorf("page numbers %v, placed as GB/T 9704 says: %v", s.PageNumberFormats, s.PageNumbersPlacedGB)
	}
	if s.Missing != 0 || s.TextSimilarity < 0.99 {
		t.Errorf("%d glyphs missing; text similarity %.3f", s.Missing, s.TextSimilarity)
	}
}

type axHeading struct {
	name  string
	level int
}

// headingsForAT returns the headings in the accessibility tree, in order.
func (tb *tab) headingsForAT(t *testing.T) []axHeading {
	t.Helper()
	var out []axHeading
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		tree, err := cdp.Call(ctx, tg, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
		if err != nil {
			return err
		}
		byID := map[accessibility.NodeID]*accessibility.Node{}
		for _, n := range tree.Nodes {
			byID[n.NodeID] = n
		}
		str := func(v *accessibility.Value) string {
			if v == nil {
				return ""
			}
			var s any
			_ = json.Unmarshal(v.Value, &s)
			return fmt.Sprint(s)
		}
		var walk func(n *accessibility.Node)
		walk = func(n *accessibility.Node) {
			if !n.Ignored && str(n.Role) == "heading" {
				h := axHeading{name: squeeze(str(n.Name))}
				for _, p := range n.Properties {
					if p.Name == "level" {
						h.level, _ = strconv.Atoi(str(p.Value))
					}
				}
				out = append(out, h)
			}
			for _, id := range n.ChildIDs {
				if c := byID[id]; c != nil {
					walk(c)
				}
			}
		}
		if len(tree.Nodes) > 0 {
			walk(tree.Nodes[0])
		}
		return nil
	}))
	if err != nil {
		t.Fatalf("accessibility tree: %v", err)
	}
	return out
}

// wideTablePage is a page with a table too wide for a phone.
func wideTablePage(t *testing.T) []byte {
	t.Helper()
	var md strings.Builder
	md.WriteString("## 重点企业\n\n下表列出重点企业的主要指标，表格在手机上可以左右滑动。\n\n| 企业名称 | 产业链 | 类别 | 累计产值（亿元） | 同比增长 | 用工人数 | 帮扶单位 | 联系人 | 备注 |\n| --- | --- | --- | --: | --: | --: | --- | --- | --- |\n")
	for i := range 6 {
		fmt.Fprintf(&md, "| 华晟电子%d号有限公司 | 电子信息 | 规上企业 | %d.%02d | %d.5%% | %d | 县工业和信息化局 | 张三 | 优势企业，重点帮扶 |\n", i, i+1, i*7, i+3, 120+i*30)
	}
	md.WriteString("\n表后的段落照常换行，不随表格变宽。\n")
	return page(t, parseDoc(md.String(), document.Meta{Title: "宽表格测试", Addressee: "县人民政府", Org: "鹤岭县工业和信息化局", Date: "2022年12月5日"}), htmlwriter.Options{})
}

// levelOf is the heading level of a heading's text: 1 for the title, 2
// for 一、, 3 for （一）, 4 for 1., 5 for （1）.
func levelOf(text string, title bool) int {
	switch {
	case title:
		return 1
	case regexp.MustCompile(`^[一二三四五六七八九十]+、`).MatchString(text):
		return 2
	case regexp.MustCompile(`^（[一二三四五六七八九十]+）`).MatchString(text):
		return 3
	case regexp.MustCompile(`^[0-9]+\.`).MatchString(text):
		return 4
	case regexp.MustCompile(`^（[0-9]+）`).MatchString(text):
		return 5
	}
	return 0
}

// indentNear reports whether a computed text-indent (“31.57px”) is two
// characters, within the grid's squeeze.
func indentNear(indent string, want float64) bool {
	px, err := strconv.ParseFloat(strings.TrimSuffix(indent, "px"), 64)
	if err != nil {
		return false
	}
	return px > want-1.5 && px < want+0.5
}
