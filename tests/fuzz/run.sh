#!/usr/bin/env bash
# run.sh: build the libFuzzer targets (src/fuzz/*.c) with clang and run
# each one for a bounded time under ASan+UBSan; fail on a crash, a leak or
# a sanitizer report.
#
# Usage: run.sh SOURCE_DIR FUZZ_BUILD_DIR [SECONDS]
#   SECONDS per target: the argument, else $KG_FUZZ_SECONDS, else 30.
#
# Reproducible: every target runs with a fixed libFuzzer seed
# ($KG_FUZZ_SEED, default 1), from a fresh corpus made of the committed
# seeds only, in one process and without corpus reloading (-reload=0:
# libFuzzer rereads its corpus directory once a second, which makes a run
# depend on timing).  So a run explores the same inputs in the same order
# wherever it runs; a faster machine only gets further along the same
# path.  $KG_FUZZ_RUNS (default: no limit) also stops each target after
# that many inputs, so that CI and a local run execute exactly the same
# ones.  To replay a CI run locally:
#     KG_FUZZ_SEED=1 bash tests/fuzz/run.sh $PWD /tmp/fz 30
# A longer local session that keeps what it found between runs:
#     KG_FUZZ_KEEP=1 KG_FUZZ_SEED=7 bash tests/fuzz/run.sh $PWD /tmp/fz 600
#
# Seeds: tests/data/fuzz/<target>/ (regression inputs, i.e. each crash we
# found, kept; and fuzz_rules's rule files): every one is run alone
# before fuzzing starts, so an old bug that comes back fails at once and
# by name.  Then, but for fuzz_rules, tests/data/reader,
# tests/extract/*.case and samples/.  Dictionaries: tests/fuzz/<target>.dict
# where there is one (fuzz_extract.dict is made by make-dict.py from the
# rules and the gazetteer: cue words, legal suffixes, names, so that
# mutations reach the rules).
#
# Crash inputs are written to FUZZ_BUILD_DIR/artifacts/<target>-crash-*;
# a failure prints that file's name and the end of the log (the sanitizer
# report with its first frames).  Replay one with
#     FUZZ_BUILD_DIR/<target> FUZZ_BUILD_DIR/artifacts/<file>
# and, once fixed, commit it to tests/data/fuzz/<target>/.
# Exit 77 (skipped) when clang or its libFuzzer runtime is missing.
set -u
src=$1 out=$2 secs=${3:-${KG_FUZZ_SECONDS:-30}}
seed=${KG_FUZZ_SEED:-1}
runs=${KG_FUZZ_RUNS:--1}
if ! command -v clang >/dev/null 2>&1; then
    echo "clang not found: fuzzing skipped"
    exit 77
fi
mkdir -p "$out" "$out/artifacts" "$out/seeds"
# clang without the libFuzzer runtime cannot build the targets: skip too
printf 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n);\n%s\n' \
    'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' \
    >"$out/probe.c"
if ! clang -fsanitize=fuzzer,address "$out/probe.c" -o "$out/probe" \
        >/dev/null 2>&1; then
    echo "clang cannot link libFuzzer here: fuzzing skipped"
    exit 77
fi
echo "== configure and build the fuzz targets (clang) in $out"
if ! cmake -S "$src" -B "$out" -DCMAKE_C_COMPILER=clang -DKG_FUZZ=ON \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$out/configure.log" 2>&1; then
    cat "$out/configure.log"
    exit 1
fi
targets=()
for f in "$src"/src/fuzz/*.c; do
    targets+=("$(basename "$f" .c)")
done
if ! cmake --build "$out" -j2 --target "${targets[@]}" >"$out/build.log" 2>&1
then
    tail -50 "$out/build.log"
    exit 1
fi

# seeds: small files only (libFuzzer reads up to -max_len bytes of each),
# copied in a fixed order so that every run starts from the same corpus
copy_seeds() { # DEST DIR...
    local dest=$1 n=0 f
    shift
    rm -rf "$dest"
    mkdir -p "$dest"
    while IFS= read -r -d '' f; do
        n=$((n + 1))
        cp "$f" "$dest/$n-$(basename "$f")"
    done < <(find "$@" -type f -size -64k -print0 2>/dev/null | LC_ALL=C sort -z)
    echo "$n"
}
n=$(copy_seeds "$out/seeds" "$src/tests/data/reader" "$src/tests/extract" \
    "$src/samples")
echo "== $n seed files; ${secs}s per target, seed $seed"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$src/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fail=0
# report a failed target: the crash file by name, then the log's end
failed() { # TARGET LOG
    echo "$1 FAILED; crash input:"
    grep -E "Test unit written to|^artifact_prefix" "$2" | sed 's/^/  /'
    echo "the log ends:"
    tail -60 "$2"
    fail=1
}
for t in "${targets[@]}"; do
    reg=()
    if [ -d "$src/tests/data/fuzz/$t" ]; then
        while IFS= read -r -d '' f; do
            reg+=("$f")
        done < <(find "$src/tests/data/fuzz/$t" -type f -print0 | \
                 LC_ALL=C sort -z)
    fi
    dirs=("$out/corpus-$t")
    [ -d "$src/tests/data/fuzz/$t" ] && dirs+=("$src/tests/data/fuzz/$t")
    [ "$t" = fuzz_rules ] || dirs+=("$out/seeds")
    dict=()
    [ -f "$src/tests/fuzz/$t.dict" ] && dict=("-dict=$src/tests/fuzz/$t.dict")
    echo "== $t (${#reg[@]} inputs in tests/data/fuzz/$t)"
    if [ ${#reg[@]} -gt 0 ] &&
       ! "$out/$t" -timeout=20 -rss_limit_mb=2048 "${reg[@]}" \
            >"$out/$t-regress.log" 2>&1; then
        echo "$t FAILED on a regression input of tests/data/fuzz/$t:"
        grep -E "^Running:|ERROR|SUMMARY" "$out/$t-regress.log" | tail -5
        tail -40 "$out/$t-regress.log"
        fail=1
        continue
    fi
    # new inputs go to the first directory, corpus-<target>: emptied
    # first unless KG_FUZZ_KEEP=1
    if [ "${KG_FUZZ_KEEP:-0}" != 1 ]; then
        rm -rf "$out/corpus-$t"
    fi
    mkdir -p "$out/corpus-$t"
    if ! "$out/$t" -seed="$seed" -runs="$runs" -max_total_time="$secs" \
            -reload=0 -timeout=20 -rss_limit_mb=2048 -max_len=16384 \
            -print_final_stats=1 "${dict[@]}" \
            -artifact_prefix="$out/artifacts/$t-" \
            "${dirs[@]}" \
            >"$out/$t.log" 2>&1; then
        failed "$t" "$out/$t.log"
    else
        grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$out/$t.log"
        grep -oE "cov: [0-9]+ ft: [0-9]+" "$out/$t.log" | tail -1
    fi
done
exit $fail
