//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// The catalog's cases of templates and front matter: a report directory
// root/报告 with report.md and its files, built from the sample workbook.
// Each must be refused (exit 1) with the template's file and line and the
// reason in Chinese, quickly, and write nothing.

func init() {
	catalog = append(catalog, reportCatalog...)
	// The template language's own words, which messages quote, and UTF-8.
	for _, w := range []string{"define", "template", "end", "if", "else", "with", "printf", "index", "UTF"} {
		allowed[w] = true
	}
}

// reportCase writes the files of a report (paths under root/报告, the
// report.md first) and expects the messages want.
func reportCase(name string, files map[string]string, want ...string) catalogCase {
	return catalogCase{name: name, code: exitProblem, setup: func(t *testing.T, root string) invocation {
		dir := filepath.Join(root, "报告")
		for n, s := range files {
			mkfile(t, filepath.Join(dir, n), []byte(s))
		}
		data, err := filepath.Abs(filepath.Join("..", "..", "samples", "产业链供应链.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		return invocation{args: outArgs(root, "-data", data, dir), want: want}
	}}
}

// body is a report.md with a title and the opening text.
func body(s string) map[string]string {
	return map[string]string{"report.md": "---\n标题: 测试\n---\n" + s + "\n"}
}

// front is a report.md with front matter lines and an opening.
func front(lines string) map[string]string {
	return map[string]string{"report.md": "---\n" + lines + "\n---\n正文。\n"}
}

// section is a report with one section 甲.md.
func section(s string) map[string]string {
	return map[string]string{"report.md": "---\n标题: 测试\n章节:\n  - 甲.md\n---\n正文。\n", "甲.md": s}
}

var reportCatalog = []catalogCase{
	// Templates: names, syntax, kinds.
	reportCase("模板：没有这个函数", body(`{{值x "签约金额"}}`), "report.md 第4行", "没有名为“值x”的函数"),
	reportCase("模板：没有这个指标", body(`{{值 "签约额"}}`), "report.md 第4行第3列", "没有指标“签约额”（是否是 签约金额？）"),
	reportCase("模板：没有这张表", body(`{{计数 (表 "企")}}`), "没有工作表“企”"),
	reportCase("模板：没有这一列", body(`{{顿号 (列 (表 "重点企业") "名称")}}`), "没有列“名称”"),
	reportCase("模板：{{ 没有 }}", body(`总签约金额{{值 "签约金额"`), "report.md 第5行", "{{ 没有对应的 }}"),
	reportCase("模板：多余的 }}", body(`增长5.2%}}`), "report.md 第4行", "“}}”"),
	reportCase("模板：缺少 {{end}}", body(`{{if true}}是`), "report.md", "可能缺少 {{end}}"),
	reportCase("模板：多余的 {{end}}", body(`是{{end}}`), "report.md 第4行", "多余的 {{end}}"),
	reportCase("模板：括号不配对", body(`{{值 ("签约金额"}}`), "report.md 第4行", "括号"),
	reportCase("模板：引号不配对", body(`{{值 "签约金额}}`), "report.md 第4行", "引号没有配对"),
	reportCase("模板：参数太多", body(`{{保留 1 2 3}}`), "report.md 第4行", "需要2个参数，这里给了3个"),
	reportCase("模板：文字当数字", body(`{{保留 1 (信息 "县名")}}`), "报告信息!B2：“鹤岭”不是数字"),
	reportCase("模板：表当一列值", body(`{{顿号 (表 "重点企业")}}`), "顿号 需要一列值"),
	reportCase("模板：不认识的选项", body(`{{同比 "签约金额" "很多"}}`), "同比 不认识选项“很多”"),
	reportCase("模板：除以零", body(`{{除 1 0}}`), "除 的除数是零"),
	reportCase("模板：百分数加普通数", body(`{{加 1 "5%"}}`), "是百分数而 1 不是，不能相加"),
	reportCase("模板：写出一张表", body(`{{表 "重点企业"}}`), "不能直接写出一张表"),
	reportCase("模板：没有定义的短语", body(`{{template "没有"}}`), "没有名为“没有”的短语"),
	reportCase("模板：无效的 UTF-8", body("甲\xff\xfe{{值 \"签约额\"}}"), "report.md 第4行", "没有指标“签约额”"),
	reportCase("模板：空字符和控制字符", body("甲\x00\x01{{值 \"签约\x07额\"}}"), "report.md 第4行", `\x07`),
	// Runaway templates.
	reportCase("模板：range 十亿次", body(`{{range 1000000000}}{{end}}`), "report.md 第4行第9列", "循环（range）一共超过 2000000 轮的上限"),
	reportCase("模板：两层 range 十万次", body(`{{range 100000}}{{range 100000}}{{end}}{{end}}`), "循环（range）一共超过 2000000 轮的上限"),
	reportCase("模板：短语调用自己", body(`{{define "甲"}}{{template "甲"}}{{end}}{{template "甲"}}`), "短语调用自己"),
	reportCase("模板：printf 宽度", body(`{{printf "%0999999999d" 1}}`), "printf 的宽度或精度 999999999 太大"),
	reportCase("模板：一千层列表", section(deepList(1000)), "甲.md 第22行", "超过 40 格"),
	reportCase("模板：三千层列表（超过输出的上限）", section(deepList(3000)), "甲.md 第", "填充结果超过 8 MB 的上限"),
	reportCase("模板：三千层引用", section(strings.Repeat(">", 3000)+" 甲\n"), "甲.md 第1行", "嵌套了 3000 层列表或引用"),
	// Front matter.
	reportCase("前置信息：没有 ---", map[string]string{"report.md": "标题: x\n正文"}, "report.md 第1行：文件应以 --- 开头的前置信息"),
	reportCase("前置信息：YAML 有误", front("标题: a: b"), "前置信息（两行 --- 之间）的写法不对"),
	reportCase("前置信息：不认识的键", front("标题: x\n作者: y"), "不认识的前置信息“作者”"),
	reportCase("前置信息：章节不是列表", front("标题: x\n章节: a.md"), "“章节”应是一个列表"),
	reportCase("前置信息：没有标题", front("主题: x"), "缺少“标题”"),
	reportCase("前置信息：成文日期", front("标题: x\n成文日期: 2022-12-05"), "成文日期“2022-12-05”应写作“2022年12月5日”"),
	reportCase("前置信息：不认识的版式", front("标题: x\n版式: 报纸"), "不认识的版式“报纸”"),
	reportCase("前置信息：允许HTML", front("标题: x\n允许HTML: 也许"), "“允许HTML”应是“是”或“否”"),
	reportCase("前置信息：写法", front("标题: x\n写法:\n  期间: 1~N旬"), "写法“期间”不能是“1~N旬”"),
	reportCase("前置信息：发文字号的括号", front("标题: x\n发文字号: 鹤工信字[2022]15号"), "应当用六角括号〔〕括起来：鹤工信字〔2022〕15号"),
	reportCase("前置信息：简报没有名称", front("标题: x\n版式: 简报"), "没有“简报名称”"),
	reportCase("前置信息：无效的 UTF-8", map[string]string{"report.md": "---\n标题: \xff\xfe\n---\n正文。\n"}, "report.md"),
	// Files a report names.
	reportCase("章节：找不到", map[string]string{"report.md": section("")["report.md"]}, "找不到章节模板"),
	reportCase("章节：/etc/passwd", front("标题: x\n章节:\n  - /etc/passwd"), "report.md 第4行：/etc/passwd 不在报告可以读取的目录"),
	reportCase("章节：上级目录", front("标题: x\n章节:\n  - ../../../../../../../etc/passwd"), "不在报告可以读取的目录"),
	reportCase("章节：/dev/zero", front("标题: x\n章节:\n  - /dev/zero"), "不在报告可以读取的目录"),
	reportCase("章节：目录", map[string]string{"report.md": "---\n标题: x\n章节:\n  - 子目录\n---\n正文。\n", "子目录/甲.md": "甲"}, "是一个目录，不是文件"),
	reportCase("短语：找不到", front("标题: x\n短语: 没有.md"), "找不到短语文件"),
	reportCase("图片：在报告之外", body("![机密](/etc/passwd)"), "report.md 第4行：图片“/etc/passwd”", "不在报告可以读取的目录"),
	withoutData(reportCase("数据：/dev/zero", front("标题: x\n数据: /dev/zero"), "report.md 第3行：/dev/zero 不在报告可以读取的目录")),
	withoutData(reportCase("数据：没有指定", front("标题: x"), "没有指定工作簿：请用 -data 指定")),
	{name: "章节：指向外面的链接", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		secret := mkfile(t, filepath.Join(root, "秘密.md"), []byte("机密"))
		c := reportCase("", section(""), "（实际位置 "+secret+"）", "不在报告可以读取的目录")
		r := c.setup(t, root)
		os.Remove(filepath.Join(root, "报告", "甲.md"))
		if err := os.Symlink(secret, filepath.Join(root, "报告", "甲.md")); err != nil {
			t.Fatal(err)
		}
		return r
	}},
	{name: "章节：管道", code: exitProblem, setup: func(t *testing.T, root string) invocation {
		r := reportCase("", section(""), "不是普通文件（是设备、管道或套接字）").setup(t, root)
		p := filepath.Join(root, "报告", "甲.md")
		os.Remove(p)
		if err := syscall.Mkfifo(p, 0o644); err != nil {
			t.Skip("no FIFO here")
		}
		return r
	}},
}

// withoutData runs a case without -data: the report's own 数据 counts.
func withoutData(c catalogCase) catalogCase {
	setup := c.setup
	c.setup = func(t *testing.T, root string) invocation {
		r := setup(t, root)
		for i, a := range r.args {
			if a == "-data" {
				r.args = append(r.args[:i:i], r.args[i+2:]...)
				break
			}
		}
		return r
	}
	return c
}

// deepList is a list nested n levels deep.
func deepList(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- 项\n")
	}
	return b.String()
}
