package fill

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFill fills arbitrary templates from the test workbook: a template
// may fail, with messages in Chinese, but never panic, run away or leave
// the marks of printed values in the output.
func FuzzFill(f *testing.F) {
	for _, s := range []string{
		`总签约金额{{值 "签约金额"}}{{单位 "签约金额"}}，{{同比 "签约金额"}}`,
		`{{range 表 "企业"}}{{.企业名称}}{{格 . "产值"}}；{{end}}`,
		`{{if 大于 (值 "签约金额") (上期 "签约金额")}}增长{{else}}下降{{end}}`,
		`{{对比 "工业增速" "上期" "增幅较上月收窄"}}{{分别增长 (列 (表 "县区") "增速")}}`,
		`{{define "甲"}}{{.}}{{end}}{{template "甲" "乙"}}{{表格 (表 "企业")}}`,
		`{{期间 (信息 "报告期")}}{{名次 2 "第几位"}}{{超 "签约金额"}}{{不检查}}`,
		`{{range 3}}{{range 3}}x{{end}}{{end}}`, `{{printf "%5d" 3}}`, "{{", "}}", "{{/*", "## 标题\n\n段落。",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, tmpl string) {
		filler := New(testBook(), WithLimits(Limits{Loops: 10_000, Output: 1 << 20, Time: 2 * time.Second}))
		// A hang crashes the fuzzing worker, which records the input.
		watchdog := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("hangs on %q", tmpl)) })
		defer watchdog.Stop()
		start := time.Now()
		out, err := filler.Fill("测试.md", tmpl, 1)
		if took := time.Since(start); took > 10*time.Second {
			t.Fatalf("took %v", took)
		}
		if err != nil {
			msg := err.Error()
			if !utf8.ValidString(msg) || strings.Contains(msg, "goroutine ") || strings.Contains(msg, "template: ") ||
				strings.ContainsFunc(msg, func(r rune) bool { return r < 0x20 && r != '\n' }) {
				t.Fatalf("message %q", msg)
			}
			return
		}
		if strings.ContainsAny(out, "\uE000\uE001\uE008") {
			t.Fatalf("marks left in %q", out)
		}
	})
}
