#!/usr/bin/env bash
# view-bench.sh: time the read operations of corpgraph on one store.
#
# usage: tests/bench/view-bench.sh CORPGRAPH STORE.db [DATE] [A B]
#        tests/bench/view-bench.sh CORPGRAPH --generate DIR
#
# --generate builds DIR/bench.db from tests/bench/gen-ties.py (1,000,000
# tie versions, 100,000 entities, 2006-2025) with `corpgraph load` and then
# times it.  Each operation runs 3 times; the best wall time is printed
# (warm cache).  DATE is the snapshot date (default 2016-06-15); A and B
# name the entities for query/path (default: the first ranked by degree,
# and the 5000th).  When build/tests/kg-view-time exists beside
# CORPGRAPH's directory it also times the library calls in one process
# (wall and CPU time), which is what the targets of issue 4 measure.
set -eu
cg=$1; shift
here=$(cd "$(dirname "$0")" && pwd)
if [ "${1:-}" = "--generate" ]; then
    dir=$2
    mkdir -p "$dir"
    python3 "$here/gen-ties.py" >"$dir/bench.jsonl"
    rm -f "$dir/bench.db" "$dir/bench.db-wal" "$dir/bench.db-shm"
    start=$(date +%s.%N)
    "$cg" load --db "$dir/bench.db" "$dir/bench.jsonl"
    end=$(date +%s.%N)
    echo "load: $(echo "$end - $start" | bc) s"
    db=$dir/bench.db
    shift 2
else
    db=$1; shift
fi
at=${1:-2016-06-15}
best() { # best of 3 wall-clock seconds of "$@" (stdout discarded)
    local b="" i s e t
    for i in 1 2 3; do
        s=$(date +%s%N)
        "$@" >/dev/null
        e=$(date +%s%N)
        t=$(( (e - s) / 1000000 ))
        if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
    done
    printf '%6d ms' "$b"
}
a=${2:-$("$cg" rank --db "$db" --at "$at" --by degree --top 1 --csv | sed -n 2p | cut -d, -f2)}
b=${3:-$("$cg" rank --db "$db" --at "$at" --by degree --top 5000 --csv | tail -1 | cut -d, -f2)}
y=${at%%-*}
echo "store: $db   date: $at   hub: $a   other: $b"
printf '%-46s %s\n' "graph at a date (rank --by degree)" "$(best "$cg" rank --db "$db" --at "$at" --by degree --top 10)"
printf '%-46s %s\n' "graph at a date (export csv, with evidence)" "$(best "$cg" export --db "$db" --at "$at" --format csv)"
printf '%-46s %s\n' "stats (snapshot + components)" "$(best "$cg" stats --db "$db" --at "$at")"
printf '%-46s %s\n' "diff 30 days" "$(best "$cg" diff --db "$db" "$at" "$(date -d "$at + 30 days" +%F)" --json)"
printf '%-46s %s\n' "diff 2 years" "$(best "$cg" diff --db "$db" "$y-01-01" "$((y + 1))-12-31" --json)"
printf '%-46s %s\n' "neighbourhood of the hub" "$(best "$cg" query --db "$db" --at "$at" "$a")"
printf '%-46s %s\n' "neighbourhood of the other" "$(best "$cg" query --db "$db" --at "$at" "$b")"
printf '%-46s %s\n' "path hub -> other" "$(best "$cg" path --db "$db" --at "$at" "$a" "$b")"
printf '%-46s %s\n' "history of the other" "$(best "$cg" history --db "$db" "$b")"
echo "counts: $("$cg" diff --db "$db" "$at" "$(date -d "$at + 30 days" +%F)" --json | wc -l) changes in 30 days," \
     "$("$cg" diff --db "$db" "$y-01-01" "$((y + 1))-12-31" --json | wc -l) in 2 years," \
     "$("$cg" query --db "$db" --at "$at" "$a" --csv | tail -n +2 | wc -l) ties of the hub"
"$cg" path --db "$db" --at "$at" "$a" "$b" | head -3
# the same operations inside one process (library calls, no printing)
vt=$(dirname "$cg")/tests/kg-view-time
[ -x "$vt" ] && "$vt" "$db" "$at" "$a" "$b"
exit 0
