package htmlwriter

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/ast"

	"briefing/internal/mdext"
)

// Image types a page may show, by MIME type. An SVG in an <img> element
// runs no script and loads nothing.
var imageTypes = map[string]bool{
	"image/png":     true,
	"image/jpeg":    true,
	"image/gif":     true,
	"image/webp":    true,
	"image/svg+xml": true,
}

// figure returns the image that is the whole content of a paragraph (a
// chart, a photograph), or nil.
func figure(p *ast.Paragraph, source []byte) *ast.Image {
	if mdext.RunInHeading(p) != nil {
		return nil
	}
	var img *ast.Image
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Image:
			if img != nil {
				return nil
			}
			img = c
		case *ast.Text:
			if strings.TrimSpace(string(c.Segment.Value(source))) != "" {
				return nil
			}
		default:
			return nil
		}
	}
	return img
}

// imageSource returns the data: URL that shows img, if it can be shown:
// a data: URL of an accepted type as the Markdown wrote it, or the bytes
// that Options.Image returns for its path.
func (r *writer) imageSource(img *ast.Image) (string, bool) {
	dest := strings.TrimSpace(string(img.Destination))
	if strings.HasPrefix(strings.ToLower(dest), "data:") {
		mime, data, err := parseDataURL(dest)
		if err != nil {
			return "", false
		}
		src, err := dataURL(mime, data)
		return src, err == nil
	}
	if r.opts.Image == nil || dest == "" || hasScheme(dest) {
		return "", false
	}
	data, err := r.opts.Image(dest)
	if err != nil {
		r.fail(fmt.Errorf("图片“%s”无法读取：%v", dest, err))
		return "", false
	}
	src, err := dataURL("", data)
	if err != nil {
		r.fail(fmt.Errorf("图片“%s”：%v", dest, err))
		return "", false
	}
	return src, true
}

// hasScheme reports whether an image destination is a URL with a scheme
// (https:, javascript:, file: …) rather than a path: the page never asks
// for those. A drive letter (C:\图.png) is a path.
func hasScheme(dest string) bool {
	u, err := url.Parse(dest)
	if err != nil {
		return true
	}
	return len(u.Scheme) > 1
}

// imageTag is the <img> element of img with source src.
func (r *writer) imageTag(img *ast.Image, src string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "<img src=\"%s\" alt=\"%s\"", src, esc(mdext.Text(img, r.src)))
	if len(img.Title) > 0 {
		fmt.Fprintf(&b, " title=\"%s\"", esc(string(img.Title)))
	}
	b.WriteString(">")
	return b.String()
}

func (r *writer) image(img *ast.Image, src string) { r.s(r.imageTag(img, src)) }

// parseDataURL reads a data: URL (RFC 2397): its MIME type and its bytes.
func parseDataURL(u string) (mime string, data []byte, err error) {
	rest := u[len("data:"):]
	comma := strings.IndexByte(rest, ',')
	if comma < 0 {
		return "", nil, fmt.Errorf("data: URL without a comma")
	}
	params := strings.Split(rest[:comma], ";")
	mime = strings.ToLower(strings.TrimSpace(params[0]))
	b64 := false
	for _, p := range params[1:] {
		if strings.EqualFold(strings.TrimSpace(p), "base64") {
			b64 = true
		}
	}
	payload := rest[comma+1:]
	if b64 {
		payload = strings.Map(func(r rune) rune {
			if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
				return -1
			}
			return r
		}, payload)
		if s, uerr := url.PathUnescape(payload); uerr == nil {
			payload = s
		}
		data, err = base64.StdEncoding.DecodeString(payload)
		if err != nil {
			data, err = base64.RawStdEncoding.DecodeString(strings.TrimRight(payload, "="))
		}
		return mime, data, err
	}
	s, err := url.PathUnescape(payload)
	return mime, []byte(s), err
}

// dataURL checks that data is an image of an accepted type — declared
// is the type the Markdown declared, "" for a file — and returns it as a
// base64 data: URL.
func dataURL(declared string, data []byte) (string, error) {
	mime := sniff(data)
	if mime == "" || declared != "" && declared != mime && !(declared == "image/jpg" && mime == "image/jpeg") {
		return "", fmt.Errorf("不是 PNG、JPEG、GIF、WebP 或 SVG 图片")
	}
	return "data:" + mime + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

// sniff returns the MIME type of an image, or "" for anything else.
func sniff(data []byte) string {
	if t := http.DetectContentType(data); imageTypes[t] {
		return t
	}
	head := data
	if len(head) > 1024 {
		head = head[:1024]
	}
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	t := bytes.TrimSpace(head)
	if (bytes.HasPrefix(t, []byte("<?xml")) || bytes.HasPrefix(t, []byte("<svg")) || bytes.HasPrefix(t, []byte("<!--")) || bytes.HasPrefix(t, []byte("<!DOCTYPE svg"))) &&
		bytes.Contains(head, []byte("<svg")) {
		return "image/svg+xml"
	}
	return ""
}
