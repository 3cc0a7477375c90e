#!/usr/bin/env bash
# The amigo-cpp demo: an emulated Amigo API, the lifecycle example, and the
# amigo-users tool importing, listing and exporting an organization.
#
#   scripts/demo.sh BUILD_DIR      (scripts/dev.sh demo builds and runs it)
#
# Everything runs against a private amigo-emulator on a free loopback port,
# started here and stopped on exit; each run starts from the default seed and
# writes its files to a new temporary directory, so the demo can run again.
set -euo pipefail

if [ $# -ne 1 ]; then
  echo "usage: $0 BUILD_DIR" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "$1" && pwd)"
EMULATOR="$BUILD/emulator/amigo-emulator"
AMIGO_USERS="$BUILD/tools/amigo-users/amigo-users"
LIFECYCLE="$BUILD/examples/amigo_example_user_lifecycle"
NEW_HIRES="$ROOT/examples/data/new-hires.csv"

for program in "$EMULATOR" "$AMIGO_USERS" "$LIFECYCLE"; do
  if [ ! -x "$program" ]; then
    echo "$program is missing: build the dev preset first (scripts/dev.sh demo does)" >&2
    exit 1
  fi
done

if [ -t 1 ]; then
  heading() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
else
  heading() { printf '\n== %s\n' "$*"; }
fi

WORK="$(mktemp -d "${TMPDIR:-/tmp}/amigo-demo.XXXXXX")"
EMULATOR_PID=""
stop_emulator() {
  if [ -n "$EMULATOR_PID" ] && kill -0 "$EMULATOR_PID" 2>/dev/null; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  EMULATOR_PID=""
}
trap stop_emulator EXIT

heading "Starting amigo-emulator (rate limits on; a minute lasts 6 seconds)"
"$EMULATOR" --port 0 --bind 127.0.0.1 --seed "$ROOT/emulator/seeds/default.json" \
  --time-scale 10 >"$WORK/emulator.log" 2>&1 &
EMULATOR_PID=$!

# The first line the emulator prints is "Listening on http://127.0.0.1:PORT".
URL=""
for _ in $(seq 1 100); do
  if ! kill -0 "$EMULATOR_PID" 2>/dev/null; then
    echo "amigo-emulator exited early:" >&2
    cat "$WORK/emulator.log" >&2
    exit 1
  fi
  URL="$(sed -n '1s/^Listening on //p' "$WORK/emulator.log")"
  [ -n "$URL" ] && break
  sleep 0.1
done
if [ -z "$URL" ]; then
  echo "amigo-emulator did not report its address within 10 seconds" >&2
  exit 1
fi
echo "Listening on $URL"

# The default seed's public demo credentials (emulator/seeds/default.json):
# they open nothing but the emulator started above.
export AMIGO_BASE_URL="$URL"
export AMIGO_ORGANIZATION_ID="demo-org"
export AMIGO_API_KEY_ID="demo-key-id"
export AMIGO_USER_ID="admin-user"
export AMIGO_API_KEY="demo-secret-key-0123456789"

heading "1. The user lifecycle example: invite, find, update, list, delete"
"$LIFECYCLE"

heading "2. Importing $(basename "$NEW_HIRES") with amigo-users import"
echo "Four rows are invalid on purpose: they are reported with their line numbers,"
echo "the other 196 are invited, paced under the 50-per-minute invite limit, and"
echo "the exit code is 3 (partial import)."
set +e
"$AMIGO_USERS" import "$NEW_HIRES" --journal "$WORK/new-hires.journal" \
  --failures "$WORK/new-hires.failures.csv"
import_status=$?
set -e
if [ "$import_status" -ne 3 ]; then
  echo "amigo-users import exited with $import_status; expected 3 for the invalid rows" >&2
  exit 1
fi
echo "Exit code 3, as expected."

heading "3. The organization, sorted by last name (amigo-users list)"
"$AMIGO_USERS" list --sort last_name --all

heading "4. Exporting every user to CSV (amigo-users export)"
"$AMIGO_USERS" export --format csv --output "$WORK/users.csv"
echo "$(wc -l <"$WORK/users.csv") lines (a header and a row per user) in $WORK/users.csv"

heading "5. Stopping amigo-emulator"
stop_emulator
echo "Stopped. The journal, the failed rows and the export are in $WORK"
