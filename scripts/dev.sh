#!/usr/bin/env bash
# One entry point for working on amigo-cpp.
#
#   scripts/dev.sh demo      set up, build, and run the demo against amigo-emulator
#   scripts/dev.sh test      every gate: the tests (GCC), again under ASan+UBSan
#                            (Clang), the threaded ones under TSan, the fuzzers,
#                            memcheck, and lint; a summary at the end
#   scripts/dev.sh lint      clang-format and clang-tidy checks
#   scripts/dev.sh fuzz      run each fuzz target for FUZZ_SECONDS (default 60)
#   scripts/dev.sh memcheck  the examples and amigo-users under Valgrind
#   scripts/dev.sh bench     build in release mode and run the benchmarks
#
# Every verb first installs the Debian packages it needs (quietly, only the
# missing ones), so each works on a fresh Debian 12 or Ubuntu machine.
# `test` stages can be left out locally with AMIGO_SKIP_<STAGE>=1 (PACKAGES,
# DEV, ASAN, TSAN, FUZZ, MEMCHECK, LINT); CI runs them all.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"

# Packages every build needs; verbs add their own.
BASE_PACKAGES=(
  build-essential cmake ninja-build ccache pkg-config git ca-certificates openssl
  libcurl4-openssl-dev libssl-dev nlohmann-json3-dev libfmt-dev libhowardhinnant-date-dev
  libcpp-httplib-dev libcli11-dev libcsv-dev googletest libgtest-dev libgmock-dev
  libbenchmark-dev
)

# What the quality gates add: Clang with its sanitizer and libFuzzer runtimes
# and llvm-symbolizer for readable reports, clang-tidy (whose run-clang-tidy
# needs python3) and clang-format, Valgrind, and Doxygen for the docs test.
QUALITY_PACKAGES=(
  clang libclang-rt-14-dev llvm clang-tidy clang-format python3 valgrind doxygen
)

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# Installs the packages that are not installed yet; silent when none are missing.
ensure_packages() {
  local missing=()
  local package
  for package in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'ok installed'; then
      missing+=("$package")
    fi
  done
  [ ${#missing[@]} -eq 0 ] && return 0

  log "installing ${missing[*]}"
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
}

# A command that the builds and CTest runs go through (see stage_tsan).
RUN_PREFIX=()

configure_preset() {
  if [ ! -f "build/$1/CMakeCache.txt" ]; then
    log "configuring preset $1"
    cmake --preset "$1" >/dev/null
  fi
}

# Configures a preset once, then builds it (optionally only some targets).
build_preset() {
  local preset="$1"
  shift
  configure_preset "$preset"
  log "building preset $preset"
  if [ $# -gt 0 ]; then
    "${RUN_PREFIX[@]}" cmake --build "build/$preset" -j "$JOBS" --target "$@"
  else
    "${RUN_PREFIX[@]}" cmake --build "build/$preset" -j "$JOBS"
  fi
}

# CTest through the preset, which carries the sanitizers' options. Its output
# is shown whole and kept, so that the summary can repeat its closing line.
run_ctest() {
  local preset="$1"
  shift
  log "testing preset $preset $*"
  "${RUN_PREFIX[@]}" ctest --preset "$preset" --output-on-failure -j "$JOBS" "$@" 2>&1 |
    tee "$SUMMARY_DIR/ctest-$preset.log"
}

# The examples, amigo-users and the emulator: what memcheck runs.
MEMCHECK_TARGETS=(
  amigo-emulator amigo-users amigo_example_invite_user amigo_example_list_users
  amigo_example_update_user amigo_example_delete_user amigo_example_user_lifecycle
)
# Every test labelled `concurrency` lives in one of these.
TSAN_TARGETS=(amigo_unit_tests amigo_integration_tests amigo_emulator_tests)

stage_packages() { ensure_packages "${BASE_PACKAGES[@]}" "${QUALITY_PACKAGES[@]}"; }

stage_dev() {
  build_preset dev
  run_ctest dev
}

# Also the Clang build with warnings as errors. The packaging and docs tests
# install and build again, and gain nothing from the sanitizers.
stage_asan() {
  build_preset asan
  run_ctest asan -LE 'packaging|docs'
}

# Clang 14's TSan cannot place its shadow memory when the kernel randomises
# mmap addresses with more than 28 bits, as newer kernels do by default; with
# address randomisation off for the build (which runs the tests to list them)
# and the tests, it always can.
stage_tsan() {
  local no_aslr=()
  if command -v setarch >/dev/null && setarch "$(uname -m)" -R true 2>/dev/null; then
    no_aslr=(setarch "$(uname -m)" -R)
  fi
  RUN_PREFIX=("${no_aslr[@]}")
  build_preset tsan "${TSAN_TARGETS[@]}"
  run_ctest tsan -L concurrency
}

build_fuzzers() {
  configure_preset asan
  local targets
  mapfile -t targets < <(sed 's/^/amigo_fuzz_/' build/asan/fuzz/fuzzers.txt)
  build_preset asan "${targets[@]}"
}

stage_fuzz() {
  build_fuzzers
  local seconds=10
  [ "${CI:-}" = true ] && seconds=60
  FUZZ_SECONDS="${FUZZ_SECONDS:-$seconds}" FUZZ_JOBS="$JOBS" "$ROOT/scripts/fuzz.sh" build/asan |
    tee "$SUMMARY_DIR/fuzz.log"
}

stage_memcheck() {
  build_preset dev "${MEMCHECK_TARGETS[@]}"
  "$ROOT/scripts/memcheck.sh" build/dev | tee "$SUMMARY_DIR/memcheck.log"
}

stage_lint() {
  configure_preset dev
  JOBS="$JOBS" "$ROOT/scripts/lint.sh" build/dev | tee "$SUMMARY_DIR/lint.log"
}

TEST_STAGES=(packages dev asan tsan fuzz memcheck lint)
SUMMARY_DIR="$ROOT/build/test-summary"

# CPU time of this shell's finished children (user + system), in clock ticks.
child_cpu_ticks() {
  local fields
  read -r -a fields </proc/$$/stat
  echo $((fields[15] + fields[16]))
}

# Runs one stage in a subshell with errexit on (it is off in functions
# called from a condition), and records its result and wall and CPU seconds.
run_stage() {
  local stage="$1"
  local skip_variable="AMIGO_SKIP_${stage^^}"
  if [ "${!skip_variable:-0}" = 1 ]; then
    echo skipped >"$SUMMARY_DIR/$stage.result"
    echo "$skip_variable=1" >"$SUMMARY_DIR/$stage.skipped"
    return 0
  fi
  log "stage $stage"
  local status=0 started=$SECONDS ticks
  ticks="$(child_cpu_ticks)"
  set +e
  (set -e; "stage_$stage")
  status=$?
  set -e
  echo "$((SECONDS - started)) $((($(child_cpu_ticks) - ticks) / $(getconf CLK_TCK)))" \
    >"$SUMMARY_DIR/$stage.time"
  if [ "$status" -eq 0 ]; then
    echo passed >"$SUMMARY_DIR/$stage.result"
  else
    echo "FAILED (exit $status)" >"$SUMMARY_DIR/$stage.result"
  fi
}

# What each stage said about itself, for the summary.
stage_detail() {
  case "$1" in
    dev | asan | tsan)
      grep -E '^[0-9]+% tests passed' "$SUMMARY_DIR/ctest-$1.log" 2>/dev/null | tail -1 ;;
    fuzz) grep -cE '^  [a-z_]+ +ok ' "$SUMMARY_DIR/fuzz.log" 2>/dev/null |
      sed 's/$/ fuzzers ran clean/' ;;
    memcheck) grep -E '^memcheck: ' "$SUMMARY_DIR/memcheck.log" 2>/dev/null | tail -1 ;;
    lint) grep -E '^clang-(format|tidy): (clean|.*need|findings)' "$SUMMARY_DIR/lint.log" \
      2>/dev/null | sed 's/ (.*//' | paste -sd ';' ;;
  esac
}

# One line per stage, then a closing line in CTest's own form that counts
# every CTest test of every build, plus each other gate as one test.
print_summary() {
  local stage result detail wall cpu
  local passed=0 failed=0 total=0 gate_failed=0
  printf '\n%-9s %-8s %6s %6s  %s\n' stage result wall cpu detail
  for stage in "${TEST_STAGES[@]}"; do
    result="$(cat "$SUMMARY_DIR/$stage.result" 2>/dev/null || echo 'not run')"
    detail="$(cat "$SUMMARY_DIR/$stage.skipped" 2>/dev/null || stage_detail "$stage" || true)"
    wall='-' cpu='-'
    if [ -f "$SUMMARY_DIR/$stage.time" ]; then
      read -r wall cpu <"$SUMMARY_DIR/$stage.time"
      wall="${wall}s" cpu="${cpu}s"
    fi
    printf '%-9s %-8s %6s %6s  %s\n' "$stage" "$result" "$wall" "$cpu" "$detail"
    case "$result" in passed | skipped) ;; *) gate_failed=1 ;; esac
    case "$stage" in
      dev | asan | tsan)
        if [[ "$detail" =~ tests\ failed\ out\ of\ ([0-9]+) ]]; then
          local out_of="${BASH_REMATCH[1]}" failures
          failures="$(sed -E 's/.* ([0-9]+) tests failed.*/\1/' <<<"$detail")"
          total=$((total + out_of))
          failed=$((failed + failures))
        elif [ "$result" != passed ] && [ "$result" != skipped ]; then
          total=$((total + 1))
          failed=$((failed + 1))
        fi
        ;;
      fuzz | memcheck | lint)
        if [ "$result" = passed ]; then total=$((total + 1)); fi
        if [[ "$result" == FAILED* ]]; then total=$((total + 1)) failed=$((failed + 1)); fi
        ;;
    esac
  done
  passed=$((total - failed))
  echo
  echo "All stages: CTest's tests of every build, and fuzz, memcheck and lint as one test each"
  printf '%d%% tests passed, %d tests failed out of %d\n' \
    "$((total > 0 ? passed * 100 / total : 0))" "$failed" "$total"
  [ "$gate_failed" -eq 0 ] && [ "$failed" -eq 0 ]
}

cmd_test() {
  rm -rf "$SUMMARY_DIR"
  mkdir -p "$SUMMARY_DIR"
  local stage
  for stage in "${TEST_STAGES[@]}"; do run_stage "$stage"; done
  print_summary
}

cmd_lint() {
  ensure_packages "${BASE_PACKAGES[@]}" "${QUALITY_PACKAGES[@]}"
  configure_preset dev
  "$ROOT/scripts/lint.sh" build/dev
}

cmd_fuzz() {
  ensure_packages "${BASE_PACKAGES[@]}" "${QUALITY_PACKAGES[@]}"
  build_fuzzers
  FUZZ_SECONDS="${FUZZ_SECONDS:-60}" "$ROOT/scripts/fuzz.sh" build/asan
}

cmd_memcheck() {
  ensure_packages "${BASE_PACKAGES[@]}" "${QUALITY_PACKAGES[@]}"
  build_preset dev "${MEMCHECK_TARGETS[@]}"
  "$ROOT/scripts/memcheck.sh" build/dev
}

cmd_demo() {
  ensure_packages "${BASE_PACKAGES[@]}"
  build_preset dev
  "$ROOT/scripts/demo.sh" "$ROOT/build/dev"
}

cmd_bench() {
  ensure_packages "${BASE_PACKAGES[@]}"
  build_preset bench
  local calls="${BENCH_CALLS:-2000}"
  local runs=(
    "micro_bench"
    "list_users_bench --n $calls"
    "list_users_bench --n $calls --only sdk"
    "list_all_bench --users 100000"
    "connections_bench --calls 1000"
    "import_pacing_bench --rows 500 --time-scale 60"
  )
  local output load_before run
  output="$(mktemp)"
  load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
  for run in "${runs[@]}"; do
    log "$run"
    # shellcheck disable=SC2086 # each run is a program and its arguments
    "$ROOT/build/bench/benchmarks/"$run | tee -a "$output" | { grep -v '^RESULT' || true; }
  done

  # The programs print a RESULT line per target: metric, measured, target, PASS or FAIL.
  printf '\n%-58s  %-42s  %-30s  %s\n' metric measured target result
  awk -F'\t' '$1 == "RESULT" { printf "%-58s  %-42s  %-30s  %s\n", $2, $3, $4, $5 }' "$output"
  printf 'load average before: %s; after: %s (%s CPUs)\n' "$load_before" \
    "$(cut -d' ' -f1-3 /proc/loadavg)" "$(nproc)"
  local failed
  failed="$(grep -c $'^RESULT\t.*\tFAIL$' "$output" || true)"
  rm -f "$output"
  if [ "$failed" -gt 0 ]; then
    log "$failed target(s) missed"
    return 1
  fi
}

usage() {
  # The comment block at the top of this file.
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"
}

main() {
  local verb="${1:-}"
  [ $# -gt 0 ] && shift
  case "$verb" in
    test) cmd_test "$@" ;;
    demo) cmd_demo "$@" ;;
    bench) cmd_bench "$@" ;;
    lint) cmd_lint "$@" ;;
    fuzz) cmd_fuzz "$@" ;;
    memcheck) cmd_memcheck "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
