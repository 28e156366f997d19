package server

import (
	"crypto/subtle"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// cookieName carries the token after the first request.
const cookieName = "briefing-token"

// appCSP is the Content-Security-Policy of the server's own pages: their
// script and style come from the server, nothing from elsewhere, and no
// other site may frame them.
const appCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"frame-src 'self'; object-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; connect-src 'self'"

// ServeHTTP checks each request before it is answered: the Host header,
// the token, and for a form the page it comes from.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "same-origin") // no-referrer would make a form's Origin “null”
	h.Set("Cache-Control", "no-store")
	if !slices.Contains(s.o.Hosts, strings.ToLower(r.Host)) {
		refuse(w, http.StatusForbidden, "这个地址不是 briefing 的地址（Host 不符）。请用 briefing 启动时给出的网址打开。")
		return
	}
	if !s.tokenOK(w, r) {
		refuse(w, http.StatusForbidden, "缺少或不对的访问口令。请用 briefing 启动时在窗口中给出的完整网址（带 token=…）打开本页。")
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.sameOrigin(r) {
		refuse(w, http.StatusForbidden, "拒绝了来自其他网页的提交。")
		return
	}
	s.mux.ServeHTTP(w, r)
}

// tokenOK reports whether r carries the token, in its cookie or in the
// URL; a token in the URL is moved to the cookie.
func (s *Server) tokenOK(w http.ResponseWriter, r *http.Request) bool {
	if c, err := r.Cookie(cookieName); err == nil && s.isToken(c.Value) {
		return true
	}
	if !s.isToken(r.URL.Query().Get("token")) {
		return false
	}
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.o.Token, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	return true
}

func (s *Server) isToken(v string) bool {
	return s.o.Token != "" && subtle.ConstantTimeCompare([]byte(v), []byte(s.o.Token)) == 1
}

// sameOrigin reports whether a form comes from the server's own page: the
// browser says it is same-origin, and its Origin (or, without one, its
// Referer) names an allowed host.
func (s *Server) sameOrigin(r *http.Request) bool {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" {
		return false
	}
	from := r.Header.Get("Origin")
	if from == "" {
		from = r.Header.Get("Referer")
	}
	if from == "" {
		return r.Header.Get("Sec-Fetch-Site") == "" // a program, not a browser
	}
	u, err := url.Parse(from)
	return err == nil && slices.Contains(s.o.Hosts, strings.ToLower(u.Host))
}

// refuse answers with a short Chinese page.
func refuse(w http.ResponseWriter, code int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(code)
	w.Write([]byte(msg + "\n"))
}
