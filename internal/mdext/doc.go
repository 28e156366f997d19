// Package mdext extends goldmark for the Markdown of Chinese reports.
//
// The extension returned by New adds three things, each the goldmark way
// (an inline parser, an AST transformer, a node renderer):
//
//   - CJK-friendly emphasis: **（一）提高思想认识。**积极贯彻 is bold, although
//     CommonMark's flanking rules leave those asterisks literal. The rule is the
//     amendment proposed for commonmark-spec issue 650; text without CJK
//     characters is parsed exactly as before. See NewEmphasisParser.
//   - Automatic 公文 numbering: authors write ## 主要工作 and ### 提高思想认识;
//     Number gives 一、 （一） 1. （1） by level, counted in document order, so a
//     heading that a template drops leaves no gap. A heading the author
//     numbered keeps its number and sets the count. See Number.
//   - Run-in headings: a heading that ends with 。！？；： and is followed by a
//     paragraph is set at the start of that paragraph, as 公文 set their
//     second-level headings: “（一）提高思想认识，高位推动落实。积极贯彻……”.
//     {.run-in} and {.standalone} override. See IsRunIn.
//
// Markdown returns the full dialect: goldmark with extension.CJK,
// extension.Table, heading attributes and this extension. Writers walk the
// AST it parses and ask Level, Number, IsRunIn, RunInHeading and Text; a
// heading is rendered as Number(h) followed by its inlines.
//
// Values from the workbook are data, not Markdown: templates pass each one
// through Escape, which makes it print literally.
package mdext
