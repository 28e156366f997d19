// Package sections holds the Markdown templates of the parts of a report
// (主要工作, 存在的问题, 下一步打算), and in 经济运行/ those of the monthly
// 经济运行 report.
package sections

import "embed"

// FS holds the section templates, embedded in the binary.
//
//go:embed *.md 经济运行
var FS embed.FS
