// Package document is the one model of a filled report that every writer
// renders: the report's facts (title, 主送机关, 发文机关, 成文日期, 附件)
// and the goldmark AST of its filled Markdown, parsed once.
//
// Unsupported lists the Markdown that the writers cannot render as it is
// written (a ###### heading, a nested list, a link's address, ~~删除线~~ …),
// each with its place in the source and a message for the clerk.
package document

import (
	"time"

	"github.com/yuin/goldmark/ast"
)

// Document is a filled, parsed report.
type Document struct {
	Name   string // base name of the output files, e.g. 情况汇报
	Meta   Meta
	Source []byte   // the filled Markdown that Root points into
	Root   ast.Node // parsed with mdext: headings carry their 公文 numbers
}

// Meta holds the report's own facts from its front matter, filled.
type Meta struct {
	Title       string    // 标题
	Addressee   string    // 主送机关, without the final colon
	Org         string    // 发文机关署名
	Date        string    // 成文日期 as written: 2022年12月5日
	Time        time.Time // 成文日期 as a day, for file metadata; zero when Date is empty
	Attachments []string  // 附件说明, in order
	Subject     string    // 主题, for PDF metadata
}
