#!/usr/bin/env bash
# concurrent.sh: two loads at once both complete (one waits for the other)
# or one fails with "store is busy" (exit 4) after the busy timeout; never
# corruption or half a revision.  Readers run while a load writes (WAL).
. "$(dirname "$0")/common.sh"
gen 60000 3 a.jsonl
gen 60000 4 b.jsonl
corpgraph init >/dev/null

# two writers with the default timeout (10 s): both complete
corpgraph load a.jsonl >a.out 2>a.err & pa=$!
corpgraph load b.jsonl >b.out 2>b.err & pb=$!
# readers while they write
rfail=0
for _ in $(seq 1 20); do
    corpgraph log >/dev/null 2>r.err || { rfail=1; cat r.err; }
    corpgraph entities --kind org >/dev/null 2>r.err || { rfail=1; cat r.err; }
    sleep 0.05
done
wait $pa; ra=$?
wait $pb; rb=$?
[ "$rfail" = 0 ] && ok "readers ran during the loads" || fail "a reader failed during a load"
check_store store.db
n=$(sqlite3 store.db "SELECT count(*) FROM revision")
if [ "$ra" = 0 ] && [ "$rb" = 0 ]; then
    [ "$n" = 2 ] || fail "two loads, $n revisions"
    # same ties as loading them one after the other
    CORPGRAPH_DB=ref.db corpgraph load a.jsonl >/dev/null
    CORPGRAPH_DB=ref.db corpgraph load b.jsonl >/dev/null
    [ "$(corpgraph log --dump-ties)" = "$(CORPGRAPH_DB=ref.db corpgraph log --dump-ties)" ] &&
        ok "both loads completed, same ties as in sequence" ||
        fail "concurrent loads differ from sequential loads"
elif [ "$ra" = 4 ] || [ "$rb" = 4 ]; then
    [ "$n" = 1 ] || fail "one load refused, $n revisions"
    grep -q "busy" a.err b.err && ok "one load waited too long: store is busy" ||
        fail "exit 4 without 'busy'"
else
    fail "loads exited $ra and $rb"; cat a.err b.err
fi

# a writer that holds the lock: the load gives up with exit 4
( echo "BEGIN IMMEDIATE;"; echo "INSERT INTO revision(time, extractor) VALUES('x','hold');"; sleep 3; echo "ROLLBACK;" ) |
    sqlite3 store.db & ph=$!
sleep 0.5
CORPGRAPH_BUSY_TIMEOUT=300 corpgraph load a.jsonl >c.out 2>c.err
rc=$?
wait $ph
[ "$rc" = 4 ] && grep -q "busy" c.err && ok "locked store: exit 4, store is busy" ||
    { fail "locked store: exit $rc"; cat c.err; }
check_store store.db
finish
