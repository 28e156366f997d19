package build

import (
	"strings"
	"testing"

	"briefing/internal/fonts"
)

func TestProgressNamesEachStage(t *testing.T) {
	var stages []string
	_, err := Render(Options{Fonts: fonts.Bundled(), Formats: []string{"pdf", "html", "txt"}, Progress: func(s string) { stages = append(stages, s) }})
	if err != nil {
		t.Fatal(err)
	}
	want := "读取报告 读取工作簿 填充模板 排版 生成 HTML 生成纯文本 生成 PDF"
	if got := strings.Join(stages, " "); got != want {
		t.Errorf("stages %q, want %q", got, want)
	}
}
