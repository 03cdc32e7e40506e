#!/usr/bin/env bash
# store-bench.sh: speed and size of the versioned store (not a ctest).
#
# Usage: tests/bench/store-bench.sh BUILD_DIR [WORK_DIR] [RUNS]
#
# Makes (once, kept in WORK_DIR, default BUILD_DIR/bench):
#   triples-1m.jsonl / .csv  1,000,000 triples over 100,000 entities
#                            (gen-triples.py 1000000 100000 42): the same
#                            rows as JSON lines and as CSV
#   triples-100k.jsonl       100,000 more (seed 7) for a load into a full store
#   corpus-50.jsonl          the 50 MB article corpus of gen-corpus.py
# and times, RUNS times each (default 3; median wall, CPU = user+system):
#   sqlite3 .import of the CSV into one plain table (fresh file each run)
#   corpgraph load of the same 1M triples into a fresh store
#   corpgraph load of 100k triples into the 1M store (a copy each run)
#   corpgraph extract of the 50 MB corpus (to /dev/null)
#   corpgraph ingest of the 50 MB corpus into a fresh store
# then prints the rates, load / .import, and the store size per million
# assertions.  Timings on a shared machine are noisy: the CPU column is
# the steadier one.
set -eu
build=$(cd "$1" && pwd)
work=${2:-$build/bench}
runs=${3:-3}
here=$(cd "$(dirname "$0")" && pwd)
prog=$build/corpgraph
[ -x "$prog" ] || { echo "no $prog: build first" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "needs the sqlite3 shell" >&2; exit 1; }
mkdir -p "$work"
export CORPGRAPH_NOW=2026-01-01T00:00:00Z

t1m=$work/triples-1m t100k=$work/triples-100k c50=$work/corpus-50.jsonl
[ -s "$t1m.jsonl" ] || python3 "$here/gen-triples.py" 1000000 100000 42 "$t1m"
if [ ! -s "$t100k.jsonl" ]; then
    python3 "$here/gen-triples.py" 100000 100000 7 "$work/.t100k"
    sed 's/"doc":"doc-/"doc":"more-/' "$work/.t100k.jsonl" >"$t100k.jsonl"
    rm -f "$work/.t100k.jsonl" "$work/.t100k.csv"
fi
[ -s "$c50" ] || python3 "$here/gen-corpus.py" 50 42 >"$c50"

# run PREP CMD...: run PREP (setup, untimed), then time CMD RUNS times;
# sets WALL and CPU to the medians.
run() {
    local prep=$1 walls=() cpus=() i t0 t1 mid=$(((runs + 1) / 2))
    shift
    for ((i = 0; i < runs; i++)); do
        eval "$prep"
        t0=$EPOCHREALTIME
        /usr/bin/time -f '%U %S' -o "$work/time.txt" "$@" >/dev/null \
            2>"$work/err.txt" || { cat "$work/err.txt" >&2; exit 1; }
        t1=$EPOCHREALTIME
        walls+=("$(echo "$t1 - $t0" | bc -l)")
        cpus+=("$(awk '{print $1 + $2}' "$work/time.txt")")
    done
    WALL=$(printf '%s\n' "${walls[@]}" | sort -g | sed -n "${mid}p")
    CPU=$(printf '%s\n' "${cpus[@]}" | sort -g | sed -n "${mid}p")
}

row() { # LABEL UNITS UNIT_NAME
    printf '| %-44s | %8.2f | %8.2f | %12.0f %s |\n' "$1" "$WALL" "$CPU" \
        "$(echo "$2 / $WALL" | bc -l)" "$3"
}

echo "corpgraph store benchmark: $(nproc) CPUs, load $(cut -d' ' -f1-3 \
    /proc/loadavg), median of $runs runs, $(date -u +%Y-%m-%dT%H:%MZ)"
printf '| %-44s | %8s | %8s | %19s |\n' command "wall s" "cpu s" rate
printf '|%s|%s|%s|%s|\n' "----------------------------------------------" \
    "----------" "----------" "---------------------"

db=$work/import.db
run "rm -f $db" sqlite3 "$db" ".import --csv $t1m.csv t"
row "sqlite3 .import 1M rows (CSV, plain table)" 1000000 "rows/s"
import_wall=$WALL

db=$work/load.db
run "rm -f $db $db-wal $db-shm" "$prog" load --db "$db" "$t1m.jsonl"
row "corpgraph load 1M triples (fresh store)" 1000000 "triples/s"
load_wall=$WALL

run "rm -f $work/more.db*; cp $db $work/more.db" \
    "$prog" load --db "$work/more.db" "$t100k.jsonl"
row "corpgraph load 100k triples into the 1M store" 100000 "triples/s"

mb=$(echo "$(stat -c %s "$c50") / 1000000" | bc -l)
run ":" "$prog" extract "$c50"
row "corpgraph extract 50 MB corpus" "$mb" "MB/s"
run "rm -f $work/ingest.db*" "$prog" ingest --db "$work/ingest.db" "$c50"
row "corpgraph ingest 50 MB corpus (fresh store)" "$mb" "MB/s"

echo
printf 'load / .import speed: %.2f\n' "$(echo "$import_wall / $load_wall" | bc -l)"
for f in "$db" "$work/ingest.db"; do
    n=$(sqlite3 "$f" "SELECT count(*) FROM assertion")
    t=$(sqlite3 "$f" "SELECT count(*) FROM tie")
    v=$(sqlite3 "$f" "SELECT count(*) FROM tie_version")
    size=$(stat -c %s "$f")
    printf '%s: %d assertions, %d ties, %d tie versions, %.1f MB, %.1f MB per million assertions\n' \
        "$(basename "$f")" "$n" "$t" "$v" "$(echo "$size / 1000000" | bc -l)" \
        "$(echo "$size / $n" | bc -l)"
done
printf 'import.db (plain table): %.1f MB\n' \
    "$(echo "$(stat -c %s "$work/import.db") / 1000000" | bc -l)"
