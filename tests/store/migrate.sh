#!/usr/bin/env bash
# migrate.sh: a store of an older schema (tests/store/data/v2-store.sql,
# schema 2, 7 revisions) is migrated when opened and answers every read
# exactly as the schema-2 binary did (tests/store/data/v2-expect.txt,
# all revisions, --as-of each); writing to it works afterwards.
# With EXPECT=FILE set, only writes the answers of the corpgraph on PATH
# to FILE (how v2-expect.txt was made, by the schema-2 binary).
. "$(dirname "$0")/common.sh"
export CORPGRAPH_TODAY=2026-01-01
data=$src/tests/store/data

answers() {
    local r
    corpgraph log
    corpgraph log --dump-ties
    for r in 1 2 3 4 5 6 7; do
        echo "== as of $r"
        corpgraph log --dump-ties --as-of $r
        corpgraph entities --as-of $r
    done
    corpgraph query Microsoft
    corpgraph query --json OpenAI
    corpgraph query --as-of 3 Arm
    corpgraph query --as-of 6 Facebook
    corpgraph history Microsoft OpenAI
    corpgraph history --json Google
    corpgraph history "Meta Platforms"
    corpgraph diff 2019-01-01 2024-01-01
    corpgraph diff --revisions 2 7
    corpgraph stats
    corpgraph export --format jsonl
}

sqlite3 store.db < "$data/v2-store.sql"
if [ -n "${EXPECT:-}" ]; then
    answers > "$EXPECT" 2>&1
    exit 0
fi
[ "$(sqlite3 store.db 'PRAGMA user_version')" = 2 ] && ok "a schema-2 store" ||
    fail "fixture is not schema 2"
answers > got.txt 2>&1
[ "$(sqlite3 store.db 'PRAGMA user_version')" = 3 ] && ok "migrated to 3" ||
    fail "user_version $(sqlite3 store.db 'PRAGMA user_version')"
check_store store.db
diff -u "$data/v2-expect.txt" got.txt > diff.txt &&
    ok "every answer as before the migration" ||
    { fail "answers differ"; head -40 diff.txt; }
# the old text columns are codes now, readable through the code tables
r=$(sqlite3 store.db "SELECT count(*) FROM tie t JOIN relation_code c ON c.code = t.relation; SELECT count(*) FROM tie; SELECT count(*) FROM assertion a JOIN status_code s ON s.code = a.status; SELECT count(*) FROM assertion; SELECT count(*) FROM assertion a JOIN rule r ON r.id = a.rule; SELECT count(*) FROM assertion WHERE rule IS NOT NULL")
set -- $r
[ "$1" = "$2" ] && [ "$3" = "$4" ] && [ "$5" = "$6" ] && [ "$2" -gt 0 ] &&
    ok "codes and rule ids resolve ($*)" || fail "codes: $*"
# writing after the migration: stored articles and documents are known,
# new triples are stored and derived with the old ones
out=$(corpgraph ingest "$src/samples/2020-09-14-nvidia-arm-agreement.txt")
case $out in *"nothing new"*) ok "stored article recognised" ;;
    *) fail "re-ingest: $out" ;; esac
sed 's/"doc":"/"doc":"late-/' "$data/merge.jsonl" > late.jsonl
out=$(corpgraph load late.jsonl)
case $out in *"nothing new"*) ok "loaded documents recognised" ;;
    *) fail "re-load: $out" ;; esac
sed 's/"doc":"/"doc":"later-/' "$data/small.jsonl" > later.jsonl
corpgraph load later.jsonl >/dev/null && check_store store.db &&
    corpgraph log --dump-ties --as-of 7 > as7.txt &&
    sed -n '/^== as of 7$/,/^name /p' "$data/v2-expect.txt" | sed '1d;$d' |
    cmp -s - as7.txt && ok "load after migration; revision 7 unchanged" ||
    fail "load after migration"
finish
