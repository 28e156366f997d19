// Package samples holds the sample workbooks. The program in mksample writes
// 产业链供应链.xlsx, the figures of the sample 情况汇报.
package samples

import "embed"

// FS holds the sample workbooks, embedded in the binary.
//
//go:embed *.xlsx
var FS embed.FS
