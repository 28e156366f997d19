#!/usr/bin/env bash
# Times one `briefing build` process on 25, 50 and 100 county workbooks
# (made from the 经济运行 sample by samples/counties, with the bundled
# fonts): RUNS runs each (default 5), the median wall time, reports per
# second, the peak memory, and the load average before each count, since
# the machine may be shared. Usage: scripts/batch-bench.sh [counts...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(25 50 100)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/briefing" ./cmd/briefing
max=0
for n in "${counts[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
go run ./samples/mkcounties -n "$max" -dir "$tmp/all" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "count  median_s  reports/s  peak_MiB  load(1m)  runs"
for n in "${counts[@]}"; do
  mkdir -p "$tmp/$n"
  ls "$tmp/all" | sort | head -n "$n" | while read -r f; do cp "$tmp/all/$f" "$tmp/$n/"; done
  load=$(cut -d' ' -f1 /proc/loadavg)
  : >"$tmp/walls"; : >"$tmp/peaks"
  for _ in $(seq "$runs"); do
    rm -rf "$tmp/out"
    /usr/bin/time -f "%e %M" -o "$tmp/t" "$tmp/briefing" build -bundled-fonts -data "$tmp/$n" -o "$tmp/out" 经济运行 >/dev/null 2>"$tmp/err" ||
      { cat "$tmp/err"; exit 1; }
    read -r wall kb <"$tmp/t"
    echo "$wall" >>"$tmp/walls"
    echo $((kb / 1024)) >>"$tmp/peaks"
  done
  wall=$(median <"$tmp/walls")
  peak=$(median <"$tmp/peaks")
  printf "%5d  %8.2f  %9.1f  %8d  %8s  %s\n" "$n" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN {print n / w}')" "$peak" "$load" "$(tr '\n' ' ' <"$tmp/walls")"
done
