package build

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefing/internal/fonts"
)

// The bundled 经济运行 report, built from two months of a statistics
// bureau's figures. The second month turns a rate negative
// (社会消费品零售总额), makes one exactly 0 (一般公共预算收入), brings a
// falling rate back past 0 (规上工业增加值), takes a rank to 1 (固定资产投资),
// grows the list of new projects from 3 to 5, and changes a part of
// 规上工业总产值 without its total. Every paragraph of both months must read
// as testdata/经济运行-2022年N月.txt says, and the second month must warn of
// the typed heading the figures now contradict and of the failing sum.

var months = []struct {
	data, want string
	warnings   [][]string // each warning: the parts it must contain
}{
	{"../../samples/经济运行-2022年7月.xlsx", "testdata/经济运行-2022年7月.txt", nil},
	{"../../samples/经济运行-2022年8月.xlsx", "testdata/经济运行-2022年8月.txt", [][]string{
		{"主要指标.md 第38行：", "“保持增长”与数据不符：社会消费品零售总额同比下降0.8%", "（指标!F10）", "句子：“社会消费品零售总额保持增长”"},
		{"经济运行-2022年8月.xlsx 校验!A2：“规上工业总产值构成”不成立：", "开发区工业产值 72.15（指标!D5）＋乡镇工业产值 23.38（指标!D6）＝95.53", "而规上工业总产值是 95.37（指标!D4）", "相差 0.16"},
	}},
}

func renderMonth(t *testing.T, data string, formats ...string) *Result {
	t.Helper()
	res, err := Render(Options{Report: "经济运行", Data: data, Fonts: fonts.Bundled(), Formats: formats})
	if err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return res
}

func TestEconomyReportEveryMonth(t *testing.T) {
	for _, m := range months {
		res := renderMonth(t, m.data, "txt")
		want, err := os.ReadFile(m.want)
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Split(strings.TrimSpace(string(res.Files[0].Data)), "\n")
		exp := strings.Split(strings.TrimSpace(string(want)), "\n")
		for i := 0; i < max(len(got), len(exp)); i++ {
			g, w := line(got, i), line(exp, i)
			if g != w {
				t.Errorf("%s, paragraph %d:\n got %s\nwant %s", filepath.Base(m.data), i+1, g, w)
			}
		}
		checkWarnings(t, filepath.Base(m.data), res.Warnings, m.warnings)
	}
}

func line(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return "（没有这一段）"
}

// checkWarnings requires exactly the warnings listed, each with its parts.
func checkWarnings(t *testing.T, month string, got []string, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: %d warnings, want %d:\n%s", month, len(got), len(want), strings.Join(got, "\n"))
		return
	}
	for i, parts := range want {
		for _, p := range parts {
			if !strings.Contains(got[i], p) {
				t.Errorf("%s: warning %d lacks %q:\n%s", month, i+1, p, got[i])
			}
		}
	}
}

// TestEconomyReportStrict: with Strict, the month whose figures contradict
// its wording is refused, the other builds.
func TestEconomyReportStrict(t *testing.T) {
	for _, m := range months {
		_, err := Render(Options{Report: "经济运行", Data: m.data, Fonts: fonts.Bundled(), Formats: []string{"txt"}, Strict: true})
		if (err != nil) != (len(m.warnings) > 0) {
			t.Errorf("%s: strict build: %v", m.data, err)
		}
		if err != nil && !strings.Contains(err.Error(), "按 -strict 的要求不生成报告") {
			t.Errorf("%s: %v", m.data, err)
		}
	}
}

// figureRE finds the figures of a report's text: a date or a month
// (2022年8月12日, 2022年7月), a period (1-7月), a number.
var figureRE = regexp.MustCompile(`\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d+[-－至]\d+月|\d+(?:\.\d+)?`)

// actionRE finds the {{ }} of a template, comments aside.
var actionRE = regexp.MustCompile(`\{\{-?\s*(?:[^/\s]|/[^*])`)

// TestEconomyReportOneActionPerFigure: the templates of the report hold no
// more {{ }} than the figures the report prints, in either month.
func TestEconomyReportOneActionPerFigure(t *testing.T) {
	files, _ := filepath.Glob("../../sections/经济运行/*.md")
	files = append(files, "../../templates/经济运行/report.md")
	actions := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		actions += len(actionRE.FindAll(b, -1))
	}
	for _, m := range months {
		res := renderMonth(t, m.data, "txt")
		figures := len(figureRE.FindAll(res.Files[0].Data, -1))
		t.Logf("%s: %d {{ }} for %d figures (%.2f a figure)", filepath.Base(m.data), actions, figures, float64(actions)/float64(figures))
		if actions > figures {
			t.Errorf("%s: %d {{ }} for %d figures", m.data, actions, figures)
		}
	}
}
