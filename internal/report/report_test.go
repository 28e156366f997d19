package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/workbook"
)

// testBook is a small workbook built in code.
func testBook() *workbook.Book {
	b := &workbook.Book{File: "数据.xlsx"}
	at := func(sheet, cell string) workbook.Ref { return workbook.Ref{File: b.File, Sheet: sheet, Cell: cell} }
	with := func(v workbook.Value, r workbook.Ref) workbook.Value { v.Ref = r; return v }
	b.Metrics = []*workbook.Metric{
		{Name: "签约金额", Unit: "亿元", Ref: at("指标", "A2"), Value: with(workbook.NumberOf("82.8"), at("指标", "B2")),
			LastYear: with(workbook.NumberOf("65.2"), at("指标", "E2"))},
		{Name: "上云企业数", Unit: "家", Ref: at("指标", "A3"), Value: with(workbook.NumberOf("126"), at("指标", "B3"))},
	}
	b.Info = []workbook.InfoEntry{
		{Key: "县名", Value: with(workbook.TextOf("鹤岭"), at("报告信息", "B2"))},
		{Key: "主送机关", Value: with(workbook.TextOf("县人民政府："), at("报告信息", "B3"))},
		{Key: "发文机关", Value: with(workbook.TextOf("县工业和信息化局"), at("报告信息", "B4"))},
		{Key: "成文日期", Value: with(workbook.DateOf(2022, 12, 5), at("报告信息", "B5"))},
		{Key: "口号", Value: with(workbook.TextOf("1+1*2 <强>"), at("报告信息", "B6"))},
	}
	b.Tables = []*workbook.Table{workbook.NewTable("企业", []string{"企业名称"},
		[]workbook.Value{workbook.TextOf("华晟电子")}, []workbook.Value{workbook.TextOf("讯达易联")})}
	b.Tables[0].Ref = workbook.Ref{File: b.File, Sheet: "企业"}
	return b
}

// writeReport writes files (relative path → content) into a new directory
// and returns the report directory within it.
func writeReport(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(root, "报告")
}

func TestLoadProblems(t *testing.T) {
	cases := []struct {
		name, report string
		want         []string
	}{
		{"no front matter", "标题: x\n正文", []string{"report.md 第1行：文件应以 --- 开头的前置信息"}},
		{"bad YAML", "---\n标题: a: b\n---\n正文", []string{"report.md：前置信息（两行 --- 之间）的写法不对：第2行：值中有“: ”", "要用英文单引号"}},
		{"unquoted action", "---\n主题: x\n标题: {{信息 \"县名\"}}\n---\n正文", []string{"report.md 第3行：“标题”的值以 { 开头，要用英文单引号把整个值括起来"}},
		{"unquoted brace", "---\n标题: {a, b\n---\n正文", []string{"report.md：前置信息（两行 --- 之间）的写法不对：第2行", "要用英文单引号"}},
		{"unknown key", "---\n标题: x\n作者: y\n---\n正文", []string{"report.md 第3行：不认识的前置信息“作者”", "可用：", "主送机关"}},
		{"sections not a list", "---\n标题: x\n章节: a.md\n---\n正文", []string{"report.md 第3行：“章节”应是一个列表"}},
		{"value not a scalar", "---\n标题:\n  - x\n---\n正文", []string{"report.md 第2行：“标题”应是一个值"}},
		{"unquoted item", "---\n标题: x\n附件:\n  - {{信息 \"县名\"}}\n---\n正文", []string{"report.md 第4行：“附件”的每一项应是附件的名称"}},
		{"unknown layout", "---\n标题: x\n版式: 通知\n---\n正文", []string{"report.md 第3行：不认识的版式“通知”（可用：公文、简报）"}},
		{"no body", "---\n标题: x\n---\n", []string{"report.md：报告没有正文"}},
		{"empty front matter", "---\n\n---\n正文", []string{"前置信息是空的"}},
		{"every problem at once", "---\n作者: y\n版式: 通知\n---\n正文", []string{"第2行：不认识的前置信息“作者”", "第3行：不认识的版式“通知”"}},
		{"raw HTML neither yes nor no", "---\n标题: x\n允许HTML: 也许\n---\n正文", []string{"report.md 第3行：“允许HTML”应是“是”或“否”，而不是“也许”"}},
	}
	for _, c := range cases {
		dir := writeReport(t, map[string]string{"报告/report.md": c.report})
		_, err := Load(dir)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: %q does not say %q", c.name, err, w)
			}
		}
	}
	if _, err := Load(filepath.Join(t.TempDir(), "没有")); err == nil || !strings.Contains(err.Error(), "找不到报告") || !strings.Contains(err.Error(), "内置：情况汇报") {
		t.Errorf("missing report: %v", err)
	}
	empty := t.TempDir()
	if _, err := Load(empty); err == nil || !strings.Contains(err.Error(), "报告目录中没有 report.md") {
		t.Errorf("directory without report.md: %v", err)
	}
}

const goodReport = `---
# 注释
标题: '关于{{信息 "县名"}}县“{{信息 "口号"}}”工作的情况汇报'
主送机关: '{{信息 "主送机关"}}'
发文机关: "{{信息 \"发文机关\"}}"
成文日期: '{{日期 (信息 "成文日期")}}'
主题: 产业链
附件:
  - '{{信息 "县名"}}县重点企业名单'
  - 签约项目表
章节:
  - ../章节/甲.md
  - ../章节/乙.md
---
今年以来，全县总签约金额{{值 "签约金额"}}{{单位 "签约金额"}}，现汇报如下：
`

func TestFill(t *testing.T) {
	dir := writeReport(t, map[string]string{
		"报告/report.md": goodReport,
		"章节/甲.md":      "## 主要工作\n\n### 抓招商。\n\n签约金额{{同比 \"签约金额\"}}。\n",
		"章节/乙.md":      "## 下一步打算\n\n对{{和 (列 (表 \"企业\") \"企业名称\")}}等企业加强服务。\n",
	})
	r, err := Load(dir, WithRoot(filepath.Dir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	filled, err := r.Fill(testBook())
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings := filled.Doc, filled.Unused
	m := doc.Meta
	if m.Title != "关于鹤岭县“1+1*2 <强>”工作的情况汇报" {
		t.Errorf("title %q", m.Title) // the value's characters, not Markdown
	}
	if m.Addressee != "县人民政府" || m.Org != "县工业和信息化局" || m.Date != "2022年12月5日" || m.Subject != "产业链" {
		t.Errorf("meta %+v", m)
	}
	if !m.Time.Equal(time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("time %v", m.Time)
	}
	if strings.Join(m.Attachments, "|") != "鹤岭县重点企业名单|签约项目表" {
		t.Errorf("attachments %q", m.Attachments)
	}
	src := string(doc.Source)
	for _, w := range []string{"今年以来，全县总签约金额82\\.8亿元，现汇报如下：\n\n## 主要工作", "签约金额同比增长27\\.0\\%。\n\n## 下一步打算", "对华晟电子和讯达易联等企业"} {
		if !strings.Contains(src, w) {
			t.Errorf("source lacks %q:\n%s", w, src)
		}
	}
	if doc.Root == nil || doc.Root.ChildCount() == 0 {
		t.Errorf("no parsed document")
	}
	if len(warnings) != 1 || warnings[0] != "数据.xlsx 指标!A3：指标“上云企业数”没有被任何模板使用" {
		t.Errorf("warnings %q", warnings)
	}
}

// TestDefaultsFromSheet: keys the front matter leaves out come from the
// report sheet.
func TestDefaultsFromSheet(t *testing.T) {
	dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: 情况汇报\n---\n正文。\n"})
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	filled, err := r.Fill(testBook())
	if err != nil {
		t.Fatal(err)
	}
	m := filled.Doc.Meta
	if m.Title != "情况汇报" || m.Addressee != "县人民政府" || m.Org != "县工业和信息化局" || m.Date != "2022年12月5日" || m.Time.IsZero() {
		t.Errorf("meta %+v", m)
	}
	// Without 标题 anywhere, the report says where to write one.
	dir = writeReport(t, map[string]string{"报告/report.md": "---\n主题: x\n---\n正文。\n"})
	r, _ = Load(dir)
	if _, err := r.Fill(testBook()); err == nil || !strings.Contains(err.Error(), "缺少“标题”") {
		t.Errorf("no title: %v", err)
	}
	// A 成文日期 written otherwise is refused at its place.
	dir = writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n成文日期: 2022-12-05\n---\n正文。\n"})
	r, _ = Load(dir)
	if _, err := r.Fill(testBook()); err == nil || !strings.Contains(err.Error(), "report.md 第3行：成文日期“2022-12-05”应写作“2022年12月5日”") {
		t.Errorf("bad date: %v", err)
	}
}

// TestEveryProblemOfTheReport: the problems of the front matter, the
// opening and every section come at once, each at its place.
func TestEveryProblemOfTheReport(t *testing.T) {
	dir := writeReport(t, map[string]string{
		"报告/report.md": "---\n标题: '关于{{信息 \"县\"}}的汇报'\n附件:\n  - '{{值 \"附件数\"}}'\n章节:\n  - ../章节/甲.md\n  - ../章节/缺.md\n  - ../章节/乙.md\n---\n开头{{值 \"签约\"}}。\n",
		"章节/甲.md":      "## 甲\n\n{{表 \"企\"}}\n\n{{同比 \"上云企业数\"}}\n",
		"章节/乙.md":      "## 乙\n\n{{和 (列 (表 \"企业\") \"名称\")}}{{日期 (信息 \"县名\")}}\n",
	})
	r, err := Load(dir, WithRoot(filepath.Dir(dir)))
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Fill(testBook())
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("error %v is not Problems", err)
	}
	report := filepath.Join(dir, "report.md")
	sec := func(name string) string { return filepath.Join(dir, "..", "章节", name) }
	want := []string{
		report + " 第2行第10列：数据.xlsx 工作表“报告信息”中没有项目“县”",
		report + " 第4行第8列：数据.xlsx 工作表“指标”中没有指标“附件数”",
		report + " 第10行第5列：数据.xlsx 工作表“指标”中没有指标“签约”（是否是 签约金额？）",
		sec("甲.md") + " 第3行第3列：数据.xlsx 中没有工作表“企”",
		sec("甲.md") + " 第5行第3列：数据.xlsx 的“指标”表中没有“去年同期”列，同比 无法取得指标“上云企业数”的去年同期",
		report + " 第7行：找不到章节模板 " + sec("缺.md"),
		sec("乙.md") + " 第3行第6列：数据.xlsx 工作表“企业”中没有列“名称”（是否是 企业名称？）",
		sec("乙.md") + " 第3行第26列：数据.xlsx 报告信息!B2：“鹤岭”不是日期",
	}
	if len(ps) != len(want) {
		t.Errorf("%d problems, want %d:\n%v", len(ps), len(want), err)
	}
	for i := range min(len(ps), len(want)) {
		if !strings.HasPrefix(ps[i].Error(), want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i+1, ps[i], want[i])
		}
	}
}

// TestBundledSample: the bundled report loads from anywhere, reads its
// own workbook, uses every figure and table of it and has no problem.
func TestBundledSample(t *testing.T) {
	wd, _ := os.Getwd()
	if err := os.Chdir(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	if got := strings.Join(BuiltIn(), "、"); !strings.Contains(got, DefaultName) {
		t.Errorf("BuiltIn() = %q", got)
	}
	r, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	if r.Dir != "内置:templates/情况汇报" {
		t.Errorf("Dir %q", r.Dir)
	}
	book, err := r.Workbook("")
	if err != nil {
		t.Fatal(err)
	}
	filled, err := r.Fill(book)
	if err != nil {
		t.Fatal(err)
	}
	doc, warnings := filled.Doc, filled.Unused
	if len(warnings) > 0 {
		t.Errorf("the sample leaves figures unused:\n%s", strings.Join(warnings, "\n"))
	}
	if doc.Meta.Title != "关于鹤岭县保障产业链供应链稳定工作的情况汇报" || doc.Meta.Date != "2022年12月5日" {
		t.Errorf("meta %+v", doc.Meta)
	}
}

func TestParseDate(t *testing.T) {
	for s, ok := range map[string]bool{"2022年12月5日": true, " 2022年1月31日 ": true, "2023年2月29日": false, "2022-12-05": false, "2022年12月": false} {
		_, err := ParseDate(s)
		if (err == nil) != ok {
			t.Errorf("ParseDate(%q): %v", s, err)
		}
	}
}

// TestReadmeFrontMatter: the report.md shown in templates/README.md loads
// and fills with the sample's workbook and sections.
func TestReadmeFrontMatter(t *testing.T) {
	doc, err := os.ReadFile("../../templates/README.md")
	if err != nil {
		t.Fatal(err)
	}
	var example string
	for rest, ok := string(doc), true; ok && !strings.HasPrefix(example, "---\n"); {
		_, rest, ok = strings.Cut(rest, "```markdown\n")
		example, rest, _ = strings.Cut(rest, "```")
	}
	if !strings.HasPrefix(example, "---\n") {
		t.Fatal("the README shows no report.md")
	}
	files := map[string]string{"templates/示例/report.md": example,
		"templates/示例/短语.md": `{{define "签约"}}签约金额{{同比 "签约金额"}}{{end}}`}
	for _, f := range []string{"sections/主要工作.md", "sections/存在的问题.md"} {
		b, err := os.ReadFile("../../" + f)
		if err != nil {
			t.Fatal(err)
		}
		files[f] = string(b)
	}
	dir := writeReport(t, files)
	root := filepath.Dir(dir)
	wb, err := os.ReadFile("../../samples/产业链供应链.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(root, "samples"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(root, "samples", "产业链供应链.xlsx"), wb, 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(filepath.Join(root, "templates", "示例"))
	if err != nil {
		t.Fatal(err)
	}
	book, err := r.Workbook("")
	if err != nil {
		t.Fatal(err)
	}
	filled, err := r.Fill(book)
	if err != nil {
		t.Fatal(err)
	}
	d := filled.Doc
	if d.Meta.Title != "关于鹤岭县保障产业链供应链稳定工作的情况汇报" || strings.Join(d.Meta.Attachments, "") != "鹤岭县重点企业名单" || d.Meta.Date != "2022年12月5日" {
		t.Errorf("meta %+v", d.Meta)
	}
}

func TestAllowRawHTMLAndReadFile(t *testing.T) {
	for value, want := range map[string]bool{"是": true, "否": false, "true": true} {
		dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n允许HTML: " + value + "\n---\n正文", "报告/图1.png": "PNG"})
		r, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if r.AllowRawHTML() != want {
			t.Errorf("允许HTML: %s gives %v", value, r.AllowRawHTML())
		}
		if b, err := r.ReadFile("图1.png"); err != nil || string(b) != "PNG" {
			t.Errorf("ReadFile: %q, %v", b, err)
		}
		if _, err := r.ReadFile("没有.png"); err == nil || !strings.Contains(err.Error(), "找不到文件") {
			t.Errorf("ReadFile of a missing file: %v", err)
		}
	}
	dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n---\n正文"})
	if r, err := Load(dir); err != nil || r.AllowRawHTML() {
		t.Errorf("raw HTML is allowed by default (%v)", err)
	}
}

// A workbook that the front matter names but that is not there is reported
// at the line of 数据 in report.md.
func TestMissingWorkbookNamedByFrontMatter(t *testing.T) {
	dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n数据: 没有.xlsx\n---\n正文"})
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	_, err = r.Workbook("")
	if err == nil || !strings.Contains(err.Error(), "report.md 第3行：“数据”指定的工作簿") || !strings.Contains(err.Error(), "没有.xlsx") {
		t.Errorf("error %v", err)
	}
}
