#!/usr/bin/env bash
# Runs every libFuzzer target of a build for FUZZ_SECONDS each (default 60),
# FUZZ_JOBS of them at a time (default 2), starting from fuzz/corpus/<target>.
#
#   scripts/fuzz.sh [build-dir]        build-dir defaults to build/asan
#   FUZZ_TARGETS="user_page retry_after" scripts/fuzz.sh   only these
#
# New inputs go to <build-dir>/fuzz/work/<target>, so the checked-in seeds
# stay as they are; a crashing input is saved as
# <build-dir>/fuzz/artifacts/<target>/crash-* and the script fails.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build/asan}"
SECONDS_EACH="${FUZZ_SECONDS:-60}"
PARALLEL="${FUZZ_JOBS:-2}"
OUT="$BUILD/fuzz"

if [ ! -f "$OUT/fuzzers.txt" ]; then
  echo "fuzz.sh: no fuzzers in $BUILD; build the asan preset first (scripts/dev.sh fuzz does)" >&2
  exit 2
fi
read -r -a targets <<<"${FUZZ_TARGETS:-$(tr '\n' ' ' <"$OUT/fuzzers.txt")}"

dictionary_for() {
  case "$1" in
    retry_after) echo "$ROOT/fuzz/dictionaries/http_date.dict" ;;
    update_round_trip) ;;
    *) echo "$ROOT/fuzz/dictionaries/json.dict" ;;
  esac
}

# One target; its whole output goes to a log, and the exit status says how it went.
run_one() {
  local name="$1"
  local binary="$OUT/amigo_fuzz_$name"
  local work="$OUT/work/$name"
  local artifacts="$OUT/artifacts/$name/"
  mkdir -p "$work" "$artifacts"
  local args=(-max_total_time="$SECONDS_EACH" -timeout=10 -rss_limit_mb=2048
              -print_final_stats=1 -artifact_prefix="$artifacts")
  local dictionary
  dictionary="$(dictionary_for "$name")"
  [ -n "$dictionary" ] && args+=(-dict="$dictionary")
  "$binary" "${args[@]}" "$work" "$ROOT/fuzz/corpus/$name" >"$OUT/logs/$name.log" 2>&1
}

mkdir -p "$OUT/logs"
declare -A status
pending=("${targets[@]}")
running=()

# Starts targets until PARALLEL run at once, and collects them as they end.
while [ ${#pending[@]} -gt 0 ] || [ ${#running[@]} -gt 0 ]; do
  while [ ${#pending[@]} -gt 0 ] && [ ${#running[@]} -lt "$PARALLEL" ]; do
    name="${pending[0]}"
    pending=("${pending[@]:1}")
    echo "fuzzing $name for ${SECONDS_EACH}s"
    run_one "$name" &
    running+=("$!:$name")
  done
  wait -n || true
  still=()
  for entry in "${running[@]}"; do
    pid="${entry%%:*}"
    name="${entry#*:}"
    if kill -0 "$pid" 2>/dev/null; then
      still+=("$entry")
    else
      rc=0
      wait "$pid" || rc=$?
      status[$name]=$rc
    fi
  done
  running=("${still[@]+"${still[@]}"}")
done

failed=0
for name in "${targets[@]}"; do
  log="$OUT/logs/$name.log"
  runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  if [ "${status[$name]}" -eq 0 ]; then
    printf '  %-18s ok      %s runs\n' "$name" "${runs:-?}"
  else
    failed=1
    printf '  %-18s FAILED  (exit %s); the input is in %s\n' "$name" "${status[$name]}" \
      "$OUT/artifacts/$name/"
    grep -E -A30 'ERROR: |runtime error|property broken|escaped ' "$log" | head -60 || tail -40 "$log"
  fi
done
exit "$failed"
