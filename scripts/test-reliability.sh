#!/bin/sh
# Memory safety, fuzzing and thread safety; run by scripts/test.sh after the
# main test suite, or on its own (it builds what it needs).
#
#   1. an ASan+UBSan build (build-asan/) runs the C tests and the
#      command-line tests: any report fails them;
#   2. valgrind memcheck runs the C tests of the main build (build/);
#   (both leave out the slowest cases of a few tests, see ASAN_SKIP)
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

# Cases left out because they take minutes under the tools, not because
# of what they test (GLib's -s skips a test path; a program without the
# path ignores it). Under ASan: the 200 random fleets of test-scheduler
# and six of the solver's crowded quality fleets (they run in the main
# suite; under ASan, seeds 2 and 6 keep the annealing and the exact
# repacking, and the stuck-walk fleet the second annealing walk; the
# quality program alone took 157 s of the ASan step). Under valgrind,
# in addition: the 2,000,000-element array and the 128 MiB document
# (test-fleet-json), the large fleet (test-verifier), the plans of a
# 2,000-VM fleet (/scheduler/deterministic) and of a 20,000-VM one
# (/scheduler/large), the annealing with and without its memory of
# orders (without it, the walk runs the greedy for every move), the
# crowded fleets of the solver's
# quality tests but one (the annealing and the exact repacking still run
# on seed 6), and the simulations but the two cheapest (a failure and
# the errors: the simulation's own code; the rest is the solver's, run
# above); valgrind still sees the second annealing walk start, on the
# 20-unit fleet of /scheduler/anneal/second-walk. ASan runs the rest.
ASAN_SKIP="-s /scheduler/random-fleets/1-100 -s /scheduler/random-fleets/101-200 \
-s /scheduler-quality/counts -s /scheduler-quality/optimum/seed-7 \
-s /scheduler-quality/optimum/seed-8 -s /scheduler-quality/optimum/seed-9 \
-s /scheduler-quality/optimum/seed-11 -s /scheduler-quality/optimum/seed-12 \
-s /scheduler-quality/optimum/seed-13"
VALGRIND_SKIP="$ASAN_SKIP -s /scheduler/deterministic -s /scheduler/large \
-s /scheduler/pinned/replan-announced \
-s /scheduler-quality/optimum/seed-2 -s /scheduler-quality/stuck-walk \
-s /scheduler-quality/anneal-memory \
-s /simulation/all-succeed -s /simulation/announced-stay -s /simulation/halt \
-s /simulation/fixed-waves -s /simulation/absorbed -s /simulation/deterministic \
-s /simulation/postponed -s /simulation/in-progress \
-s /fleet-json/limit/elements -s /fleet-json/limit/size -s /verifier/large"

# c_tests BUILD-DIR SKIP [MESON-TEST-OPTION...]: the C tests (GLib test
# programs, given SKIP), then the fuzz regression replays (which take
# directories as arguments)
c_tests () {
  build=$1
  skip=$2
  shift 2
  meson test -C "$build" --no-rebuild --print-errorlogs --num-processes $JOBS "$@" \
    --suite c --no-suite fuzz --test-args "$skip"
  meson test -C "$build" --no-rebuild --print-errorlogs --num-processes $JOBS "$@" --suite fuzz
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
c_tests build-asan "$ASAN_SKIP"
meson test -C build-asan --no-rebuild --print-errorlogs --num-processes $JOBS --suite cli
unset ASAN_OPTIONS UBSAN_OPTIONS G_SLICE MAINT_TEST_REDUCED

# --- 2. valgrind ------------------------------------------------------------
step "valgrind: build/"
if [ ! -f build/build.ninja ]; then
  scripts/build.sh
fi
ninja -C build
c_tests build "$VALGRIND_SKIP" --setup valgrind

# --- 3. fuzzing -------------------------------------------------------------
step "fuzzing: build-fuzz/, $FUZZ_SECONDS s per target"
# shellcheck disable=SC2086
CC=clang setup build-fuzz -Dfuzzing=true $COMMON_OPTIONS
targets=""
for t in $FUZZ_TARGETS; do targets="$targets tests/fuzz/$t"; done
# shellcheck disable=SC2086
ninja -C build-fuzz $targets
mkdir -p build-fuzz/fuzz-corpus build-fuzz/fuzz-logs build-fuzz/fuzz-artifacts
# fuzz_one TARGET: one target's run; prints its line, returns non-zero
# when it found something
fuzz_one () {
  t=$1
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
    return 1
  fi
}

# The targets run $JOBS at a time (each is one process on one core); the
# lines come out in the targets' order
fuzz_failed=""
# shellcheck disable=SC2086
set -- $FUZZ_TARGETS
while [ $# -gt 0 ]; do
  batch=""
  for _ in $(seq "$JOBS"); do
    [ $# -gt 0 ] || break
    batch="$batch $1"
    (if fuzz_one "$1"; then status=ok; else status=failed; fi
     echo "$status" >"build-fuzz/fuzz-logs/$1.status") >"build-fuzz/fuzz-logs/$1.result" 2>&1 &
    shift
  done
  wait
  for t in $batch; do
    cat "build-fuzz/fuzz-logs/$t.result"
    if [ "$(cat "build-fuzz/fuzz-logs/$t.status")" != ok ]; then
      fuzz_failed="$fuzz_failed $t"
    fi
  done
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
