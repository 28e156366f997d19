// Package sections holds the Markdown templates of the parts of a report
// (主要工作, 存在的问题, 下一步打算).
package sections

import "embed"

// FS holds the section templates, embedded in the binary.
//
//go:embed *.md
var FS embed.FS
