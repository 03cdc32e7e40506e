#!/usr/bin/env bash
# run.sh: run one CLI case file (tests/cli/*.case) against a fresh store.
#
# Usage: run.sh BUILD_DIR SOURCE_DIR CASE_FILE
#
# A case file is a sequence of steps, each run in the same fresh temporary
# directory with CORPGRAPH_DB=store.db, CORPGRAPH_NOW=2026-01-01T00:00:00Z
# and CORPGRAPH_TODAY=2026-01-01, `corpgraph` on PATH and $SRC set to the
# source tree:
#   # comment                         (ignored, as are blank lines)
#   $ corpgraph ingest $SRC/samples   a command (bash syntax)
#   ? 0                               its expected exit status (default 0)
#   | exact stdout line               the whole stdout, line by line
#   ~ text                            stdout contains text
#   ! text                            stdout does not contain text
#   2~ text                           stderr contains text
# When a step has "|" lines its stdout must equal them exactly.
set -u
build=$1 src=$2 case=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$build:$PATH" SRC="$src" CORPGRAPH_DB="$tmp/store.db"
export CORPGRAPH_NOW=2026-01-01T00:00:00Z CORPGRAPH_TODAY=2026-01-01
unset CORPGRAPH_DB_UNUSED
fails=0 steps=0 cmd="" want_rc=0 exact=() has_exact=0 contains=() absent=() errs=()
lineno=0 cmd_line=0

finish_step() {
    [ -z "$cmd" ] && return
    steps=$((steps + 1))
    (cd "$tmp" && bash -c "$cmd" >"$tmp/.out" 2>"$tmp/.err")
    local rc=$? bad=0
    if [ "$rc" != "$want_rc" ]; then
        echo "$case:$cmd_line: exit $rc, expected $want_rc: $cmd"; bad=1
    fi
    if [ "$has_exact" = 1 ]; then
        printf '%s\n' "${exact[@]}" >"$tmp/.want"
        if ! diff -u "$tmp/.want" "$tmp/.out" >"$tmp/.diff"; then
            echo "$case:$cmd_line: stdout differs: $cmd"; cat "$tmp/.diff"; bad=1
        fi
    fi
    local t
    for t in "${contains[@]}"; do
        grep -qF -- "$t" "$tmp/.out" || { echo "$case:$cmd_line: stdout lacks '$t': $cmd"; bad=1; }
    done
    for t in "${absent[@]}"; do
        grep -qF -- "$t" "$tmp/.out" && { echo "$case:$cmd_line: stdout has '$t': $cmd"; bad=1; }
    done
    for t in "${errs[@]}"; do
        grep -qF -- "$t" "$tmp/.err" || { echo "$case:$cmd_line: stderr lacks '$t': $cmd"; bad=1; }
    done
    if [ "$bad" = 1 ]; then
        fails=$((fails + 1))
        echo "--- stdout"; head -c 4000 "$tmp/.out"
        echo "--- stderr"; head -c 2000 "$tmp/.err"
    fi
    cmd="" want_rc=0 exact=() has_exact=0 contains=() absent=() errs=()
}

while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    case "$line" in
    '$ '*) finish_step; cmd=${line#\$ }; cmd_line=$lineno ;;
    '? '*) want_rc=${line#\? } ;;
    '|') exact+=(""); has_exact=1 ;;
    '| '*) exact+=("${line#| }"); has_exact=1 ;;
    '~ '*) contains+=("${line#\~ }") ;;
    '! '*) absent+=("${line#! }") ;;
    '2~ '*) errs+=("${line#2\~ }") ;;
    '#'*|'') ;;
    *) echo "$case:$lineno: cannot read this line: $line"; exit 2 ;;
    esac
done <"$case"
finish_step
echo "$((steps - fails)) passed, $fails failed"
[ "$fails" = 0 ]
