package wording

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// sampleNames are the indicators of the sample workbook and a few more a
// county's workbook has.
var sampleNames = []string{
	"稳经济措施条数", "推进工作专班数", "宣传册份数", "国务院稳经济措施项数", "设备更换台数",
	"上云会议参会企业数", "上云企业数", "两节补贴职工人数门槛", "两节补贴标准", "招工任务人数",
	"外出务工人员数", "招聘会场次", "招工宣传材料份数", "就业岗位数", "招聘员工人数",
	"标准厂房面积", "标准厂房使用占比全市排名", "新引进签约项目数", "签约金额", "5020项目数",
	"龙头企业产值门槛", "产能利用率", "营业收入", "工业总产值", "规上工业增加值增速",
	"固定资产投资增速", "利润总额", "经济发展", "工业经济",
}

// TestSampleReport checks the typed text of the sample report, its
// actions printed as figures of every sign, and expects no warning.
func TestSampleReport(t *testing.T) {
	files, _ := filepath.Glob("../../sections/*.md")
	files = append(files, "../../templates/情况汇报/report.md")
	if len(files) < 4 {
		t.Fatalf("sample templates not found: %v", files)
	}
	for _, s := range []Sign{Unknown, Minus, Zero, Plus} {
		for _, file := range files {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if ws := Check(sampleSegments(file, string(src), s), sampleFacts(s)); len(ws) > 0 {
				t.Errorf("%s with signs %v:%s", file, s, msgs(ws))
			}
		}
	}
}

// sampleFacts returns the names of sampleNames, each with signs s.
func sampleFacts(s Sign) map[string]Fact {
	m := map[string]Fact{}
	for _, n := range sampleNames {
		m[n] = Fact{Name: n, Level: s, Change: s, Widen: s, PrevLevel: s, Where: "指标!B2"}
	}
	return m
}

var (
	frontMatter = regexp.MustCompile(`(?s)^---\n.*?\n---\n`)
	templAction = regexp.MustCompile(`(?s)\s*\{\{-.*?\}\}|\{\{.*?\}\}`)
	quoted      = regexp.MustCompile(`"([^"]*)"`)
	control     = regexp.MustCompile(`^\{\{-?\s*(?:if|else|end|range|with|/\*|\$[^\s:]+\s*:=)`)
)

// sampleSegments splits a template into typed text and printed figures:
// each action that prints becomes "12" with facts of signs s named after
// its first quoted name (a count for 计数 and 中文个数).
func sampleSegments(file, src string, s Sign) []Segment {
	var segs []Segment
	line := 1
	if fm := frontMatter.FindString(src); fm != "" {
		line += strings.Count(fm, "\n")
		src = src[len(fm):]
	}
	add := func(seg Segment) {
		seg.File, seg.Line = file, line
		segs = append(segs, seg)
		line += strings.Count(seg.Text, "\n")
	}
	last := 0
	for _, m := range templAction.FindAllStringIndex(src, -1) {
		add(Segment{Text: src[last:m[0]], Typed: true})
		line += strings.Count(src[m[0]:m[1]], "\n")
		if a := strings.TrimSpace(src[m[0]:m[1]]); !control.MatchString(a) {
			add(Segment{Text: "12", Facts: []Fact{sampleFact(a, s)}})
		}
		last = m[1]
	}
	add(Segment{Text: src[last:], Typed: true})
	return segs
}

// sampleFact returns the fact of action a with signs s.
func sampleFact(a string, s Sign) Fact {
	f := Fact{Level: s, Change: s, Widen: s, PrevLevel: s, Where: "指标!B2"}
	if m := quoted.FindStringSubmatch(a); m != nil {
		f.Name = m[1]
	}
	f.Count = strings.Contains(a, "计数") || strings.Contains(a, "中文个数")
	return f
}
