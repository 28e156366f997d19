// Package typeset sets Chinese text on the 公文 grid of GB/T 9704-2012:
// it breaks paragraphs into justified lines that obey the Chinese
// line-breaking rules and lines into pages, and returns positioned glyphs.
//
// It knows nothing of PDF. A writer turns the report into Blocks, calls
// Layout, and draws the Document it gets back; tests check line breaking and
// pagination on the Document without making a PDF, with Check. A writer that
// should not hold every glyph of a long report calls Prepare instead and
// draws each page as Plan.Emit sets it (the rows of a table, too, are shaped
// again when placed rather than kept).
//
// Break opportunities come from UAX #14 (github.com/rivo/uniseg), refined
// by the strict rules of clreq and GB/T 15834. Each paragraph is broken by
// a total-fit search that also yields a setting one line shorter (marks
// squeezed) and one line longer (characters pushed down); pagination picks
// among them so that pages stay full, headings stay with what follows and
// no page starts with a paragraph's last line.
//
// The frame is set at fixed places, not in the flow: a 公文's 版头 (Head)
// or a 简报's 报头 (BriefHead) takes the top grid lines of page 1, its
// lines in body size on the grid, the red 标志 IssuerTop below the 版心;
// the 版记 or 报尾 (Foot) takes the bottom lines of the last page, its last
// rule on the bottom edge of the 版心, or a page of its own (an even one,
// after a blank page, for a 公文 printed on both sides; GB/T 9704 §7.5
// then numbers neither, see Unnumbered). An annex (KindAnnex) starts a
// page. The numbers and their clauses are the constants in frame.go.
//
// All lengths are in PDF points (1/72 inch). Coordinates have their origin at
// the top-left corner of the page, with y growing downwards.
package typeset

// Role names the kind of type a run is set in. The font set decides which
// font file serves each role.
type Role string

const (
	RoleTitle Role = "title" // 标题: 小标宋
	RoleBody  Role = "body"  // 正文 and 三、四级标题: 仿宋
	RoleHei   Role = "hei"   // 一级标题 一、: 黑体
	RoleKai   Role = "kai"   // 二级标题 （一）: 楷体
	RoleFolio Role = "folio" // 页码: 宋体 with half-width digits
	RoleLatin Role = "latin" // Latin letters and digits inside any role, when a font serves it
)

// Shaper tells the typesetter which font face sets a character and how wide
// the character is. The fonts package implements it for real font files; tests
// use a fake.
type Shaper interface {
	// Glyph returns the face that sets r in role (an index the writer
	// understands) and r's advance width as a fraction of the font size
	// (1.0 for an ideograph, about 0.5 for a digit). ok is false when no
	// face has r.
	Glyph(role Role, r rune) (face int, advance float64, ok bool)
}

// Style is how a run is set.
type Style struct {
	Role  Role
	Size  float64 // font size in points
	Bold  bool    // synthetic bold, e.g. for a 1. heading
	Color Color   // the zero Color is black, the colour of all 公文 text but the frame's (GB/T 9704 §5.2.4)
}

// Color is an RGB colour; the zero Color is black.
type Color struct{ R, G, B uint8 }

// Red is the red of the 发文机关标志, the 简报's name and the red rule
// under them: pure red, RGB 255, 0, 0, as 公文 templates set it (the
// standard says only 红色).
var Red = Color{R: 255}

// Run is a piece of text in one style.
type Run struct {
	Text string
	Style
}

// Align is the horizontal alignment of a block's lines.
type Align int

const (
	AlignJustify Align = iota // every line but the last flush with both edges
	AlignLeft
	AlignCenter
	AlignRight
)

// Kind is what a block is.
type Kind int

const (
	KindParagraph   Kind = iota // body paragraph; a run-in heading is its first runs
	KindHeading                 // a heading on its own line(s); kept with the next block
	KindTitle                   // the document title: centred, balanced lines, blank line after
	KindAddressee               // 主送机关: flush left, no indent
	KindAttachments             // 附件说明: “附件：1. …”, runover lines aligned with the name
	KindClosing                 // 发文机关署名 and 成文日期 (GB/T 9704 §7.3.5.2, unsealed)
	KindTable                   // a ruled table
	KindPageBreak               // start a new page
	KindHead                    // the 版头 of a 公文 at the top of page 1 (Block.Head)
	KindBriefHead               // the 报头 of a 简报 at the top of page 1 (Block.BriefHead)
	KindAnnex                   // “附件N” at the top left of a new page (GB/T 9704 §7.3.7); kept with the next block
	KindAnnexTitle              // an annex's title: centred like the title, on the third line of its page
	KindRecord                  // the 版记 of a 公文 or the 报尾 of a 简报 at the foot of the last page (Block.Foot)
	KindFigure                  // a figure (a chart) taking whole grid lines, never split; kept with the next block, its caption (Block.Figure)
)

// Block is one paragraph-like unit of the document, in reading order.
type Block struct {
	Kind   Kind
	Runs   []Run
	Level  int     // KindHeading, or the run-in heading of a KindParagraph: 1 for 一、 … 4 for （1）; 0 otherwise
	Lead   int     // KindParagraph: number of leading runs that are a run-in heading (for bookmarks)
	Indent float64 // first-line indent in grid characters (2 for body paragraphs)
	Align  Align

	Attachments []string   // KindAttachments: names of the attachments, in order
	Closing     *Closing   // KindClosing
	Table       *Table     // KindTable
	Head        *Head      // KindHead
	BriefHead   *BriefHead // KindBriefHead
	Foot        *Foot      // KindRecord
	Figure      *Figure    // KindFigure

	// Ref is carried through to Line.Block and Mark so that the caller can
	// map lines back to its own nodes (for bookmarks and error messages).
	Ref any
}

// Closing is the signature block of an unsealed document.
type Closing struct {
	Org  string // 发文机关署名
	Date string // 成文日期, already written out: “2022年12月5日”
	Style
}

// Table is a ruled table. Its header rows repeat on every page it spans.
type Table struct {
	Columns []Column
	Header  [][]Cell // header rows
	Rows    [][]Cell // body rows
}

// Column describes one table column.
type Column struct {
	Align Align   // AlignRight for numbers
	Width float64 // relative width; 0 lets the typesetter decide from content
}

// Cell is the content of one table cell.
type Cell struct {
	Runs []Run
}

// Figure is a figure set on the grid: it takes Lines whole grid lines of
// the 版心's width, on one page, so that the text after it stays on the
// grid. What it shows is the writer's (Block.Ref); the typesetter places
// its box (Page.Figures).
type Figure struct {
	Lines int
}

// PlacedFigure is a figure's box on its page: the width of the 版心, from
// the top of its first grid line to the top of the grid line after it.
type PlacedFigure struct {
	X, Y, Width, Height float64
	Lines               int
	Block               int // index of the Block in Layout's input
	Ref                 any // the Block's Ref
}

// Geometry is the page and the type area (版心) with its grid.
type Geometry struct {
	PageWidth, PageHeight float64 // A4: 595.28 × 841.89
	Top, Left             float64 // 天头 37 mm, 订口 28 mm
	Width, Height         float64 // 版心 156 × 225 mm
	Lines                 int     // lines per page: 22
	Chars                 int     // characters per line: 28
	BodySize              float64 // 16 pt (3号)
	TitleSize             float64 // 22 pt (2号)
	FolioSize             float64 // 14 pt (4号)
	FolioGap              float64 // from the bottom of the 版心 to the page number line: 7 mm
}

// Document is the typeset result.
type Document struct {
	Geometry Geometry
	Pages    []Page
}

// Page is one page of positioned lines.
type Page struct {
	Number int    // 1-based
	Lines  []Line // in reading order
	Rules  []Rule // table rules
	Folio  *Line  // the page number line “— N —”, nil when the page carries none
	Marks  []Mark // headings that start on this page, for bookmarks

	// Figures are the boxes of the figures on the page, top to bottom.
	Figures []PlacedFigure

	// PageBreak is true when the page was ended early on purpose: by a
	// KindPageBreak block, before an annex, which starts a page of its
	// own, before the page of the 版记, or before a figure or a table
	// that moves to the next page whole (a table: its head and first
	// row); it may then hold fewer than Geometry.Lines lines.
	PageBreak bool
	// Blank is true for a page left empty so that the 版记 falls on the
	// back of the last sheet (Foot.Duplex); it carries no page number.
	Blank bool
	// Record is true for the page that carries the 版记 or the 报尾. After
	// a blank page it carries no page number (GB/T 9704 §7.5).
	Record bool

	pool []Glyph // the glyphs of the lines
}

// Line is one line of glyphs on a common baseline.
type Line struct {
	Baseline float64
	Glyphs   []Glyph
	Block    int  // index of the Block in Layout's input
	Final    bool // the last line of its block (of an attachment, a table cell, or before a newline)
	Kind     Kind // the Kind of that block
}

// Glyph is one character at its place.
type Glyph struct {
	R     rune
	Face  int // as returned by the Shaper
	Style Style
	X     float64 // left edge of the advance box
	Width float64 // advance as set (after squeezing), without added justification space

	// Cut is the blank cut from the left of a compressed opening mark
	// such as “（”: its set box is [X+Cut, X+Cut+Width]. It is 0 for every
	// other glyph, whose set box is [X, X+Width].
	Cut float64
}

// Rule is a straight line to stroke: from (X0, Y0) to (X1, Y1), the middle
// of its stroke, Width thick.
type Rule struct {
	X0, Y0, X1, Y1 float64
	Width          float64
	Color          Color
}

// Mark is a heading's place, for PDF bookmarks.
type Mark struct {
	Title string
	Level int
	Y     float64 // top of the heading's first line
	Ref   any
}
