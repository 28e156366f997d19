package report

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"briefing/internal/document"
	"briefing/internal/mdext"
)

// TestFrame: the keys of the 版头 and 版记 fill the document's frame,
// checked; 附件 with 内容 become annexes.
func TestFrame(t *testing.T) {
	dir := writeReport(t, map[string]string{
		"报告/report.md": `---
标题: 情况汇报
份号: '1'
密级: 秘密★1年
紧急程度: 加急
发文机关标志:
  - '{{信息 "县名"}}县工业和信息化局'
  - '{{信息 "县名"}}县财政局'
发文字号: '鹤工信字〔2022〕15号'
签发人: [张三, 李四]
抄送: '县委办公室，县人大常委会办公室'
印发机关: 鹤岭县工业和信息化局办公室
印发日期: 2022年12月6日
附件:
  - 名单
  - 名称: 产值表
    内容: 附件/产值表.md
---
正文。
`,
		"报告/附件/产值表.md": "## 产值\n\n{{表格 (表 \"企业\") \"企业名称\"}}\n",
	})
	r, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	filled, err := r.Fill(testBook())
	if err != nil {
		t.Fatal(err)
	}
	m := filled.Doc.Meta
	want := document.Head{Copy: "000001", Secret: "秘密★1年", Urgency: "加急", Issuers: []string{"鹤岭县工业和信息化局", "鹤岭县财政局"},
		Mark: "文件", Number: "鹤工信字〔2022〕15号", Signers: []string{"张三", "李四"}}
	if !reflect.DeepEqual(m.Head, want) {
		t.Errorf("head %+v", m.Head)
	}
	if !reflect.DeepEqual(m.Record, document.Record{CC: []string{"县委办公室", "县人大常委会办公室"}, Printer: "鹤岭县工业和信息化局办公室", PrintDate: "2022年12月6日"}) {
		t.Errorf("record %+v", m.Record)
	}
	if len(filled.Doc.Annexes) != 1 || filled.Doc.Annexes[0].Number != 2 || filled.Doc.Annexes[0].Title != "产值表" {
		t.Fatalf("annexes %+v", filled.Doc.Annexes)
	}
	a := filled.Doc.Annexes[0]
	if got := mdext.Text(a.Root, a.Source); !strings.Contains(got, "产值") || !strings.Contains(got, "华晟电子") {
		t.Errorf("annex %q", got)
	}
}

// TestBriefFrame: a 简报's 报头 and 报尾.
func TestBriefFrame(t *testing.T) {
	dir := writeReport(t, map[string]string{"报告/report.md": `---
标题: 经济运行情况
版式: 简报
简报名称: 鹤岭经济运行
期号: 8
编印单位: 鹤岭县统计局
印发日期: 2022年9月13日
报: [县委, 县人大]
发: '各乡镇人民政府、县直各单位'
本期增发: 县发改局
印数: '50'
---
正文。
`})
	r, _ := Load(dir)
	filled, err := r.Fill(testBook())
	if err != nil {
		t.Fatal(err)
	}
	b := filled.Doc.Meta.Brief
	want := document.Brief{Name: "鹤岭经济运行", Issue: "第8期", Editor: "鹤岭县统计局", Date: "2022年9月13日",
		To:    []document.Recipients{{Word: "报", Names: []string{"县委", "县人大"}}, {Word: "发", Names: []string{"各乡镇人民政府", "县直各单位"}}},
		Added: "县发改局", Printed: "共印50份"}
	if filled.Doc.Meta.Layout != "简报" || !reflect.DeepEqual(b, want) {
		t.Errorf("brief %+v", b)
	}
}

// TestFrameProblems: values of the frame that are wrongly written.
func TestFrameProblems(t *testing.T) {
	cases := []struct{ front, want string }{
		{"发文字号: '鹤工信字[2022]15号'", "report.md 第3行：发文字号“鹤工信字[2022]15号”的年份应当用六角括号〔〕括起来：鹤工信字〔2022〕15号"},
		{"发文字号: 鹤工信字（2022）15号", "应当用六角括号〔〕"},
		{"发文字号: 鹤工信字〔2022〕015号", "不编虚位（1 不写作 01）：鹤工信字〔2022〕15号"},
		{"发文字号: 鹤工信字〔2022〕第15号", "不加“第”字"},
		{"发文字号: 第15号", "应写作“机关代字〔年份〕序号号”"},
		{"份号: '1234567'", "份号“1234567”应是不超过6位的数字"},
		{"密级: 内部", "密级“内部”应是 绝密、机密 或 秘密"},
		{"紧急程度: 很急", "紧急程度“很急”应是 特急 或 加急"},
		{"印发日期: 2022-12-06", "印发日期“2022-12-06”应写作“2022年12月5日”"},
		{"版式: 简报\n期号: 第八期", "期号“第八期”应是从1起的数"},
		{"版式: 简报\n简报名称: x\n印数: 很多", "印数“很多”应是份数"},
		{"版式: 简报", "版式是“简报”，但没有“简报名称”"},
		{"版式: 报纸", "不认识的版式“报纸”（可用：公文、简报）"},
		{"附件:\n  - 内容: a.md", "“附件”的每一项应是附件的名称，或者“名称”和“内容”两项"},
		{"附件:\n  - 名称: 表\n    内容: 没有.md", "找不到附件内容"},
	}
	for _, c := range cases {
		dir := writeReport(t, map[string]string{"报告/report.md": "---\n标题: x\n" + c.front + "\n---\n正文。\n"})
		r, err := Load(dir)
		if err == nil {
			_, err = r.Fill(testBook())
		}
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v", c.front, err)
		}
	}
	_ = filepath.Join
}
