#!/usr/bin/env bash
# Runs the examples and amigo-users under Valgrind's memcheck against a
# private amigo-emulator, and fails on any invalid read or write, any use of
# uninitialised memory, and any leak that is "definitely" or "indirectly"
# lost. Memory still reachable at exit (libcurl's and OpenSSL's global state)
# is not a leak of ours and is not counted.
#
#   scripts/memcheck.sh [build-dir]     build-dir defaults to build/dev
#
# Valgrind's report for each run is kept in <build-dir>/memcheck/<name>.log.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:-$ROOT/build/dev}" && pwd)"
EMULATOR="$BUILD/emulator/amigo-emulator"
AMIGO_USERS="$BUILD/tools/amigo-users/amigo-users"
EXAMPLES="$BUILD/examples"
LOGS="$BUILD/memcheck"
# Valgrind's exit status for its own findings; the programs never use it.
MEMCHECK_FAILED=99

for program in "$EMULATOR" "$AMIGO_USERS" "$EXAMPLES/amigo_example_user_lifecycle"; do
  if [ ! -x "$program" ]; then
    echo "memcheck.sh: $program is missing; build the dev preset first" >&2
    exit 2
  fi
done

rm -rf "$LOGS"
mkdir -p "$LOGS"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/amigo-memcheck.XXXXXX")"
EMULATOR_PID=""
cleanup() {
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# Rate limits off: the import would otherwise wait out the invite limit.
"$EMULATOR" --port 0 --bind 127.0.0.1 --seed "$ROOT/emulator/seeds/default.json" \
  --rate-limits off >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!
URL=""
for _ in $(seq 1 100); do
  URL="$(sed -n '1s/^Listening on //p' "$WORK/emulator.log")"
  [ -n "$URL" ] && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "memcheck.sh: amigo-emulator did not start:" >&2
  cat "$WORK/emulator.log" >&2
  exit 1
fi

# The default seed's demo credentials; they open only the emulator above.
export AMIGO_BASE_URL="$URL" AMIGO_ORGANIZATION_ID="demo-org" AMIGO_API_KEY_ID="demo-key-id"
export AMIGO_USER_ID="admin-user" AMIGO_API_KEY="demo-secret-key-0123456789"

failures=0
runs=0
# check NAME EXPECTED_EXIT PROGRAM ARGS...: one program under memcheck.
check() {
  local name="$1" expected="$2"
  shift 2
  local log="$LOGS/$name.log"
  local status=0
  valgrind --tool=memcheck --error-exitcode="$MEMCHECK_FAILED" --leak-check=full \
    --show-leak-kinds=definite,indirect --errors-for-leak-kinds=definite,indirect \
    --num-callers=40 --log-file="$log" "$@" >"$WORK/$name.out" 2>&1 </dev/null || status=$?
  runs=$((runs + 1))
  if [ "$status" -eq "$MEMCHECK_FAILED" ]; then
    failures=$((failures + 1))
    echo "  $name: memcheck found errors"
    grep -v '^==[0-9]*== *$' "$log" | head -80
  elif [ "$status" -ne "$expected" ]; then
    failures=$((failures + 1))
    echo "  $name: exited with $status, expected $expected"
    tail -20 "$WORK/$name.out"
  else
    echo "  $name: clean"
  fi
}

head -n 21 "$ROOT/examples/data/new-hires.csv" >"$WORK/new-hires.csv"
printf 'not-an-email,Bad,Row,DefaultUserRole,,,\n' >>"$WORK/new-hires.csv"

echo "memcheck against $URL"
check example_invite_user 0 "$EXAMPLES/amigo_example_invite_user" ada@example.com Ada Lovelace
check example_list_users 0 "$EXAMPLES/amigo_example_list_users"
check example_update_user 0 "$EXAMPLES/amigo_example_update_user" user-noah Europe/Paris
check example_delete_user 0 "$EXAMPLES/amigo_example_delete_user" user-olivia
check example_update_missing_user 1 "$EXAMPLES/amigo_example_update_user" user-nobody
check example_user_lifecycle 0 "$EXAMPLES/amigo_example_user_lifecycle"
check cli_help 0 "$AMIGO_USERS" --help
check cli_list 0 "$AMIGO_USERS" list --sort last_name --all
check cli_invite 0 "$AMIGO_USERS" invite --email ana@example.es --first-name Ana \
  --last-name García --role DefaultUserRole --timezone Europe/Madrid --var team=sales
check cli_invite_taken 1 "$AMIGO_USERS" invite --email maya.okonkwo@example.com \
  --first-name M --last-name O --role DefaultUserRole
check cli_update 0 "$AMIGO_USERS" update user-chloe --last-name Durand --clear-timezone
check cli_delete 0 "$AMIGO_USERS" delete user-misaki --yes
check cli_import 3 "$AMIGO_USERS" import "$WORK/new-hires.csv" --journal "$WORK/journal" \
  --failures "$WORK/failures.csv"
check cli_export_csv 0 "$AMIGO_USERS" export --output "$WORK/users.csv"
check cli_export_json 0 "$AMIGO_USERS" export --format json
check cli_usage_error 2 "$AMIGO_USERS" list --limit many

if [ "$failures" -ne 0 ]; then
  echo "memcheck: $failures of $runs runs failed (logs in $LOGS)"
  exit 1
fi
echo "memcheck: all $runs runs clean"
