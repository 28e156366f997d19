package docxwriter_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bundled "briefing/fonts"
)

// The LibreOffice tests convert documents with LibreOffice (Debian's
// package libreoffice-writer-nogui), headless, and skip when it is not
// installed; BRIEFING_SOFFICE names one elsewhere.

// office is LibreOffice with a profile of its own and, as its only fonts,
// the bundled ones under the names of a Chinese office's fonts, so that
// every machine renders a document alike.
type office struct {
	exe  string
	work string
	env  []string
}

// fontAliases are the families the documents name and the bundled faces
// that stand in for them, as the PDF writer's fallbacks do.
var fontAliases = map[string]string{
	"仿宋_GB2312": "AR PL SungtiL GB", "方正小标宋简体": "AR PL SungtiL GB", "宋体": "AR PL SungtiL GB",
	"楷体_GB2312": "AR PL KaitiM GB", "黑体": "WenQuanYi Micro Hei", "Times New Roman": "Liberation Serif",
}

// newOffice finds LibreOffice, or skips the test, and prepares its
// profile and fonts.
func newOffice(t *testing.T) *office {
	t.Helper()
	exe := os.Getenv("BRIEFING_SOFFICE")
	for _, name := range []string{"soffice", "libreoffice"} {
		if exe != "" {
			break
		}
		exe, _ = exec.LookPath(name)
	}
	if exe == "" {
		t.Skip("LibreOffice is not installed: the .docx is not rendered (Debian: apt-get install -y libreoffice-writer-nogui; or set BRIEFING_SOFFICE)")
	}
	work := t.TempDir()
	fontDir := filepath.Join(work, "fonts")
	if err := os.MkdirAll(fontDir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range bundled.Files() {
		if err := os.WriteFile(filepath.Join(fontDir, name), bundled.Bytes(name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	conf := filepath.Join(work, "fonts.conf")
	if err := os.WriteFile(conf, []byte(fontsConf(fontDir, filepath.Join(work, "fontcache"))), 0o644); err != nil {
		t.Fatal(err)
	}
	env := append(os.Environ(), "FONTCONFIG_FILE="+conf, "HOME="+work)
	return &office{exe: exe, work: work, env: env}
}

// fontsConf is a fontconfig file that offers the fonts in dir alone, with
// fontAliases.
func fontsConf(dir, cache string) string {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n")
	b.WriteString("  <dir>" + dir + "</dir>\n  <cachedir>" + cache + "</cachedir>\n")
	for _, name := range []string{"仿宋_GB2312", "方正小标宋简体", "宋体", "楷体_GB2312", "黑体", "Times New Roman"} {
		b.WriteString("  <alias binding=\"same\"><family>" + name + "</family><prefer><family>" + fontAliases[name] + "</family></prefer></alias>\n")
	}
	b.WriteString("</fontconfig>\n")
	return b.String()
}

// convert converts file to format (pdf, odt) into dir and returns the
// path of the result. LibreOffice gets three minutes.
func (o *office) convert(t *testing.T, file, format, dir string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, o.exe, "--headless", "--norestore", "--nolockcheck",
		"-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(o.work, "profile")),
		"--convert-to", format, "--outdir", dir, file)
	cmd.Env = o.env
	ownGroup(cmd)
	out, err := cmd.CombinedOutput()
	result := filepath.Join(dir, strings.TrimSuffix(filepath.Base(file), filepath.Ext(file))+"."+format)
	if err != nil || ctx.Err() != nil {
		t.Fatalf("soffice --convert-to %s %s: %v %v\n%s", format, file, err, ctx.Err(), out)
	}
	if _, err := os.Stat(result); err != nil {
		t.Fatalf("soffice wrote no %s: %s", result, out)
	}
	return result
}
