#!/usr/bin/env bash
# Times one `briefing build` process on 25, 50 and 100 county workbooks
# (made from the 经济运行 sample by samples/counties, with the bundled
# fonts): RUNS runs each (default 5), the median wall time, reports per
# second, the median CPU time (user + system: the work, which other
# processes on a shared machine do not change as much as the wall time),
# the peak memory, and the load average before each count.
# Usage: scripts/batch-bench.sh [counts...]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(25 50 100)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

CGO_ENABLED=0 go build -trimpath -o "$tmp/briefing" ./cmd/briefing   # as a release is built (README)
max=0
for n in "${counts[@]}"; do [ "$n" -gt "$max" ] && max=$n; done
go run ./samples/mkcounties -n "$max" -dir "$tmp/all" >/dev/null

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "count  median_s  reports/s  cpu_s  cpu_ms/report  peak_MiB  load(1m)  runs"
for n in "${counts[@]}"; do
  mkdir -p "$tmp/$n"
  ls "$tmp/all" | sort | head -n "$n" | while read -r f; do cp "$tmp/all/$f" "$tmp/$n/"; done
  load=$(cut -d' ' -f1 /proc/loadavg)
  : >"$tmp/walls"; : >"$tmp/peaks"; : >"$tmp/cpus"
  for _ in $(seq "$runs"); do
    rm -rf "$tmp/out"
    /usr/bin/time -f "%e %M %U %S" -o "$tmp/t" "$tmp/briefing" build -bundled-fonts -data "$tmp/$n" -o "$tmp/out" 经济运行 >/dev/null 2>"$tmp/err" ||
      { cat "$tmp/err"; exit 1; }
    read -r wall kb user sys <"$tmp/t"
    echo "$wall" >>"$tmp/walls"
    awk -v u="$user" -v s="$sys" 'BEGIN {print u + s}' >>"$tmp/cpus"
    echo $((kb / 1024)) >>"$tmp/peaks"
  done
  wall=$(median <"$tmp/walls")
  peak=$(median <"$tmp/peaks")
  cpu=$(median <"$tmp/cpus")
  printf "%5d  %8.2f  %9.1f  %5.2f  %13.1f  %8d  %8s  %s\n" "$n" "$wall" "$(awk -v n="$n" -v w="$wall" 'BEGIN {print n / w}')" \
    "$cpu" "$(awk -v n="$n" -v c="$cpu" 'BEGIN {print c * 1000 / n}')" "$peak" "$load" "$(tr '\n' ' ' <"$tmp/walls")"
done
