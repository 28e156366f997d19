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

	"briefing/internal/chart"
)

// Document is a filled, parsed report.
type Document struct {
	Name   string // base name of the output files, e.g. 情况汇报
	Meta   Meta
	Source []byte   // the filled Markdown that Root points into
	Root   ast.Node // parsed with mdext: headings carry their 公文 numbers

	// Annexes are the 附件 that have a body, in the order of
	// Meta.Attachments: each goes on pages of its own after the body
	// (GB/T 9704 §7.3.7), headed 附件N and its title.
	Annexes []Annex

	// Charts are the charts of the body's 图表 blocks, read from the
	// workbook, by the block's body (Chart finds a block's).
	Charts map[string]*chart.Chart

	// figures are the charts' numbers when the tree is let go
	// (WithoutTree).
	figures map[*chart.Chart]int
}

// WithoutTree is d without its Markdown tree and source, and its
// annexes without theirs: what a writer that has its layout already
// needs (the metadata, the annexes' titles, the charts and their
// numbers), without holding a tree that may be of over 100 MB.
func (d *Document) WithoutTree() *Document {
	bare := *d
	bare.figures = d.Figures()
	bare.Root, bare.Source = nil, nil
	bare.Annexes = make([]Annex, len(d.Annexes))
	for i, a := range d.Annexes {
		a.Root, a.Source = nil, nil
		bare.Annexes[i] = a
	}
	return &bare
}

// Annex is a 附件 with a body: Markdown parsed on its own (its headings
// are numbered from 一、 again).
type Annex struct {
	Number int    // the N of 附件N: its place in Meta.Attachments, from 1
	Title  string // as in Meta.Attachments
	Source []byte
	Root   ast.Node
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

	// Layout is the frame the report goes out in: LayoutGongwen (a 公文:
	// 版头 and 版记 when Head and Record have anything to show) or
	// LayoutBrief (a 简报: 报头 and 报尾 from Brief).
	Layout string
	Head   Head   // 公文 版头
	Record Record // 公文 版记
	Brief  Brief  // 简报 报头 and 报尾
}

// The layouts.
const (
	LayoutGongwen = "公文"
	LayoutBrief   = "简报"
)

// Head is the 版头 of a 公文 (GB/T 9704 §7.2). Every field is optional; a
// report whose Head is zero has no 版头 and begins with its title, as
// before.
type Head struct {
	Copy    string   // 份号: 000001
	Secret  string   // 密级和保密期限: 秘密★1年
	Urgency string   // 紧急程度: 特急, 加急
	Issuers []string // 发文机关标志, one a body: several for 联合行文 (鹤岭县工业和信息化局, 鹤岭县财政局)
	Mark    string   // the word after the bodies, 文件, or "" for the bodies' names alone
	Number  string   // 发文字号: 鹤工信字〔2022〕15号
	Signers []string // 签发人, for an upward document (上行文): shown on the 发文字号 line
}

// IsZero reports whether the 公文 has no 版头.
func (h Head) IsZero() bool {
	return h.Copy == "" && h.Secret == "" && h.Urgency == "" && len(h.Issuers) == 0 && h.Number == "" && len(h.Signers) == 0
}

// Record is the 版记 of a 公文 (GB/T 9704 §7.4), at the foot of its last
// page. Every field is optional; a report whose Record is zero has none.
type Record struct {
	CC        []string // 抄送机关
	Printer   string   // 印发机关
	PrintDate string   // 印发日期: 2022年12月5日
}

// IsZero reports whether the 公文 has no 版记.
func (r Record) IsZero() bool { return len(r.CC) == 0 && r.Printer == "" && r.PrintDate == "" }

// Brief is the frame of a 简报: the 报头 at the top of its first page and
// the 报尾 at the foot of its last page.
type Brief struct {
	Name    string       // 简报名称: 鹤岭经济运行
	Issue   string       // 期号 as printed: 第8期, or 增刊第1期
	Editor  string       // 编印单位: 鹤岭县统计局编
	Date    string       // 印发日期: 2022年9月13日
	Secret  string       // 密级, at the top left; optional
	Copy    string       // 份号, at the top right; optional
	To      []Recipients // 报尾: 报、送、发, in this order, those given
	Added   string       // 本期增发: 各乡镇人民政府; optional
	Printed string       // 共印份数 as printed: 共印50份; optional
}

// Recipients is one line of a 简报's 报尾: 报：县委、县人大…
type Recipients struct {
	Word  string   // 报, 送 or 发
	Names []string // the bodies, in order
}
