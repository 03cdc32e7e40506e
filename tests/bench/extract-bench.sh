#!/usr/bin/env bash
# extract-bench.sh: speed and memory of `corpgraph extract` (not a ctest).
#
# Usage: tests/bench/extract-bench.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Generates synthetic corpora with tests/bench/gen-corpus.py (seed 42;
# kept in WORK_DIR, default BUILD_DIR/bench): JSONL of 50 MB and 100 MB,
# and the articles of the 50 MB one again as a folder of plain-text files
# (header lines, blank line, body; corpus-50.d).  Then times with
# /usr/bin/time -v, RUNS times each (default 3, median wall time and peak
# RSS reported):
#   wc -w on the 50 MB JSONL file    (the floor: reading and splitting words)
#   corpgraph extract, one thread    (50 MB and 100 MB: RSS must not grow)
#   corpgraph extract -j 2           (50 MB)
#   wc -w on the text files          (the same floor for those bytes)
#   corpgraph extract, one thread, and -j 2 on the text files (no JSON
#                                    parsing: the extractor's own speed)
# and prints a table: MB = 10^6 bytes read (file sizes: headers and text);
# MB/s = MB per wall second; x wc = MB/s over that of the wc -w row above
# it (the same bytes; for the 100 MB row the same kind of bytes); cpu s =
# user + system CPU seconds (steadier than wall time on a busy machine).
# Both corpora hold the same articles, so extract prints the same triples
# for both (checked at the end).
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
d50=$work/corpus-50.d
if [ ! -d "$d50" ]; then
    echo "generating $d50" >&2
    rm -rf "$d50.tmp"
    python3 "$here/gen-corpus.py" --text "$d50.tmp" 50 42 &&
        mv "$d50.tmp" "$d50"
fi
# the text files, sorted, NUL-separated, for wc -w --files0-from
find "$d50" -type f -name '*.txt' -print0 | sort -z >"$work/files-50.lst"

# bytes PATH: size of a file, or the sum of the files under a folder
bytes() {
    if [ -d "$1" ]; then
        find "$1" -type f -name '*.txt' -printf '%s\n' |
            awk '{ s += $1 } END { print s }'
    else
        stat -c %s "$1"
    fi
}

# measure LABEL PATH CMD...: median wall seconds and peak RSS (MB) of RUNS;
# a label starting with "wc" sets the MB/s that later rows are compared to
wc_rate=
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
    local wall cpu size rate mid=$(((runs + 1) / 2))
    wall=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${mid}p")
    cpu=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${mid}p")
    rss=$(printf '%s\n' "${rsss[@]}" | sort -g | tail -1)
    size=$(bytes "$file")
    rate=$(echo "$size / 1000000 / $wall" | bc -l)
    case $label in wc*) wc_rate=$rate ;; esac
    printf '| %-36s | %7.1f | %8.2f | %8.2f | %6.2f | %8.2f | %11.1f |\n' \
        "$label" "$(echo "$size / 1000000" | bc -l)" "$wall" "$rate" \
        "$(echo "$rate / $wc_rate" | bc -l)" "$cpu" \
        "$(echo "$rss / 1024" | bc -l)"
}

c50=$work/corpus-50.jsonl c100=$work/corpus-100.jsonl
echo "corpgraph extract benchmark: $(nproc) CPUs, load $(cut -d' ' -f1-3 \
    /proc/loadavg), median of $runs runs, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-36s | %7s | %8s | %8s | %6s | %8s | %11s |\n' command MB \
    "wall s" "MB/s" "x wc" "cpu s" "peak RSS MB"
printf '|%s|%s|%s|%s|%s|%s|%s|\n' "--------------------------------------" \
    "---------" "----------" "----------" "--------" "----------" \
    "-------------"
measure "wc -w (50 MB JSONL)" "$c50" wc -w "$c50"
measure "corpgraph extract (50 MB JSONL)" "$c50" "$prog" extract "$c50"
measure "corpgraph extract -j 2 (50 MB JSONL)" "$c50" \
    "$prog" extract -j 2 "$c50"
measure "corpgraph extract (100 MB JSONL)" "$c100" "$prog" extract "$c100"
measure "wc -w (50 MB as text files)" "$d50" \
    wc -w --files0-from="$work/files-50.lst"
measure "corpgraph extract (text files)" "$d50" "$prog" extract "$d50"
measure "corpgraph extract -j 2 (text files)" "$d50" \
    "$prog" extract -j 2 "$d50"
"$prog" extract "$c50" >"$work/triples-jsonl.out" 2>/dev/null || true
"$prog" extract "$d50" >"$work/triples-text.out" 2>/dev/null || true
same=$(cmp -s "$work/triples-jsonl.out" "$work/triples-text.out" &&
       echo "the same" || echo "NOT the same")
echo "triples from the 50 MB corpus: $(wc -l <"$work/triples-jsonl.out")" \
     "($(wc -l <"$c50") articles; $same from the text files)"
