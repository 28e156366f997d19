package workbook

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

const figuresCSV = "名称,数值,单位\n地区生产总值,82.8,亿元\n增速,5.2%,\n企业数,\"1,234\",家\n"

// A CSV file stands in for a sheet, in UTF-8 with or without BOM, in GBK or
// GB18030 as Excel on Chinese Windows saves it, or in UTF-16 (Excel's
// “Unicode 文本”, tab separated): detected, never asked.
func TestCSVEncodings(t *testing.T) {
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(figuresCSV)
	if err != nil {
		t.Fatal(err)
	}
	gb18030, err := simplifiedchinese.GB18030.NewEncoder().String(figuresCSV + "𠀀,1,个\n")
	if err != nil {
		t.Fatal(err)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune(strings.ReplaceAll(strings.ReplaceAll(figuresCSV, ",", "\t"), "\"1\t234\"", "1,234"))) {
		u16 = binary.LittleEndian.AppendUint16(u16, u)
	}
	for name, data := range map[string][]byte{
		"utf-8":     []byte(figuresCSV),
		"utf-8 bom": append([]byte{0xEF, 0xBB, 0xBF}, figuresCSV...),
		"gbk":       []byte(gbk),
		"gb18030":   []byte(gb18030),
		"utf-16":    u16,
	} {
		t.Run(name, func(t *testing.T) {
			b, err := Open(writeFile(t, t.TempDir(), "指标.csv", data))
			if err != nil {
				t.Fatal(err)
			}
			wantNumber(t, "产值", metric(t, b, "地区生产总值").Value, "82.8", false, "82.8")
			wantNumber(t, "增速", metric(t, b, "增速").Value, "0.052", true, "5.2%")
			wantNumber(t, "企业数", metric(t, b, "企业数").Value, "1234", false, "1234")
			if m := metric(t, b, "企业数"); m.Ref.String() != "指标.csv 指标!A4" || m.Unit != "家" {
				t.Errorf("ref %v unit %q", m.Ref, m.Unit)
			}
		})
	}

	_, err = Read(strings.NewReader("名称,数值,单位\n产值,12a,亿元\n"), "指标.csv")
	sameLines(t, lines(t, err), []string{"指标.csv 指标!B2：“12a” 不是数字"})

	_, err = Read(bytes.NewReader([]byte("\xff\xfe\xff\x80\x80名称")), "指标.csv")
	sameLines(t, lines(t, err), []string{"指标.csv：无法识别文件的编码：请在 Excel 中把它另存为“CSV UTF-8（逗号分隔）”或“CSV（逗号分隔）”后再试"})
}

// A directory of CSV files is a workbook of one sheet per file.
func TestCSVDirectory(t *testing.T) {
	dir := t.TempDir()
	gbk, _ := simplifiedchinese.GBK.NewEncoder().String(figuresCSV)
	writeFile(t, dir, "指标.csv", []byte(gbk))
	writeFile(t, dir, "报告信息.csv", []byte("\uFEFF县名,鹤岭\n成文日期,2022/12/5\n"))
	writeFile(t, dir, "重点企业.csv", []byte("企业名称,产值（亿元）\n华晟电子,3.6\n讯达易联,2.35亿元\n"))
	writeFile(t, dir, "说明.txt", []byte("不是表"))
	b, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if b.File != filepath.Base(dir) || len(b.Sheets) != 3 {
		t.Errorf("file %q sheets %v", b.File, b.Sheets)
	}
	wantNumber(t, "产值", metric(t, b, "地区生产总值").Value, "82.8", false, "82.8")
	if v, _ := b.InfoValue("成文日期"); v.Kind != Date || v.String() != "2022年12月5日" || v.Ref.String() != "报告信息.csv 报告信息!B2" {
		t.Errorf("成文日期 %+v", v)
	}
	tb, ok := b.Table("重点企业")
	if !ok || len(tb.Rows) != 2 {
		t.Fatalf("table %+v", tb)
	}
	wantNumber(t, "unit from header", mustGet(t, tb.Rows[1], "产值"), "2.35", false, "2.35")
	if r := b.SheetRef(MetricsSheet); r.File != "指标.csv" {
		t.Errorf("SheetRef %v", r)
	}

	_, err = Open(t.TempDir())
	if err == nil || !strings.Contains(err.Error(), "目录里没有 .csv 文件") {
		t.Errorf("empty directory: %v", err)
	}
}

// Files that are not readable workbooks get a message that says what to do.
func TestFileFormats(t *testing.T) {
	dir := t.TempDir()
	x := newXL(t).sheet(MetricsSheet, []any{"名称", "数值", "单位"}, []any{"a", 1, "个"})
	good := x.bytes()
	protected := filepath.Join(dir, "加密.xlsx")
	if err := x.f.SaveAs(protected, excelize.Options{Password: "123"}); err != nil {
		t.Fatal(err)
	}
	zipOf := func(files map[string]string) []byte {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for n, c := range files {
			w, _ := zw.Create(n)
			w.Write([]byte(c))
		}
		zw.Close()
		return buf.Bytes()
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"旧版.xls", cfb("Workbook"), "旧版.xls：这是旧版 Excel 97-2003 工作簿（.xls）格式，无法读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"},
		{"改了扩展名.xlsx", cfb("Workbook"), "改了扩展名.xlsx：这是旧版 Excel 97-2003 工作簿（.xls）格式，无法读取：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"},
		{"文档.doc", cfb("WordDocument"), "文档.doc：不是 Excel 工作簿（可能是 Word 等其他 Office 文件），请确认选对了文件"},
		{"网页.xls", []byte("<html><body><table><tr><td>1</td></tr></table></body></html>"), "网页.xls：这是网页（HTML）格式的表格，不是真正的 Excel 工作簿：请在 Excel 或 WPS 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"},
		{"空.xlsx", nil, "空.xlsx：文件是空的"},
		{"截断.xlsx", good[:len(good)/2], "截断.xlsx：文件已损坏，或不是 .xlsx 格式（压缩包无法打开），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"},
		{"文本.xlsx", []byte("名称,数值"), "文本.xlsx：文件已损坏，或不是 .xlsx 格式，请用 Excel 或 WPS 打开后另存为 .xlsx 再试"},
		{"报告.docx", zipOf(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), "报告.docx：这是 Word 文档，不是 Excel 工作簿"},
		{"表格.ods", zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<x/>"}), "表格.ods：这是 OpenDocument 表格（.ods）格式，无法读取：请在 WPS 或 Excel 中打开，另存为“Excel 工作簿（*.xlsx）”后再试"},
		{"图片.png", []byte("\x89PNG\r\n\x1a\n0000"), "图片.png：不支持“.png”格式的文件：请使用 Excel 工作簿（.xlsx），或 CSV 文件（.csv）"},
	} {
		_, err := Open(writeFile(t, dir, c.name, c.data))
		sameLines(t, lines(t, err), []string{c.want})
	}
	_, err := Open(protected)
	sameLines(t, lines(t, err), []string{"加密.xlsx：工作簿设置了打开密码，无法读取：请在 Excel 中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码；WPS：文件 → 文档加密 → 密码加密），保存后再试"})

	missing := filepath.Join(dir, "没有.xlsx")
	_, err = Open(missing)
	sameLines(t, lines(t, err), []string{missing + "：找不到这个文件，请检查路径和文件名"})

	// Read takes the same bytes as Open, for workbooks embedded in the binary.
	b, err := Read(bytes.NewReader(good), "内置/figures.xlsx")
	if err != nil || b.File != "figures.xlsx" || len(b.Metrics) != 1 {
		t.Errorf("Read: %v %+v", err, b)
	}
}

// cfb builds a minimal OLE compound file holding one 4 KB stream of that
// name, the container of .xls, .doc and password-protected .xlsx files.
func cfb(stream string) []byte {
	const (
		sector     = 512
		free       = 0xFFFFFFFF
		endOfChain = 0xFFFFFFFE
		fatSect    = 0xFFFFFFFD
		noStream   = 0xFFFFFFFF
	)
	buf := make([]byte, sector*11)
	le := binary.LittleEndian
	copy(buf, oleMagic)
	le.PutUint16(buf[24:], 0x3E)
	le.PutUint16(buf[26:], 3)
	le.PutUint16(buf[28:], 0xFFFE)
	le.PutUint16(buf[30:], 9)
	le.PutUint16(buf[32:], 6)
	le.PutUint32(buf[44:], 1)          // FAT sectors
	le.PutUint32(buf[48:], 1)          // first directory sector
	le.PutUint32(buf[56:], 4096)       // mini stream cutoff
	le.PutUint32(buf[60:], endOfChain) // no mini FAT
	le.PutUint32(buf[68:], endOfChain) // no DIFAT sectors
	for i := 0; i < 109; i++ {
		le.PutUint32(buf[76+4*i:], free)
	}
	le.PutUint32(buf[76:], 0) // the FAT is sector 0
	fat := buf[sector : 2*sector]
	for i := 0; i < sector/4; i++ {
		le.PutUint32(fat[4*i:], free)
	}
	le.PutUint32(fat[0:], fatSect)
	le.PutUint32(fat[4:], endOfChain) // directory
	for s := 2; s < 9; s++ {
		le.PutUint32(fat[4*s:], uint32(s+1))
	}
	le.PutUint32(fat[4*9:], endOfChain)
	dir := buf[2*sector : 3*sector]
	entry := func(i int, name string, typ byte, child, start uint32, size uint64) {
		e := dir[128*i : 128*(i+1)]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			le.PutUint16(e[2*j:], c)
		}
		le.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], child)
		le.PutUint32(e[116:], start)
		le.PutUint64(e[120:], size)
	}
	entry(0, "Root Entry", 5, 1, endOfChain, 0)
	entry(1, stream, 2, noStream, 2, 4096)
	for i := 2; i < 4; i++ {
		e := dir[128*i : 128*(i+1)]
		le.PutUint32(e[68:], noStream)
		le.PutUint32(e[72:], noStream)
		le.PutUint32(e[76:], noStream)
	}
	return buf
}

// Sizes beyond the limits, and decompression bombs, are refused with a
// message before they are read.
func TestLimits(t *testing.T) {
	x := newXL(t).sheet(MetricsSheet, []any{"名称", "数值", "单位"}, []any{"a", 1, "个"}, []any{"b", 2, "个"})
	p := x.save("figures.xlsx")
	fi, _ := os.Stat(p)

	_, err := Open(p, WithMaxFileSize(1000))
	sameLines(t, lines(t, err), []string{"figures.xlsx：文件有 " + sizeText(fi.Size()) + "，超过 1000 字节 的上限：一份月报的工作簿不会这么大，请删去不需要的工作表、图片等内容后再试"})

	_, err = Read(bytes.NewReader(x.bytes()), "figures.xlsx", WithMaxFileSize(1000))
	if err == nil || !strings.Contains(err.Error(), "超过 1000 字节 的上限") {
		t.Errorf("Read beyond the size limit: %v", err)
	}

	_, err = Open(p, WithMaxCells(5))
	sameLines(t, lines(t, err), []string{"figures.xlsx：单元格太多：超过 5 个有内容的单元格的上限（读到工作表“指标”时），请删去不需要的工作表或内容，或拆成几个工作簿"})

	_, err = Read(strings.NewReader(figuresCSV), "指标.csv", WithMaxCells(5))
	sameLines(t, lines(t, err), []string{"指标.csv：单元格太多：超过 5 个有内容的单元格的上限，请删去不需要的内容，或拆成几个文件"})

	// A zip entry that says it unzips to a terabyte.
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zipFiles(t, x.bytes()) {
		if f.Name == "xl/worksheets/sheet1.xml" {
			hdr := f.FileHeader
			hdr.UncompressedSize64 = 1 << 40
			w, err := zw.CreateRaw(&hdr)
			if err != nil {
				t.Fatal(err)
			}
			raw, _ := f.OpenRaw()
			var b bytes.Buffer
			b.ReadFrom(raw)
			w.Write(b.Bytes())
			continue
		}
		if err := zw.Copy(f); err != nil {
			t.Fatal(err)
		}
	}
	zw.Close()
	_, err = Read(bytes.NewReader(buf.Bytes()), "炸弹.xlsx")
	sameLines(t, lines(t, err), []string{"炸弹.xlsx：解压后的内容超过 256.0 MB 的上限，可能是文件已损坏或被恶意构造，拒绝读取；如果确实是正常的工作簿，请删去不需要的工作表或内容后再试"})

	// A real bomb against a smaller limit: 2 MB of XML, a few KB zipped.
	big := newXL(t).sheet("大表", []any{"序号", "名称"})
	for i := 2; i < 20000; i++ {
		big.f.SetCellValue("大表", "A"+strconv.Itoa(i), i)
		big.f.SetCellValue("大表", "B"+strconv.Itoa(i), "名称")
	}
	data := big.bytes()
	_, err = Read(bytes.NewReader(data), "大表.xlsx", WithUnzipLimit(1<<20))
	sameLines(t, lines(t, err), []string{"大表.xlsx：解压后的内容超过 1.0 MB 的上限，可能是文件已损坏或被恶意构造，拒绝读取；如果确实是正常的工作簿，请删去不需要的工作表或内容后再试"})
	// The same within the limit.
	b, err := Read(bytes.NewReader(data), "大表.xlsx", WithUnzipLimit(64<<20))
	if err != nil {
		t.Fatal(err)
	}
	if tb, _ := b.Table("大表"); len(tb.Rows) != 19998 {
		t.Errorf("%d rows", len(tb.Rows))
	}
}

func zipFiles(t *testing.T, data []byte) []*zip.File {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return zr.File
}

// Merged ranges are filled within a budget: a file that merges a sheet over
// and over is refused, not worked on for hours.
func TestMergeBudget(t *testing.T) {
	x := newXL(t).sheet("表", []any{"甲", "乙"}, []any{nil, "本月", "累计"}, []any{1, 2, 3}).merge("表", "B1", "XFD1")
	_, err := Read(bytes.NewReader(x.bytes()), "figures.xlsx", WithMaxCells(100))
	if got := lines(t, err); got[0] != "figures.xlsx 工作表“表”：合并单元格太多（1 处），无法处理，请取消不必要的合并后再试" {
		t.Errorf("problems: %q", got)
	}
}

// Workbooks written by other programs: cells without addresses, prefixed
// element names, rich and inline text with phonetic guides, escaped
// control characters, booleans, cached errors, ISO dates, times, the 1904
// date system; and a damaged sheet.
func TestOtherWriters(t *testing.T) {
	x := newXL(t).sheet("表", []any{"占位"})
	hm, _ := x.f.NewStyle(&excelize.Style{NumFmt: 20})
	ymd, _ := x.f.NewStyle(&excelize.Style{NumFmt: 14})
	yes := true
	if err := x.f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &yes}); err != nil {
		t.Fatal(err)
	}
	sheetData := `<sheetData>` +
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c t="inlineStr"><is><t>时间</t></is></c><c t="inlineStr"><is><t>逻辑</t></is></c>` +
		`<c t="inlineStr"><is><r><t>富</t></r><r><t xml:space="preserve">文本 </t></r><rPh sb="0" eb="1"><t>フ</t></rPh></is></c>` +
		`<c t="inlineStr"><is><t>ISO</t></is></c><c t="inlineStr"><is><t>日期</t></is></c></row>` +
		`<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c t="inlineStr"><x:is><x:t>a_x000D_b</x:t></x:is></x:c>` +
		`<x:c s="` + strconv.Itoa(hm) + `"><x:v>0.5</x:v></x:c><x:c t="b"><x:v>1</x:v></x:c><x:c t="s"><x:v>1</x:v></x:c>` +
		`<x:c t="d"><x:v>2022-12-05T00:00:00Z</x:v></x:c><x:c s="` + strconv.Itoa(ymd) + `"><x:v>43438</x:v></x:c></x:row>` +
		`<row><c t="inlineStr"><is><t>错误</t></is></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c></row>` +
		`</sheetData>`
	data := patch(t, x.bytes(), "xl/worksheets/sheet1.xml", `<sheetData>.*</sheetData>`, sheetData)
	data = patch(t, data, "xl/sharedStrings.xml", `<sst[^>]*>.*</sst>`,
		`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>名称</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh><t>ふ</t></rPh></si></sst>`)
	_, err := Read(bytes.NewReader(data), "other.xlsx")
	sameLines(t, lines(t, err), []string{"other.xlsx 表!B3：公式结果是错误值 #DIV/0!，请先改正公式"})

	data = patch(t, data, "xl/worksheets/sheet1.xml", `<row><c t="inlineStr"><is><t>错误</t>.*?</row>`, "")
	b, err := Read(bytes.NewReader(data), "other.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := b.Table("表")
	if strings.Join(tb.Columns, "|") != "名称|时间|逻辑|富文本|ISO|日期" || len(tb.Rows) != 1 {
		t.Fatalf("columns %q rows %d", tb.Columns, len(tb.Rows))
	}
	r := tb.Rows[0]
	for col, want := range map[string]string{"名称": "a\rb", "时间": "12:00", "逻辑": "TRUE", "富文本": "富文本", "ISO": "2022年12月5日", "日期": "2022年12月5日"} {
		if v := mustGet(t, r, col); v.String() != want {
			t.Errorf("%s: %q, want %q", col, v.String(), want)
		}
	}
	if v := mustGet(t, r, "日期"); v.Kind != Date || v.Date.Year() != 2022 {
		t.Errorf("1904 date: %+v", v)
	}

	// A row without its number takes the number of its first cell.
	ninth := patch(t, data, "xl/worksheets/sheet1.xml", `</sheetData>`, `<row><c r="A9" t="inlineStr"><is><t>第九行</t></is></c></row></sheetData>`)
	b, err = Read(bytes.NewReader(ninth), "other.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	if tb, _ := b.Table("表"); len(tb.Rows) != 2 || tb.Rows[1].Ref.Cell != "A9" {
		t.Errorf("unnumbered row: %+v", tb.Rows)
	}

	damaged := patch(t, data, "xl/worksheets/sheet1.xml", `</sheetData>`, `</sheetData`)
	_, err = Read(bytes.NewReader(damaged), "other.xlsx")
	if got := lines(t, err); len(got) != 1 || !strings.HasPrefix(got[0], "other.xlsx 工作表“表”：工作表已损坏，无法读取（第 ") {
		t.Errorf("damaged sheet: %q", got)
	}
	bad := patch(t, data, "xl/worksheets/sheet1.xml", `<c r="A1" t="s"><v>0</v></c>`, `<c r="A1" t="s"><v>7</v></c>`)
	_, err = Read(bytes.NewReader(bad), "other.xlsx")
	sameLines(t, lines(t, err), []string{"other.xlsx 工作表“表”：工作表已损坏，无法读取（文字索引“7”无效），请用 Excel 或 WPS 打开后另存为 .xlsx 再试"})
}

// A shared string table far larger than the cells could use is refused.
func TestSharedStringsBound(t *testing.T) {
	x := newXL(t).sheet("表", []any{"名称", "备注"}, []any{"甲", "乙"})
	var sst strings.Builder
	sst.WriteString(`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`)
	sst.WriteString("<si><t>名称</t></si><si><t>备注</t></si><si><t>甲</t></si><si><t>乙</t></si>")
	for i := 0; i < 1100; i++ {
		sst.WriteString("<si><t>没用到</t></si>")
	}
	sst.WriteString("</sst>")
	data := patch(t, x.bytes(), "xl/sharedStrings.xml", `<sst[^>]*>.*</sst>`, sst.String())
	_, err := Read(bytes.NewReader(data), "figures.xlsx", WithMaxCells(10))
	sameLines(t, lines(t, err), []string{"figures.xlsx：单元格太多：文字部分超过 10 个有内容的单元格能用到的数量，请删去不需要的工作表或内容，或拆成几个工作簿"})
	if _, err := Read(bytes.NewReader(data), "figures.xlsx"); err != nil {
		t.Errorf("within the default limits: %v", err)
	}
}

// The CSV splitter reads fields as Excel does: quotes around a field hold
// separators, line breaks and doubled quotes; a quote elsewhere is a
// character; a blank line is an empty row.
func TestCSVSplit(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a,b\nc", "a|b/c"},
		{"a,b\r\nc,d\r\n", "a|b/c|d"},
		{"\"x,y\",\"say \"\"hi\"\"\"\n", "x,y|say \"hi\""},
		{"\"two\nlines\",z", "two\nlines|z"},
		{"5\"3,\"a\"b,c", "5\"3|ab|c"},
		{"a\n\nb", "a//b"},
		{",,\n", "||"},
		{"\"open", "open"},
		{"a\x00b,c", "a\x00b|c"},
	} {
		s := csvScanner{text: c.in, sep: ','}
		var recs []string
		for {
			fields, err := s.next()
			if err != nil {
				break
			}
			recs = append(recs, strings.Join(fields, "|"))
		}
		if got := strings.Join(recs, "/"); got != c.want {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}
