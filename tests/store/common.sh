# common.sh: sourced by tests/store/*.sh.  Usage of a test script:
#   bash tests/store/<name>.sh BUILD_DIR SOURCE_DIR
# Sets up a temporary directory (removed at exit), corpgraph on PATH,
# CORPGRAPH_DB=store.db, a fixed revision clock, and helpers.
set -u
build=$(cd "$1" && pwd) src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$tmp"' EXIT
export PATH="$build:$PATH" CORPGRAPH_DB="$tmp/store.db"
export CORPGRAPH_NOW=2026-01-01T00:00:00Z
cd "$tmp" || exit 1
fails=0

fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ok() { echo "ok: $*"; }

# gen N SEED FILE: N synthetic triples (JSONL) into FILE
gen() {
    python3 "$src/tests/bench/gen-triples.py" "$1" $(( $1 / 10 + 10 )) "$2" \
        "$tmp/.gen" >/dev/null &&
        sed "s/\"doc\":\"doc-/\"doc\":\"s$2-/" "$tmp/.gen.jsonl" > "$3" &&
        rm -f "$tmp/.gen.csv" "$tmp/.gen.jsonl"
}

# check_store DB: integrity and foreign keys
check_store() {
    local r
    r=$(sqlite3 "$1" "PRAGMA integrity_check; PRAGMA foreign_key_check;")
    [ "$r" = ok ] || fail "integrity of $1: $r"
}

finish() {
    if [ "$fails" = 0 ]; then echo "all passed"; exit 0; fi
    echo "$fails failed"; exit 1
}
