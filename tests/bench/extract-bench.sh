#!/usr/bin/env bash
# extract-bench.sh: speed and memory of `corpgraph extract` (not a ctest).
#
# Usage: tests/bench/extract-bench.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Generates two synthetic JSONL corpora with tests/bench/gen-corpus.py
# (50 MB and 100 MB, seed 42; kept in WORK_DIR, default BUILD_DIR/bench),
# then times with /usr/bin/time -v, RUNS times each (default 3, median
# wall time and peak RSS reported):
#   wc -w on the 50 MB file          (the floor: reading and splitting words)
#   corpgraph extract, one thread    (50 MB and 100 MB: RSS must not grow)
#   corpgraph extract -j 2           (50 MB)
# and prints a table: MB/s = 10^6 bytes of input per wall second; cpu s =
# user + system CPU seconds (steadier than wall time on a busy machine).
set -eu
build=$(cd "$1" && pwd)
work=${2:-$build/bench}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
prog=$build/corpgraph
[ -x "$prog" ] || { echo "no $prog: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }
mkdir -p "$work"

for mb in 50 100; do
    f=$work/corpus-$mb.jsonl
    if [ ! -s "$f" ]; then
        echo "generating $f" >&2
        python3 "$here/gen-corpus.py" "$mb" 42 >"$f.tmp" && mv "$f.tmp" "$f"
    fi
done

# measure LABEL FILE CMD...: median wall seconds and peak RSS (MB) of RUNS
measure() {
    local label=$1 file=$2
    shift 2
    local walls=() rsss=() cpus=() i t0 t1 rss
    for ((i = 0; i < runs; i++)); do
        t0=$EPOCHREALTIME
        /usr/bin/time -v -o "$work/time.txt" "$@" >/dev/null 2>"$work/err.txt"
        t1=$EPOCHREALTIME
        rss=$(awk -F: '/Maximum resident set size/ {print $2 + 0}' \
              "$work/time.txt")
        walls+=("$(echo "$t1 - $t0" | bc -l)")
        cpus+=("$(awk -F: '/(User|System) time/ {s += $2} END {print s}' \
                  "$work/time.txt")")
        rsss+=("$rss")
    done
    local wall cpu size mid=$(((runs + 1) / 2))
    wall=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${mid}p")
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${mid}p")
    rss=$(printf '%s\n' "${rsss[@]}" | sort -g | tail -1)
    size=$(stat -c %s "$file")
    printf '| %-34s | %7.1f | %8.2f | %8.2f | %8.2f | %11.1f |\n' \
        "$label" "$(echo "$size / 1000000" | bc -l)" "$wall" \
        "$(echo "$size / 1000000 / $wall" | bc -l)" "$cpu" \
        "$(echo "$rss / 1024" | bc -l)"
}

c50=$work/corpus-50.jsonl c100=$work/corpus-100.jsonl
echo "corpgraph extract benchmark: $(nproc) CPUs, load $(cut -d' ' -f1-3 \
    /proc/loadavg), median of $runs runs, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-34s | %7s | %8s | %8s | %8s | %11s |\n' command MB "wall s" \
    "MB/s" "cpu s" "peak RSS MB"
printf '|%s|%s|%s|%s|%s|%s|\n' "------------------------------------" \
    "---------" "----------" "----------" "----------" "-------------"
measure "wc -w (50 MB)" "$c50" wc -w "$c50"
measure "corpgraph extract (50 MB)" "$c50" "$prog" extract "$c50"
measure "corpgraph extract -j 2 (50 MB)" "$c50" "$prog" extract -j 2 "$c50"
measure "corpgraph extract (100 MB)" "$c100" "$prog" extract "$c100"
triples=$("$prog" extract "$c50" | wc -l)
echo "triples from the 50 MB corpus: $triples" \
     "($(wc -l <"$c50") articles)"
