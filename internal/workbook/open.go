package workbook

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"

	"github.com/richardlehane/mscfb"

	"briefing/internal/inputfile"
	"briefing/internal/oserr"
)

// Default limits. A county's monthly workbook is some hundred kilobytes;
// these are far above that and far below what would exhaust the machine.
// README.md (工作簿的约定, 读不了的文件) gives the time and memory a file at
// each limit takes; bench_test.go measures them.
const (
	DefaultMaxFileSize  = 50 << 20  // bytes of the file as stored
	DefaultMaxCells     = 500_000   // non-empty cells of the whole workbook
	DefaultUnzipSize    = 256 << 20 // bytes of the whole package unzipped
	DefaultMaxFormulas  = 50_000    // formulas without a saved value that are calculated
	defaultFormulaCells = 200_000   // cells the references of those formulas cover
)

type options struct {
	maxFileSize  int64
	maxCells     int
	unzipSize    int64
	maxFormulas  int
	formulaCells int
}

// Option changes how a workbook is read.
type Option func(*options)

// WithMaxFileSize refuses files larger than n bytes (default 50 MB).
func WithMaxFileSize(n int64) Option { return func(o *options) { o.maxFileSize = n } }

// WithMaxCells refuses workbooks with more than n non-empty cells
// (default 500,000).
func WithMaxCells(n int) Option { return func(o *options) { o.maxCells = n } }

// WithUnzipLimit refuses a package whose parts take more than n bytes
// unzipped (default 256 MB), before unzipping any.
func WithUnzipLimit(n int64) Option { return func(o *options) { o.unzipSize = n } }

// WithMaxFormulas bounds how many formulas without a saved value are
// calculated (default 50,000); beyond that the clerk is asked to save the
// file once in Excel.
func WithMaxFormulas(n int) Option { return func(o *options) { o.maxFormulas = n } }

// withFormulaCells bounds the cells the references of those formulas
// cover, all together (default 200,000).
func withFormulaCells(n int) Option { return func(o *options) { o.formulaCells = n } }

func makeOptions(opts []Option) *options {
	o := &options{
		maxFileSize:  DefaultMaxFileSize,
		maxCells:     DefaultMaxCells,
		unzipSize:    DefaultUnzipSize,
		maxFormulas:  DefaultMaxFormulas,
		formulaCells: defaultFormulaCells,
	}
	for _, opt := range opts {
		opt(o)
	}
	return o
}

// Open reads a workbook: an .xlsx or .xlsm file, a .csv file standing in
// for one sheet (named by the file: 指标.csv is the metrics sheet), or a
// directory of .csv files, one sheet each. On any problem it returns an
// *Error listing them all; for problems in cells it also returns the Book
// with what could be read, for diagnostics only — a report must not be
// made from it.
func Open(path string, opts ...Option) (*Book, error) {
	o := makeOptions(opts)
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fail(Ref{File: path}, "%s", osMessage(err))
	}
	if fi.IsDir() {
		return openDir(path, o)
	}
	name := filepath.Base(path)
	f, _, err := inputfile.Open(path, o.maxFileSize)
	if err != nil {
		return nil, openFailed(path, err, o)
	}
	defer f.Close()
	return read(f, name, o)
}

// openFailed words a file that Open cannot read: too large, not a
// regular file (a device or a pipe, which would be read for ever), or the
// system's error.
func openFailed(path string, err error, o *options) error {
	var refused *inputfile.Error
	switch {
	case errors.As(err, &refused) && refused.Err == inputfile.ErrTooBig:
		return fail(Ref{File: filepath.Base(path)}, "%s", tooBigMessage(refused.Size, o))
	case errors.As(err, &refused):
		return fail(Ref{File: path}, "不是普通文件（是设备、管道或套接字），不能作为工作簿读取")
	}
	return fail(Ref{File: path}, "%s", osMessage(err))
}

// Read reads a workbook from r (a file embedded in the program, an
// upload); name is its file name, for the format and for messages. See Open.
func Read(r io.Reader, name string, opts ...Option) (*Book, error) {
	return read(r, filepath.Base(name), makeOptions(opts))
}

func read(r io.Reader, name string, o *options) (b *Book, err error) {
	data, err := io.ReadAll(io.LimitReader(r, o.maxFileSize+1))
	if err != nil {
		return nil, fail(Ref{File: name}, "%s", osMessage(err))
	}
	if int64(len(data)) > o.maxFileSize {
		return nil, fail(Ref{File: name}, "%s", tooBigMessage(int64(len(data)), o))
	}
	return readBytes(data, name, o)
}

// internalMessage is what the clerk reads when the reader itself fails.
const internalMessage = "读取时程序出错（这是程序的缺陷，不是工作簿的问题），请把这个文件交给维护人员"

// readBytes reads a whole file by its content, and by its name where the
// content does not say (CSV).
func readBytes(data []byte, name string, o *options) (b *Book, err error) {
	defer func() {
		if r := recover(); r != nil {
			b = nil
			err = &Error{
				Problems: []Problem{{Ref: Ref{File: name}, Msg: internalMessage}},
				internal: fmt.Sprintf("%v\n%s", r, debug.Stack()),
			}
		}
	}()
	ext := strings.ToLower(filepath.Ext(name))
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")), bytes.HasPrefix(data, []byte("PK\x05\x06")):
		return readXLSX(data, name, o)
	case bytes.HasPrefix(data, oleMagic):
		return nil, fail(Ref{File: name}, "%s", oleMessage(data))
	case ext == ".csv" || ext == ".txt" || ext == ".tsv":
		ps := &problems{}
		bld := newBuilder(name, ps, o.maxCells)
		g, err := readCSV(data, name, o)
		if err != nil {
			return nil, err
		}
		bld.addSheet(g)
		bld.finish()
		return bld.book, ps.err()
	}
	return nil, fail(Ref{File: name}, "%s", unknownFormatMessage(data, ext))
}

// openDir reads every .csv file of a directory as one sheet of a workbook.
func openDir(dir string, o *options) (*Book, error) {
	name := filepath.Base(dir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fail(Ref{File: dir}, "%s", osMessage(err))
	}
	var files []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".csv") && !strings.HasPrefix(e.Name(), "~$") {
			files = append(files, e.Name())
		}
	}
	sort.Strings(files)
	if len(files) == 0 {
		return nil, fail(Ref{File: dir}, "目录里没有 .csv 文件；请指定 .xlsx 工作簿，或放入 指标.csv、报告信息.csv 等文件")
	}
	ps := &problems{}
	bld := newBuilder(name, ps, o.maxCells)
	var total int64
	cells := 0
	for _, f := range files {
		p := filepath.Join(dir, f)
		fi, err := os.Stat(p)
		if err != nil {
			ps.add(Ref{File: f}, "%s", osMessage(err))
			continue
		}
		if total += fi.Size(); total > o.maxFileSize {
			return nil, fail(Ref{File: name}, "%s", tooBigMessage(total, o))
		}
		data, err := inputfile.Read(p, o.maxFileSize)
		if err != nil {
			ps.list = append(ps.list, openFailed(f, err, o).(*Error).Problems...)
			continue
		}
		sub := *o
		sub.maxCells = o.maxCells - cells
		g, err := readCSV(data, f, &sub)
		if err != nil {
			var e *Error
			if errors.As(err, &e) {
				ps.list = append(ps.list, e.Problems...)
				continue
			}
			return nil, err
		}
		for _, r := range g.rows {
			cells += len(r.cells)
		}
		bld.addSheet(g)
	}
	bld.finish()
	return bld.book, ps.err()
}

var oleMagic = []byte{0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1}

// oleMessage says what an OLE compound file is: a workbook protected by
// a password (an encrypted .xlsx is one), or the old .xls format.
func oleMessage(data []byte) (msg string) {
	const (
		encrypted = "工作簿设置了打开密码，无法读取：请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密），保存后再试"
		xls       = "这是旧版 Excel 97-2003 工作簿（.xls）格式，无法读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"
		other     = "不是 Excel 工作簿（可能是 Word 等其他 Office 文件），请确认选对了文件"
	)
	names := map[string]bool{}
	func() {
		defer func() {
			if recover() != nil {
				names = nil
			}
		}()
		doc, err := mscfb.New(bytes.NewReader(data))
		if err != nil {
			names = nil
			return
		}
		for n := 0; n < 10000; n++ {
			e, err := doc.Next()
			if err != nil {
				break
			}
			names[e.Name] = true
		}
	}()
	switch {
	case names == nil:
		return xls // an OLE file too broken to list; .xls is what it most likely is
	case names["EncryptionInfo"] || names["EncryptedPackage"]:
		return encrypted
	case names["Workbook"] || names["Book"]:
		return xls
	case names["WordDocument"] || names["PowerPoint Document"]:
		return other
	}
	return xls
}

func unknownFormatMessage(data []byte, ext string) string {
	head := strings.ToLower(string(data[:min(len(data), 512)]))
	switch {
	case len(data) == 0:
		return "文件是空的"
	case strings.Contains(head, "<html") || strings.Contains(head, "<!doctype html") || strings.Contains(head, "<table"):
		return "这是网页（HTML）格式的表格，不是真正的 Excel 工作簿：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"
	case strings.Contains(head, "<?xml") && strings.Contains(head, "urn:schemas-microsoft-com:office:spreadsheet"):
		return "这是 Excel 2003 XML 表格格式，无法读取：请在 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"
	case ext == ".xlsx" || ext == ".xlsm" || ext == ".xltx" || ext == ".xltm":
		return "文件已损坏，或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
	case ext == ".xls" || ext == ".et":
		return "这是旧版 Excel/WPS 表格格式，无法读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"
	case ext == ".ods":
		return "这是 OpenDocument 表格（.ods）格式，无法读取：请另存为“Excel 工作簿（*.xlsx）”后再试"
	}
	return fmt.Sprintf("不支持%s格式的文件：请使用 Excel 工作簿（.xlsx），或 CSV 文件（.csv）", quote(ext))
}

func osMessage(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "找不到这个文件，请检查路径和文件名"
	case errors.Is(err, fs.ErrPermission):
		return "没有权限读取这个文件"
	}
	return oserr.Reason(oserr.Read, "", err)
}

func tooBigMessage(size int64, o *options) string {
	return fmt.Sprintf("文件有 %s，超过 %s 的上限：一份月报的工作簿不会这么大，请删去不需要的工作表、图片等内容后再试", sizeText(size), sizeText(o.maxFileSize))
}

// sizeText writes a size in bytes for a clerk: 512 字节, 3.2 KB, 63.0 MB.
func sizeText(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d 字节", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	case n < 1<<30:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
}
