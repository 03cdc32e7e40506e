#!/usr/bin/env bash
# run.sh: build the libFuzzer targets (src/fuzz/*.c) with clang and run
# each one for a bounded time under ASan+UBSan; fail on a crash, a leak or
# a sanitizer report.
#
# Usage: run.sh SOURCE_DIR FUZZ_BUILD_DIR [SECONDS]
#   SECONDS per target: the argument, else $KG_FUZZ_SECONDS, else 30.
# Seeds: tests/data/reader, tests/extract/*.case and samples/.  New inputs
# found stay in FUZZ_BUILD_DIR/corpus-<target> for the next run; crash
# inputs are written to FUZZ_BUILD_DIR/artifacts/.
# Exit 77 (skipped) when clang or its libFuzzer runtime is missing.
set -u
src=$1 out=$2 secs=${3:-${KG_FUZZ_SECONDS:-30}}
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

# seeds: small files only (libFuzzer reads up to -max_len bytes of each)
rm -rf "$out/seeds"
mkdir -p "$out/seeds"
n=0
while IFS= read -r -d '' f; do
    n=$((n + 1))
    cp "$f" "$out/seeds/$n-$(basename "$f")"
done < <(find "$src/tests/data/reader" "$src/tests/extract" "$src/samples" \
              -type f -size -64k -print0 2>/dev/null | sort -z)
echo "== $n seed files; ${secs}s per target"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
export LSAN_OPTIONS=suppressions=$src/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fail=0
for t in "${targets[@]}"; do
    mkdir -p "$out/corpus-$t"
    echo "== $t"
    if ! "$out/$t" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 \
            -max_len=16384 -print_final_stats=1 \
            -artifact_prefix="$out/artifacts/$t-" \
            "$out/corpus-$t" "$out/seeds" >"$out/$t.log" 2>&1; then
        echo "$t FAILED; the log ends:"
        tail -60 "$out/$t.log"
        fail=1
    else
        grep -E "^stat::(number_of_executed_units|peak_rss_mb)" "$out/$t.log"
    fi
done
exit $fail
