package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefing/internal/fonts"
	"briefing/internal/report"
)

// FuzzReport builds a report whose opening is arbitrary text — a template
// of Markdown — into the PDF, the HTML page and the text: a report may be
// refused, with messages in Chinese, but never panic or run away.
func FuzzReport(f *testing.F) {
	for _, s := range []string{
		"开头段落，总签约金额{{带单位 \"签约金额\"}}。\n\n## 主要工作\n\n### 抓招商。\n\n正文。",
		"> **按：**按语。\n\n正文。\n\n| 甲 | 乙 |\n| --- | ---: |\n| 1 | 2 |",
		"- 甲\n- 乙\n\n1. 丙\n2. 丁\n\n---\n\n# 附件1\n\n附件正文。",
		"**一是加快。**正文；*强调*；`代码`；<https://example.com>；![图](图.png)",
		"###### 六级\n\n~~删除~~ [链接](http://x) [^1]\n\n[^1]: 脚注",
		"——……“”《》（）、。，；：？！" + strings.Repeat("长", 300),
	} {
		f.Add(s)
	}
	set := fonts.Bundled()
	data, err := filepath.Abs("../../samples/产业链供应链.xlsx")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, body string) {
		dir := filepath.Join(t.TempDir(), "报告")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		front := "---\n标题: 测试报告\n主送机关: 县人民政府\n发文机关: 县统计局\n成文日期: 2022年12月5日\n---\n"
		if err := os.WriteFile(filepath.Join(dir, "report.md"), []byte(front+body), 0o644); err != nil {
			t.Fatal(err)
		}
		// A hang crashes the fuzzing worker, which records the input.
		watchdog := time.AfterFunc(30*time.Second, func() { panic(fmt.Sprintf("hangs on %q", body)) })
		defer watchdog.Stop()
		start := time.Now()
		_, err := Render(Options{Report: dir, Data: data, Fonts: set, Formats: []string{"pdf", "html", "txt"},
			Limits: report.Limits{Loops: 10_000, Output: 1 << 20, Time: 2 * time.Second}})
		if took := time.Since(start); took > 20*time.Second {
			t.Fatalf("took %v", took)
		}
		if err != nil {
			msg := err.Error()
			if !utf8.ValidString(msg) || strings.Contains(msg, "goroutine ") || strings.Contains(msg, "panic") {
				t.Fatalf("message %q", msg)
			}
		}
	})
}
