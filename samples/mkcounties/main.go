// Command mkcounties writes the workbooks of many counties, made from the
// sample 经济运行 workbook with varied names and figures (package
// samples/counties), for timing a batch build:
//
//	go run ./samples/mkcounties -n 100 -dir /tmp/县
//	briefing build -data /tmp/县 经济运行
package main

import (
	"flag"
	"fmt"
	"log"

	"briefing/samples/counties"
)

func main() {
	n := flag.Int("n", 100, "how many counties")
	dir := flag.String("dir", "县", "the directory to write the workbooks into")
	flag.Parse()
	paths, err := counties.Write(*dir, *n)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("已写入 %d 个工作簿到 %s\n", len(paths), *dir)
}
