#!/usr/bin/env bash
# fonts/build.sh — rebuild the bundled fonts of briefing from Debian's font
# packages. Dev-time only: the program never runs this, it embeds the *.ttf
# files that this script writes (see embed.go and README.md).
#
# Needs: the Debian packages below, and fontTools (Debian python3-fonttools):
#   apt-get install -y fonts-arphic-gbsn00lp fonts-arphic-gkai00mp \
#       fonts-wqy-microhei fonts-liberation2 python3-fonttools
#
# Re-runnable: the output is byte-for-byte the same for the same inputs
# (timestamps in the head table are kept from the source fonts).
set -euo pipefail
cd "$(dirname "$0")"

# A python3 that has fontTools: Debian's, or any other one on PATH.
PY=""
for p in /usr/bin/python3 python3; do
  if command -v "$p" >/dev/null 2>&1 && "$p" -c 'import fontTools' 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "build.sh: 需要 fontTools（apt-get install -y python3-fonttools） / needs fontTools" >&2
  exit 1
fi

SUNG=/usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf
KAI=/usr/share/fonts/truetype/arphic-gkai00mp/gkai00mp.ttf
HEI=/usr/share/fonts/truetype/wqy/wqy-microhei.ttc
LATIN=/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf
for f in "$SUNG" "$KAI" "$HEI" "$LATIN"; do
  [ -f "$f" ] || { echo "build.sh: missing $f (see the apt-get line at the top)" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The character set: ASCII, every character of GBK (as Python's gbk, cp936
# and the two-byte part of gb18030 decode it: they differ on a few
# punctuation marks such as A1AA —/―, A1A4 ·/・), and the punctuation and
# symbols that 公文 use even where GBK has no code for them.
"$PY" - "$tmp/unicodes.txt" <<'PY'
import sys
cps = set(range(0x20, 0x7F))
for lead in range(0x81, 0xFF):
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        b = bytes([lead, trail])
        for enc in ("gbk", "cp936", "gb18030"):
            try:
                s = b.decode(enc)
            except UnicodeDecodeError:
                continue
            if len(s) == 1 and not (0xE000 <= ord(s) <= 0xF8FF):  # no private use
                cps.add(ord(s))
extra = (
    "\u00a0"            # no-break space
    "\u00b7\u30fb\u2027"  # middle dots · ・ ‧
    "\u2010\u2013\u2014\u2015\u2e3a\u2e3b\u2212"  # hyphen, en/em dashes, two/three-em dash, minus
    "\u2018\u2019\u201c\u201d\u2026\u2025"  # quotes, ellipsis
    "\u3000\u3001\u3002\u300a\u300b\u3008\u3009\u300c\u300d\u300e\u300f"
    "\u3010\u3011\u3014\u3015\u3016\u3017\u301c\u301d\u301e"  # 〔〕〖〗〜〝〞
    "\uff05\uff08\uff09\uff0c\uff0e\uff1a\uff1b\uff1f\uff01\uff5e\uffe5"
    "\u00b0\u2103\u2030\u2116\u00d7\u00f7\u00b1\u00a7\u20ac"  # ° ℃ ‰ № × ÷ ± § €
)
cps.update(ord(c) for c in extra)
cps.update(range(0x2460, 0x2474))  # ①–⑳
cps.update(range(0x2474, 0x249C))  # ⑴–⒇ ⒈–⒛
cps.update(range(0x2160, 0x216C))  # Ⅰ–Ⅻ
cps.update(range(0x2170, 0x217A))  # ⅰ–ⅹ
with open(sys.argv[1], "w") as f:
    for cp in sorted(cps):
        f.write("U+%04X\n" % cp)
print("character set:", len(cps), "code points", file=sys.stderr)
PY

# subset SRC FACE OUT: keep the characters above, glyf outlines, metrics and
# every name record (copyright, licence, Chinese and English family names);
# drop hinting (fpgm/prep/cvt/glyph programs), OpenType layout, vertical
# metrics and legacy AAT tables, none of which a PDF needs.
subset() {
  "$PY" -m fontTools.subset "$1" --font-number="$2" \
    --unicodes-file="$tmp/unicodes.txt" \
    --output-file="$tmp/$3" \
    --no-hinting \
    --layout-features='' \
    --drop-tables+=GSUB,GPOS,GDEF,BASE,JSTF,mort,morx,kern,vhea,vmtx,FFTM,hdmx,VDMX,LTSH,DSIG \
    --name-IDs='*' --name-languages='*' --name-legacy \
    --notdef-outline --no-glyph-names \
    --no-recalc-timestamp --no-recalc-bounds --no-prune-unicode-ranges
}
subset "$SUNG"  0 gbsn00lp.ttf
subset "$KAI"   0 gkai00mp.ttf
subset "$HEI"   0 wqy-microhei.ttf

# The licences (Apache-2.0 §4b, Arphic PL §2) ask that a changed font say so:
# add a description (name ID 10) stating the change; keep everything else.
"$PY" - "$tmp" <<'PY'
import sys
from fontTools.ttLib import TTFont
d = sys.argv[1]
en = ("Modified by the briefing project: subset to the characters of GBK "
      "and the punctuation of Chinese official documents; hinting, "
      "OpenType layout and vertical metrics removed. Outlines and metrics unchanged.")
zh = "briefing 项目修改：仅保留 GBK 字符及公文标点，删除微调指令、OpenType 排版表与竖排度量；字形轮廓与度量未改动。"
for name in ("gbsn00lp.ttf", "gkai00mp.ttf", "wqy-microhei.ttf"):
    f = TTFont(f"{d}/{name}", recalcTimestamp=False)
    t = f["name"]
    t.setName(en, 10, 3, 1, 0x409)
    t.setName(zh, 10, 3, 1, 0x804)
    f.save(f"{d}/{name}.out")
PY
for n in gbsn00lp gkai00mp wqy-microhei; do mv "$tmp/$n.ttf.out" "$n.ttf"; done

# Liberation Serif (metric-compatible with Times New Roman: digits 0.5 em) is
# bundled unmodified: its OFL licence reserves the name "Liberation" and
# a subset would have to be renamed. It is small enough as it is.
cp "$LATIN" LiberationSerif-Regular.ttf

# Licence files, verbatim from the Debian packages.
cp /usr/share/doc/fonts-arphic-gbsn00lp/copyright gbsn00lp.LICENSE.txt
cp /usr/share/doc/fonts-arphic-gkai00mp/copyright gkai00mp.LICENSE.txt
cp /usr/share/doc/fonts-wqy-microhei/copyright wqy-microhei.LICENSE.txt
cp /usr/share/doc/fonts-liberation2/copyright LiberationSerif.LICENSE.txt

# The package versions the files came from, for README.md.
for p in fonts-arphic-gbsn00lp fonts-arphic-gkai00mp fonts-wqy-microhei fonts-liberation2 python3-fonttools; do
  printf '%s %s\n' "$p" "$(dpkg-query -W -f='${Version}' "$p" 2>/dev/null || echo '?')"
done > SOURCES.txt
ls -l *.ttf
