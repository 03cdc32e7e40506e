#!/usr/bin/env bash
# graphs.sh: build the diagrams committed in graphs/ from the sample
# articles' triples, or check that rebuilding them gives the same DOT.
#
#   tests/render/graphs.sh CORPGRAPH SOURCE_DIR OUT_DIR [--check]
#
# The store is made from tests/samples/gold.jsonl (the hand-checked triples
# of samples/*.txt) with `corpgraph load`, so the pictures do not move when
# the extractor changes.  Writes into OUT_DIR:
#   today.{dot,svg}             the whole graph at 2025-12-31
#   timeline.{svg,html}         the sample years 2019 2021 2023 2025
#   openai-timeline.{svg,html}  the same around OpenAI (1 hop)
#   diff.{dot,svg}              what changed from 2022 to 2025
#   openai.dot                  OpenAI's neighbourhood at 2025-12-31
# With --check, the .dot files (graphs before layout: deterministic) are
# compared with SOURCE_DIR/graphs/ and the differences shown.
set -eu
corpgraph=$1 src=$2 out=$3 check=${4:-}
mkdir -p "$out"
store=$(mktemp -d)
trap 'rm -rf "$store"' EXIT
export CORPGRAPH_DB=$store/samples.db CORPGRAPH_NOW=2026-01-01T00:00:00Z
"$corpgraph" init >/dev/null
"$corpgraph" load "$src/tests/samples/gold.jsonl" >/dev/null
r() { "$corpgraph" render "$@"; }
for f in dot svg; do r --at 2025-12-31 -o "$out/today.$f"; done
for f in svg html; do
    r --timeline 2019 2021 2023 2025 -o "$out/timeline.$f"
    r --timeline 2019 2021 2023 2025 --focus OpenAI -o "$out/openai-timeline.$f"
done
for f in dot svg; do r --diff 2022 2025 -o "$out/diff.$f"; done
r --at 2025-12-31 --focus OpenAI -o "$out/openai.dot"
if [ "$check" = --check ]; then
    bad=0
    for f in today.dot diff.dot openai.dot; do
        if ! diff -u "$src/graphs/$f" "$out/$f"; then
            echo "graphs/$f differs from a rebuild (run tests/render/graphs.sh"
            echo "  build/corpgraph . graphs to update it on purpose)"
            bad=1
        fi
    done
    exit $bad
fi
