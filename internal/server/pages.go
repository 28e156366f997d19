package server

import (
	"bytes"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"io"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"briefing/internal/compare"
	"briefing/internal/htmlwriter"
	"briefing/internal/oserr"
	"briefing/internal/workspace"
)

//go:embed assets
var assets embed.FS

// pages are the server's own pages, parsed when first shown: a command
// other than serve does not pay for them.
var pages = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("").Funcs(template.FuncMap{
		"since":   func(t time.Time) string { return t.Local().Format("2006年1月2日 15:04:05") },
		"seconds": func(d time.Duration) string { return fmt.Sprintf("%.2f 秒", d.Seconds()) },
		"esc":     url.PathEscape,
		"op":      func(c compare.SentenceChange) string { return opNames[c.Op] },
		"changed": changedSentences,
		"format":  func(name string) string { return strings.ToUpper(strings.TrimPrefix(filepath.Ext(name), ".")) },
	}).ParseFS(assets, "assets/*.html"))
})

var opNames = map[compare.Op]string{compare.Same: "same", compare.Changed: "changed", compare.Added: "added", compare.Removed: "removed"}

// changedSentences are the sentences of a comparison that are not Same.
func changedSentences(r *compare.Result) []compare.SentenceChange {
	var out []compare.SentenceChange
	for _, c := range r.Sentences {
		if c.Op != compare.Same {
			out = append(out, c)
		}
	}
	return out
}

func (s *Server) routes() {
	m := http.NewServeMux()
	m.HandleFunc("GET /{$}", s.index)
	m.HandleFunc("POST /build", s.startBuild)
	m.HandleFunc("GET /r/{type}", s.reportPage)
	m.HandleFunc("GET /r/{type}/state", s.state)
	m.HandleFunc("GET /r/{type}/a/{id}/{file}", s.archived)
	m.HandleFunc("GET /app.css", s.asset("assets/app.css", "text/css; charset=utf-8"))
	m.HandleFunc("GET /app.js", s.asset("assets/app.js", "text/javascript; charset=utf-8"))
	s.mux = m
}

// page writes one of the server's own pages.
func (s *Server) page(w http.ResponseWriter, name string, data any) {
	var b bytes.Buffer
	if err := pages().ExecuteTemplate(&b, name, data); err != nil {
		s.logf("页面 %s：%v", name, err)
		refuse(w, http.StatusInternalServerError, "briefing 内部错误：无法显示这个页面。请把 briefing 窗口中的信息告知维护人员。")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Security-Policy", appCSP)
	w.Write(b.Bytes())
}

func (s *Server) asset(name, ctype string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b, _ := assets.ReadFile(name)
		w.Header().Set("Content-Type", ctype)
		w.Write(b)
	}
}

// summary is a report type on the first page, with its last build.
type summary struct {
	Type   workspace.Type
	Latest *workspace.Entry
	Count  int
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	ws := s.o.Workspace
	var list []summary
	for _, t := range ws.Types() {
		es := ws.Entries(t.Name)
		sm := summary{Type: t, Count: len(es)}
		if len(es) > 0 {
			sm.Latest = es[0]
		}
		list = append(list, sm)
	}
	s.page(w, "index.html", map[string]any{"Dir": ws.Dir, "Types": list, "Form": s.form(r.URL.Query().Get("type"), source{})})
}

// formData fills the form that starts a build.
type formData struct {
	Types      []workspace.Type
	Workbooks  []string
	Chosen     string // the report type selected
	ChosenPath string // the workspace's workbook selected
	MaxUpload  int64  // in MB
}

func (s *Server) form(chosen string, src source) formData {
	ws := s.o.Workspace
	return formData{Types: ws.Types(), Workbooks: ws.Workbooks(), Chosen: chosen, ChosenPath: src.Rel, MaxUpload: s.o.MaxUpload >> 20}
}

// startBuild takes the form of the first page: a report type and a
// workbook, uploaded or of the workspace.
func (s *Server) startBuild(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.o.MaxUpload+1<<20)
	if err := parseForm(r); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			refuse(w, http.StatusRequestEntityTooLarge, tooLarge(s.o.MaxUpload))
			return
		}
		refuse(w, http.StatusBadRequest, "无法读取提交的表单，请重试。")
		return
	}
	defer func() {
		if r.MultipartForm != nil {
			r.MultipartForm.RemoveAll()
		}
	}()
	t, ok := s.o.Workspace.Type(r.FormValue("type"))
	if !ok {
		refuse(w, http.StatusBadRequest, "请选择报告类型。")
		return
	}
	src, err := s.source(r)
	if err != nil {
		w.Header().Set("Content-Security-Policy", appCSP)
		refuse(w, http.StatusBadRequest, err.Error())
		return
	}
	s.logf("%s：开始生成（工作簿 %s）", t.Name, src.Name)
	s.session(t).start(src)
	http.Redirect(w, r, "/r/"+url.PathEscape(t.Name), http.StatusSeeOther)
}

// parseForm reads a form, keeping at most a few MB of an upload in
// memory.
func parseForm(r *http.Request) error {
	if strings.HasPrefix(r.Header.Get("Content-Type"), "multipart/") {
		return r.ParseMultipartForm(4 << 20)
	}
	return r.ParseForm()
}

// source reads the workbook of a form: the uploaded file, or a workbook
// of the workspace by its path.
func (s *Server) source(r *http.Request) (source, error) {
	f, h, err := r.FormFile("workbook")
	if err == nil && h.Filename != "" {
		defer f.Close()
		return s.upload(h.Filename, f)
	}
	rel := r.FormValue("path")
	if rel == "" {
		return source{}, errors.New("请选择或拖入一个工作簿（.xlsx 或 .csv）。")
	}
	if !slices.Contains(s.o.Workspace.Workbooks(), rel) {
		return source{}, errors.New("工作区中没有工作簿“" + oserr.Escape(rel) + "”。")
	}
	return source{Rel: rel, Name: rel}, nil
}

func tooLarge(limit int64) string {
	return fmt.Sprintf("工作簿太大：超过 %d MB 的上限。", limit>>20)
}

// upload keeps an uploaded workbook in the workspace's state folder.
func (s *Server) upload(name string, f io.Reader) (source, error) {
	base := filepath.Base(strings.ReplaceAll(name, `\`, "/"))
	if !workspace.IsWorkbook(base) {
		return source{}, errors.New("“" + oserr.Escape(base) + "”不是工作簿：请上传 .xlsx 或 .csv 文件（.xls 请先在 Excel 或 WPS 中另存为 .xlsx）。")
	}
	p, err := s.o.Workspace.Snapshot(base, f, s.o.MaxUpload)
	if errors.Is(err, workspace.ErrTooBig) {
		return source{}, errors.New(tooLarge(s.o.MaxUpload))
	}
	if err != nil {
		return source{}, err
	}
	return source{Upload: p, Name: base}, nil
}

// reportView is what the report page shows.
type reportView struct {
	Type      workspace.Type
	Form      formData
	Out       *outcome
	Running   bool
	Stage     string
	Gen       int
	Source    source
	Latest    *workspace.Entry // the last good build
	Entries   []*workspace.Entry
	Base      *workspace.Entry
	Diff      *compare.Result
	DiffError string
}

func (s *Server) reportPage(w http.ResponseWriter, r *http.Request) {
	t, ok := s.o.Workspace.Type(r.PathValue("type"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	out, running, stage, gen, src := s.session(t).snapshotOf()
	v := reportView{Type: t, Form: s.form(t.Name, src), Out: out, Running: running, Stage: stage, Gen: gen, Source: src}
	v.Entries = s.o.Workspace.Entries(t.Name)
	if len(v.Entries) > 0 {
		v.Latest = v.Entries[0]
	}
	s.comparison(&v, r.URL.Query().Get("base"))
	s.page(w, "report.html", v)
}

// comparison fills in the comparison the page shows: the last build's
// with the build before, or with the archived build the page asks for.
func (s *Server) comparison(v *reportView, baseID string) {
	if v.Out != nil && v.Out.Entry != nil && v.Latest != nil && v.Out.Entry.ID == v.Latest.ID && baseID == "" {
		v.Base, v.Diff, v.DiffError = v.Out.Base, v.Out.Diff, v.Out.DiffError
		return
	}
	if v.Latest == nil {
		return
	}
	base := s.o.Workspace.Previous(v.Latest)
	if baseID != "" {
		base, _ = s.o.Workspace.Entry(v.Type.Name, baseID)
	}
	if base == nil || base.ID == v.Latest.ID {
		return
	}
	v.Base = base
	oldBook, oldTxt, err := bookOf(base)
	if err != nil {
		v.DiffError = "无法读取所选那次的工作簿：" + err.Error()
		return
	}
	newBook, newTxt, err := bookOf(v.Latest)
	if err != nil {
		v.DiffError = "无法读取这次的工作簿：" + err.Error()
		return
	}
	v.Diff = compare.Compare(oldBook, newBook, oldTxt, newTxt)
}

// state tells the page's script whether a build is under way and how
// many are done, so that it can show the progress and reload.
func (s *Server) state(w http.ResponseWriter, r *http.Request) {
	t, ok := s.o.Workspace.Type(r.PathValue("type"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	ss := s.session(t)
	_, running, stage, gen, _ := ss.snapshotOf()
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{"gen": gen, "running": running, "stage": stage})
}

// archived serves a file of an archived build: inline for the preview,
// as a download with ?download=1. The report's HTML keeps its own
// Content-Security-Policy, sandboxed: nothing in it runs.
func (s *Server) archived(w http.ResponseWriter, r *http.Request) {
	e, ok := s.o.Workspace.Entry(r.PathValue("type"), r.PathValue("id"))
	if !ok {
		http.NotFound(w, r)
		return
	}
	name := r.PathValue("file")
	p, ok := e.File(name)
	if !ok {
		http.NotFound(w, r)
		return
	}
	f, err := os.Open(p)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	h := w.Header()
	h.Set("Content-Type", contentType(name))
	if strings.HasSuffix(strings.ToLower(name), ".html") {
		h.Set("Content-Security-Policy", htmlwriter.PreviewPolicy()+"; sandbox; frame-ancestors 'self'")
	}
	disposition := "inline"
	if r.URL.Query().Get("download") != "" {
		disposition = "attachment"
	}
	h.Set("Content-Disposition", mime.FormatMediaType(disposition, map[string]string{"filename": name}))
	fi, _ := f.Stat()
	http.ServeContent(w, r, "", fi.ModTime(), f)
}

// contentType is the type a file is served as.
func contentType(name string) string {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".html":
		return "text/html; charset=utf-8"
	case ".txt", ".csv":
		return "text/plain; charset=utf-8"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	}
	return "application/octet-stream"
}
