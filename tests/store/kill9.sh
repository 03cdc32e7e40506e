#!/usr/bin/env bash
# kill9.sh: kill -9 in the middle of a large load leaves a store that opens,
# passes integrity_check, holds nothing of the interrupted revision, and a
# rerun gives the same final state as an uninterrupted run (issue 3).
. "$(dirname "$0")/common.sh"
gen 2000 1 small.jsonl
gen 150000 2 big.jsonl
corpgraph load small.jsonl >/dev/null || fail "first load"
before=$(corpgraph log --dump-ties)

killed=0
for attempt in 1 2 3; do
    corpgraph load big.jsonl >/dev/null 2>&1 &
    pid=$!
    # wait until the writer has written a good part of its revision
    for _ in $(seq 1 200); do
        sz=$(stat -c %s store.db-wal 2>/dev/null || echo 0)
        [ "$sz" -gt 4000000 ] && break
        kill -0 $pid 2>/dev/null || break
        sleep 0.05
    done
    if kill -9 $pid 2>/dev/null; then
        wait $pid 2>/dev/null
        killed=1
        break
    fi
    wait $pid
    # it finished first: start again from the first revision
    rm -f store.db store.db-wal store.db-shm
    corpgraph load small.jsonl >/dev/null || fail "first load"
done
[ "$killed" = 1 ] || fail "could not interrupt the load"

f0=$fails
check_store store.db
corpgraph log >/dev/null || fail "store does not open after kill -9"
n=$(sqlite3 store.db "SELECT count(*) FROM revision")
[ "$n" = 1 ] || fail "expected 1 revision after the kill, found $n"
[ "$(corpgraph log --dump-ties)" = "$before" ] || fail "ties changed by the killed load"
[ "$(sqlite3 store.db "SELECT count(*) FROM assertion WHERE revision > 1")" = 0 ] ||
    fail "assertions of the killed revision are present"
[ "$fails" = "$f0" ] && ok "after kill -9: integrity ok, 1 revision, same ties"

corpgraph load big.jsonl >/dev/null || fail "rerun"
check_store store.db
CORPGRAPH_DB=ref.db corpgraph load small.jsonl >/dev/null
CORPGRAPH_DB=ref.db corpgraph load big.jsonl >/dev/null
if [ "$(corpgraph log --dump-ties)" = "$(CORPGRAPH_DB=ref.db corpgraph log --dump-ties)" ] &&
   [ "$(corpgraph log --json)" = "$(CORPGRAPH_DB=ref.db corpgraph log --json)" ]; then
    ok "rerun gives the uninterrupted state"
else
    fail "rerun differs from the uninterrupted run"
fi
finish
