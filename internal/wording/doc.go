// Package wording finds the words of a filled report that its own figures
// contradict.
//
// A clerk types 增长较快 or 由负转正 into a template once; next month's
// figures can make the sentence wrong. Check reads the filled text of one
// template as a list of segments, each either typed by the template or
// printed by a {{ }} action together with the facts behind the figure it
// printed:
//
//	segs := []wording.Segment{
//		{Text: "### 固定资产投资增长较快\n\n全县固定资产投资", Typed: true, File: "主要工作.md", Line: 3},
//		{Text: "同比下降1.3%", Facts: []wording.Fact{{Name: "固定资产投资", Level: wording.Minus}}},
//		{Text: "。\n", Typed: true, File: "主要工作.md", Line: 5},
//	}
//	warnings := wording.Check(segs, nil) // 增长较快, line 3
//
// Check splits the text into sentences (a Markdown heading is one of its
// own and governs the paragraphs under it) and clauses, finds each typed
// direction word of its dictionary (words.go: 增长, 降幅收窄, 回升, 由负转正,
// 高于 …) and associates it with what it speaks of: the nearest printed
// figure of its clause; else, if the word ends its clause, an indicator
// named just before it, or the nearest figure of its sentence (a heading:
// of the heading, or an indicator it names). It reports each contradiction
// with the template's file and line and a message in Chinese. It also
// reports a direction word typed before a printed negative number
// (增长-3%), a gap of 0 after 高于 and its kin, and a count of 0 (项目0个).
//
// Printed words are right by construction and are not checked. A sentence
// holding a Quiet segment ({{不检查}}) is not checked, nor is a word denied
// (未增长), an aim (促进经济增长) or a word about an earlier period
// (上年同期为负增长). When in doubt Check says nothing: a false alarm on a
// correct report costs more than a missed contradiction.
package wording
