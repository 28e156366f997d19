package mdext

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestCJKEmphasis(t *testing.T) {
	// plain says whether goldmark without the CJK-friendly rule already gets
	// the case right: the cases with plain false are what the rule fixes.
	tests := []struct {
		name, src, want string
		plain           bool
	}{
		{"seed: 。 before closing, CJK after", "**（一）提高思想认识，高位推动落实。**积极贯彻",
			"<strong>（一）提高思想认识，高位推动落实。</strong>积极贯彻", false},
		{"issue 650 Chinese", "这是**我想做的事。**所以继续。",
			"这是<strong>我想做的事。</strong>所以继续。", false},
		{"issue 650 Japanese 「」", "これは**「重要なこと」**です。",
			"これは<strong>「重要なこと」</strong>です。", false},
		{"Korean particle after )", "문서를 작성할 때 **마크다운(Markdown)**을 사용하세요.",
			"문서를 작성할 때 <strong>마크다운(Markdown)</strong>을 사용하세요.", false},
		{"《》 book title", "**《关于加强统计工作的通知》**要求",
			"<strong>《关于加强统计工作的通知》</strong>要求", false},
		{"【】 inside a sentence", "要求**【重点】**落实",
			"要求<strong>【重点】</strong>落实", false},
		{"“” are not CJK: opening after CJK", "这是**“重要”**的事",
			"这是<strong>“重要”</strong>的事", false},
		{"“” then 。", "他说**“好”**。", "他说<strong>“好”</strong>。", false},
		{"% before closing, CJK after", "同比增长**12.5%**以上",
			"同比增长<strong>12.5%</strong>以上", false},
		{"： before closing", "**重要：**下一步", "<strong>重要：</strong>下一步", false},
		{"！ before closing", "**必须完成！**各单位", "<strong>必须完成！</strong>各单位", false},
		{"？ before closing", "**如何落实？**我们", "<strong>如何落实？</strong>我们", false},
		{"、 before closing", "**一是**加强，**二是、**完善", "<strong>一是</strong>加强，<strong>二是、</strong>完善", false},
		{"single * em", "*稳中有进。*今后", "<em>稳中有进。</em>今后", false},
		{"triple ***", "***粗斜体。***后文", "<em><strong>粗斜体。</strong></em>后文", false},
		{"opening before （", "全年*（预计）*完成", "全年<em>（预计）</em>完成", false},
		{"closing before ，", "**重要**，", "<strong>重要</strong>，", true},
		{"closing before 。 after text", "完成**目标任务**。", "完成<strong>目标任务</strong>。", true},
		{"quoted term at line start", "**“十四五”规划**是", "<strong>“十四五”规划</strong>是", true},
		{"inside a link", "请见[**《方案》**](a.pdf)附件",
			`请见<a href="a.pdf"><strong>《方案》</strong></a>附件`, true},
		{"nested em in strong", "**总体看，*稳中有进。*今后**继续",
			"<strong>总体看，<em>稳中有进。</em>今后</strong>继续", false},
		{"two runs in one paragraph", "**一、**总体**二、**分项",
			"<strong>一、</strong>总体<strong>二、</strong>分项", false},
		{"ideographic variation selector before opener", "葛\U000E0100**“名”**城",
			"葛\U000E0100<strong>“名”</strong>城", false},
		{"variation selector after CJK before opener", "〇\uFE00**“数”**字",
			"〇\uFE00<strong>“数”</strong>字", false},
		{"fullwidth form of ” (U+FE01) before closer", "**“\uFE01重要”\uFE01**a",
			"<strong>“\uFE01重要”\uFE01</strong>a", true},
		{"across a soft line break", "**第一句。**第二句\n**第三句。**第四句",
			"<strong>第一句。</strong>第二句<strong>第三句。</strong>第四句", false},
		// What the rule does not change.
		{"space after opener stays literal", "中文 ** 加粗**", "中文 ** 加粗**", true},
		{"space before closer stays literal", "**加粗 **中文", "**加粗 **中文", true},
		{"non-CJK on both sides stays literal", "a**“b”**c", "a**“b”**c", true},
		{"_ stays strict inside words", "__下划线。__后文", "__下划线。__后文", true},
		{"_ with spaces", "文字 __下划线__ 文字", "文字 <strong>下划线</strong> 文字", true},
	}
	md := Markdown()
	plain := Markdown(WithCJKEmphasis(false))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want := "<p>" + tt.want + "</p>\n"
			if got := render(t, md, tt.src); got != want {
				t.Errorf("Markdown()\n  src  %q\n  got  %q\n  want %q", tt.src, got, want)
			}
			got := render(t, plain, tt.src)
			if (got == want) != tt.plain {
				t.Errorf("plain goldmark gives %q; the case says it is right: %v", got, tt.plain)
			}
		})
	}
}

// CommonMark 0.31 §6.2 examples: without CJK characters nothing changes.
func TestCommonMarkEmphasis(t *testing.T) {
	tests := []struct{ src, want string }{
		{"*foo bar*", "<p><em>foo bar</em></p>\n"},
		{"a * foo bar*", "<p>a * foo bar*</p>\n"},
		{"a*\"foo\"*", "<p>a*&quot;foo&quot;*</p>\n"},
		{"foo*bar*", "<p>foo<em>bar</em></p>\n"},
		{"5*6*78", "<p>5<em>6</em>78</p>\n"},
		{"_foo bar_", "<p><em>foo bar</em></p>\n"},
		{"_ foo bar_", "<p>_ foo bar_</p>\n"},
		{"a_\"foo\"_", "<p>a_&quot;foo&quot;_</p>\n"},
		{"foo_bar_", "<p>foo_bar_</p>\n"},
		{"5_6_78", "<p>5_6_78</p>\n"},
		{"пристаням_стремятся_", "<p>пристаням_стремятся_</p>\n"},
		{"aa_\"bb\"_cc", "<p>aa_&quot;bb&quot;_cc</p>\n"},
		{"foo-_(bar)_", "<p>foo-<em>(bar)</em></p>\n"},
		{"*foo*bar", "<p><em>foo</em>bar</p>\n"},
		{"*(*foo*)*", "<p><em>(<em>foo</em>)</em></p>\n"},
		{"_(_foo_)_", "<p><em>(<em>foo</em>)</em></p>\n"},
		{"**foo \"*bar*\" foo**", "<p><strong>foo &quot;<em>bar</em>&quot; foo</strong></p>\n"},
		{"*foo**bar**baz*", "<p><em>foo<strong>bar</strong>baz</em></p>\n"},
		{"*foo**bar*", "<p><em>foo**bar</em></p>\n"},
		{"***foo** bar*", "<p><em><strong>foo</strong> bar</em></p>\n"},
		{"foo***bar***baz", "<p>foo<em><strong>bar</strong></em>baz</p>\n"},
		{"*foo [bar](/url)*", "<p><em>foo <a href=\"/url\">bar</a></em></p>\n"},
		{"**a<http://foo.bar/?q=**>", "<p>**a<a href=\"http://foo.bar/?q=**\">http://foo.bar/?q=**</a></p>\n"},
		{"*$*alpha.\n\n*£*bravo.\n\n*€*charlie.", "<p>*$*alpha.</p>\n<p>*£*bravo.</p>\n<p>*€*charlie.</p>\n"},
		{"**foo*", "<p>*<em>foo</em></p>\n"},
		{"*foo _bar* baz_", "<p><em>foo _bar</em> baz_</p>\n"},
		{"foo *\\**", "<p>foo <em>*</em></p>\n"},
	}
	md := Markdown()
	for _, tt := range tests {
		if got := render(t, md, tt.src); got != tt.want {
			t.Errorf("src %q\n  got  %q\n  want %q", tt.src, got, tt.want)
		}
	}
}

// Text without CJK characters or variation selectors must give exactly what
// goldmark's own emphasis gives.
func TestNonCJKMatchesGoldmark(t *testing.T) {
	rng := rand.New(rand.NewSource(650))
	pieces := []string{"*", "*", "**", "_", "__", "a", "b", "é", " ", ".", "(", ")", "\"",
		"“", "”", "—", "5", "[", "](/u)", "`", "\n", "!", "$", "\\"}
	md, plain := Markdown(), Markdown(WithCJKEmphasis(false))
	for i := 0; i < 5000; i++ {
		var b strings.Builder
		for n := 1 + rng.Intn(14); n > 0; n-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		src := b.String()
		if got, want := render(t, md, src), render(t, plain, src); got != want {
			t.Fatalf("src %q\n  CJK-friendly %q\n  goldmark     %q", src, got, want)
		}
	}
}

func FuzzNonCJKMatchesGoldmark(f *testing.F) {
	for _, s := range []string{"*foo*bar", "a**\"b\"**c", "__x__", "*(*foo*)*", "**a.**b"} {
		f.Add(s)
	}
	md, plain := Markdown(), Markdown(WithCJKEmphasis(false))
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		for _, r := range src {
			if isCJK(r) || isSVS(r) || isIVS(r) {
				return
			}
		}
		if got, want := render(t, md, src), render(t, plain, src); got != want {
			t.Fatalf("src %q\n  CJK-friendly %q\n  goldmark     %q", src, got, want)
		}
	})
}

func TestFlanking(t *testing.T) {
	tests := []struct {
		name              string
		c                 byte
		prev2, prev, next rune
		open, close       bool
	}{
		{"start of line before CJK", '*', '\n', '\n', '中', true, false},
		{"CJK punct before, CJK after", '*', '\n', '。', '积', true, true},
		{"CJK before, non-CJK punct after", '*', '\n', '是', '“', true, true},
		{"non-CJK punct before, CJK after", '*', '\n', '”', '的', true, true},
		{"letter before, non-CJK punct after", '*', '\n', 'a', '"', false, true},
		{"non-CJK punct before, letter after", '*', '\n', '"', 'a', true, false},
		{"space after", '*', '\n', '中', ' ', false, true},
		{"space before", '*', '\n', ' ', '中', true, false},
		{"IVS before, non-CJK punct after", '*', '葛', '\U000E0100', '“', true, true},
		{"SVS after CJK before, non-CJK punct after", '*', '〇', '\uFE00', '“', true, true},
		{"SVS after letter before, non-CJK punct after", '*', 'a', '\uFE00', '“', false, true},
		{"fullwidth ” (FE01) before, letter after", '*', '”', '\uFE01', 'a', true, true},
		{"_ between CJK is intraword", '_', '\n', '中', '文', false, false},
		{"_ after CJK punct, before CJK", '_', '\n', '。', '文', true, false},
		{"_ after CJK, before CJK punct", '_', '\n', '文', '。', false, true},
	}
	for _, tt := range tests {
		open, close := flanking(tt.c, tt.prev2, tt.prev, tt.next)
		if open != tt.open || close != tt.close {
			t.Errorf("%s: flanking(%q, %q, %q, %q) = %v, %v; want %v, %v",
				tt.name, tt.c, tt.prev2, tt.prev, tt.next, open, close, tt.open, tt.close)
		}
	}
}

func TestIsCJK(t *testing.T) {
	for _, r := range "中文한국かナ。，、：；！？（）《》【】「」〇㈠豈\U00020000ｱ￥" {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false", r)
		}
	}
	for _, r := range "aZ9.,:;!?()“”‘’—…·é€😀\u00a0 \uFE00\U000E0100" {
		if isCJK(r) {
			t.Errorf("isCJK(%q) = true", r)
		}
	}
}
