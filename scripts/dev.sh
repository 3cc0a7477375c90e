#!/usr/bin/env bash
# One entry point for working on amigo-cpp.
#
#   scripts/dev.sh demo    set up, build, and run the demo against amigo-emulator
#   scripts/dev.sh test    set up, build, and run every test through CTest
#   scripts/dev.sh lint    clang-format and clang-tidy checks
#   scripts/dev.sh fuzz    run each fuzz target for FUZZ_SECONDS (default 60)
#   scripts/dev.sh bench   build in release mode and run the benchmarks
#
# Every verb first installs the Debian packages it needs (quietly, only the
# missing ones), so each works on a fresh Debian 12 or Ubuntu machine.
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

# Configures a preset once, then builds it (optionally only some targets).
build_preset() {
  local preset="$1"
  shift
  if [ ! -f "build/$preset/CMakeCache.txt" ]; then
    log "configuring preset $preset"
    cmake --preset "$preset" >/dev/null
  fi
  log "building preset $preset"
  if [ $# -gt 0 ]; then
    cmake --build "build/$preset" -j "$JOBS" --target "$@"
  else
    cmake --build "build/$preset" -j "$JOBS"
  fi
}

run_ctest() {
  local preset="$1"
  shift
  log "testing preset $preset $*"
  ctest --test-dir "build/$preset" --output-on-failure -j "$JOBS" --timeout 300 \
    --no-tests=error "$@"
}

cmd_test() {
  ensure_packages "${BASE_PACKAGES[@]}"
  build_preset dev
  run_ctest dev
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
  sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

main() {
  local verb="${1:-}"
  [ $# -gt 0 ] && shift
  case "$verb" in
    test) cmd_test "$@" ;;
    demo) cmd_demo "$@" ;;
    bench) cmd_bench "$@" ;;
    -h | --help | help) usage ;;
    *)
      usage >&2
      exit 2
      ;;
  esac
}

main "$@"
