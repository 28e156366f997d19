package workbook

import (
	"bytes"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// tableWorkbook is a workbook with one table sheet of n records and eight
// columns of the usual kinds: integers, text, numbers with float noise,
// percentages, dates, numbers typed as text.
func tableWorkbook(tb testing.TB, n int) []byte {
	tb.Helper()
	f := excelize.NewFile()
	const sheet = "重点企业"
	f.SetSheetName("Sheet1", sheet)
	pct, _ := f.NewStyle(&excelize.Style{NumFmt: 10})
	day, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		tb.Fatal(err)
	}
	if err := sw.SetRow("A1", []any{"序号", "企业名称", "产业链", "产值（亿元）", "增速", "投产日期", "金额（万元）", "备注"}); err != nil {
		tb.Fatal(err)
	}
	chains := []string{"新能源新材料", "电子信息", "生物医药", "绿色食品"}
	for i := 1; i <= n; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		row := []any{
			i,
			"企业" + strconv.Itoa(i),
			chains[i%len(chains)],
			float64(i%1000) / 10, // 0.1, 0.2 … as doubles
			excelize.Cell{Value: float64(i%200) / 1000, StyleID: pct},
			excelize.Cell{Value: time.Date(2022, 1, 1+i%365, 0, 0, 0, 0, time.UTC), StyleID: day},
			"1," + strconv.Itoa(100+i%900),
			"",
		}
		if err := sw.SetRow(cell, row); err != nil {
			tb.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		tb.Fatal(err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

func TestLargeTable(t *testing.T) {
	b, err := Read(bytes.NewReader(tableWorkbook(t, 10000)), "big.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := b.Table("重点企业")
	if len(tb.Rows) != 10000 || len(tb.Columns) != 8 {
		t.Fatalf("%d rows, %d columns", len(tb.Rows), len(tb.Columns))
	}
	r := tb.Rows[9992] // 序号 9993
	wantNumber(t, "序号", mustGet(t, r, "序号"), "9993", false, "9993")
	wantNumber(t, "产值", mustGet(t, r, "产值"), "99.3", false, "99.3")
	wantNumber(t, "增速", mustGet(t, r, "增速"), "0.193", true, "19.30%")
	wantNumber(t, "金额", mustGet(t, r, "金额"), "1193", false, "1193")
	if v := mustGet(t, r, "投产日期"); v.Kind != Date || v.Ref.String() != "big.xlsx 重点企业!F9994" {
		t.Errorf("date %+v", v)
	}
}

// BenchmarkReadTable reads a workbook with a 10,000-row table sheet.
func BenchmarkReadTable(b *testing.B) {
	data := tableWorkbook(b, 10000)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Read(bytes.NewReader(data), "big.xlsx"); err != nil {
			b.Fatal(err)
		}
	}
}
