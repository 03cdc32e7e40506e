#!/usr/bin/env bash
# render-bench.sh: how long corpgraph takes to draw graphs of 100, 1,000
# and 10,000 ties to SVG, beside Graphviz's own command-line tools on the
# same DOT in the same run (our overhead over Graphviz should be small).
#
#   tests/bench/render-bench.sh [BUILD_DIR] [REPEAT]
#
# Graphs: fx_random in tests/render/fixtures.h: n = edges / 1.5 entities,
# uniform endpoints, company-like names, a relation and a year on each tie.
# "ours" is kg_render_snapshot to SVG in process (build DOT + layout +
# render, automatic engine and labels); "cli same" is `dot -K<engine>
# -Tsvg` on the DOT our renderer writes for that graph (same attributes);
# "cli dot" forces the dot engine and "cli sfdp" the sfdp engine on it.
# Medians of REPEAT runs (default 3); a run over 120 s is DNF.
set -eu
build=${1:-build}
repeat=${2:-3}
bench=$build/tests/render_bench
[ -x "$bench" ] || { echo "build $bench first" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR ? a[int((NR+1)/2)] : "-")}'; }

# time_cli OUTVAR ENGINE DOTFILE: median wall time of the CLI, or DNF
time_cli() {
    local engine=$2 file=$3 t i times=()
    for ((i = 0; i < repeat; i++)); do
        local s e
        s=$(date +%s.%N)
        if ! timeout 120 dot -K"$engine" -Tsvg -o "$work/cli.svg" "$file" \
                2>/dev/null; then
            printf -v "$1" 'DNF'
            return
        fi
        e=$(date +%s.%N)
        times+=("$(echo "$e - $s" | bc)")
    done
    t=$(printf '%s\n' "${times[@]}" | median)
    printf -v "$1" '%.3f' "$t"
}

printf '%-7s %-7s %-6s %-8s %-9s %-9s %-9s %-9s\n' edges nodes engine \
    labels ours cli-same cli-dot cli-sfdp
for edges in 100 1000 10000; do
    nodes=$((edges * 2 / 3))
    "$bench" "$edges" "$nodes" "$repeat" "$work/g.dot" >"$work/ours.txt"
    read -r _ _ engine labels _ _ <"$work/ours.txt"
    ours=$(awk '{print $5}' "$work/ours.txt" | median)
    # the CLI would obey the layout attribute over -K: drop it
    grep -v '^[[:space:]]*layout=' "$work/g.dot" >"$work/g-nolayout.dot"
    time_cli same "$engine" "$work/g-nolayout.dot"
    if [ "$engine" = dot ]; then cdot=$same; else time_cli cdot dot "$work/g-nolayout.dot"; fi
    if [ "$engine" = sfdp ]; then csfdp=$same; else time_cli csfdp sfdp "$work/g-nolayout.dot"; fi
    printf '%-7s %-7s %-6s %-8s %-9s %-9s %-9s %-9s\n' "$edges" "$nodes" \
        "$engine" "$labels" "$ours" "$same" "$cdot" "$csfdp"
done
