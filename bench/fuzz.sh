#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
#   bench/fuzz.sh TARGET SECONDS   run one libFuzzer target for SECONDS
#   bench/fuzz.sh all SECONDS      run every target in turn, SECONDS each
#   bench/fuzz.sh list             name the targets
#
# Setup, once (Debian 12, as root; fuzzing is not part of CI or ./run):
#   apt-get install -y clang libclang-rt-14-dev
# The script then configures FUZZ_BUILD_DIR (default /tmp/build-fuzz) with
#   CC=clang meson setup DIR -Dfuzzing=true -Db_sanitize=address,undefined \
#     -Db_lundef=false --buildtype=debugoptimized
# and builds the targets of tests/fuzz/.  The project's code is built a second
# time with -fsanitize=fuzzer-no-link (coverage) and every target with ASan,
# UBSan and -fsanitize=fuzzer.
#
# Seeds come from tests/fixtures/** and data/samples/ (tests/fuzz/make-seeds.py,
# regenerated on every run into DIR/seeds/TARGET); what the fuzzer learns is
# kept in DIR/corpus/TARGET between runs.  A crash, leak, timeout (30 s) or
# out-of-memory input (2 GB) lands in DIR/findings/TARGET/; copy it to
# tests/fixtures/hostile/ so test-hostile replays it, then fix it.  Each run
# appends "target seconds-run executions findings" to DIR/fuzz-results.tsv.
#
# Fuzzers run under `nice -n 15` (the machine is shared; run one at a time);
# the build under `nice -n 5`, or a loaded machine starves the linker.
set -uo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

BUILD=${FUZZ_BUILD_DIR:-/tmp/build-fuzz}
TARGETS=(fuzz-text-decode fuzz-html-import fuzz-feed-import fuzz-date-engine
         fuzz-analysis fuzz-briefing-load fuzz-export)

# Inputs longer than this are cut: web pages and projects need room, the
# text engines are quadratic-safe only if short inputs already find the bugs.
max_len () {
  case "$1" in
    fuzz-html-import | fuzz-feed-import | fuzz-briefing-load) echo 65536 ;;
    fuzz-export) echo 32768 ;;
    *) echo 16384 ;;
  esac
}

dict () {
  case "$1" in
    fuzz-html-import | fuzz-text-decode) echo tests/fuzz/html.dict ;;
    fuzz-feed-import) echo tests/fuzz/feed.dict ;;
    fuzz-briefing-load) echo tests/fuzz/briefing.dict ;;
    *) echo tests/fuzz/dates.dict ;;
  esac
}

setup () {
  if ! command -v clang >/dev/null; then
    echo "clang is missing: apt-get install -y clang libclang-rt-14-dev" >&2
    exit 1
  fi
  if [ ! -f "$BUILD/build.ninja" ]; then
    CC=clang meson setup "$BUILD" -Dfuzzing=true -Db_sanitize=address,undefined \
      -Db_lundef=false --buildtype=debugoptimized >/dev/null || exit 1
  fi
  nice -n 5 ninja -C "$BUILD" "${TARGETS[@]/#/tests/fuzz/}" >/dev/null || exit 1
  rm -rf "$BUILD/seeds"
  /usr/bin/python3 tests/fuzz/make-seeds.py . "$BUILD/seeds" >/dev/null || exit 1
}

run_one () {
  local target=$1 seconds=$2
  local corpus="$BUILD/corpus/$target" findings="$BUILD/findings/$target"
  local log="$BUILD/logs/$target-$(date +%Y%m%d-%H%M%S).log"
  mkdir -p "$corpus" "$findings" "$BUILD/logs"

  echo "==> $target for ${seconds}s (log: $log)" >&2
  local started=$SECONDS
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
  UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  nice -n 15 "$BUILD/tests/fuzz/$target" "$corpus" "$BUILD/seeds/$target" \
    -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -rss_limit_mb=2048 -timeout=30 -report_slow_units=30 -dict="$(dict "$target")" \
    -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1
  local rc=$? elapsed=$((SECONDS - started))

  local execs new_findings
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  new_findings=$(grep -c '^artifact_prefix=\|Test unit written to' "$log")
  printf '%s\t%s\t%s\t%s\n' "$target" "$elapsed" "${execs:-?}" "$new_findings" \
    >>"$BUILD/fuzz-results.tsv"
  echo "    $target: ${execs:-?} executions, $new_findings findings (exit $rc)" >&2
  if [ "$new_findings" -gt 0 ]; then
    grep -E '^==[0-9]+==ERROR|SUMMARY|^#0 |^    #[0-4] |Test unit written' "$log" | head -20 >&2
    # Under nice -n 15 on a busy machine a fuzzer can be starved for many
    # seconds: replay timeouts and slow units alone before believing them.
    local unit
    for unit in $(sed -n 's/.*Test unit written to \(.*\(timeout\|slow-unit\)-.*\)$/\1/p' "$log"); do
      local replay_started=$SECONDS
      "$BUILD/tests/fuzz/$target" "$unit" >/dev/null 2>&1
      echo "    replayed alone: $unit ran in $((SECONDS - replay_started)) s" >&2
    done
  fi
  return $rc
}

case "${1:-}" in
  list)
    printf '%s\n' "${TARGETS[@]}"
    ;;
  all)
    [ $# -eq 2 ] || { echo "usage: bench/fuzz.sh all SECONDS" >&2; exit 2; }
    setup
    rc=0
    for target in "${TARGETS[@]}"; do
      run_one "$target" "$2" || rc=1
    done
    exit $rc
    ;;
  fuzz-*)
    [ $# -eq 2 ] || { echo "usage: bench/fuzz.sh TARGET SECONDS" >&2; exit 2; }
    [[ " ${TARGETS[*]} " == *" $1 "* ]] || { echo "unknown target $1" >&2; exit 2; }
    setup
    run_one "$1" "$2"
    ;;
  *)
    echo "usage: bench/fuzz.sh TARGET|all SECONDS, or bench/fuzz.sh list" >&2
    exit 2
    ;;
esac
