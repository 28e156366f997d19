// Package counties makes the workbooks of many counties from the sample
// 经济运行 workbook (经济运行-2022年7月.xlsx), for measuring and testing
// batch builds: each county has its own name and figures, varied from the
// sample's by a generator seeded with the county's number, so that the
// same count gives the same workbooks. Rates keep their sign (the template's
// wording stays true) and the 校验 sums still add up.
package counties

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/samples"
)

// Sample is the workbook the counties are made from.
const Sample = "经济运行-2022年7月.xlsx"

// sampleCounty is the county name of the sample, replaced in every text.
const sampleCounty = "鹤岭"

var (
	firsts  = []rune("鹤云青石松梅桃柳龙凤")
	seconds = []rune("岭溪川山阳江源湖泉平")
)

// Name is the name of county i: 100 names, then the same with a number.
func Name(i int) string {
	n := len(firsts) * len(seconds)
	name := string(firsts[i%n/len(seconds)]) + string(seconds[i%len(seconds)])
	if i >= n {
		name += strconv.Itoa(i / n)
	}
	return name
}

// Write writes the workbooks of counties 0 to n-1 into dir, each named
// after its county (鹤岭.xlsx), and returns their paths.
func Write(dir string, n int) ([]string, error) {
	src, err := samples.FS.ReadFile(Sample)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	paths := make([]string, n)
	for i := range n {
		data, err := County(src, i)
		if err != nil {
			return nil, err
		}
		paths[i] = filepath.Join(dir, Name(i)+".xlsx")
		if err := os.WriteFile(paths[i], data, 0o644); err != nil {
			return nil, err
		}
	}
	return paths, nil
}

// County is the workbook of county i, made from the sample workbook src.
func County(src []byte, i int) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(src))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c := &county{f: f, name: Name(i), rng: rand.New(rand.NewPCG(uint64(i), 0x6272696566696e67))}
	for _, step := range []func() error{c.rename, c.metrics, c.industries} {
		if err := step(); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type county struct {
	f    *excelize.File
	name string
	rng  *rand.Rand
}

// rename puts the county's name in place of the sample's, in every text.
func (c *county) rename() error {
	for _, sheet := range c.f.GetSheetList() {
		rows, err := c.f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		for r, row := range rows {
			for col, v := range row {
				if !strings.Contains(v, sampleCounty) {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(col+1, r+1)
				if err := c.f.SetCellStr(sheet, cell, strings.ReplaceAll(v, sampleCounty, c.name)); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// The columns of the sample's 指标 sheet (row 2 is the header).
const (
	colMonth  = 3  // C 当月
	colTotal  = 4  // D 累计
	colRates  = 5  // E–H: 当月增速, 累计增速, 上期累计增速, 全市增速
	colRank   = 9  // I 全市排名
	colPrev   = 10 // J 上期排名
	colTarget = 11 // K 年度目标
	firstRow  = 3
)

// metrics varies each figure of 指标: amounts by up to 30 % either way,
// rates by as much without changing sign, ranks at random; 规上工业总产值
// stays the sum of its two parts (校验).
func (c *county) metrics() error {
	const sheet = "指标"
	rows, err := c.f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	for r := firstRow; r <= len(rows); r++ {
		for col := colMonth; col <= colTarget; col++ {
			if err := c.vary(sheet, col, r, col >= colRates && col < colRank, col == colRank || col == colPrev); err != nil {
				return err
			}
		}
	}
	return c.sum(sheet, "D4", "D5", "D6")
}

// vary changes the number in one cell, if it holds one.
func (c *county) vary(sheet string, col, row int, rate, rank bool) error {
	cell, _ := excelize.CoordinatesToCellName(col, row)
	v, err := c.f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		return err
	}
	x, err := strconv.ParseFloat(v, 64)
	if err != nil || x == 0 {
		return nil
	}
	switch {
	case rank:
		return c.f.SetCellInt(sheet, cell, int64(1+c.rng.IntN(10)))
	case rate:
		y := round(x*(0.7+0.6*c.rng.Float64()), 1)
		if y == 0 {
			y = math.Copysign(0.1, x)
		}
		return c.f.SetCellFloat(sheet, cell, y, 1, 64)
	}
	return c.f.SetCellFloat(sheet, cell, round(x*(0.7+0.6*c.rng.Float64()), 2), 2, 64)
}

// sum makes total the sum of parts.
func (c *county) sum(sheet, total string, parts ...string) error {
	s := 0.0
	for _, p := range parts {
		v, err := c.f.GetCellValue(sheet, p, excelize.Options{RawCellValue: true})
		if err != nil {
			return err
		}
		x, err := strconv.ParseFloat(v, 64)
		if err != nil {
			return fmt.Errorf("%s!%s: %v", sheet, p, err)
		}
		s += x
	}
	return c.f.SetCellFloat(sheet, total, round(s, 2), 2, 64)
}

// industries varies the 产值 and 增速 of 分行业; its 合计 row stays the sum
// of the others (校验).
func (c *county) industries() error {
	const sheet = "分行业"
	var parts []string
	for r := 2; r <= 6; r++ {
		if err := c.vary(sheet, 2, r, false, false); err != nil {
			return err
		}
		if err := c.vary(sheet, 3, r, true, false); err != nil {
			return err
		}
		parts = append(parts, "B"+strconv.Itoa(r))
	}
	return c.sum(sheet, "B7", parts...)
}

func round(x float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(x*p) / p
}
