package main

import (
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	bundled "briefing/fonts"
)

// typst times Typst setting the sample's text (its plain-text rendering,
// written by bin) on the 公文 page in the bundled fonts, and notes how the
// sample's build compares with it.
func (t *timer) typst(typst, bin string, columns int) []job {
	if typst == "" {
		p, err := exec.LookPath("typst")
		if err != nil {
			log.Print("typst: no typst binary (give one with -typst); case skipped")
			return nil
		}
		typst = p
	}
	txt := filepath.Join(t.work, "txt")
	run(bin, "build", "-format", "txt", "-o", txt)
	text, err := os.ReadFile(filepath.Join(txt, "情况汇报.txt"))
	if err != nil {
		log.Fatal(err)
	}
	doc := filepath.Join(t.work, "sample.typ")
	if err := os.WriteFile(doc, []byte(typstDoc(string(text))), 0o644); err != nil {
		log.Fatal(err)
	}
	fonts := filepath.Join(t.work, "fonts")
	writeFonts(fonts)
	return []job{{name: "Typst on the sample's text", col: columns - 1, of: columns, run: func() sample {
		return run(typst, "compile", "--font-path", fonts, doc, filepath.Join(t.work, "typst.pdf"))
	}}}
}

// writeFonts writes briefing's bundled fonts into dir, for Typst.
func writeFonts(dir string) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, name := range bundled.Files() {
		if err := os.WriteFile(filepath.Join(dir, name), bundled.Bytes(name), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}

// typstDoc is the text as Typst sets a 公文: A4, margins 37/35/28/26 mm,
// 3号 (16 pt) Song, 22 lines a page, paragraphs indented 2 字, the title in
// 2号 centred, headings (一、) in 黑体, page numbers at the foot.
func typstDoc(text string) string {
	var b strings.Builder
	b.WriteString(`#set page(paper: "a4", margin: (top: 37mm, bottom: 35mm, left: 28mm, right: 26mm),
  footer: align(center, text(font: "AR PL SungtiL GB", size: 14pt)[— #counter(page).display() —]))
#set text(font: ("Liberation Serif", "AR PL SungtiL GB"), size: 16pt, lang: "zh")
#set par(justify: true, first-line-indent: 2em, leading: 12.9pt)
#show par: set block(spacing: 12.9pt)
`)
	for i, line := range strings.Split(strings.TrimSpace(text), "\n") {
		line = escape(line)
		switch {
		case i == 2:
			fmt.Fprintf(&b, "#align(center, text(size: 22pt, weight: \"bold\")[%s])\n\n", line)
		case strings.Contains("一二三四五六七八九十", firstRune(line)) && strings.HasPrefix(strings.TrimLeft(line, "一二三四五六七八九十"), "、"):
			fmt.Fprintf(&b, "#text(font: \"WenQuanYi Micro Hei\")[%s]\n\n", line)
		default:
			b.WriteString(line + "\n\n")
		}
	}
	return b.String()
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// escape makes text literal in Typst markup.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\#*_$[]<>@~/"`+"`", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
