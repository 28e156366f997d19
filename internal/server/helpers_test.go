package server

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/workspace"
)

const testToken = "0123456789abcdef0123456789abcdef"

// repoFile is a file of the repository, by its path from the root.
func repoFile(rel string) string {
	p, err := filepath.Abs(filepath.Join("..", "..", filepath.FromSlash(rel)))
	if err != nil {
		panic(err)
	}
	return p
}

// fixture is a server on a temporary workspace, answering on a test port.
type fixture struct {
	t    *testing.T
	ws   *workspace.Workspace
	srv  *Server
	http *httptest.Server
	c    *http.Client
}

func newFixture(t *testing.T, configure ...func(*Options)) *fixture {
	t.Helper()
	ws, err := workspace.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, ws: ws}
	f.http = httptest.NewUnstartedServer(nil)
	host := f.http.Listener.Addr().String()
	o := Options{Workspace: ws, Token: testToken, Hosts: []string{host}, Version: "test", Poll: 50 * time.Millisecond}
	for _, c := range configure {
		c(&o)
	}
	f.srv = New(o)
	f.http.Config.Handler = f.srv
	f.http.Start()
	t.Cleanup(func() {
		f.http.Close()
		f.srv.Close()
	})
	f.c = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	return f
}

// url is a path of the server, with the token.
func (f *fixture) url(path string) string {
	u := f.http.URL + path
	if strings.Contains(path, "?") {
		return u + "&token=" + testToken
	}
	return u + "?token=" + testToken
}

// get fetches a path with the token and returns the status and body.
func (f *fixture) get(path string) (int, string) {
	f.t.Helper()
	resp, err := f.c.Get(f.url(path))
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// upload posts a workbook for a report type, as the page's form does.
func (f *fixture) upload(typ, name string, data []byte) (int, string) {
	f.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	mw.WriteField("type", typ)
	w, _ := mw.CreateFormFile("workbook", name)
	w.Write(data)
	mw.Close()
	return f.post("/build", mw.FormDataContentType(), &body)
}

func (f *fixture) post(path, ctype string, body io.Reader) (int, string) {
	f.t.Helper()
	req, _ := http.NewRequest("POST", f.url(path), body)
	req.Header.Set("Content-Type", ctype)
	req.Header.Set("Origin", f.http.URL)
	resp, err := f.c.Do(req)
	if err != nil {
		f.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// choose posts a workbook of the workspace for a report type.
func (f *fixture) choose(typ, rel string) (int, string) {
	f.t.Helper()
	form := url.Values{"type": {typ}, "path": {rel}}
	return f.post("/build", "application/x-www-form-urlencoded", strings.NewReader(form.Encode()))
}

// wait waits until the report has finished n builds and returns its
// session's last outcome.
func (f *fixture) wait(typ string, n int) *outcome {
	f.t.Helper()
	t, ok := f.ws.Type(typ)
	if !ok {
		f.t.Fatalf("no report type %s", typ)
	}
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		out, running, _, gen, _ := f.srv.session(t).snapshotOf()
		if gen >= n && !running {
			return out
		}
		time.Sleep(20 * time.Millisecond)
	}
	f.t.Fatalf("%s: build %d did not finish", typ, n)
	return nil
}

func readFile(t *testing.T, p string) []byte {
	t.Helper()
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// sample is a sample workbook of the repository.
func sample(t *testing.T, name string) []byte { return readFile(t, repoFile("samples/"+name)) }

// broken is July's 经济运行 workbook with two cells a clerk got wrong.
func broken(t *testing.T) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(sample(t, "经济运行-2022年7月.xlsx")))
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("指标", "D4", "82.35万元")
	f.SetCellValue("指标", "F7", "14%%")
	var b bytes.Buffer
	if _, err := f.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
