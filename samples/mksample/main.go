// Command mksample writes the sample workbooks of samples/:
//
//   - 产业链供应链.xlsx, every figure of the sample 情况汇报 (the model
//     report on keeping industrial and supply chains stable). Names and
//     numbers that the model report redacts are fictional; the figures it
//     shows (82.8亿元, 60元/天·人, 33项, 2022年 …) keep their values.
//   - 经济运行-2022年7月.xlsx and 经济运行-2022年8月.xlsx, the figures of
//     the 经济运行 report for two months in a row, laid out as a county
//     statistics bureau publishes them (see jingji.go).
//
// Run it from the repository root after changing the figures here, and
// review the workbooks in Excel:
//
//	go run ./samples/mksample
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	dir := flag.String("dir", "samples", "the directory to write the sample workbooks into")
	flag.Parse()
	f, err := build()
	if err != nil {
		log.Fatal(err)
	}
	write(f, filepath.Join(*dir, "产业链供应链.xlsx"))
	for _, m := range bureauMonths {
		f, err := buildBureau(m)
		if err != nil {
			log.Fatal(err)
		}
		write(f, filepath.Join(*dir, m.file))
	}
}

// write saves a workbook, through a temporary file.
func write(f *excelize.File, out string) {
	buf, err := f.WriteToBuffer()
	if err != nil {
		log.Fatal(err)
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(tmp, out); err != nil {
		log.Fatal(err)
	}
	fmt.Println("已写入", out)
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// info is the report sheet: the report's own facts.
var info = [][2]any{
	{"县名", "鹤岭"},
	{"省名", "云江"},
	{"市名", "青州"},
	{"报告期", "2022年1－11月"},
	{"发文机关", "鹤岭县工业和信息化局"},
	{"主送机关", "县人民政府"},
	{"成文日期", date(2022, 12, 5)},
	{"稳经济措施文号", "鹤府发〔2022〕15号"},
	{"货运防疫指南文号", "交运明电〔2022〕16号"},
	{"保通保畅通知文号", "鹤防指办发〔2022〕21号"},
	{"上云部署会议日期", date(2022, 3, 18)},
	// The frame: an upward 公文 to the county government (版头 with
	// 签发人, 版记 with 抄送 and 印发).
	{"发文机关标志", "鹤岭县工业和信息化局"},
	{"发文字号", "鹤工信字〔2022〕15号"},
	{"签发人", "周明远"},
	{"抄送", "县委办公室、县人大常委会办公室、县政协办公室"},
	{"印发机关", "鹤岭县工业和信息化局办公室"},
	{"印发日期", date(2022, 12, 5)},
}

// metrics is the metrics sheet: 名称, 数值, 单位, 上期, 去年同期, 目标, 备注.
var metrics = [][]any{
	{"稳经济措施条数", 40, "条", nil, nil, nil, "《关于全力稳住经济发展的若干措施》"},
	{"推进工作专班数", 6, "个", nil, nil, nil, "重点产业链推进工作专班"},
	{"宣传册份数", 500, "份", nil, nil, nil, "《稳经济政策措施汇编》印制份数"},
	{"国务院稳经济措施项数", 33, "项", nil, nil, nil, "国务院常务会议部署"},
	{"设备更换台数", 80, "台", nil, nil, nil, "智能制造项目，约数"},
	{"上云会议参会企业数", 60, "家", nil, nil, nil, "约数"},
	{"上云企业数", 126, "家", 118, 95, 150, "截至报告期末"},
	{"两节补贴职工人数门槛", 50, "人", nil, nil, nil, "日均职工人数，含本数"},
	{"两节补贴标准", 60, "元/天·人", nil, nil, nil, "“五一节”和端午节不停产补贴"},
	{"招工任务人数", 12000, "人", nil, nil, nil, "“万人回归工程”三年任务"},
	{"外出务工人员数", 9, "万人", nil, nil, nil, "全县外出务工人员，约数"},
	{"招聘会场次", 36, "场", 30, 28, 40, "今年累计"},
	{"招工宣传材料份数", 20000, "份", nil, nil, nil, "约数"},
	{"就业岗位数", 8500, "个", nil, nil, nil, "各类招聘活动收集，约数"},
	{"招聘员工人数", 3260, "人", 2980, 2410, nil, "为园区企业招聘，截至报告期末"},
	{"标准厂房面积", 35, "万平方米", nil, nil, nil, "累计完成"},
	{"标准厂房使用占比全市排名", 1, "位", nil, nil, nil, ""},
	{"新引进签约项目数", 42, "个", 37, 35, nil, "1－11月累计"},
	{"签约金额", 82.8, "亿元", 71.5, 65.2, 100, "1－11月累计"},
	{"5020项目数", 3, "个", nil, nil, nil, "成功申报"},
	{"龙头企业产值门槛", 1, "亿元", nil, nil, nil, "1－11月产值达到此数的企业计为“产值上亿”"},
}

// chains is the 重点产业链 sheet.
var chains = [][]any{
	{"新能源新材料", "县工业和信息化局"},
	{"电子信息", "县工业和信息化局"},
	{"生物医药", "县卫生健康委员会"},
	{"绿色食品", "县农业农村局"},
	{"纺织服装", "县商务局"},
	{"智能制造", "县科技局"},
	{"现代家居", "县林业局"},
	{"茧丝绸", "县农业农村局"},
}

// firms are the 重点企业 named in the report: 企业名称, 产业链, 类别,
// 累计产值（亿元） (over the 报告期, 1－11月), 帮扶类型.
var firms = [][]any{
	{"华晟电子", "电子信息", "企业", 3.6, "优势企业"},
	{"讯达易联", "电子信息", "企业", 2.35, "优势企业"},
	{"天恒锂电", "新能源新材料", "企业", 4.2, "优势企业"},
	{"恒泰新能源", "新能源新材料", "企业", 1.86, ""},
	{"康瑞医疗", "生物医药", "企业", 1.52, ""},
	{"远航新能源", "新能源新材料", "企业", 1.21, ""},
	{"锦绣制衣", "纺织服装", "企业", 1.08, ""},
	{"金石新材料", "新能源新材料", "企业", 0.96, ""},
	{"青松制药", "生物医药", "企业", 0.88, ""},
	{"云启航科技", "电子信息", "企业", 0.74, ""},
	{"绿源食品", "绿色食品", "企业", 0.69, ""},
	{"好味来食品", "绿色食品", "企业", 0.57, ""},
	{"长乐康养", "生物医药", "企业", 0.12, "困难企业"},
	{"春蚕茧丝", "茧丝绸", "企业", 0.09, "困难企业"},
}

// More fictional 重点企业 and projects, so that the list has the size of a
// real county's (52 in all).
var (
	firmHeads = []string{"鹤鸣", "岭秀", "松源", "泰和", "瑞丰", "宏远", "嘉禾", "丰源", "永兴", "华康", "盛达", "兴旺", "明辉", "和顺", "安泰", "富民", "新宇", "德信", "长青", "隆盛"}
	firmTails = map[string][]string{
		"新能源新材料": {"新材料", "储能"},
		"电子信息":   {"电子", "智能科技"},
		"生物医药":   {"药业", "生物"},
		"绿色食品":   {"食品", "农业"},
		"纺织服装":   {"服饰", "纺织"},
		"智能制造":   {"精密机械", "智能装备"},
		"现代家居":   {"家居", "木业"},
		"茧丝绸":    {"丝绸", "蚕业"},
	}
	projects = [][]any{
		{"锂电池正极材料项目", "新能源新材料"},
		{"智能终端产业园项目", "电子信息"},
		{"中药饮片生产线项目", "生物医药"},
		{"高端面料印染项目", "纺织服装"},
	}
)

func moreFirms() [][]any {
	var rows [][]any
	order := []string{"新能源新材料", "电子信息", "生物医药", "绿色食品", "纺织服装", "智能制造", "现代家居", "茧丝绸"}
	n := 0
	for i := 0; len(rows) < 52-len(firms)-len(projects); i++ {
		chain := order[i%len(order)]
		tails := firmTails[chain]
		name := firmHeads[i%len(firmHeads)] + tails[(i/len(order))%len(tails)]
		// 产值 between 0.05 and 0.95 亿元, two decimals, deterministic.
		n = (n*37 + 11) % 90
		rows = append(rows, []any{name, chain, "企业", float64(n+5) / 100, ""})
	}
	for _, p := range projects {
		rows = append(rows, []any{p[0], p[1], "在建项目", nil, ""})
	}
	return rows
}

var tables = []struct {
	name   string
	header []any
	rows   [][]any
}{
	{"重点产业链", []any{"产业链", "牵头单位"}, chains},
	{"重点企业", []any{"企业名称", "产业链", "类别", "累计产值（亿元）", "帮扶类型"}, nil},
	{"专精特新", []any{"企业名称", "产业链", "级别", "认定年度"}, [][]any{
		{"康瑞医疗", "生物医药", "省级", 2022},
		{"青松制药", "生物医药", "省级", 2022},
		{"绿源食品", "绿色食品", "省级", 2022},
		{"好味来食品", "绿色食品", "省级", 2022},
	}},
	{"企业技术中心", []any{"企业名称", "产业链", "级别", "认定年度"}, [][]any{
		{"康瑞医疗", "生物医药", "市级", 2021},
		{"远航新能源", "新能源新材料", "市级", 2021},
		{"恒泰新能源", "新能源新材料", "市级", 2021},
	}},
	{"两化融合示范", []any{"企业名称", "产业链", "级别"}, [][]any{
		{"锦绣制衣", "纺织服装", "省级"},
		{"恒泰新能源", "新能源新材料", "省级"},
		{"华晟电子", "电子信息", "省级"},
		{"金石新材料", "新能源新材料", "省级"},
		{"康瑞医疗", "生物医药", "省级"},
	}},
	{"设备更换", []any{"企业名称", "产业链"}, [][]any{
		{"锦绣制衣", "纺织服装"},
		{"华晟电子", "电子信息"},
	}},
	{"融资联保", []any{"企业名称", "产业链", "担保金额（万元）"}, [][]any{
		{"恒泰新能源", "新能源新材料", 500},
		{"讯达易联", "电子信息", 500},
		{"云启航科技", "电子信息", 500},
	}},
	{"专项债项目", []any{"项目名称", "产业链"}, [][]any{
		{"锂电产业园", "新能源新材料"},
		{"小微创业园", "智能制造"},
		{"鹤岭电子产业园二期", "电子信息"},
	}},
}

// workbookWriter writes the sheets of a sample workbook.
type workbookWriter struct {
	f               *excelize.File
	bold, dateStyle int
}

func newBook() (*workbookWriter, error) {
	f := excelize.NewFile()
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return nil, err
	}
	ymd := "yyyy\"年\"m\"月\"d\"日\""
	dateStyle, err := f.NewStyle(&excelize.Style{CustomNumFmt: &ymd})
	if err != nil {
		return nil, err
	}
	return &workbookWriter{f: f, bold: bold, dateStyle: dateStyle}, nil
}

// sheet adds a sheet: a bold header row, then the rows; dates get a date
// format.
func (w *workbookWriter) sheet(name string, header []any, rows [][]any, widths ...float64) error {
	f := w.f
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	if err := f.SetSheetRow(name, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(header), 1)
	if err := f.SetCellStyle(name, "A1", last, w.bold); err != nil {
		return err
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		row := r
		if err := f.SetSheetRow(name, cell, &row); err != nil {
			return err
		}
		for j, v := range r {
			if _, ok := v.(time.Time); ok {
				c, _ := excelize.CoordinatesToCellName(j+1, i+2)
				if err := f.SetCellStyle(name, c, c, w.dateStyle); err != nil {
					return err
				}
			}
		}
	}
	for j, width := range widths {
		col, _ := excelize.ColumnNumberToName(j + 1)
		if err := f.SetColWidth(name, col, col, width); err != nil {
			return err
		}
	}
	return nil
}

// title puts a title row, merged across n columns, above a sheet's header.
func (w *workbookWriter) title(name, text string, n int) error {
	if err := w.f.InsertRows(name, 1, 1); err != nil {
		return err
	}
	if err := w.f.SetCellValue(name, "A1", text); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(n, 1)
	if err := w.f.MergeCell(name, "A1", last); err != nil {
		return err
	}
	return w.f.SetCellStyle(name, "A1", "A1", w.bold)
}

// finish drops the empty first sheet, opens the workbook on active and
// sets its properties.
func (w *workbookWriter) finish(active, title string) (*excelize.File, error) {
	f := w.f
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return nil, err
	}
	idx, err := f.GetSheetIndex(active)
	if err != nil {
		return nil, err
	}
	f.SetActiveSheet(idx)
	f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "briefing mksample", Created: "2022-12-05T00:00:00Z"})
	return f, nil
}

func build() (*excelize.File, error) {
	w, err := newBook()
	if err != nil {
		return nil, err
	}
	var infoRows [][]any
	for _, kv := range info {
		infoRows = append(infoRows, []any{kv[0], kv[1]})
	}
	if err := w.sheet("报告信息", []any{"项目", "内容"}, infoRows, 20, 30); err != nil {
		return nil, err
	}
	if err := w.sheet("指标", []any{"名称", "数值", "单位", "上期", "去年同期", "目标", "备注"}, metrics, 26, 10, 12, 10, 10, 10, 40); err != nil {
		return nil, err
	}
	for _, t := range tables {
		rows := t.rows
		if t.name == "重点企业" {
			rows = append(append([][]any{}, firms...), moreFirms()...)
		}
		widths := make([]float64, len(t.header))
		for i := range widths {
			widths[i] = 16
		}
		if err := w.sheet(t.name, t.header, rows, widths...); err != nil {
			return nil, err
		}
	}
	return w.finish("报告信息", "鹤岭县保障产业链供应链稳定工作情况汇报 数据")
}
