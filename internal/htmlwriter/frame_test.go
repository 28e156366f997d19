package htmlwriter_test

import (
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/internal/fonts"
)

// TestFramePages: the frame reports make valid pages whose frame reads as
// the plain text does, line for line: the 版头 or 报头 first, the annexes,
// the 版记 or 报尾 last.
func TestFramePages(t *testing.T) {
	for _, c := range []struct {
		dir  string
		want []string // in order, in the page's text
	}{
		{"../build/testdata/公文框架", []string{"000012", "秘密★1年", "特急", "鹤岭县工业和信息化局", "鹤岭县财政局", "文件", "签发人：",
			"张三", "李四", "鹤工信字〔2022〕15号", "王五", "关于鹤岭县", "附件1", "鹤岭县重点企业名单", "附件2", "抄送：", "县统计局。", "2022年12月5日印发"}},
		{"../build/testdata/简报", []string{"秘密", "000050", "鹤岭经济运行", "第8期", "鹤岭县统计局", "2022年8月12日", "鹤岭县2022年",
			"报：", "市统计局。", "本期增发：", "共印50份"}},
	} {
		res, err := build.Render(build.Options{Report: c.dir, Fonts: fonts.Bundled(), Formats: []string{"pdf", "html"}})
		if err != nil {
			t.Fatal(err)
		}
		page := fileOf(t, res, "html")
		checkValid(t, page)
		text := textOf(parseHTML(t, page))
		at := 0
		for _, w := range c.want {
			i := strings.Index(text[at:], w)
			if i < 0 {
				t.Errorf("%s: %q is not after %q", c.dir, w, tail(text[:at]))
				break
			}
			at += i + len(w)
		}
		if strings.Count(string(page), "class=\"frame ") != 2 {
			t.Errorf("%s: the page has not one head and one foot", c.dir)
		}
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(0, len(r)-20):])
}
