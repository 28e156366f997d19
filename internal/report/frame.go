package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"

	"briefing/internal/document"
	"briefing/internal/fill"
)

// The frame of a report: the 版头 and 版记 of a 公文 (GB/T 9704 §7.2,
// §7.4), or the 报头 and 报尾 of a 简报. Its keys in the front matter, each
// a template like the others (a report has a frame only when its front
// matter gives these keys, usually from the workbook's 报告信息):
//
//	份号: '000001'                 密级: 秘密★1年          紧急程度: 加急
//	发文机关标志: 鹤岭县工业和信息化局   (or a list, for 联合行文)
//	标志文字: 文件                  (the word after the bodies; '' for none)
//	发文字号: '鹤工信字〔2022〕15号'   签发人: 张三 (or a list)
//	抄送: [县委办公室, 县人大常委会办公室]  印发机关: 鹤岭县工业和信息化局办公室
//	印发日期: '2022年12月5日'
//	版式: 简报   简报名称: 鹤岭经济运行   期号: 8   编印单位: 鹤岭县统计局
//	报: [...]  送: [...]  发: [...]  本期增发: ...  印数: 50
var frameKeys = map[string]string{
	"份号":     "份号：6位数字，如 000001",
	"密级":     "密级和保密期限，如 秘密★1年",
	"紧急程度":   "紧急程度：特急 或 加急",
	"发文机关标志": "发文机关标志：发文机关的名称，联合行文时写成列表",
	"标志文字":   "发文机关标志中名称后面的字，默认“文件”；不要时写 ''",
	"发文字号":   "发文字号，如 鹤工信字〔2022〕15号",
	"签发人":    "签发人（上行文），几人时写成列表",
	"抄送":     "抄送机关，写成列表",
	"印发机关":   "版记中的印发机关",
	"印发日期":   "版记（或简报报头）中的印发日期，如 2022年12月5日",
	"简报名称":   "简报的名称（版式为简报时）",
	"期号":     "简报的期号，如 8 或 第8期、增刊第1期",
	"编印单位":   "简报的编印单位",
	"报":      "简报报尾“报：”的单位，写成列表",
	"送":      "简报报尾“送：”的单位，写成列表",
	"发":      "简报报尾“发：”的单位，写成列表",
	"本期增发":   "简报报尾的“本期增发”",
	"印数":     "简报的印数，如 50（印作“共印50份”）",
}

// listKeys are the frame's keys that may hold several values.
var listKeys = map[string]bool{"发文机关标志": true, "签发人": true, "抄送": true, "报": true, "送": true, "发": true}

// parseList reads a list key: one value, or a list of values.
func (r *Report) parseList(key string, v *yaml.Node, line int) []string {
	switch v.Kind {
	case yaml.ScalarNode:
		r.lists[key] = append(r.lists[key], newField(key, v))
		return nil
	case yaml.SequenceNode:
		var problems []string
		for _, item := range v.Content {
			if item.Kind != yaml.ScalarNode {
				problems = append(problems, fmt.Sprintf("%s 第%d行：“%s”的每一项应是一个值", r.fileLabel, item.Line+1, key))
				continue
			}
			r.lists[key] = append(r.lists[key], newField(key, item))
		}
		return problems
	}
	return []string{fmt.Sprintf("%s 第%d行：“%s”应是一个值，或一个列表（每项一行，以“- ”开头）", r.fileLabel, line, key)}
}

// attachment is an entry of 附件: its name, and the template of its body
// when it has one.
type attachment struct {
	name field
	body *field
}

// parseAttachment reads one entry of 附件: a name, or 名称 and 内容.
func (r *Report) parseAttachment(item *yaml.Node) (attachment, string) {
	if item.Kind == yaml.ScalarNode {
		return attachment{name: newField("附件", item)}, ""
	}
	bad := fmt.Sprintf("%s 第%d行：“附件”的每一项应是附件的名称，或者“名称”和“内容”两项，如\n  - 名称: 重点企业名单\n    内容: 附件/重点企业名单.md", r.fileLabel, item.Line+1)
	if item.Kind != yaml.MappingNode {
		return attachment{}, bad
	}
	var a attachment
	found := false
	for i := 0; i+1 < len(item.Content); i += 2 {
		k, v := item.Content[i], item.Content[i+1]
		if v.Kind != yaml.ScalarNode {
			return attachment{}, bad
		}
		switch k.Value {
		case "名称":
			a.name, found = newField("附件", v), true
		case "内容":
			f := newField("附件内容", v)
			a.body = &f
		default:
			return attachment{}, bad
		}
	}
	if !found {
		return attachment{}, bad
	}
	return a, ""
}

// frame fills the frame of the report into doc.Meta: value fills a key of
// the front matter (or takes it from the workbook), list fills a list key.
func (r *Report) frame(meta *document.Meta, value func(string) string, list func(string) []string) []error {
	var probs problemList
	meta.Layout = r.layout
	meta.Head = document.Head{
		Copy: probs.check("份号", value("份号"), r.copyNumber), Secret: probs.check("密级", value("密级"), r.secret),
		Urgency: probs.check("紧急程度", value("紧急程度"), r.urgency), Issuers: list("发文机关标志"),
		Number: probs.check("发文字号", value("发文字号"), r.docNumber), Signers: list("签发人"),
	}
	if len(meta.Head.Issuers) > 0 {
		meta.Head.Mark = "文件"
		if f, ok := r.fields["标志文字"]; ok {
			meta.Head.Mark = value(f.key)
		}
	}
	date := probs.check("印发日期", value("印发日期"), r.date)
	if r.layout == document.LayoutBrief {
		probs.errs = append(probs.errs, r.brief(meta, value, list, date)...)
		return probs.errs
	}
	meta.Record = document.Record{CC: list("抄送"), Printer: value("印发机关"), PrintDate: date}
	return probs.errs
}

// brief fills the 报头 and 报尾 of a 简报.
func (r *Report) brief(meta *document.Meta, value func(string) string, list func(string) []string, date string) []error {
	var probs problemList
	b := document.Brief{Name: value("简报名称"), Issue: probs.check("期号", value("期号"), r.issue),
		Editor: value("编印单位"), Date: date, Secret: meta.Head.Secret, Copy: meta.Head.Copy,
		Added: value("本期增发"), Printed: probs.check("印数", value("印数"), r.printed)}
	for _, w := range []string{"报", "送", "发"} {
		if names := list(w); len(names) > 0 {
			b.To = append(b.To, document.Recipients{Word: w, Names: names})
		}
	}
	if b.Name == "" {
		probs.errs = append(probs.errs, fmt.Errorf("%s：版式是“简报”，但没有“简报名称”：请在前置信息中写“简报名称: ……”，或在工作簿的“报告信息”中填写", r.fileLabel))
	}
	meta.Head = document.Head{}
	meta.Brief = b
	return probs.errs
}

// problemList collects the problems of the frame's values.
type problemList struct{ errs []error }

// check runs a value's check; a value that fails is reported and left
// out.
func (p *problemList) check(key, v string, f func(key, v string) (string, error)) string {
	if v == "" {
		return ""
	}
	out, err := f(key, v)
	if err != nil {
		p.errs = append(p.errs, err)
		return ""
	}
	return out
}

// where is the place of a front matter key, or of the workbook's cell it
// came from, for messages.
func (r *Report) where(key string) string {
	if f, ok := r.fields[key]; ok {
		return fmt.Sprintf("%s 第%d行", r.fileLabel, f.line)
	}
	return r.fileLabel + " 的“" + key + "”"
}

var docNumberRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^(\S+?)\s*([〔\[【（(［])\s*(\d{4})\s*([〕\]】）)］])\s*(第?)(\d+)\s*号$`)
})

// docNumber checks a 发文字号 (GB/T 9704 §7.2.4): 机关代字, the year in
// 〔〕, the number without 第 and without leading zeros: 鹤工信字〔2022〕15号.
func (r *Report) docNumber(key, v string) (string, error) {
	m := docNumberRE().FindStringSubmatch(v)
	if m == nil {
		return "", fmt.Errorf("%s：发文字号“%s”应写作“机关代字〔年份〕序号号”，如 鹤工信字〔2022〕15号", r.where(key), v)
	}
	n, _ := strconv.Atoi(m[6])
	right := fmt.Sprintf("%s〔%s〕%d号", m[1], m[3], n)
	switch {
	case m[2] != "〔" || m[4] != "〕":
		return "", fmt.Errorf("%s：发文字号“%s”的年份应当用六角括号〔〕括起来：%s", r.where(key), v, right)
	case m[5] != "" || strconv.Itoa(n) != m[6]:
		return "", fmt.Errorf("%s：发文字号“%s”的序号不加“第”字、不编虚位（1 不写作 01）：%s", r.where(key), v, right)
	}
	return right, nil
}

// copyNumber checks a 份号: digits, written with six (GB/T 9704 §7.2.1).
func (r *Report) copyNumber(key, v string) (string, error) {
	if len(v) > 6 || strings.Trim(v, "0123456789") != "" {
		return "", fmt.Errorf("%s：份号“%s”应是不超过6位的数字，如 000001", r.where(key), v)
	}
	return strings.Repeat("0", 6-len(v)) + v, nil
}

// secret checks a 密级和保密期限: 绝密, 机密 or 秘密, then ★ and the term.
func (r *Report) secret(key, v string) (string, error) {
	for _, s := range []string{"绝密", "机密", "秘密"} {
		if strings.HasPrefix(v, s) {
			return v, nil
		}
	}
	return "", fmt.Errorf("%s：密级“%s”应是 绝密、机密 或 秘密，可以带保密期限，如 秘密★1年", r.where(key), v)
}

// urgency checks a 紧急程度: 特急 or 加急.
func (r *Report) urgency(key, v string) (string, error) {
	if v == "特急" || v == "加急" {
		return v, nil
	}
	return "", fmt.Errorf("%s：紧急程度“%s”应是 特急 或 加急", r.where(key), v)
}

// date checks a date written the 公文 way.
func (r *Report) date(key, v string) (string, error) {
	if _, err := ParseDate(v); err != nil {
		return "", fmt.Errorf("%s：%s“%s”应写作“2022年12月5日”", r.where(key), key, v)
	}
	return v, nil
}

var issueRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(增刊)?\s*第?\s*(\d+)\s*期?$`) })

// issue checks a 期号: 8 or 第8期 is 第8期, 增刊1 or 增刊第1期 is 增刊第1期.
func (r *Report) issue(key, v string) (string, error) {
	m := issueRE().FindStringSubmatch(v)
	n := 0
	if m != nil {
		n, _ = strconv.Atoi(m[2])
	}
	if n < 1 {
		return "", fmt.Errorf("%s：期号“%s”应是从1起的数，如 8、第8期 或 增刊第1期", r.where(key), v)
	}
	return fmt.Sprintf("%s第%d期", m[1], n), nil
}

// printed checks a 印数: 50 or 共印50份 is 共印50份.
func (r *Report) printed(key, v string) (string, error) {
	s := strings.TrimSuffix(strings.TrimPrefix(v, "共印"), "份")
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return fmt.Sprintf("共印%d份", n), nil
	}
	return "", fmt.Errorf("%s：印数“%s”应是份数，如 50", r.where(key), v)
}

// parseAttachments reads 附件: a list of names, or of 名称 and 内容.
func (r *Report) parseAttachments(v *yaml.Node, line int) []string {
	if v.Kind != yaml.SequenceNode {
		return []string{fmt.Sprintf("%s 第%d行：“附件”应是一个列表，每项一行，以“- ”开头", r.fileLabel, line)}
	}
	var problems []string
	for _, item := range v.Content {
		a, bad := r.parseAttachment(item)
		if bad != "" {
			problems = append(problems, bad)
			continue
		}
		r.attachments = append(r.attachments, a)
	}
	return problems
}

// annex fills the body of an attachment, a template, and parses it on its
// own.
func (r *Report) annex(f *fill.Filler, a attachment, n int) (document.Annex, []string, error) {
	label := r.files.name(a.body.value)
	src, err := r.files.read(a.body.value)
	if err != nil {
		return document.Annex{}, nil, fmt.Errorf("%s 第%d行：%s", r.fileLabel, a.body.line, fileProblem(label, "附件内容", err))
	}
	out, err := f.FillOutput(label, string(src), 1)
	if err != nil {
		return document.Annex{}, nil, err
	}
	if off, msg := tooDeep(out.Text); off >= 0 {
		file, line := out.Line(off)
		return document.Annex{}, nil, fmt.Errorf("%s 第%d行：%s", file, line, msg)
	}
	ws, ps := r.unsupported(out)
	if len(ps) > 0 {
		return document.Annex{}, nil, Problems(ps)
	}
	source := []byte(strings.TrimSpace(out.Text) + "\n")
	return document.Annex{Number: n, Source: source}, ws, nil // Fill parses it
}

// splitNames splits a list written in one cell: 县委办公室、县人大常委会办公室.
func splitNames(s string) []string {
	var out []string
	for _, n := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、，,；;", r) }) {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}
