// Package templates holds the bundled report types. Each directory is a
// report: report.md gives its front matter (title, 主送机关, 发文机关,
// 成文日期, the workbook and the order of its sections) and its opening.
package templates

import "embed"

// FS holds the report directories, embedded in the binary so that the
// bundled sample builds anywhere.
//
//go:embed 情况汇报 经济运行
var FS embed.FS
