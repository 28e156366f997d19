package mdext

import (
	"bytes"
	"sync"
	"testing"
)

// TestParseShared: the parser that Parse shares gives, from many goroutines
// at once, the tree a parser of its own gives (with -race, it also shows
// that sharing it races on nothing).
func TestParseShared(t *testing.T) {
	srcs := []string{
		"# 主要工作\n\n**（一）稳链。**全县规上工业增加值增长5.2%。\n\n| 指标 | 数值 |\n| --- | ---: |\n| 产值 | 82.35 |\n",
		"## 存在的问题\n\n1. 要素保障不足\n2. 企业*融资*难\n\n> 按语\n",
		"三、下一步打算\n\n- 稳\n- 进\n",
	}
	md := Markdown()
	html := func(src string, shared bool) string {
		var b bytes.Buffer
		root := parse(md, src)
		if shared {
			root = Parse([]byte(src))
		}
		if err := md.Renderer().Render(&b, []byte(src), root); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	want := make([]string, len(srcs))
	for i, src := range srcs {
		want[i] = html(src, false)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Go(func() {
			for k := 0; k < 20; k++ {
				i := (g + k) % len(srcs)
				if got := html(srcs[i], true); got != want[i] {
					t.Errorf("source %d: %q, with a parser of its own %q", i, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
