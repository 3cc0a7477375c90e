#!/usr/bin/env bash
# The static checks of amigo-cpp; fails on any finding.
#
#   scripts/lint.sh [build-dir]    build-dir defaults to build/dev
#
#   clang-format  every .cpp and .hpp of the repository must be formatted as
#                 .clang-format says (clang-format -i fixes a file)
#   clang-tidy    the checks of .clang-tidy over src/, include/, emulator/ and
#                 tools/, compiled as build-dir's compile_commands.json says
#
# LINT_SKIP_FORMAT=1 or LINT_SKIP_TIDY=1 leaves one out; JOBS sets how many
# files clang-tidy checks at once (default: the number of cores).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build/dev}"
JOBS="${JOBS:-$(nproc 2>/dev/null || echo 2)}"
cd "$ROOT"

# Our C++ files: those git knows, or, outside a checkout, those on disk
# outside build trees.
cxx_files() {
  if git -C "$ROOT" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git -C "$ROOT" ls-files --cached --others --exclude-standard -- '*.cpp' '*.hpp'
  else
    find . -path ./build -prune -o \( -name '*.cpp' -o -name '*.hpp' \) -print | sed 's|^\./||'
  fi
}

status=0

if [ "${LINT_SKIP_FORMAT:-0}" != 1 ]; then
  echo "clang-format: checking $(cxx_files | wc -l) files"
  if cxx_files | xargs -r -P "$JOBS" -n 20 clang-format --dry-run --Werror; then
    echo "clang-format: clean"
  else
    echo "clang-format: the files above need 'clang-format -i'"
    status=1
  fi
fi

if [ "${LINT_SKIP_TIDY:-0}" != 1 ]; then
  if [ ! -f "$BUILD/compile_commands.json" ]; then
    echo "lint.sh: no $BUILD/compile_commands.json; configure the dev preset first" >&2
    exit 2
  fi
  # Headers are checked through the sources that include them (HeaderFilterRegex
  # in .clang-tidy); the database may come from GCC, whose own warning flags
  # clang does not know.
  echo "clang-tidy: checking the sources of src/, emulator/ and tools/ with $JOBS jobs"
  start=$SECONDS
  if run-clang-tidy -p "$BUILD" -j "$JOBS" -quiet -extra-arg=-Wno-unknown-warning-option \
    "^$ROOT/(src|emulator|tools)/" >"$BUILD/clang-tidy.log" 2>&1; then
    echo "clang-tidy: clean ($((SECONDS - start)) s)"
  else
    # The findings, without the command lines and progress counters around them.
    grep -E '(warning|error): ' "$BUILD/clang-tidy.log" | sort -u || true
    echo "clang-tidy: findings above ($((SECONDS - start)) s; full log $BUILD/clang-tidy.log)"
    status=1
  fi
fi

exit "$status"
