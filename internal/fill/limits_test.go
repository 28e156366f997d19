package fill

import (
	"strings"
	"testing"
	"time"
)

// TestRunawayTemplates: a template that would fill the memory or run for
// ever is stopped at a limit, with its file and line and the limit, in a
// fraction of a second.
func TestRunawayTemplates(t *testing.T) {
	cases := []struct {
		tmpl   string
		limits Limits
		want   string
	}{
		{"{{range 1000000000}}{{end}}", Limits{}, "测试.md 第1行第9列：循环（range）一共超过 2000000 轮的上限"},
		{"甲\n{{range 100000}}{{range 100000}}{{end}}{{end}}", Limits{}, "测试.md 第2行第25列：循环（range）一共超过 2000000 轮"},
		{"{{range 100000}}{{range 100000}}x{{end}}{{end}}", Limits{}, "超过 2000000 轮的上限"},
		{"{{range 100000}}{{range 100000}}{{range 100000}}{{range 100000}}{{end}}{{end}}{{end}}{{end}}", Limits{}, "超过 2000000 轮的上限"},
		{"{{range 表 \"企业\"}}{{range 表 \"企业\"}}{{.企业名称}}{{end}}{{end}}", Limits{Loops: 20}, "循环（range）一共超过 20 轮的上限"},
		{"{{range 100000}}一二三四五六七八九十{{end}}", Limits{Output: 1 << 20}, "填充结果超过 1 MB 的上限"},
		{"{{range 100000}}{{表格 (表 \"企业\")}}{{end}}", Limits{Output: 1 << 20}, "填充结果超过 1 MB 的上限"},
		{"{{range 1000000}}{{range 表 \"企业\"}}{{同比 \"签约金额\"}}{{end}}{{end}}", Limits{Loops: 100_000_000, Time: 200 * time.Millisecond}, "填充模板超过 200ms 的时间上限"},
		{"{{define \"甲\"}}{{template \"甲\"}}{{end}}{{template \"甲\"}}", Limits{}, "短语调用自己（或几个短语互相调用）超过 100000 层"},
		{"{{printf \"%0999999999d\" 1}}", Limits{}, "printf 的宽度或精度 999999999 太大"},
		{"{{printf \"%.999999999f\" 1.5}}", Limits{}, "printf 的宽度或精度 999999999 太大"},
	}
	for _, c := range cases {
		start := time.Now()
		_, err := New(testBook(), WithLimits(c.limits)).Fill("测试.md", c.tmpl, 1)
		if took := time.Since(start); took > 5*time.Second {
			t.Errorf("%s: took %v", c.tmpl, took)
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.tmpl, err, c.want)
		}
	}
}

// TestLimitsHoldForTheReport: the limits are spent by every template a
// Filler fills together.
func TestLimitsHoldForTheReport(t *testing.T) {
	f := New(testBook(), WithLimits(Limits{Loops: 15}))
	for i, want := range []bool{true, true, false} {
		_, err := f.Fill("测试.md", "{{range 6}}甲{{end}}", 1)
		if (err == nil) != want {
			t.Errorf("fill %d: %v", i+1, err)
		}
	}
}

// TestLargeReportWithinLimits: a template the size of a thousand-page
// report fills within the default limits.
func TestLargeReportWithinLimits(t *testing.T) {
	tmpl := "{{range 6000}}{{range 表 \"企业\"}}{{.企业名称}}产值{{格 . \"产值\"}}亿元，签约金额{{同比 \"签约金额\"}}。{{end}}\n\n{{end}}"
	out, err := New(testBook()).Fill("测试.md", tmpl, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(out)); n < 22*28*1000 { // a thousand pages of 22 lines of 28 characters
		t.Errorf("%d characters", n)
	}
}
