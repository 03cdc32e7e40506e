#!/usr/bin/env bash
# graphs/make.sh: the main job.  Ingests samples/ into a fresh store and
# renders the diagrams of graphs/ from it; or, with --check, rebuilds them
# in OUT_DIR and checks that the DOT files (graphs before layout, so
# deterministic) equal the committed ones.
#
#   bash graphs/make.sh CORPGRAPH                 writes graphs/ and graphs/samples.db
#   bash graphs/make.sh CORPGRAPH OUT_DIR --check (the ctest render/graphs-rebuild)
#
# Writes:
#   today.{dot,svg,png}         the whole graph at 2025-12-31 (the end of the samples)
#   timeline.{svg,html}         the sample years 2019 2021 2023 2025
#   openai-timeline.{svg,html}  the same around OpenAI (1 hop)
#   diff.{dot,svg}              what changed from 2022 to 2025
#   openai-diff.{svg,png}       the same around OpenAI (1 hop; the README picture)
#   openai.dot                  OpenAI's neighbourhood at 2025-12-31
# The revision clock is fixed so that rebuilding gives the same bytes.
set -eu
corpgraph=$(realpath "$1")
top=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$top/graphs} check=${3:-}
mkdir -p "$out"
if [ "$check" = --check ]; then
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
    db=$tmp/samples.db
else
    db=$out/samples.db
    rm -f "$db" "$db-wal" "$db-shm"
fi
export CORPGRAPH_DB=$db CORPGRAPH_NOW=2026-01-01T00:00:00Z
"$corpgraph" ingest -m "bundled samples" "$top/samples" >&2
r() { "$corpgraph" render "$@"; }
for f in dot svg png; do r --at 2025-12-31 -o "$out/today.$f"; done
for f in svg html; do
    r --timeline 2019 2021 2023 2025 -o "$out/timeline.$f"
    r --timeline 2019 2021 2023 2025 --focus OpenAI -o "$out/openai-timeline.$f"
done
for f in dot svg; do r --diff 2022 2025 -o "$out/diff.$f"; done
for f in svg png; do
    r --diff 2022 2025 --focus OpenAI --hops 1 -o "$out/openai-diff.$f"
done
r --at 2025-12-31 --focus OpenAI -o "$out/openai.dot"
if [ "$check" = --check ]; then
    bad=0
    for f in today.dot diff.dot openai.dot; do
        if ! diff -u "$top/graphs/$f" "$out/$f"; then
            echo "graphs/$f differs from a rebuild; if the change is meant, run"
            echo "  bash graphs/make.sh build/corpgraph   and commit graphs/"
            bad=1
        fi
    done
    exit $bad
fi
echo "diagrams written to $out" >&2
