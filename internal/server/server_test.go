package server

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"briefing/internal/build"
	"briefing/internal/fonts"
)

func TestRefusesStrangers(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		req  func() *http.Request
	}{
		{"no token", func() *http.Request { r, _ := http.NewRequest("GET", f.http.URL+"/", nil); return r }},
		{"wrong token", func() *http.Request {
			r, _ := http.NewRequest("GET", f.http.URL+"/?token=x"+testToken[1:], nil)
			return r
		}},
		{"foreign Host", func() *http.Request {
			r, _ := http.NewRequest("GET", f.url("/"), nil)
			r.Host = "attacker.example:80"
			return r
		}},
		{"another site's form", func() *http.Request {
			r, _ := http.NewRequest("POST", f.url("/build"), strings.NewReader("type=情况汇报&path=x.xlsx"))
			r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			r.Header.Set("Origin", "http://attacker.example")
			return r
		}},
		{"an archived file without the token", func() *http.Request {
			r, _ := http.NewRequest("GET", f.http.URL+"/r/%E7%BB%8F%E6%B5%8E%E8%BF%90%E8%A1%8C/a/x/y.pdf", nil)
			return r
		}},
	}
	for _, c := range cases {
		resp, err := f.c.Do(c.req())
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden {
			t.Errorf("%s: status %d, want 403", c.name, resp.StatusCode)
		}
	}
	resp, err := f.c.Get(f.url("/"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(resp.Header.Get("Set-Cookie"), "SameSite=Strict") {
		t.Errorf("with the token: %d, cookie %q", resp.StatusCode, resp.Header.Get("Set-Cookie"))
	}
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") {
		t.Errorf("CSP %q", csp)
	}
}

func TestBuildArchivesAndServesTheSameBytes(t *testing.T) {
	f := newFixture(t)
	july := sample(t, "经济运行-2022年7月.xlsx")
	if code, _ := f.upload("经济运行", "经济运行-2022年7月.xlsx", july); code != http.StatusSeeOther {
		t.Fatalf("upload: %d", code)
	}
	out := f.wait("经济运行", 1)
	if len(out.Problems) > 0 || out.Entry == nil {
		t.Fatalf("problems %v", out.Problems)
	}
	if out.Base != nil {
		t.Errorf("a first build compared with %s", out.Base.ID)
	}
	_, page := f.get("/r/经济运行")
	for _, want := range []string{"已生成", "规上工业总产值", "82.35", "指标!D4", "下载", "预览"} {
		if !strings.Contains(page, want) {
			t.Errorf("the report page lacks %q", want)
		}
	}
	code, pdf := f.get("/r/经济运行/a/" + out.Entry.ID + "/经济运行.pdf?download=1")
	if code != 200 {
		t.Fatalf("pdf: %d", code)
	}
	want := direct(t, repoFile("samples/经济运行-2022年7月.xlsx"), "pdf")
	if !bytes.Equal([]byte(pdf), want) {
		t.Errorf("the page's PDF (%d bytes) differs from briefing build's (%d bytes)", len(pdf), len(want))
	}
	if len(f.ws.Entries("经济运行")) != 1 {
		t.Errorf("entries: %v", f.ws.Entries("经济运行"))
	}
}

// direct builds a report as briefing build -bundled-fonts does.
func direct(t *testing.T, workbook, format string) []byte {
	t.Helper()
	res, err := build.Render(build.Options{Report: "经济运行", Data: workbook, Formats: []string{format}, Fonts: fonts.Bundled(), Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	return res.Files[0].Data
}

func TestFailedBuildKeepsTheLastGood(t *testing.T) {
	f := newFixture(t)
	f.upload("经济运行", "七月.xlsx", sample(t, "经济运行-2022年7月.xlsx"))
	good := f.wait("经济运行", 1)
	f.upload("经济运行", "八月.xlsx", broken(t))
	bad := f.wait("经济运行", 2)
	if bad.Entry != nil {
		t.Fatal("a failed build was archived")
	}
	var where []string
	for _, p := range bad.Problems {
		where = append(where, p.Where+"："+p.What)
	}
	got := strings.Join(where, "\n")
	for _, want := range []string{"指标!D4", "“82.35万元”", "指标!F7", "“14%%”"} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %s:\n%s", want, got)
		}
	}
	es := f.ws.Entries("经济运行")
	if len(es) != 1 || es[0].ID != good.Entry.ID {
		t.Fatalf("entries after a failed build: %v", es)
	}
	_, page := f.get("/r/经济运行")
	for _, want := range []string{"没有生成：发现 2 个问题", "仍然保留", "82.35万元", good.Entry.ID} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestNextMonthIsCompared(t *testing.T) {
	f := newFixture(t)
	f.upload("经济运行", "经济运行-2022年7月.xlsx", sample(t, "经济运行-2022年7月.xlsx"))
	f.wait("经济运行", 1)
	f.upload("经济运行", "经济运行-2022年8月.xlsx", sample(t, "经济运行-2022年8月.xlsx"))
	out := f.wait("经济运行", 2)
	if out.Base == nil || out.Diff == nil {
		t.Fatalf("no comparison: %s", out.DiffError)
	}
	if out.Base.Workbook != "经济运行-2022年7月.xlsx" {
		t.Errorf("compared with %s", out.Base.Workbook)
	}
	if len(out.Diff.Figures) == 0 || !out.Diff.Changed() {
		t.Error("no changes found between July and August")
	}
	_, page := f.get("/r/经济运行")
	for _, want := range []string{"与上次比较", "数据的变化", "文字的变化", "<del>", "<ins>", "经济运行-2022年7月.xlsx"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestConcurrentBuilds(t *testing.T) {
	f := newFixture(t)
	var wg sync.WaitGroup
	uploads := []struct{ typ, file string }{
		{"经济运行", "经济运行-2022年7月.xlsx"}, {"经济运行", "经济运行-2022年8月.xlsx"},
		{"情况汇报", "产业链供应链.xlsx"}, {"经济运行", "经济运行-2022年7月.xlsx"},
	}
	for _, u := range uploads {
		wg.Add(1)
		go func() {
			defer wg.Done()
			f.upload(u.typ, u.file, sample(t, u.file))
		}()
	}
	wg.Wait()
	for _, typ := range []string{"经济运行", "情况汇报"} {
		tp, _ := f.ws.Type(typ)
		deadline := time.Now().Add(60 * time.Second)
		for {
			_, running, _, gen, _ := f.srv.session(tp).snapshotOf()
			if gen > 0 && !running || time.Now().After(deadline) {
				break
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	f.srv.Close() // waits for the builds under way
	for _, typ := range []string{"经济运行", "情况汇报"} {
		es := f.ws.Entries(typ)
		if len(es) == 0 {
			t.Errorf("%s: nothing archived", typ)
		}
		for _, e := range es {
			for _, name := range e.Outputs {
				p, ok := e.File(name)
				if !ok || len(readFile(t, p)) == 0 {
					t.Errorf("%s %s: %s missing or empty", typ, e.ID, name)
				}
			}
			if pdf, _ := e.Output("pdf"); !bytes.HasSuffix(bytes.TrimSpace(readFile(t, pdf)), []byte("%%EOF")) {
				t.Errorf("%s %s: a PDF cut short", typ, e.ID)
			}
		}
	}
	left, _ := filepath.Glob(filepath.Join(f.ws.Dir, "归档", "*", ".*"))
	if len(left) > 0 {
		t.Errorf("temporary folders left: %v", left)
	}
}

func TestUploadsAreChecked(t *testing.T) {
	f := newFixture(t, func(o *Options) { o.MaxUpload = 1 << 20 })
	code, msg := f.upload("经济运行", "大.xlsx", bytes.Repeat([]byte("x"), 3<<20))
	if code != http.StatusRequestEntityTooLarge || !strings.Contains(msg, "工作簿太大") {
		t.Errorf("a large upload: %d %s", code, msg)
	}
	code, msg = f.upload("经济运行", "说明.docx", []byte("x"))
	if code != http.StatusBadRequest || !strings.Contains(msg, "不是工作簿") {
		t.Errorf("a document: %d %s", code, msg)
	}
	code, msg = f.upload("没有这种报告", "a.xlsx", []byte("x"))
	if code != http.StatusBadRequest {
		t.Errorf("an unknown report type: %d %s", code, msg)
	}
}

func TestOnlyWorkspaceFilesAreRead(t *testing.T) {
	f := newFixture(t)
	outside := filepath.Join(t.TempDir(), "外面.xlsx")
	os.WriteFile(outside, sample(t, "经济运行-2022年7月.xlsx"), 0o644)
	for _, rel := range []string{outside, "../外面.xlsx", "归档/x.xlsx"} {
		code, msg := f.choose("经济运行", rel)
		if code != http.StatusBadRequest {
			t.Errorf("path %s: %d %s", rel, code, msg)
		}
	}
	f.upload("经济运行", "七月.xlsx", sample(t, "经济运行-2022年7月.xlsx"))
	out := f.wait("经济运行", 1)
	for _, p := range []string{
		"/r/经济运行/a/" + out.Entry.ID + "/manifest.json",
		"/r/经济运行/a/" + out.Entry.ID + "/..%2F..%2F..%2Fetc%2Fpasswd",
		"/r/经济运行/a/..%2F..%2F/经济运行.pdf",
		"/r/../../etc/passwd",
	} {
		if code, _ := f.get(p); code == 200 {
			t.Errorf("%s was served", p)
		}
	}
	code, html := f.get("/r/经济运行/a/" + out.Entry.ID + "/经济运行.html")
	if code != 200 {
		t.Fatal(code)
	}
	_ = html
	resp, _ := f.c.Get(f.url("/r/" + url.PathEscape("经济运行") + "/a/" + out.Entry.ID + "/" + url.PathEscape("经济运行.html")))
	resp.Body.Close()
	if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "sandbox") || !strings.Contains(csp, "default-src 'none'") {
		t.Errorf("the report's preview CSP: %q", csp)
	}
}

func TestPreviewFollowsTheFiles(t *testing.T) {
	f := newFixture(t)
	dir := filepath.Join(f.ws.Dir, "月报")
	os.MkdirAll(dir, 0o755)
	os.WriteFile(filepath.Join(dir, "report.md"), []byte("---\n标题: 月报\n主送机关: 县政府\n发文机关: 统计局\n成文日期: 2022年8月12日\n章节:\n  - 正文.md\n---\n"), 0o644)
	section := filepath.Join(dir, "正文.md")
	os.WriteFile(section, []byte("## 一、工业\n\n规上工业总产值{{值 \"规上工业总产值\"}}亿元。\n"), 0o644)
	wb := filepath.Join(f.ws.Dir, "数据.xlsx")
	os.WriteFile(wb, sample(t, "经济运行-2022年7月.xlsx"), 0o644)
	if code, msg := f.choose("月报", "数据.xlsx"); code != http.StatusSeeOther {
		t.Fatalf("%d %s", code, msg)
	}
	first := f.wait("月报", 1)
	if len(first.Problems) > 0 {
		t.Fatal(first.Problems)
	}
	f.get("/r/月报/state") // a page follows the report
	time.Sleep(20 * time.Millisecond)
	os.WriteFile(section, []byte("## 一、工业\n\n规上工业总产值为{{值 \"规上工业总产值\"}}亿元，改过了。\n"), 0o644)
	second := f.wait("月报", 2)
	txt, _ := second.Entry.Output("txt")
	if !strings.Contains(string(readFile(t, txt)), "改过了") {
		t.Errorf("the edit of the section did not rebuild: %s", readFile(t, txt))
	}
	f.get("/r/月报/state")
	os.WriteFile(wb, sample(t, "经济运行-2022年8月.xlsx"), 0o644)
	third := f.wait("月报", 3)
	if third.Base == nil || third.Base.ID != first.Entry.ID && third.Base.ID != second.Entry.ID {
		t.Errorf("the new workbook was not compared with the last one: %+v", third.Base)
	}
}
