package compare

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestTokens(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"同比增长7.5%，达82.8亿元", []string{"同", "比", "增", "长", "7.5%", "，", "达", "82.8", "亿", "元"}},
		{"2022年1-7月份", []string{"2022", "年", "1", "-", "7", "月", "份"}},
		{"GDP增速-3.4，", []string{"GDP", "增", "速", "-3.4", "，"}},
		{"食品加工\t-3.4\t12", []string{"食", "品", "加", "工", "\t", "-3.4", "\t", "12"}},
		{"１２．５％的", []string{"１２．５％", "的"}},
		{"5G网络  上云", []string{"5", "G", "网", "络", "  ", "上", "云"}},
		{"第3.位", []string{"第", "3", ".", "位"}},
		{"", nil},
	}
	for _, c := range cases {
		if got := tokens(c.in); !slices.Equal(got, c.want) {
			t.Errorf("tokens(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestSentences(t *testing.T) {
	text := "\ufeff按：今年以来。现将情况报告如下，供参阅。\n一、工业生产\n\n他说：“好。”然后；问？行！\r\n电子信息\t28.46\t6.2\n结尾没有句号"
	want := []sentence{
		{"按：今年以来。", 1}, {"现将情况报告如下，供参阅。", 1}, {"一、工业生产", 2},
		{"他说：“好。”", 4}, {"然后；", 4}, {"问？", 4}, {"行！", 4},
		{"电子信息\t28.46\t6.2", 5}, {"结尾没有句号", 6},
	}
	if got := sentences(text); !slices.Equal(got, want) {
		t.Errorf("sentences:\n%v\nwant\n%v", got, want)
	}
}

// lcsLen is the length of a longest common subsequence, by dynamic
// programming.
func lcsLen(a, b []int32) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// checkMatches fails unless ms pair equal elements in increasing order.
func checkMatches(t *testing.T, a, b []int32, ms []match) {
	t.Helper()
	for k, m := range ms {
		if a[m.i] != b[m.j] || k > 0 && (m.i <= ms[k-1].i || m.j <= ms[k-1].j) {
			t.Fatalf("bad match %d %v of %v and %v: %v", k, m, a, b, ms)
		}
	}
}

func randomSeq(r *rand.Rand, n, alphabet int) []int32 {
	s := make([]int32, n)
	for k := range s {
		s[k] = int32(r.IntN(alphabet))
	}
	return s
}

// TestAlignIsLCS: the exact diff finds a longest common subsequence.
func TestAlignIsLCS(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 500; n++ {
		a, b := randomSeq(r, r.IntN(40), 1+r.IntN(6)), randomSeq(r, r.IntN(40), 1+r.IntN(6))
		work := alignWork
		ms := align(a, b, &work)
		checkMatches(t, a, b, ms)
		if want := lcsLen(a, b); len(ms) != want {
			t.Fatalf("align(%v, %v) matched %d, LCS is %d", a, b, len(ms), want)
		}
	}
}

// TestAlignOutOfWork: with no work left for the exact diff, the elements
// that occur once on each side still anchor the alignment, in order.
func TestAlignOutOfWork(t *testing.T) {
	a := []int32{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	b := []int32{1, 2, 30, 4, 5, 6, 70, 80, 9, 10, 11}
	al := &aligner{work: 0}
	al.diff(a, b, 0, 0, 0)
	checkMatches(t, a, b, al.out)
	want := []match{{0, 0}, {1, 1}, {3, 3}, {4, 4}, {5, 5}, {8, 8}, {9, 9}}
	if !slices.Equal(al.out, want) {
		t.Errorf("anchored: %v, want %v", al.out, want)
	}
	// Nothing unique, nothing in common at the ends: nothing matched.
	al = &aligner{work: 0}
	al.diff([]int32{1, 2, 1, 2}, []int32{2, 1, 2, 1}, 0, 0, 0)
	if len(al.out) != 0 {
		t.Errorf("repeated elements anchored: %v", al.out)
	}
	// Random input: the matches stay valid.
	r := rand.New(rand.NewPCG(3, 4))
	for n := 0; n < 200; n++ {
		a, b := randomSeq(r, r.IntN(60), 1+r.IntN(40)), randomSeq(r, r.IntN(60), 1+r.IntN(40))
		al := &aligner{work: r.IntN(50)}
		al.diff(a, b, 0, 0, 0)
		checkMatches(t, a, b, al.out)
	}
}

func TestIncreasing(t *testing.T) {
	pairs := []match{{0, 5}, {1, 1}, {2, 2}, {3, 9}, {4, 3}, {5, 4}}
	want := []match{{1, 1}, {2, 2}, {4, 3}, {5, 4}}
	if got := increasing(pairs); !slices.Equal(got, want) {
		t.Errorf("increasing = %v, want %v", got, want)
	}
}

// show writes a sentence change as op: old | new, the changed words in 【】.
func show(c SentenceChange) string {
	return fmt.Sprintf("%s: %s | %s", c.Op, marked(c.Old), marked(c.New))
}

func TestWordSpans(t *testing.T) {
	cases := []struct{ old, new, want string }{
		{"规上工业增加值同比下降0.5%，降幅较上月收窄2.7个百分点；", "规上工业增加值同比增长1.2%，增速较上月由负转正；",
			"规上工业增加值同比【下降0.5%】，【降幅】较上月【收窄2.7个百分点】； | 规上工业增加值同比【增长1.2%】，【增速】较上月【由负转正】；"},
		// A unit between two changed numbers stays unmarked.
		{"鹤岭县统计局编　2022年8月12日", "鹤岭县统计局编　2022年9月13日",
			"鹤岭县统计局编　2022年【8】月【12】日 | 鹤岭县统计局编　2022年【9】月【13】日"},
		// The 增 the two phrases share by chance is marked with them.
		{"社会消费品零售总额保持增长。", "社会消费品零售总额由增转降。",
			"社会消费品零售总额【保持增长】。 | 社会消费品零售总额【由增转降】。"},
		{"鹤岭冷链物流园项目等3个项目", "鹤岭冷链物流园项目、绿源食品深加工项目等5个项目",
			"鹤岭冷链物流园项目等【3】个项目 | 鹤岭冷链物流园项目【、绿源食品深加工项目】等【5】个项目"},
		{"合计\t82.35\t-6.2", "合计\t95.37\t-4.3", "合计\t【82.35】\t【-6.2】 | 合计\t【95.37】\t【-4.3】"},
		{"居全市第2位；", "居全市首位；", "居全市【第2】位； | 居全市【首】位；"},
	}
	for _, c := range cases {
		in := interner{}
		work := wordWork
		o, n := wordSpans(in.words(c.old), in.words(c.new), &work)
		if got := marked(o) + " | " + marked(n); got != c.want {
			t.Errorf("wordSpans(%q, %q):\n got %s\nwant %s", c.old, c.new, got, c.want)
		}
		if join(o) != c.old || join(n) != c.new {
			t.Errorf("spans do not spell the sentences: %q %q", join(o), join(n))
		}
		for _, spans := range [][]Span{o, n} {
			for k := 1; k < len(spans); k++ {
				if spans[k].Changed == spans[k-1].Changed {
					t.Errorf("adjacent spans with the same flag: %+v", spans)
				}
			}
		}
	}
}

func TestText(t *testing.T) {
	old := "一、工业生产\n1-7月份，全县经济运行总体平稳。工业增加值同比下降0.5%；投资同比增长14%。\n二、消费\n消费恢复较慢。\n这句删去了。"
	new := "一、工业生产\n1-8月份，全县经济运行总体平稳。工业增加值同比增长1.2%；投资同比增长15.8%。\n新增的一段话，与别的都不像。\n二、消费\n消费恢复较慢。"
	want := []string{
		"same: 一、工业生产 | 一、工业生产",
		"changed: 1-【7】月份，全县经济运行总体平稳。 | 1-【8】月份，全县经济运行总体平稳。",
		"changed: 工业增加值同比【下降0.5%】； | 工业增加值同比【增长1.2%】；",
		"changed: 投资同比增长【14%】。 | 投资同比增长【15.8%】。",
		"added:  | 【新增的一段话，与别的都不像。】",
		"same: 二、消费 | 二、消费",
		"same: 消费恢复较慢。 | 消费恢复较慢。",
		"removed: 【这句删去了。】 | ",
	}
	got := Text(old, new)
	var shown []string
	for _, c := range got {
		shown = append(shown, show(c))
	}
	if strings.Join(shown, "\n") != strings.Join(want, "\n") {
		t.Errorf("Text:\n%s\nwant\n%s", strings.Join(shown, "\n"), strings.Join(want, "\n"))
	}
	lines := [][2]int{{1, 1}, {2, 2}, {2, 2}, {2, 2}, {0, 3}, {3, 4}, {4, 5}, {5, 0}}
	for k, c := range got {
		if k < len(lines) && (c.OldLine != lines[k][0] || c.NewLine != lines[k][1]) {
			t.Errorf("%d %s: lines %d %d, want %v", k, show(c), c.OldLine, c.NewLine, lines[k])
		}
	}
}

// TestPairing: in a stretch of removed and added sentences, each changed
// sentence is paired with its new version, not its neighbour's, and an
// unrelated one is not paired at all.
func TestPairing(t *testing.T) {
	old := "固定资产投资同比增长14%。\n社会消费品零售总额同比增长3.5%。\n今年雨水偏多。"
	new := "全县新开工项目5个。\n固定资产投资同比增长15.8%。\n社会消费品零售总额同比下降0.8%。\n一般公共预算收入与上年持平。"
	var ops []string
	for _, c := range Text(old, new) {
		ops = append(ops, c.Op.String()+" "+c.OldText()+"→"+c.NewText())
	}
	want := []string{
		"added →全县新开工项目5个。",
		"changed 固定资产投资同比增长14%。→固定资产投资同比增长15.8%。",
		"changed 社会消费品零售总额同比增长3.5%。→社会消费品零售总额同比下降0.8%。",
		"removed 今年雨水偏多。→",
		"added →一般公共预算收入与上年持平。",
	}
	if !slices.Equal(ops, want) {
		t.Errorf("ops:\n%s\nwant\n%s", strings.Join(ops, "\n"), strings.Join(want, "\n"))
	}
}

// TestPairGreedy: a stretch too large to pair exactly is paired in order
// within a window.
func TestPairGreedy(t *testing.T) {
	var rem, add []words
	in := interner{}
	for k := 0; k < 300; k++ {
		rem = append(rem, in.words(fmt.Sprintf("第%d项指标完成%d亿元，同比增长%d%%。", k, k, k%7)))
		add = append(add, in.words(fmt.Sprintf("第%d项指标完成%d亿元，同比增长%d%%。", k, k+1, k%5)))
	}
	ps := pairSimilar(rem, add)
	if len(ps) != 300 {
		t.Fatalf("paired %d of 300", len(ps))
	}
	for k, p := range ps {
		if p.i != k || p.j != k {
			t.Fatalf("pair %d is %v", k, p)
		}
	}
}

// spell is the sentences of one side of a comparison, in order.
func spell(cs []SentenceChange, old bool) []string {
	var out []string
	for _, c := range cs {
		if old && c.Op != Added {
			out = append(out, c.OldText())
		}
		if !old && c.Op != Removed {
			out = append(out, c.NewText())
		}
	}
	return out
}

// TestTextKeepsBothReports: whatever the input, the old sentences and the
// new ones read in order from the result are the two reports.
func TestTextKeepsBothReports(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"全县", "工业", "增长", "下降", "5.2%", "12", "。", "；", "，", "\n", "投资", "消费"}
	gen := func() string {
		var b strings.Builder
		for n := r.IntN(200); n > 0; n-- {
			b.WriteString(words[r.IntN(len(words))])
		}
		return b.String()
	}
	for n := 0; n < 100; n++ {
		old, new := gen(), gen()
		got := Text(old, new)
		if !slices.Equal(spell(got, true), texts(sentences(old))) || !slices.Equal(spell(got, false), texts(sentences(new))) {
			t.Fatalf("Text(%q, %q) lost sentences", old, new)
		}
	}
}
