package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/workspace"
)

const (
	july   = "samples/经济运行-2022年7月.xlsx"
	august = "samples/经济运行-2022年8月.xlsx"
)

// TestDiffSamples compares the two months of the 经济运行 sample: the
// figures that changed with their cells, the projects added, and the
// sentences with their changed words marked.
func TestDiffSamples(t *testing.T) {
	code, stdout, stderr := runCmd(t, "diff", "-report", "经济运行", july, august)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	for _, want := range []string{
		"旧：" + july + "\n新：" + august + "\n\n数据：71处不同\n",
		"  指标 规上工业增加值 增速：-0.5% → 1.2%（指标!F3）\n",
		"  指标 规上工业增加值 排名：6 → 4（指标!I3）\n",
		"  指标 一般公共预算收入 增速：23.5% → 0%（指标!F11）\n",
		"  报告信息 报告期：2022年1-7月 → 2022年1-8月（报告信息!B3）\n",
		"  分行业 合计 产值（亿元）：82.35 → 95.37（分行业!B7）\n",
		"  新开工项目 康瑞医疗中药提取车间项目：新增，总投资（亿元） 1.8，开工日期 2022年8月3日（新开工项目!A5）\n",
		"文字：改动33句，新增0句，删去0句\n",
		// the charts' data (the 月度 and 全市各县 sheets) and captions
		"  月度 8月：新增，规上工业产值（亿元） 13.02，增速（%） 8.2%（月度!A8）\n",
		"    旧：图2　1-【7】月份全市各县规上工业增加值增速\n    新：图2　1-【8】月份全市各县规上工业增加值增速\n",
		"  改（第6段）\n    旧：规上工业增加值同比【下降0.5%】，【降幅】较上月【收窄2.7个百分点】；\n" +
			"    新：规上工业增加值同比【增长1.2%】，【增速】较上月【由负转正】；\n",
		"    旧：一般公共预算收入【同比增长23.5%】。\n    新：一般公共预算收入【与上年持平】。\n",
		"    旧：鹤岭县统计局编　2022年【8】月【12】日\n    新：鹤岭县统计局编　2022年【9】月【13】日\n",
		"    旧：合计\t【82.35】\t【-6.2】\n    新：合计\t【95.37】\t【-4.3】\n",
		"鹤岭冷链物流园项目【、康瑞医疗中药提取车间项目、绿源食品深加工项目】等【5】个项目，计划总投资【19.1】亿元。\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q", want)
		}
	}
	if !strings.HasSuffix(stdout, "\n共71处数据不同；文字改动33句，新增0句，删去0句，未变29句。\n") {
		t.Errorf("summary: %q", stdout[max(0, len(stdout)-200):])
	}
	if strings.Contains(stdout, "同（第") {
		t.Errorf("unchanged sentences listed without -all")
	}
	if code, _, _ := runCmd(t, "diff", "-report", "经济运行", "-exit-code", july, august); code != 1 {
		t.Errorf("-exit-code with differences: exit %d, want 1", code)
	}
	code, stdout, _ = runCmd(t, "diff", "-report", "经济运行", "-exit-code", august, august)
	if code != exitOK || !strings.HasSuffix(stdout, "\n没有不同：数据和文字都相同。\n") {
		t.Errorf("-exit-code without differences: exit %d, %q", code, stdout)
	}
	_, stdout, _ = runCmd(t, "diff", "-report", "经济运行", "-all", july, august)
	if !strings.Contains(stdout, "  同（第1段）鹤岭经济运行\n") {
		t.Errorf("-all lacks the unchanged sentences:\n%s", stdout)
	}
}

func TestDiffJSON(t *testing.T) {
	code, stdout, stderr := runCmd(t, "diff", "-report", "经济运行", "-json", july, august)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Changed bool
		Summary struct{ Figures, Changed, Added, Removed, Same int }
		Figures []struct {
			Op, Where, Name, Field, Old, New string
			OldRef                           string `json:"old_ref"`
		}
		Sentences []struct {
			Op  string
			New []struct {
				Text    string
				Changed bool
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%v:\n%s", err, stdout)
	}
	if !got.Changed || got.Summary.Figures != 71 || got.Summary.Changed != 33 || got.Summary.Same != 29 || len(got.Sentences) != 62 {
		t.Errorf("changed %v, summary %+v, %d sentences", got.Changed, got.Summary, len(got.Sentences))
	}
	f := got.Figures[0]
	if f.Op != "changed" || f.Where != "指标" || f.Name != "规上工业增加值" || f.Field != "增速" || f.Old != "-0.5%" || f.New != "1.2%" || f.OldRef != "指标!F3" {
		t.Errorf("first figure: %+v", f)
	}
}

// archive writes a build directory as briefing serve keeps it: the
// workbook copied, the report built beside it, and the manifest.
func archive(t *testing.T, workbook string, outputs ...string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "..", workbook))
	if err != nil {
		t.Fatal(err)
	}
	name := filepath.Base(workbook)
	if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runCmd(t, "build", "-data", workbook, "-format", "txt", "-o", dir, "经济运行"); code != exitOK {
		t.Fatalf("build: %s", stderr)
	}
	sum := sha256.Sum256(data)
	m, _ := json.Marshal(map[string]any{"report": "经济运行", "workbook": name, "workbook_sha256": hex.EncodeToString(sum[:]),
		"time": "2026-12-01T10:00:00Z", "outputs": outputs, "version": "0.1.0"})
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), m, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestDiffBuildDirectories: two archived builds compare as their workbooks
// do, the report taken from the manifest; so does a build against a
// workbook.
func TestDiffBuildDirectories(t *testing.T) {
	outputs := []string{"经济运行.pdf", "经济运行.html", "经济运行.txt"}
	old, new := archive(t, july, outputs...), archive(t, august, outputs...)
	_, want, _ := runCmd(t, "diff", "-report", "经济运行", july, august)
	want = want[strings.Index(want, "\n\n"):]
	for _, args := range [][]string{{old, new}, {old, august}} {
		code, stdout, stderr := runCmd(t, append([]string{"diff"}, args...)...)
		if code != exitOK || stderr != "" {
			t.Fatalf("%v: exit %d, stderr %q", args, code, stderr)
		}
		if !strings.HasPrefix(stdout, "旧："+old+"（报告 经济运行，工作簿 经济运行-2022年7月.xlsx，生成于 2026-12-01T10:00:00Z）\n") {
			t.Errorf("%v: header %q", args, stdout[:strings.Index(stdout, "\n\n")])
		}
		if got := stdout[strings.Index(stdout, "\n\n"):]; got != want {
			t.Errorf("%v: listing differs from the workbooks':\n%s", args, got)
		}
	}
}

// checkDiffMessage checks a message for English and traces of Go where
// the catalog's checkClean is built (Unix).
var checkDiffMessage = func(t *testing.T, msg string, args []string) {}

func TestDiffHelp(t *testing.T) {
	code, stdout, _ := runCmd(t, "diff", "-h")
	for _, want := range []string{"用法：briefing diff", "-report", "-exit-code", "-json", "-all", "生成目录", "manifest.json", "退出码"} {
		if code != exitOK || !strings.Contains(stdout, want) {
			t.Errorf("diff -h (exit %d) lacks %s:\n%s", code, want, stdout)
		}
	}
	if _, stdout, _ := runCmd(t, "-h"); !strings.Contains(stdout, "briefing diff") {
		t.Errorf("the usage does not list diff:\n%s", stdout)
	}
}

// TestDiffWorkspaceArchive: an entry the workspace archive wrote compares
// with a workbook built by the workspace's own report type of the name its
// manifest gives — here one whose 简报名称 differs from the bundled one, so
// the title stays the same sentence on both sides.
func TestDiffWorkspaceArchive(t *testing.T) {
	ws := t.TempDir()
	for _, f := range []string{"templates/经济运行/report.md", "sections/经济运行/短语.md", "sections/经济运行/主要指标.md",
		"sections/经济运行/存在的问题.md", "sections/经济运行/下一步打算.md", july} {
		data, err := os.ReadFile(filepath.Join("..", "..", f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(ws, f)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, f), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	typ := filepath.Join(ws, "templates", "经济运行")
	edit(t, filepath.Join(typ, "report.md"), `简报名称: '{{信息 "县名"}}经济运行'`, `简报名称: '{{信息 "县名"}}经济运行快报'`)
	out := t.TempDir()
	if code, _, stderr := runCmd(t, "build", "-data", july, "-format", "txt", "-o", out, typ); code != exitOK {
		t.Fatalf("build: %s", stderr)
	}
	txt, err := os.ReadFile(filepath.Join(out, "经济运行.txt"))
	if err != nil {
		t.Fatal(err)
	}
	w, err := workspace.Open(ws)
	if err != nil {
		t.Fatal(err)
	}
	e, err := w.Archive(workspace.Build{Report: "经济运行", Workbook: filepath.Join(ws, july), Version: version,
		Outputs: []workspace.Output{{Name: "经济运行.txt", Data: txt}}, Time: time.Date(2022, 8, 12, 9, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runCmd(t, "diff", "-all", e.Dir, august)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{"  同（第1段）鹤岭经济运行快报\n", "，未变29句。\n"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}
}

func TestDiffRefusals(t *testing.T) {
	empty := t.TempDir()
	noText := archive(t, july, "经济运行.pdf")
	changed := archive(t, july, "经济运行.txt")
	if err := os.WriteFile(filepath.Join(changed, "经济运行-2022年7月.xlsx"), []byte("PK"), 0o644); err != nil {
		t.Fatal(err)
	}
	broken := archive(t, july, "经济运行.txt")
	os.WriteFile(filepath.Join(broken, "manifest.json"), []byte(`{"report": "经济运行", "outputs": "经济运行.txt"}`), 0o644)
	escaping := archive(t, july, "经济运行.txt")
	os.WriteFile(filepath.Join(escaping, "manifest.json"), []byte(`{"report":"经济运行","workbook":"../经济运行-2022年7月.xlsx","outputs":["经济运行.txt"]}`), 0o644)
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{july}, exitUsage, "需要两个参数"},
		{[]string{empty, august}, exitUsage, empty + " 是一个目录，但其中没有 manifest.json（不是一次生成的存档），也没有 .csv 文件"},
		{[]string{noText, august}, exitProblem, "生成目录 " + noText + " 中没有纯文本输出（manifest.json 记录的输出中没有 .txt 文件）"},
		{[]string{changed, august}, exitProblem, "经济运行-2022年7月.xlsx 与 manifest.json 记录的不一致"},
		{[]string{escaping, august}, exitProblem, "manifest.json 记录的工作簿“../经济运行-2022年7月.xlsx”应是同一目录中一个文件的名字"},
		{[]string{broken, august}, exitProblem, "manifest.json 读不懂：输出文件的值类型不对；它应是存档时写下的 JSON 文件"},
		{[]string{"-report", "经济运行", "samples/没有这个.xlsx", august}, exitProblem, "没有这个.xlsx"},
		{[]string{"-exit-code", "-report", "经济运行", "samples/没有这个.xlsx", august}, exitProblem, "错误："},
		{[]string{july, august}, exitProblem, "\n没有指定 -report，用的是内置示例“情况汇报”的模板；其他报告的工作簿请用 -report 指定报告，如 -report 经济运行\n"},
	}
	for _, c := range cases {
		code, stdout, stderr := runCmd(t, append([]string{"diff"}, c.args...)...)
		if code != c.code || !strings.Contains(stderr, c.want) || stdout != "" {
			t.Errorf("%v: exit %d (want %d), stdout %q, stderr %q (want %q)", c.args, code, c.code, stdout, stderr, c.want)
		}
		if !strings.HasPrefix(stderr, "错误：") {
			t.Errorf("%v: stderr %q", c.args, stderr)
		}
		checkDiffMessage(t, stderr, c.args)
	}
}
