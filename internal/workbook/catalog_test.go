package workbook

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// badInput is one broken or hostile file of the catalog.
type badInput struct {
	name string
	file string // the file's name, which picks the reader
	data func(tb testing.TB) []byte
	opts []Option
	// want is how the first problem begins: the place and the start of
	// what is wrong. "" when the file is fine.
	want string
	// figure is a figure of the 指标 sheet and its value as shown, when
	// the file is fine and has one.
	figure [2]string
}

// figures is a 指标 sheet of one figure whose 数值 cell (B2) is cell.
func figures(cell string, extra ...string) func(tb testing.TB) []byte {
	return func(tb testing.TB) []byte {
		return pkg(tb, strings.Join(extra, ""), xsheet{name: MetricsSheet, data: metricRows([2]string{"签约金额", cell})})
	}
}

// sheetXML is a one-sheet workbook whose <sheetData> is data.
func sheetXML(name, data string) func(tb testing.TB) []byte {
	return func(tb testing.TB) []byte { return pkg(tb, "", xsheet{name: name, data: data}) }
}

// inline is an inline text cell.
func inline(ref, text string) string {
	return `<c r="` + ref + `" t="inlineStr"><is><t>` + text + `</t></is></c>`
}

func raw(b []byte) func(testing.TB) []byte  { return func(testing.TB) []byte { return b } }
func text(s string) func(testing.TB) []byte { return raw([]byte(s)) }

// utf16Text encodes s as UTF-16 with a byte-order mark.
func utf16Text(s string, big bool) []byte {
	var order binary.AppendByteOrder = binary.LittleEndian
	out := []byte{0xFF, 0xFE}
	if big {
		order, out = binary.BigEndian, []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		out = order.AppendUint16(out, u)
	}
	return out
}

// circleRows is a 指标 sheet whose n figures each read the next, the last
// the first.
func circleRows(n int) func(tb testing.TB) []byte {
	return func(tb testing.TB) []byte {
		rows := make([][2]string, n)
		for i := range rows {
			rows[i] = [2]string{fmt.Sprint("环", i), fcell(fmt.Sprint("B", i+3, "+1"))}
		}
		rows[n-1][1] = fcell("B2+1")
		return pkg(tb, "", xsheet{name: MetricsSheet, data: metricRows(rows...)})
	}
}

// bomb is a zip of a worksheet that says it unzips to a terabyte.
func bomb(tb testing.TB) []byte {
	data := figures(vcell("1"))(tb)
	return rewriteZip(tb, data, func(name string, hdr *zipHeader) { hdr.UncompressedSize64 = 1 << 40 })
}

// mergeBomb is a sheet with more merged ranges than allowed.
func mergeBomb(tb testing.TB) []byte {
	return pkg(tb, "", xsheet{name: "表", write: func(w io.Writer) {
		io.WriteString(w, `<row r="1">`+inline("A1", "甲")+`</row></sheetData><mergeCells>`)
		for i := 0; i <= maxMerges; i++ {
			fmt.Fprintf(w, `<mergeCell ref="A%d:B%d"/>`, i+2, i+2)
		}
		io.WriteString(w, `</mergeCells><sheetData>`)
	}})
}

// billionLaughs is a sheet declaring entities that expand to gigabytes.
const billionLaughs = `<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>`

// badInputs is the catalog: broken and hostile workbooks and CSV files,
// each with the first problem it must give (or the value it must read).
var badInputs = []badInput{
	// Formulas.
	{name: "circle of two", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		return pkg(tb, "", xsheet{name: MetricsSheet, data: metricRows([2]string{"签约金额", fcell("B3+1")}, [2]string{"乙", fcell("B2+1")})})
	}, want: "figures.xlsx 指标!B2：公式循环引用：B2 → B3 → B2，无法计算"},
	{name: "self reference", file: "figures.xlsx", data: figures(fcell("B2+1")), want: "figures.xlsx 指标!B2：公式循环引用：B2 → B2"},
	{name: "sum over itself", file: "figures.xlsx", data: figures(fcell("SUM(B1:B9)")), want: "figures.xlsx 指标!B2：公式循环引用：B2 → B2"},
	{name: "circle of 3,000", file: "figures.xlsx", data: circleRows(3000), want: "figures.xlsx 指标!B2：公式循环引用：B2 → B3 → B4 → B5 → B6 → …… → B2（循环共 3000 个单元格）"},
	{name: "chain of 100,000", file: "chain.xlsx", data: func(tb testing.TB) []byte { return chainBook(tb, 100_000) }, want: "chain.xlsx：有 100000 个公式没有保存计算结果，超过程序自己计算的上限 50000 个"},
	{name: "chain of 5,000", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		return pkg(tb, "", xsheet{name: MetricsSheet, data: metricRows([2]string{"签约金额", fcell("链!A2")})}, xsheet{name: "链", write: func(w io.Writer) {
			for i := 2; i <= 5001; i++ {
				fmt.Fprintf(w, `<row r="%d"><c r="A%d"><f>A%d+1</f><v></v></c></row>`, i, i, i+1)
			}
		}})
	}, figure: [2]string{"签约金额", "5000"}},
	{name: "empty saved value", file: "figures.xlsx", data: figures(`<c r="B#"><f>2*41.4</f><v></v></c>`), figure: [2]string{"签约金额", "82.8"}},
	{name: "empty saved value element", file: "figures.xlsx", data: figures(`<c r="B#"><f>2*41.4</f><v/></c>`), figure: [2]string{"签约金额", "82.8"}},
	{name: "empty text result", file: "figures.xlsx", data: figures(`<c r="B#" t="str"><f>""</f><v></v></c>`), want: "figures.xlsx 指标!B2：“签约金额” 的数值是空的"},
	{name: "saved zero not trusted", file: "figures.xlsx", data: figures(`<c r="B#"><f>2*41.4</f><v>0</v></c>`, `<calcPr fullCalcOnLoad="1"/>`), figure: [2]string{"签约金额", "82.8"}},
	{name: "missing sheet", file: "figures.xlsx", data: figures(fcell("无此表!A1")), want: "figures.xlsx 指标!B2：公式“=无此表!A1”没有保存计算结果，程序也算不出来（引用的工作表“无此表”不存在）"},
	{name: "other workbook", file: "figures.xlsx", data: figures(fcell("[1]Sheet1!A1")), want: "figures.xlsx 指标!B2：公式“=[1]Sheet1!A1”没有保存计算结果，程序也算不出来（引用了其他工作簿的单元格）"},
	{name: "several sheets", file: "figures.xlsx", data: figures(fcell("SUM(甲:乙!A1)")), want: "figures.xlsx 指标!B2：公式“=SUM(甲:乙!A1)”没有保存计算结果，程序也算不出来（引用了几个工作表的同一区域（“甲:乙”），程序不支持）"},
	{name: "INDIRECT", file: "figures.xlsx", data: figures(fcell(`INDIRECT("B3")`)), want: "figures.xlsx 指标!B2：公式“=INDIRECT(\"B3\")”没有保存计算结果，程序也算不出来（用到了函数“INDIRECT”"},
	{name: "REPT", file: "figures.xlsx", data: figures(fcell(`LEN(REPT("a",1E9))`)), want: "figures.xlsx 指标!B2：公式“=LEN(REPT(\"a\",1E9))”没有保存计算结果，程序也算不出来（用到了函数“REPT”，它的结果可能极大）"},
	{name: "undefined name", file: "figures.xlsx", data: figures(fcell("TAX*2")), want: "figures.xlsx 指标!B2：公式“=TAX*2”没有保存计算结果，程序也算不出来（用到的名称“TAX”在工作簿中没有定义）"},
	{name: "formula too long", file: "figures.xlsx", data: figures(fcell(strings.Repeat("1+", 4200) + "1")), want: "figures.xlsx 指标!B2：公式“=1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1+1……”没有保存计算结果，程序也算不出来（公式超过 Excel 的上限 8192 个字符）"},
	{name: "formula nested too deep", file: "figures.xlsx", data: figures(fcell(strings.Repeat("ABS(", 100) + "1" + strings.Repeat(")", 100))), want: "figures.xlsx 指标!B2：公式“=ABS(ABS(ABS(ABS(ABS(ABS(ABS(ABS(ABS(ABS……”没有保存计算结果，程序也算不出来（公式嵌套超过 Excel 的上限 64 层）"},
	{name: "formula of 40,000 bytes", file: "figures.xlsx", data: figures(fcell(strings.Repeat("1+", 20000) + "1")), want: "figures.xlsx 工作表“指标”：工作表已损坏，无法读取（单元格 B2 的公式超过 Excel 的上限 8192 个字符）"},
	{name: "unsupported function", file: "figures.xlsx", data: figures(fcell(`CUBEVALUE("x")`)), want: "figures.xlsx 指标!B2：公式“=CUBEVALUE(\"x\")”没有保存计算结果，程序也算不出来（程序不支持函数“CUBEVALUE”）"},
	{name: "shared formula without master", file: "figures.xlsx", data: figures(`<c r="B#"><f t="shared" si="3"/></c>`), want: "figures.xlsx 指标!B2：公式没有保存计算结果，程序也算不出来（这是共享公式的一部分，但找不到它的主公式）"},
	{name: "formula in the last cell", file: "figures.xlsx", data: sheetXML("表", `<row r="1">`+inline("A1", "甲")+`</row><row r="1048576"><c r="XFD1048576"><f>1+1</f></c></row>`),
		want: "figures.xlsx：没有保存计算结果的公式和它们引用的单元格分布太广（程序要为它们准备 1064960 行和单元格，上限是 400000）"},
	{name: "saved error value", file: "figures.xlsx", data: figures(`<c r="B#" t="e"><f>1/0</f><v>#DIV/0!</v></c>`), want: "figures.xlsx 指标!B2：公式结果是错误值 #DIV/0!，请先改正公式"},
	{name: "calculated error value", file: "figures.xlsx", data: figures(fcell("1/0")), want: "figures.xlsx 指标!B2：公式结果是错误值 #DIV/0!，请先改正公式"},
	{name: "typed error value", file: "figures.xlsx", data: figures(`<c r="B#" t="e"><v>#N/A</v></c>`), want: "figures.xlsx 指标!B2：单元格里是错误值 #N/A"},

	// Cells and sheets.
	{name: "NUL in a cell", file: "figures.xlsx", data: figures(`<c r="B#" t="inlineStr"><is><t>8_x0000_2</t></is></c>`), want: `figures.xlsx 指标!B2：“8\x002” 不是数字`},
	{name: "control character in a cell", file: "figures.xlsx", data: figures("<c r=\"B#\" t=\"inlineStr\"><is><t>8\x1b[2J</t></is></c>"), want: `figures.xlsx 指标!B2：“8\x1b[2J” 不是数字`},
	{name: "invalid UTF-8 in a cell", file: "figures.xlsx", data: figures("<c r=\"B#\" t=\"inlineStr\"><is><t>8\xff</t></is></c>"), want: "figures.xlsx 工作表“指标”：工作表已损坏，无法读取（单元格 B2 的文字编码有误）"},
	{name: "line separator in a sheet name", file: "figures.xlsx", data: sheetXML("表\u2028一", `<row r="1">`+inline("A1", "名称")+inline("B1", "产值（亿元）")+`</row><row r="2">`+inline("A2", "甲")+inline("B2", "5万元")+`</row>`), want: `figures.xlsx 表\u2028一!B2：“5万元” 的单位“万元”与表头`},
	{name: "NUL in a sheet name", file: "figures.xlsx", data: sheetXML("表\x00", `<row r="1">`+inline("A1", "名称")+`</row>`), want: "figures.xlsx：文件已损坏（工作簿部分无法读取：第 1 行内容有误）"},
	{name: "text of 40,000 characters", file: "figures.xlsx", data: figures(`<c r="B#" t="inlineStr"><is><t>` + strings.Repeat("字", 40000) + `</t></is></c>`), want: "figures.xlsx 工作表“指标”：工作表已损坏，无法读取（单元格 B2 的内容超过 Excel 的上限 32767 个字符）"},
	{name: "shared string of 40,000 characters", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		x := newXL(tb).sheet(MetricsSheet, []any{"名称", "数值", "单位"}, []any{"签约金额", 1, "亿元"})
		return patch(tb, x.bytes(), "xl/sharedStrings.xml", `<si><t>签约金额</t></si>`, `<si><t>`+strings.Repeat("字", 40000)+`</t></si>`)
	}, want: "figures.xlsx：文件已损坏（文字部分无法读取：第 4 个文字超过 Excel 的上限 32767 个字符）"},
	{name: "shared strings bloated", file: "figures.xlsx", opts: []Option{WithMaxCells(10)}, data: func(tb testing.TB) []byte {
		x := newXL(tb).sheet(MetricsSheet, []any{"名称", "数值", "单位"}, []any{"签约金额", 1, "亿元"})
		return patch(tb, x.bytes(), "xl/sharedStrings.xml", `</sst>`, strings.Repeat("<si><t>多</t></si>", 2000)+`</sst>`)
	}, want: "figures.xlsx：单元格太多：文字部分超过 10 个有内容的单元格能用到的数量"},
	{name: "shared string index", file: "figures.xlsx", data: figures(`<c r="B#" t="s"><v>99</v></c>`), want: "figures.xlsx 工作表“指标”：工作表已损坏，无法读取（文字索引“99”无效）"},
	{name: "cell address", file: "figures.xlsx", data: sheetXML("表", `<row r="1"><c r="ZZZZ1"><v>1</v></c></row>`), want: "figures.xlsx 工作表“表”：工作表已损坏，无法读取（单元格地址“ZZZZ1”无效）"},
	{name: "row number", file: "figures.xlsx", data: sheetXML("表", `<row r="1048577"><c><v>1</v></c></row>`), want: "figures.xlsx 工作表“表”：工作表已损坏，无法读取（行号 1048577 超出范围）"},
	{name: "invalid XML", file: "figures.xlsx", data: sheetXML("表", "<row r=\"1\">\n<c r=\"A1\"><v>1</v></c></row><row"), want: "figures.xlsx 工作表“表”：工作表已损坏，无法读取（第 2 行内容有误）"},
	{name: "entity bomb", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		return patch(tb, sheetXML("表", `<row r="1">`+inline("A1", "&c;")+`</row>`)(tb), "xl/worksheets/sheet1.xml", `^`, billionLaughs)
	}, want: "figures.xlsx 工作表“表”：工作表已损坏，无法读取（第 1 行内容有误）"},
	{name: "merged-cell bomb", file: "figures.xlsx", data: mergeBomb, want: "figures.xlsx 工作表“表”：工作表已损坏，无法读取（合并单元格超过 100000 处"},
	{name: "merge over the whole sheet", file: "figures.xlsx", opts: []Option{WithMaxCells(100)},
		data: sheetXML("表", `<row r="1">`+inline("A1", "甲")+inline("B1", "乙")+`</row><row r="2">`+inline("A2", "丙")+`</row></sheetData><mergeCells><mergeCell ref="A2:XFD1048576"/></mergeCells><sheetData>`)},
	{name: "too many cells", file: "figures.xlsx", opts: []Option{WithMaxCells(5)}, data: figures(vcell("1")), want: "figures.xlsx：单元格太多：超过 5 个有内容的单元格的上限（读到工作表“指标”时）"},

	// Packages and files.
	{name: "zip bomb", file: "figures.xlsx", data: bomb, want: "figures.xlsx：解压后的内容超过 256.0 MB 的上限"},
	{name: "spaces to the limit", file: "figures.xlsx", opts: []Option{WithUnzipLimit(4 << 20)}, data: func(tb testing.TB) []byte {
		return pkg(tb, "", xsheet{name: "表", data: `<row r="1">` + inline("A1", "甲") + `</row>` + strings.Repeat(" ", 5<<20)})
	}, want: "figures.xlsx：解压后的内容超过 4.0 MB 的上限"},
	{name: "truncated zip", file: "figures.xlsx", data: func(tb testing.TB) []byte { d := figures(vcell("1"))(tb); return d[:len(d)*2/3] }, want: "figures.xlsx：文件已损坏，或不是 .xlsx 格式（压缩包无法打开）"},
	{name: "corrupt part", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		return rewriteZip(tb, figures(vcell("1"))(tb), func(name string, hdr *zipHeader) {
			if strings.Contains(name, "sheet1") {
				hdr.CRC32 ^= 1
			}
		})
	}, want: "figures.xlsx 工作表“指标”：工作表已损坏，无法读取（压缩数据有误）"},
	{name: "empty file", file: "figures.xlsx", data: text(""), want: "figures.xlsx：文件是空的"},
	{name: "PNG named .xlsx", file: "figures.xlsx", data: text("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), want: "figures.xlsx：文件已损坏，或不是 .xlsx 格式"},
	{name: "PDF", file: "报告.pdf", data: text("%PDF-1.7\n"), want: "报告.pdf：不支持“.pdf”格式的文件"},
	{name: "old .xls", file: "figures.xls", data: raw(cfb("Workbook")), want: "figures.xls：这是旧版 Excel 97-2003 工作簿（.xls）格式"},
	{name: "password", file: "figures.xlsx", data: raw(cfb("EncryptedPackage")), want: "figures.xlsx：工作簿设置了打开密码"},
	{name: "web page", file: "figures.xls", data: text("<html><table><tr><td>1</td></tr></table></html>"), want: "figures.xls：这是网页（HTML）格式的表格"},
	{name: "binary workbook", file: "figures.xlsx", data: func(tb testing.TB) []byte {
		return zipOfParts(tb, map[string]string{"_rels/.rels": `<Relationships><Relationship Type="x/officeDocument" Target="xl/workbook.bin"/></Relationships>`, "xl/workbook.bin": "x"})
	}, want: "figures.xlsx：这是 Excel 二进制工作簿（.xlsb）格式"},
	{name: "zip without a workbook", file: "figures.xlsx", data: func(tb testing.TB) []byte { return zipOfParts(tb, map[string]string{"a.txt": "a"}) }, want: "figures.xlsx：不是 Excel 工作簿（文件里没有工作簿部分）"},

	// CSV files.
	{name: "CSV with BOM", file: "指标.csv", data: text("\uFEFF名称,数值,单位\n签约金额,82.8,亿元\n"), figure: [2]string{"签约金额", "82.8"}},
	{name: "CSV with two BOMs", file: "指标.csv", data: text("\uFEFF\uFEFF名称,数值,单位\n签约金额,82.8,亿元\n"), figure: [2]string{"签约金额", "82.8"}},
	{name: "CSV in UTF-16", file: "指标.csv", data: raw(utf16Text("名称\t数值\t单位\r\n签约金额\t82.8\t亿元\r\n", false)), figure: [2]string{"签约金额", "82.8"}},
	{name: "CSV in UTF-16 big-endian", file: "指标.csv", data: raw(utf16Text("名称\t数值\t单位\n签约金额\t82.8\t亿元\n", true)), figure: [2]string{"签约金额", "82.8"}},
	{name: "CSV in GBK", file: "指标.csv", data: func(tb testing.TB) []byte {
		s, _ := simplifiedchinese.GBK.NewEncoder().String("名称,数值,单位\n签约金额,82.8,亿元\n")
		return []byte(s)
	}, figure: [2]string{"签约金额", "82.8"}},
	{name: "CSV with BOM and bad bytes", file: "指标.csv", data: text("\uFEFF名称,数值\n\xff\xfe,1\n"), want: "指标.csv：无法识别文件的编码"},
	{name: "CSV in UTF-32", file: "指标.csv", data: raw([]byte{0xFF, 0xFE, 0, 0, 'a', 0, 0, 0}), want: "指标.csv 工作表“指标”：找不到表头"},
	{name: "CSV line of 20 MB", file: "指标.csv", data: text(strings.Repeat("名", 7<<20)), want: "指标.csv 指标!A1：这一格超过 Excel 一个单元格的上限 32767 个字符"},
	{name: "CSV quote never closed", file: "指标.csv", data: text("名称,数值,单位\n签约金额,\"82.8,亿元\n" + strings.Repeat("下一行,1,个\n", 5000)), want: "指标.csv 指标!B2：这一格从引号开始，超过 Excel 一个单元格的上限 32767 个字符还没有结束"},
	{name: "CSV of 20,000 columns", file: "重点项目.csv", data: text(strings.Repeat("a,", 20000)), want: "重点项目.csv 工作表“重点项目”：第 1 行超过 Excel 的上限 16384 列"},
	{name: "CSV NUL in a number", file: "指标.csv", data: text("名称,数值,单位\n签约金额,82\x008,亿元\n"), want: `指标.csv 指标!B2：“82\x008” 不是数字`},
	{name: "CSV escape sequence in a name", file: "指标.csv", data: text("名称,数值,单位\n\x1b[31m签约,1,亿元\n\x1b[31m签约,2,亿元\n"), want: `指标.csv 指标!A3：指标名“\x1b[31m签约”重复`},
	{name: "CSV too many cells", file: "指标.csv", opts: []Option{WithMaxCells(4)}, data: text("名称,数值,单位\n签约金额,82.8,亿元\n"), want: "指标.csv：单元格太多：超过 4 个有内容的单元格的上限"},
	{name: "CSV of a BOM only", file: "指标.csv", data: text("\uFEFF"), want: "指标.csv 工作表“指标”："},
}

// The catalog of broken and hostile inputs: each is refused with a
// Chinese message that names the file (and the sheet and cell where there
// is one), shows no English and no raw control character, without a
// panic and quickly — or, when the file is fine, read exactly.
func TestBadInputs(t *testing.T) {
	if len(badInputs) < 40 {
		t.Fatalf("%d cases", len(badInputs))
	}
	start := time.Now()
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			data := c.data(t)
			began := time.Now()
			b, err := Read(bytes.NewReader(data), c.file, c.opts...)
			if d := time.Since(began); d > 3*time.Second {
				t.Errorf("took %v", d)
			}
			if c.want == "" {
				checkFigure(t, b, err, c.figure)
				return
			}
			got := lines(t, err)
			if !strings.HasPrefix(got[0], c.want) {
				t.Errorf("first problem\n\t%s\nwant it to begin\n\t%s", got[0], c.want)
			}
			for _, line := range got {
				checkMessage(t, line, c.file)
			}
		})
	}
	t.Logf("%d inputs in %v", len(badInputs), time.Since(start))
}

func checkFigure(t *testing.T, b *Book, err error, figure [2]string) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
	if figure[0] == "" {
		return
	}
	if m, ok := b.Metric(figure[0]); !ok || m.Value.String() != figure[1] {
		t.Errorf("%s: %+v, want %s", figure[0], m, figure[1])
	}
}

var (
	cellNames    = regexp.MustCompile(`\b[A-Z]{1,3}[0-9]+\b`)
	latinWord3   = regexp.MustCompile(`[#.*]?[A-Za-z]{3,}`)
	productNames = map[string]bool{"Excel": true, "WPS": true, "Word": true, "Office": true, "OpenDocument": true, "HTML": true, "CSV": true, "UTF": true}
)

// checkMessage checks one line of a refusal: it begins with the file's
// name, is valid UTF-8 without control characters, and has no word of
// English outside the clerk's quoted text, the file's name, cell names,
// error values (#DIV/0!), file types (.xlsx) and the names of programs.
func checkMessage(t *testing.T, line, file string) {
	t.Helper()
	if !strings.HasPrefix(line, file) {
		t.Errorf("%q does not begin with the file's name", line)
	}
	if !utf8.ValidString(line) || strings.ContainsFunc(line, func(r rune) bool { return r < 0x20 || r == 0x7f }) {
		t.Errorf("%q has bytes a terminal cannot show", line)
	}
	rest := cellNames.ReplaceAllString(quoted.ReplaceAllString(strings.TrimPrefix(line, file), ""), "")
	for _, w := range latinWord3.FindAllString(rest, -1) {
		if !productNames[w] && w[0] != '#' && w[0] != '.' && w[0] != '*' {
			t.Errorf("English %q in %q", w, line)
		}
	}
}
