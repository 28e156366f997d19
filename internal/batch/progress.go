package batch

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/rivo/uniseg"

	"briefing/internal/oserr"
)

// Progress shows a batch as it runs. The files written go to out, one a
// line, as a single build lists them. On err, a terminal sees a bar that
// each report moves, with the failures and warnings printed above it;
// elsewhere (a pipe, a file, CI) each report gets a line of its own.
type Progress struct {
	out, err io.Writer
	terminal bool
	total    int
	ended    int
	failed   int
	barWidth int // the width of the bar on screen, in columns; 0 when none is shown
}

// barCells is the length of the bar, in characters.
const barCells = 24

// NewProgress follows a batch of total workbooks.
func NewProgress(out, err io.Writer, terminal bool, total int) *Progress {
	p := &Progress{out: out, err: err, terminal: terminal, total: total}
	if terminal {
		p.bar()
	}
	return p
}

// Report shows a report that ended; it is Options.Done.
func (p *Progress) Report(r Result) {
	p.ended++
	if r.Err != nil {
		p.failed++
	}
	p.clear()
	p.files(r)
	p.warnings(r)
	switch {
	case r.Err != nil:
		p.line(fmt.Sprintf("失败：%s", failure(r)))
	case !p.terminal:
		p.line(fmt.Sprintf("已生成：%s → %s%s", oserr.Path(r.Workbook), oserr.Path(folderOf(r)), pages(r)))
	}
	if p.terminal {
		p.bar()
	}
}

// line writes one line on err, with the count of reports ended off a
// terminal.
func (p *Progress) line(s string) {
	if !p.terminal {
		s = fmt.Sprintf("[%d/%d] %s", p.ended, p.total, s)
	}
	fmt.Fprintln(p.err, s)
}

// files lists the files of a report built.
func (p *Progress) files(r Result) {
	for _, f := range r.Files {
		detail := size(f.Size)
		if f.Format == "pdf" && r.Pages > 0 {
			detail = fmt.Sprintf("%d页，%s", r.Pages, detail)
		}
		fmt.Fprintf(p.out, "已生成 %s（%s）\n", oserr.Escape(filepath.ToSlash(f.Path)), detail)
	}
}

// warnings lists a report's warnings, each after its workbook.
func (p *Progress) warnings(r Result) {
	for _, w := range r.Warnings {
		fmt.Fprintf(p.err, "警告：%s：%s\n", oserr.Path(r.Workbook), oserr.Escape(w))
	}
}

// bar draws the bar on the terminal's last line, in ASCII: a terminal set
// for Chinese may draw block characters twice as wide as their count.
func (p *Progress) bar() {
	filled := 0
	if p.total > 0 {
		filled = p.ended * barCells / p.total
	}
	s := fmt.Sprintf("生成报告 [%s%s] %d/%d", strings.Repeat("#", filled), strings.Repeat("-", barCells-filled), p.ended, p.total)
	if p.failed > 0 {
		s += fmt.Sprintf("，失败 %d", p.failed)
	}
	fmt.Fprint(p.err, "\r"+s)
	p.barWidth = uniseg.StringWidth(s)
}

// clear removes the bar, if one is shown.
func (p *Progress) clear() {
	if p.barWidth > 0 {
		fmt.Fprint(p.err, "\r"+strings.Repeat(" ", p.barWidth)+"\r")
		p.barWidth = 0
	}
}

// Summary says what became of the batch: how many reports were built and
// failed, and each failure's first problem.
func (p *Progress) Summary(s Summary) {
	p.clear()
	built, failed := s.Built(), s.Failed()
	if s.Interrupted {
		fmt.Fprintf(p.err, "已中断：已生成的 %d 份报告保留，其余 %d 个工作簿的报告没有写出任何文件。\n", built, len(s.Results)-built)
	} else {
		fmt.Fprintf(p.err, "共 %d 个工作簿：已生成 %d 份报告，失败 %d 份%s。\n", len(s.Results), built, len(failed), rate(s))
	}
	if len(failed) == 0 {
		return
	}
	fmt.Fprintln(p.err, "没有生成的报告：")
	for _, r := range failed {
		fmt.Fprintf(p.err, "  %s\n", failure(r))
	}
}

// failure is a failed report's workbook and first problem, with the
// number of the others.
// A problem that begins with the workbook's name begins with its path
// instead.
func failure(r Result) string {
	ps := r.Problems()
	first, base := oserr.Escape(ps[0]), oserr.Escape(filepath.Base(r.Workbook))
	s := oserr.Path(r.Workbook) + "：" + first
	if rest, ok := strings.CutPrefix(first, base); ok && (strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "：")) {
		s = oserr.Path(r.Workbook) + rest
	}
	if len(ps) > 1 {
		s += fmt.Sprintf("（另有 %d 个问题）", len(ps)-1)
	}
	return s
}

// rate is the time a batch took and its reports per second.
func rate(s Summary) string {
	secs := s.Elapsed.Seconds()
	if secs <= 0 || s.Built() < 2 {
		return ""
	}
	return fmt.Sprintf("，用时 %.2f 秒（每秒 %.1f 份）", secs, float64(s.Built())/secs)
}

func folderOf(r Result) string {
	if len(r.Files) == 0 {
		return r.Folder
	}
	return filepath.Dir(r.Files[0].Path)
}

func pages(r Result) string {
	if r.Pages == 0 {
		return ""
	}
	return fmt.Sprintf("（%d页）", r.Pages)
}

func size(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", (n+512)>>10)
	}
	return fmt.Sprintf("%d 字节", n)
}
