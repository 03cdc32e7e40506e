#!/usr/bin/env bash
# foreign.sh: a file that is not ours, or has a newer schema, is refused
# with a clear error and left untouched; read commands refuse a missing
# store; an empty file becomes a store on a write command.
. "$(dirname "$0")/common.sh"
sqlite3 other.db "CREATE TABLE t(x); INSERT INTO t VALUES(1);"
sum=$(md5sum other.db)
corpgraph load --db other.db "$src/tests/store/data/small.jsonl" >/dev/null 2>err
rc=$?
[ "$rc" = 1 ] && grep -q "not a corpgraph store" err && ok "foreign SQLite file refused" ||
    { fail "foreign file: exit $rc"; cat err; }
[ "$(md5sum other.db)" = "$sum" ] && [ ! -e other.db-wal ] && ok "foreign file untouched" ||
    fail "foreign file was changed"

corpgraph load --db new.db "$src/tests/store/data/small.jsonl" >/dev/null
sqlite3 new.db "PRAGMA user_version = 99"
sum=$(md5sum new.db)
corpgraph log --db new.db >/dev/null 2>err; rc1=$?
corpgraph load --db new.db "$src/tests/store/data/merge.jsonl" >/dev/null 2>>err; rc2=$?
[ "$rc1" = 1 ] && [ "$rc2" = 1 ] && grep -q "newer" err && ok "newer schema refused" ||
    { fail "newer schema: exit $rc1 $rc2"; cat err; }
[ "$(md5sum new.db)" = "$sum" ] && ok "newer store untouched" || fail "newer store changed"

printf 'hello' > text.db
corpgraph entities --db text.db >/dev/null 2>err; rc=$?
[ "$rc" = 1 ] && grep -q "not a corpgraph store" err && ok "text file refused" ||
    { fail "text file: exit $rc"; cat err; }

corpgraph entities --db none.db >/dev/null 2>err; rc=$?
[ "$rc" = 1 ] && grep -q "no such file" err && [ ! -e none.db ] &&
    ok "read command refuses a missing store" || { fail "missing store: $rc"; cat err; }

: > empty.db
corpgraph load --db empty.db "$src/tests/store/data/small.jsonl" >/dev/null &&
    [ "$(sqlite3 empty.db 'PRAGMA application_id')" = 1262965826 ] &&
    ok "empty file becomes a store" || fail "empty file"

# a version-1 store is migrated to the current schema
sqlite3 v1.db < /dev/null
corpgraph init --db v1.db >/dev/null
[ "$(sqlite3 v1.db 'PRAGMA user_version')" -ge 2 ] && ok "schema version set" || fail "user_version"
finish
