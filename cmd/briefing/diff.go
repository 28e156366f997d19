package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"briefing/internal/build"
	"briefing/internal/compare"
	"briefing/internal/inputfile"
	"briefing/internal/oserr"
	"briefing/internal/workbook"
	"briefing/internal/workspace"
)

const diffAbout = `比较同一份报告的两次生成（如上月和本月）：列出数值不同的数据（旧 → 新，以及所在单元格），
再列出改动、新增、删去的句子，改动的词语用【】标出，最后一行是汇总。

旧、新各是一个工作簿（.xlsx、.csv，或放 .csv 的目录：用 -report 的报告在内存中生成后比较，不写文件），
或一个生成目录（工作区中存档的一次生成：含 manifest.json、工作簿和 .txt 输出）。
省略 -report 时，用生成目录的 manifest.json 中记录的报告（生成目录在工作区的“归档”中时，是这个工作区中
同名的报告类型）；两边都是工作簿时用内置示例“情况汇报”。

退出码：0 比较完毕（不论有无不同）；加 -exit-code 时 0 没有不同、1 有不同；
        1 也表示有问题（工作簿、报告或生成目录读不了，这时标准错误输出以“错误：”开头、标准输出为空）；
        2 命令用法不对。`

// cmdDiff compares two builds of a report: briefing diff OLD NEW.
func cmdDiff(args []string, stdout, stderr io.Writer) int {
	c := newCommand("diff", "briefing diff [-report 报告] [-json] [-exit-code] [-all] 旧 新", diffAbout)
	reportName := c.String("report", "", "用哪一份`报告`的模板从工作簿生成文字（templates/ 下的报告类型名或报告目录）")
	asJSON := c.Bool("json", false, "以 JSON 输出全部结果（包括未变的句子），供脚本使用")
	exitCode := c.Bool("exit-code", false, "有不同时退出码为 1，没有不同时为 0（供自动检查使用）")
	all := c.Bool("all", false, "也列出未变的句子：按顺序列出整份报告")
	reads := addReadFlags(c)
	pos, code, ok := c.parse(args, stdout, stderr, 2)
	if !ok {
		return code
	}
	if len(pos) != 2 {
		fmt.Fprintf(stderr, "错误：需要两个参数：旧的和新的（工作簿或生成目录）\n\n")
		c.usage(stderr)
		return exitUsage
	}
	if err := reads.check(); err != nil {
		fmt.Fprintf(stderr, "错误：%v\n", err)
		return exitUsage
	}
	sides, code := loadSides(pos, *reportName, reads, stderr)
	if sides == nil {
		return code
	}
	res := compare.Compare(sides[0].book, sides[1].book, sides[0].text, sides[1].text)
	if err := writeDiff(stdout, res, sides, *asJSON, *all); err != nil {
		return fail(stderr, err)
	}
	if *exitCode && res.Changed() {
		return exitProblem
	}
	return exitOK
}

// writeDiff prints the comparison: as JSON, or as the Chinese listing
// under a line naming each side.
func writeDiff(w io.Writer, res *compare.Result, sides []*diffSide, asJSON, all bool) error {
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(res)
	}
	fmt.Fprintf(w, "旧：%s\n新：%s\n\n", sides[0].label(), sides[1].label())
	if all {
		return res.WriteAll(w)
	}
	return res.WriteText(w)
}

// diffSide is one side of a comparison: a workbook and its report's text.
type diffSide struct {
	path     string
	book     *workbook.Book
	text     string
	manifest *manifest // nil for a workbook
}

func (s *diffSide) label() string {
	p := oserr.Path(s.path)
	if m := s.manifest; m != nil {
		return fmt.Sprintf("%s（报告 %s，工作簿 %s，生成于 %s）", p, oserr.Escape(m.Report), oserr.Escape(m.Workbook), oserr.Escape(m.Time))
	}
	return p
}

// loadSides reads the two sides: the build directories first, whose
// manifest names the report a workbook on the other side is built with
// when -report is not given. It returns nil and the exit status on a
// problem, which it has printed.
func loadSides(paths []string, reportName string, reads *readFlags, stderr io.Writer) ([]*diffSide, int) {
	sides := make([]*diffSide, len(paths))
	for k, p := range paths {
		s, err := readBuildDir(p)
		var u usageError
		switch {
		case errors.As(err, &u):
			fmt.Fprintf(stderr, "错误：%v\n", err)
			return nil, exitUsage
		case err != nil:
			return nil, fail(stderr, err)
		}
		sides[k] = s
	}
	if reportName == "" {
		reportName = archivedReport(sides, stderr)
	}
	for k, p := range paths {
		if sides[k] == nil {
			if sides[k] = renderSide(p, reportName, reads, stderr); sides[k] == nil {
				return nil, exitProblem
			}
		}
	}
	return sides, exitOK
}

// renderSide builds the report from a workbook in memory, as text; nil
// after printing the problem.
func renderSide(path, reportName string, reads *readFlags, stderr io.Writer) *diffSide {
	res, err := build.Render(build.Options{Report: reportName, Data: path, Formats: []string{"txt"}, Version: version, KeepBook: true,
		Root: *reads.root, Limits: reads.limits()})
	if err != nil {
		fail(stderr, err)
		if reportName == "" {
			fmt.Fprintln(stderr, "没有指定 -report，用的是内置示例“情况汇报”的模板；其他报告的工作簿请用 -report 指定报告，如 -report 经济运行")
		}
		return nil
	}
	return &diffSide{path: path, book: res.Book, text: string(res.Files[0].Data)}
}

// archivedReport is the report named by the build directories among
// sides, "" when there is none; it notes when two name different reports.
func archivedReport(sides []*diffSide, stderr io.Writer) string {
	var first *manifest
	var dir string
	for _, s := range sides {
		switch {
		case s == nil || s.manifest.Report == "":
		case first == nil:
			first, dir = s.manifest, s.path
		case s.manifest.Report != first.Report:
			fmt.Fprintf(stderr, "注意：两次生成的报告不同（%s 和 %s），照样比较\n", oserr.Escape(first.Report), oserr.Escape(s.manifest.Report))
		}
	}
	if first == nil {
		return ""
	}
	return manifestReport(dir, first.Report)
}

// manifestReport is what report.Load takes for the report type a build
// directory names: when the directory is an entry of a workspace's archive
// (工作区/归档/类型/条目), the workspace's own type of that name; else the
// name itself (a bundled type, or a folder).
func manifestReport(dir, name string) string {
	abs, err := filepath.Abs(dir)
	archive := filepath.Dir(filepath.Dir(abs))
	if err != nil || filepath.Base(archive) != workspace.ArchiveDir {
		return name
	}
	if w, err := workspace.Open(filepath.Dir(archive)); err == nil {
		if t, ok := w.Type(name); ok {
			return t.Report()
		}
	}
	return name
}

// usageError is an argument diff does not take: exit status 2.
type usageError string

func (e usageError) Error() string { return string(e) }

// manifest is what the workspace archive writes beside each build.
type manifest struct {
	Report         string   `json:"report"`
	Workbook       string   `json:"workbook"`
	WorkbookSHA256 string   `json:"workbook_sha256"`
	Time           string   `json:"time"`
	Outputs        []string `json:"outputs"`
	Version        string   `json:"version"`
}

// manifestFields name the fields of a manifest in messages.
var manifestFields = map[string]string{"report": "报告", "workbook": "工作簿", "workbook_sha256": "工作簿的哈希值",
	"time": "生成时间", "outputs": "输出文件", "version": "版本"}

// Bounds of what diff reads from a build directory.
const (
	maxManifest = 1 << 20
	maxText     = 64 << 20
)

// readBuildDir reads a build directory: its manifest, workbook and text.
// It returns nil for what is to be read as a workbook — a file, or a
// directory of .csv files without a manifest — and a usageError for a
// directory that is neither.
func readBuildDir(dir string) (*diffSide, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, errors.New(oserr.Message("读取", dir, err))
	}
	if !st.IsDir() {
		return nil, nil
	}
	mpath := filepath.Join(dir, "manifest.json")
	if _, err := os.Lstat(mpath); errors.Is(err, os.ErrNotExist) {
		if hasCSV(dir) {
			return nil, nil
		}
		return nil, usageError(fmt.Sprintf("%s 是一个目录，但其中没有 manifest.json（不是一次生成的存档），也没有 .csv 文件；"+
			"旧、新应是工作簿（.xlsx、.csv）或生成目录", oserr.Path(dir)))
	}
	m, err := readManifest(mpath)
	if err != nil {
		return nil, err
	}
	return readArchived(dir, m)
}

// hasCSV tells whether dir holds a .csv file: a workbook of CSV sheets.
func hasCSV(dir string) bool {
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.EqualFold(filepath.Ext(e.Name()), ".csv") {
			return true
		}
	}
	return false
}

func readManifest(path string) (*manifest, error) {
	data, err := readInput(path, maxManifest)
	if err != nil {
		return nil, err
	}
	var m manifest
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("%s 读不懂：%s；它应是存档时写下的 JSON 文件", oserr.Path(path), jsonProblem(err))
	}
	return &m, nil
}

// jsonProblem says in Chinese what is wrong with a JSON file.
func jsonProblem(err error) string {
	var syntax *json.SyntaxError
	var kind *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syntax):
		return fmt.Sprintf("第%d个字节处格式不对", syntax.Offset)
	case errors.As(err, &kind):
		if name, ok := manifestFields[kind.Field]; ok {
			return name + "的值类型不对"
		}
		return "有一项的值类型不对"
	}
	return "格式不对"
}

// readArchived reads the workbook and the text output a manifest names,
// both in dir; the workbook must still have the hash the manifest records.
func readArchived(dir string, m *manifest) (*diffSide, error) {
	mpath := oserr.Path(filepath.Join(dir, "manifest.json"))
	if !plainName(m.Workbook) {
		return nil, fmt.Errorf("%s 记录的工作簿“%s”应是同一目录中一个文件的名字", mpath, oserr.Escape(m.Workbook))
	}
	txt := m.textOutput()
	if txt == "" {
		return nil, fmt.Errorf("生成目录 %s 中没有纯文本输出（manifest.json 记录的输出中没有 .txt 文件），无法比较报告的文字；"+
			"请在生成时包含 txt 格式", oserr.Path(dir))
	}
	wpath := filepath.Join(dir, m.Workbook)
	if err := checkHash(wpath, m.WorkbookSHA256); err != nil {
		return nil, err
	}
	book, err := workbook.Open(wpath)
	if err != nil {
		return nil, err
	}
	text, err := readInput(filepath.Join(dir, txt), maxText)
	if err != nil {
		return nil, err
	}
	return &diffSide{path: dir, book: book, text: string(text), manifest: m}, nil
}

// textOutput is the first .txt file among the outputs, "" when none.
func (m *manifest) textOutput() string {
	for _, o := range m.Outputs {
		if strings.EqualFold(filepath.Ext(o), ".txt") && plainName(o) {
			return o
		}
	}
	return ""
}

// plainName tells whether name is a file's name alone, without a folder.
func plainName(name string) bool {
	return name != "" && name != "." && name != ".." && !strings.ContainsAny(name, `/\:`) && !oserr.HasControl(name)
}

// checkHash refuses a workbook whose SHA-256 is not the one recorded (when
// one is): the text beside it was built from another workbook.
func checkHash(path, want string) error {
	if want == "" {
		return nil
	}
	f, _, err := inputfile.Open(path, 1<<40)
	if err != nil {
		return errors.New(oserr.Message("读取", path, err))
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return errors.New(oserr.Message("读取", path, err))
	}
	if !strings.EqualFold(hex.EncodeToString(h.Sum(nil)), want) {
		return fmt.Errorf("%s 与 manifest.json 记录的不一致（文件在生成之后被改动过），它和同一目录中的报告对不上，无法比较", oserr.Path(path))
	}
	return nil
}

// readInput reads a file of a build directory, worded for the clerk.
func readInput(path string, max int64) ([]byte, error) {
	data, err := inputfile.Read(path, max)
	var refused *inputfile.Error
	switch {
	case errors.As(err, &refused) && refused.Err == inputfile.ErrTooBig:
		return nil, fmt.Errorf("%s 有 %d MB，超过 %d MB 的上限", oserr.Path(path), refused.Size>>20, max>>20)
	case errors.As(err, &refused):
		return nil, fmt.Errorf("%s 不是普通文件，不能读取", oserr.Path(path))
	case err != nil:
		return nil, errors.New(oserr.Message("读取", path, err))
	}
	return data, nil
}
