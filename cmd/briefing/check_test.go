package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckSample: the sample has no problem and uses every figure and
// table of its workbook, so check prints no reminder.
func TestCheckSample(t *testing.T) {
	code, stdout, stderr := runCmd(t, "check", "-bundled-fonts")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "检查通过：templates/情况汇报 可以生成（PDF ") || strings.Contains(stdout, "提醒") {
		t.Errorf("stdout %q", stdout)
	}
	if stderr != "" {
		t.Errorf("stderr %q", stderr)
	}
}

// TestCheckReportsEveryProblem: problems in the front matter and in several
// sections come out at once, each with file, line and column, followed by
// the figures and tables the broken report no longer uses; nothing is
// written.
func TestCheckReportsEveryProblem(t *testing.T) {
	report := copyReport(t)
	sections := filepath.Join(report, "..", "..", "sections")
	edit(t, filepath.Join(report, "report.md"), `标题: '关于{{信息 "县名"}}`, `标题: '关于{{信息 "县"}}`)
	edit(t, filepath.Join(sections, "主要工作.md"), `{{值 "上云企业数"}}{{单位 "上云企业数"}}`, `{{值 "上云企业"}}家`)
	edit(t, filepath.Join(sections, "主要工作.md"), `{{值 "宣传册份数"}}余{{单位 "宣传册份数"}}`, `{{保留 0 (信息 "县名")}}余份`)
	edit(t, filepath.Join(sections, "存在的问题.md"), `{{.企业名称}}，工业总产值完成了{{格 . $产值}}{{单位 $企业 $产值}}{{end}}，{{with`, `{{.企业}}，工业总产值完成了{{格 . $产值}}{{单位 $企业 $产值}}{{end}}，{{with`)
	edit(t, filepath.Join(sections, "存在的问题.md"), `表 "重点产业链"`, `表 "重点产业"`)
	before := listDir(t, report)

	code, stdout, stderr := runCmd(t, "check", "-bundled-fonts", report)
	if code != exitProblem {
		t.Errorf("exit %d, want %d", code, exitProblem)
	}
	main := filepath.Join(sections, "主要工作.md")
	problems := filepath.Join(sections, "存在的问题.md")
	want := []string{
		"错误：" + filepath.Join(report, "report.md") + " 第3行第10列：产业链供应链.xlsx 工作表“报告信息”中没有项目“县”",
		"      " + main + " 第13行第22列：产业链供应链.xlsx 报告信息!B2：“鹤岭”不是数字，保留 需要数字",
		"      " + main + " 第22行第410列：产业链供应链.xlsx 工作表“指标”中没有指标“上云企业”（是否是 上云企业数？）",
		"      " + problems + " 第8行第176列：产业链供应链.xlsx 工作表“重点企业”中没有列“企业”（是否是 企业名称？）",
		"      " + problems + " 第12行第17列：产业链供应链.xlsx 中没有工作表“重点产业”（是否是 重点产业链？）",
		"共5个问题，请改正后再生成。",
	}
	if got := strings.Split(strings.TrimSpace(stderr), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, strings.Join(want, "\n"))
	}
	wantOut := []string{
		"提醒：产业链供应链.xlsx 指标!A4：指标“宣传册份数”没有被任何模板使用",
		"提醒：产业链供应链.xlsx 指标!A8：指标“上云企业数”没有被任何模板使用",
		"提醒：产业链供应链.xlsx 工作表“重点产业链”：表“重点产业链”没有被任何模板使用",
	}
	if got := strings.TrimSpace(stdout); got != strings.Join(wantOut, "\n") {
		t.Errorf("stdout:\n%s\nwant:\n%s", got, strings.Join(wantOut, "\n"))
	}
	if after := listDir(t, report); strings.Join(after, ",") != strings.Join(before, ",") {
		t.Errorf("check wrote files: %v → %v", before, after)
	}
	if _, err := os.Stat(filepath.Join(report, "out")); err == nil {
		t.Errorf("check made an output directory")
	}
}

// TestCheckRemindsOfUnusedFigures: a report that no longer uses a figure
// passes, with a reminder.
func TestCheckRemindsOfUnusedFigures(t *testing.T) {
	report := copyReport(t)
	edit(t, filepath.Join(report, "..", "..", "sections", "主要工作.md"), `宣传册{{值 "宣传册份数"}}余{{单位 "宣传册份数"}}`, `宣传册500余份`)
	code, stdout, stderr := runCmd(t, "check", "-bundled-fonts", report)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || lines[0] != "提醒：产业链供应链.xlsx 指标!A4：指标“宣传册份数”没有被任何模板使用" ||
		!strings.HasPrefix(lines[1], "检查通过：") || !strings.HasSuffix(lines[1], "另有1条提醒（见上）。") {
		t.Errorf("stdout %q", stdout)
	}
}

// TestCheckWorkbookProblem: a workbook that cannot be read stops the check
// with the workbook's own message.
func TestCheckWorkbookProblem(t *testing.T) {
	code, _, stderr := runCmd(t, "check", "-data", filepath.Join(t.TempDir(), "没有这个文件.xlsx"))
	if code != exitProblem || !strings.Contains(stderr, "没有这个文件.xlsx") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
}

// TestWarnings: the second month of the 经济运行 sample contradicts a typed
// heading and fails a declared sum. check lists both as warnings and
// passes; with -strict it fails. build writes the report and prints the
// warnings; with -strict it writes nothing.
func TestWarnings(t *testing.T) {
	data := filepath.Join("samples", "经济运行-2022年8月.xlsx")
	wants := []string{"警告：" + filepath.Join("sections", "经济运行", "主要指标.md") + " 第38行：“保持增长”与数据不符：社会消费品零售总额同比下降0.8%",
		"警告：经济运行-2022年8月.xlsx 校验!A2：“规上工业总产值构成”不成立"}
	has := func(what, out string) {
		t.Helper()
		for _, w := range wants {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, out)
			}
		}
	}
	code, stdout, stderr := runCmd(t, "check", "-bundled-fonts", "-data", data, "经济运行")
	has("check", stdout)
	if code != exitOK || !strings.Contains(stdout, "但有2条警告（见上），请先核对") {
		t.Errorf("check: exit %d\n%s%s", code, stdout, stderr)
	}
	if code, _, _ := runCmd(t, "check", "-bundled-fonts", "-strict", "-data", data, "经济运行"); code != exitProblem {
		t.Errorf("check -strict: exit %d", code)
	}
	out := t.TempDir()
	code, stdout, stderr = runCmd(t, "build", "-bundled-fonts", "-o", out, "-data", data, "经济运行")
	has("build", stderr)
	if code != exitOK || !strings.Contains(stdout, "经济运行.pdf") {
		t.Errorf("build: exit %d\n%s%s", code, stdout, stderr)
	}
	strict := t.TempDir()
	code, _, stderr = runCmd(t, "build", "-bundled-fonts", "-strict", "-o", strict, "-data", data, "经济运行")
	if code != exitProblem || !strings.Contains(stderr, "按 -strict 的要求不生成报告") || len(listDir(t, strict)) != 0 {
		t.Errorf("build -strict: exit %d, files %v\n%s", code, listDir(t, strict), stderr)
	}
}
