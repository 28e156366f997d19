package pdfwriter

import (
	"strings"
	"time"

	gtext "github.com/yuin/goldmark/text"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

// parse parses Markdown as package report does.
func parse(md string) ([]byte, *document.Annex) {
	src := []byte(md)
	return src, &document.Annex{Source: src, Root: mdext.Markdown().Parser().Parse(gtext.NewReader(src))}
}

// paragraphs is n paragraphs of body text, long enough to fill pages.
func paragraphs(n int) string {
	var b strings.Builder
	for i := range n {
		b.WriteString("今年以来，全县工业经济运行总体平稳，规上工业增加值同比增长5.2%，高于全市平均水平1.3个百分点，")
		b.WriteString("重点产业链企业生产经营逐步恢复，产业链供应链保持稳定。")
		if i%3 == 0 {
			b.WriteString("各乡镇、各部门认真贯彻落实县委、县政府决策部署，统筹推进稳增长各项工作。")
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

// gongwen is a 公文 with every part of the frame: 版头 with 份号, 密级,
// 紧急程度, a joint 标志, 发文字号 and three 签发人; two annexes; a 版记.
func gongwen(bodyParas int) *document.Document {
	src, root := parse("## 主要工作\n\n" + paragraphs(bodyParas) + "## 下一步打算\n\n" + paragraphs(2))
	_, a1 := parse("## 企业名单\n\n" + paragraphs(2) + "| 企业 | 产值（亿元） |\n| --- | --: |\n| 华晟电子 | 3.6 |\n| 天恒锂电 | 4.2 |\n")
	_, a2 := parse(paragraphs(1))
	a1.Number, a1.Title = 1, "鹤岭县重点企业名单"
	a2.Number, a2.Title = 2, "1－11月重点企业产值情况表"
	return &document.Document{
		Name: "公文", Source: src, Root: root.Root,
		Meta: document.Meta{
			Title: "关于鹤岭县重点产业链企业生产经营情况的汇报", Addressee: "县人民政府",
			Org: "鹤岭县工业和信息化局", Date: "2022年12月5日", Time: time.Date(2022, 12, 5, 0, 0, 0, 0, time.UTC),
			Attachments: []string{a1.Title, a2.Title},
			Layout:      document.LayoutGongwen,
			Head: document.Head{Copy: "000012", Secret: "秘密★1年", Urgency: "特急",
				Issuers: []string{"鹤岭县工业和信息化局", "鹤岭县财政局"}, Mark: "文件",
				Number: "鹤工信字〔2022〕15号", Signers: []string{"张  三", "李四", "王五"}},
			Record: document.Record{CC: []string{"县委办公室", "县人大常委会办公室", "县政协办公室", "县发展和改革局", "县统计局"},
				Printer: "鹤岭县工业和信息化局办公室", PrintDate: "2022年12月5日"},
		},
		Annexes: []document.Annex{*a1, *a2},
	}
}

// brief is a 简报 with 报头 and 报尾.
func brief(bodyParas int) *document.Document {
	src, root := parse("## 主要指标\n\n" + paragraphs(bodyParas))
	return &document.Document{
		Name: "简报", Source: src, Root: root.Root,
		Meta: document.Meta{
			Title:  "1－8月全县经济运行情况",
			Layout: document.LayoutBrief,
			Brief: document.Brief{Name: "鹤岭经济运行", Issue: "第8期", Editor: "鹤岭县统计局编", Date: "2022年9月13日",
				Secret: "内部资料", Copy: "000050",
				To: []document.Recipients{{Word: "报", Names: []string{"市统计局"}}, {Word: "送", Names: []string{"县委", "县人大", "县政府", "县政协领导"}},
					{Word: "发", Names: []string{"各乡镇人民政府", "县直各单位"}}},
				Added: "县工业园区管委会", Printed: "共印50份"},
		},
	}
}
