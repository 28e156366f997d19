package mdext

import (
	"sync"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// An Option configures the extension returned by New.
type Option func(*config)

type config struct {
	emphasis  bool
	numbering bool
	runIn     bool
	html      bool
}

// WithCJKEmphasis turns the CJK-friendly emphasis rule on or off (default on).
// Off, * and _ are goldmark's CommonMark emphasis.
func WithCJKEmphasis(on bool) Option { return func(c *config) { c.emphasis = on } }

// WithNumbering turns automatic 公文 numbering on or off (default on).
// Off, Number returns "" for every heading.
func WithNumbering(on bool) Option { return func(c *config) { c.numbering = on } }

// WithRunIn turns run-in headings on or off (default on). Off, IsRunIn
// reports false for every heading, whatever its punctuation or class.
func WithRunIn(on bool) Option { return func(c *config) { c.runIn = on } }

// WithHTML turns the goldmark HTML hook on or off (default on): headings
// print their Number, and run-in headings open the paragraph they lead (see
// NewHTMLRenderer). It only affects goldmark's own HTML renderer.
func WithHTML(on bool) Option { return func(c *config) { c.html = on } }

type extender struct{ config }

// New returns the goldmark extension: CJK-friendly emphasis, automatic 公文
// numbering and run-in headings, and the HTML hook. Add it alongside
// extension.CJK and extension.Table; heading classes ({.run-in},
// {.standalone}) need parser.WithHeadingAttribute. Markdown does all that.
func New(opts ...Option) goldmark.Extender {
	e := &extender{config{emphasis: true, numbering: true, runIn: true, html: true}}
	for _, o := range opts {
		o(&e.config)
	}
	return e
}

// Priorities: the emphasis parser runs before goldmark's (500) so that it
// handles every * and _; the transformer runs late, after other extensions
// have settled the tree; the HTML renderer overrides goldmark's (1000).
const (
	emphasisPriority    = 450
	transformerPriority = 900
	htmlPriority        = 500
)

func (e *extender) Extend(m goldmark.Markdown) {
	if e.emphasis {
		m.Parser().AddOptions(parser.WithInlineParsers(
			util.Prioritized(NewEmphasisParser(), emphasisPriority)))
	}
	m.Parser().AddOptions(parser.WithASTTransformers(
		util.Prioritized(&transformer{numbering: e.numbering, runIn: e.runIn}, transformerPriority)))
	if e.html {
		m.Renderer().AddOptions(renderer.WithNodeRenderers(
			util.Prioritized(NewHTMLRenderer(), htmlPriority)))
	}
}

// Parse parses src in the reports' dialect (Markdown with no options). A
// goldmark parser is slow to make and to ready (it sorts and indexes its
// parsers on its first Parse) and safe for concurrent use once made: Parse
// makes one, for every call.
func Parse(src []byte) ast.Node {
	return shared().Parser().Parse(text.NewReader(src))
}

var shared = sync.OnceValue(func() goldmark.Markdown { return Markdown() })

// Markdown returns goldmark.New with extension.CJK, extension.Table,
// heading attributes and New(opts...): the Markdown dialect of the reports.
func Markdown(opts ...Option) goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.CJK, extension.Table, New(opts...)),
		goldmark.WithParserOptions(parser.WithHeadingAttribute(),
			// just before extension.Table's (200)
			parser.WithParagraphTransformers(util.Prioritized(compactTables{}, 199))),
	)
}
