#!/bin/sh
# Memory safety, fuzzing and thread safety; run by scripts/test.sh after the
# main test suite, or on its own (it builds what it needs).
#
#   1. an ASan+UBSan build (build-asan/) runs the C tests and the
#      command-line tests: any report fails them;
#   2. valgrind memcheck runs the C tests of the main build (build/);
#   (both leave out the slowest cases of a few tests, see ASAN_SLOW)
#   3. each libFuzzer target (build-fuzz/, clang) runs for a short time,
#      starting from the committed corpus and what earlier runs found;
#   4. ThreadSanitizer (build-tsan/) runs test-threads.
#
# Exits non-zero on the first failing step; safe to run again (the build
# directories are reused). MAINT_FUZZ_SECONDS sets the time per fuzz target
# (default 20). tests/fuzz/README.md describes longer fuzzing runs.
set -eu
cd "$(dirname "$0")/.."

FUZZ_SECONDS=${MAINT_FUZZ_SECONDS:-20}
FUZZ_TARGETS="fuzz-fleet fuzz-plan fuzz-window-spec fuzz-time fuzz-tzif"
JOBS=2
COMMON_OPTIONS="-Dintrospection=disabled -Ddocumentation=false -Dgo=disabled -Db_lundef=false"
started=$(date +%s)

step () {
  echo
  echo "=== test-reliability: $* ($(( $(date +%s) - started )) s)"
}

# setup DIR [OPTION...]: configure DIR once, reconfigure it afterwards
setup () {
  dir=$1
  shift
  log=$(mktemp)
  if [ -f "$dir/build.ninja" ]; then
    set -- --reconfigure "$dir" "$@"
  else
    rm -rf "$dir"
    set -- "$dir" "$@"
  fi
  if ! meson setup "$@" >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    return 1
  fi
  rm -f "$log"
}

# The "slow" suite (tests/meson.build): tests with cases that take seconds
# natively and minutes under valgrind. Each runs here without the cases
# listed for it ("NAME:" runs all of it); a slow test not listed does not
# run under valgrind. Left out under valgrind: the 2,000,000-element array
# and the 64 MiB document (test-fleet-json), the large fleet
# (test-verifier), and the solver's tests, which plan the example fleet or
# random fleets again and again (1.5 to 4 minutes each there); they run
# under ASan, the random fleets only in the main test suite.
ASAN_SLOW="
test-fleet-json:
test-verifier:
test-scheduler:-s /scheduler/random-fleets
test-scheduler-quality:
test-rollout:
test-emergency:
test-threads:
"
VALGRIND_SLOW="
test-fleet-json:-s /fleet-json/limit/elements -s /fleet-json/limit/size
test-verifier:-s /verifier/large
"

# slow_tests LIST BUILD-DIR [MESON-TEST-OPTION...]: the tests LIST names,
# each without its cases listed there
slow_tests () {
  list=$1
  build=$2
  shift 2
  whole=$(echo "$list" | sed -n 's/^\([^:]*\):$/\1/p')
  if [ -n "$whole" ]; then
    # shellcheck disable=SC2086
    meson test -C "$build" --no-rebuild --print-errorlogs --num-processes $JOBS "$@" $whole
  fi
  echo "$list" | grep ':.' | while IFS=: read -r name skip; do
    meson test -C "$build" --no-rebuild --print-errorlogs "$@" "$name" --test-args "$skip"
  done
}

# --- 1. ASan + UBSan ------------------------------------------------------
step "ASan+UBSan: build-asan/"
# shellcheck disable=SC2086
setup build-asan -Db_sanitize=address,undefined $COMMON_OPTIONS
ninja -C build-asan
# intercept_strstr=0: ASan's strstr() measures the whole haystack on every
# call, which makes g_strsplit() of a large file quadratic (the generated
# window cases take minutes instead of seconds).
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:intercept_strstr=0
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
G_SLICE=always-malloc
MAINT_TEST_REDUCED=1
export ASAN_OPTIONS UBSAN_OPTIONS G_SLICE MAINT_TEST_REDUCED
meson test -C build-asan --no-rebuild --suite c --suite cli --no-suite slow --print-errorlogs \
  --num-processes $JOBS
slow_tests "$ASAN_SLOW" build-asan
unset ASAN_OPTIONS UBSAN_OPTIONS G_SLICE MAINT_TEST_REDUCED

# --- 2. valgrind ------------------------------------------------------------
step "valgrind: build/"
if [ ! -f build/build.ninja ]; then
  scripts/build.sh
fi
ninja -C build
meson test -C build --no-rebuild --setup valgrind --suite c --no-suite slow --print-errorlogs \
  --num-processes $JOBS
slow_tests "$VALGRIND_SLOW" build --setup valgrind

# --- 3. fuzzing -------------------------------------------------------------
step "fuzzing: build-fuzz/, $FUZZ_SECONDS s per target"
# shellcheck disable=SC2086
CC=clang setup build-fuzz -Dfuzzing=true $COMMON_OPTIONS
targets=""
for t in $FUZZ_TARGETS; do targets="$targets tests/fuzz/$t"; done
# shellcheck disable=SC2086
ninja -C build-fuzz $targets
mkdir -p build-fuzz/fuzz-corpus build-fuzz/fuzz-logs build-fuzz/fuzz-artifacts
fuzz_failed=""
for t in $FUZZ_TARGETS; do
  corpus=build-fuzz/fuzz-corpus/$t
  log=build-fuzz/fuzz-logs/$t.log
  mkdir -p "$corpus"
  dict=""
  if [ -f "tests/fuzz/$t.dict" ]; then dict="-dict=tests/fuzz/$t.dict"; fi
  # The committed corpus seeds the run; what it finds stays in build-fuzz/
  # for the next run. A crash, a leak, a failed invariant, 10 s on one
  # input or 2 GiB of memory fail the step; the input is saved in
  # build-fuzz/fuzz-artifacts/.
  # shellcheck disable=SC2086
  if ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "build-fuzz/tests/fuzz/$t" -max_total_time="$FUZZ_SECONDS" -timeout=10 -rss_limit_mb=2048 \
       -max_len=16384 -print_final_stats=1 $dict \
       -artifact_prefix="build-fuzz/fuzz-artifacts/$t-" \
       "$corpus" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    stats=$(grep -a 'DONE' "$log" | tail -n 1 | sed 's/^#\([0-9]*\).*cov: \([0-9]*\) ft: \([0-9]*\) corp: \([0-9]*\).*exec\/s: \([0-9]*\).*/\1 runs, \5 runs\/s, coverage \2 edges, \3 features, corpus \4/')
    echo "$t: ok: $stats"
  else
    echo "$t: FAILED (log: $log)"
    tail -n 40 "$log"
    fuzz_failed="$fuzz_failed $t"
  fi
done
if [ -n "$fuzz_failed" ]; then
  echo "fuzzing found problems in:$fuzz_failed; the inputs are in build-fuzz/fuzz-artifacts/"
  echo "(add each to tests/fuzz/regressions/TARGET/ with the fix)"
  exit 1
fi

# --- 4. ThreadSanitizer ---------------------------------------------------
step "ThreadSanitizer: build-tsan/"
# shellcheck disable=SC2086
setup build-tsan -Db_sanitize=thread $COMMON_OPTIONS
ninja -C build-tsan tests/test-threads
TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1 G_SLICE=always-malloc \
  meson test -C build-tsan --no-rebuild --print-errorlogs test-threads

step "all reliability checks passed"
