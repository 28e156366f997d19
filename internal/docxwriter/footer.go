package docxwriter

// footerDistance is w:pgMar's w:footer: from the bottom of the paper to
// the bottom of the page number's line, which is as high as its 4号 type,
// so that the number's top is 7 mm under the 版心 (GB/T 9704 §7.5).
var footerDistance = marginBot - twips(geo.FolioGap) - twips(geo.FolioSize)

// footerXML is a footer: the page number “— N —” (a PAGE field between
// 一字线) in 4号宋体, 1 字 in from the right on odd pages, from the left on
// even pages (GB/T 9704 §7.5).
func footerXML(odd bool) string {
	pp := para{style: styleFolio, jc: "left", ind: iattr("w:left", zi(1))}
	if odd {
		pp = para{style: styleFolio, jc: "right", ind: iattr("w:right", zi(1))}
	}
	return xmlHeader + `<w:ftr xmlns:w="` + nsW + `"><w:p>` + pp.xml() +
		`<w:r><w:t xml:space="preserve">— </w:t></w:r>` +
		`<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
		`<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>` +
		`<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>`
}
