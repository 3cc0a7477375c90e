#!/usr/bin/env bash
# The packaging tests' driver; CTest runs one verb per test.
#
#   install BUILD_DIR PREFIX                          cmake --install into a fresh PREFIX
#   find-package PREFIX SRC BIN STANDARD              build SRC via find_package, run it
#   pkg-config PREFIX SRC BIN EMULATOR SEED           build SRC's Makefile via pkg-config, run it
#   add-subdirectory AMIGO_SRC SRC BIN EMULATOR SEED  build SRC with amigo as a subdirectory, run it
#   recipes PACKAGING_DIR BIN                         the vcpkg and Conan files parse and agree
#   visibility LIBRARY                                a shared libamigo exports the API alone
#
# EMULATOR is an amigo-emulator executable, started with the SEED document on
# a free port for the consumers that read their server and credentials from
# AMIGO_* variables.
# Settings come from the environment CTest gives: AMIGO_CONSUMER_CXX,
# AMIGO_CONSUMER_LAUNCHER (ccache, may be empty), AMIGO_CONSUMER_GENERATOR,
# AMIGO_CONSUMER_VERSION, AMIGO_CONSUMER_SHARED (1 or 0).
set -euo pipefail

CXX_COMPILER="${AMIGO_CONSUMER_CXX:-c++}"
LAUNCHER="${AMIGO_CONSUMER_LAUNCHER:-}"
GENERATOR="${AMIGO_CONSUMER_GENERATOR:-Ninja}"
VERSION="${AMIGO_CONSUMER_VERSION:?set AMIGO_CONSUMER_VERSION}"
SHARED="${AMIGO_CONSUMER_SHARED:-0}"
JOBS=2
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

step() { echo "--- $*"; }

fresh_dir() {
  rm -rf "$1"
  mkdir -p "$1"
}

# cmake configure with the settings every consumer shares.
configure() {
  local src="$1" bin="$2"
  shift 2
  cmake -S "$src" -B "$bin" -G "$GENERATOR" -DCMAKE_BUILD_TYPE=Debug \
    -DCMAKE_CXX_COMPILER="$CXX_COMPILER" -DCMAKE_CXX_COMPILER_LAUNCHER="$LAUNCHER" \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON -DCMAKE_FIND_USE_PACKAGE_REGISTRY=OFF "$@"
}

cmd_install() {
  local build="$1" prefix="$2"
  fresh_dir "$prefix"
  step "cmake --install $build --prefix $prefix"
  cmake --install "$build" --prefix "$prefix" >"$prefix.log" || {
    cat "$prefix.log"
    fail "cmake --install failed"
  }

  local libdir
  libdir="$(find_libdir "$prefix")"
  local expected=(
    include/amigo/amigo.hpp include/amigo/client.hpp include/amigo/export.hpp
    include/amigo/version.hpp
    "$libdir/cmake/amigo/amigoConfig.cmake" "$libdir/cmake/amigo/amigoConfigVersion.cmake"
    "$libdir/cmake/amigo/amigoTargets.cmake" "$libdir/pkgconfig/amigo.pc"
  )
  if [ "$SHARED" = 1 ]; then
    local so="$libdir/libamigo.so"
    expected+=("$so" "$so.${VERSION%%.*}" "$so.$VERSION")
  else
    expected+=("$libdir/libamigo.a")
  fi
  local file
  for file in "${expected[@]}"; do
    [ -e "$prefix/$file" ] || fail "$file was not installed"
  done
  grep -q "#define AMIGO_VERSION_STRING \"$VERSION\"" "$prefix/include/amigo/version.hpp" ||
    fail "the installed amigo/version.hpp does not say $VERSION"
  # The install must not depend on the build tree it came from.
  if grep -rlF "$build" "$prefix/$libdir/cmake" "$prefix/$libdir/pkgconfig"; then
    fail "installed package files refer to the build tree $build"
  fi
  echo "installed amigo $VERSION to $prefix"
}

find_libdir() {
  local pc
  pc="$(cd "$1" && find . -path '*/pkgconfig/amigo.pc' | head -n 1)"
  [ -n "$pc" ] || fail "no amigo.pc under $1: run the install test first"
  pc="${pc#./}"
  echo "${pc%/pkgconfig/amigo.pc}"
}

cmd_find_package() {
  local prefix="$1" src="$2" bin="$3" standard="$4"
  fresh_dir "$bin"
  step "configure $src as C++$standard against $prefix"
  configure "$src" "$bin" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_CXX_STANDARD="$standard"

  local found
  found="$(sed -n 's/^amigo_DIR:PATH=//p' "$bin/CMakeCache.txt")"
  [ "$found" = "$prefix/$(find_libdir "$prefix")/cmake/amigo" ] ||
    fail "find_package found amigo in '$found', not in $prefix"

  step "build"
  cmake --build "$bin" -j "$JOBS"
  grep -q -- "-std=c++$standard" "$bin/compile_commands.json" ||
    fail "the consumer was not compiled with -std=c++$standard"

  step "run"
  "$bin/consumer"
}

cmd_pkg_config() {
  local prefix="$1" src="$2" bin="$3" emulator="$4" seed="$5"
  fresh_dir "$bin"
  local pc_dir
  pc_dir="$prefix/$(find_libdir "$prefix")/pkgconfig"
  export PKG_CONFIG_PATH="$pc_dir"

  step "pkg-config --modversion amigo"
  [ "$(pkg-config --modversion amigo)" = "$VERSION" ] || fail "amigo.pc does not say $VERSION"
  [ "$(pkg-config --variable=pcfiledir amigo)" = "$pc_dir" ] ||
    fail "pkg-config found another amigo.pc than $pc_dir"
  echo "cflags: $(pkg-config --cflags amigo)"
  echo "libs:   $(pkg-config --libs amigo)"

  step "make"
  make -f "$src/Makefile" -C "$bin" SRC_DIR="$src" CXX="${LAUNCHER:+$LAUNCHER }$CXX_COMPILER"

  step "run against $emulator"
  with_emulator "$emulator" "$seed" "$bin/consumer" pkg-config@example.com
}

cmd_add_subdirectory() {
  local amigo_src="$1" src="$2" bin="$3" emulator="$4" seed="$5"
  fresh_dir "$bin"
  step "configure $src with amigo from $amigo_src"
  configure "$src" "$bin" -DAMIGO_SOURCE_DIR="$amigo_src"

  # The parent's test list must not grow amigo's tests.
  local tests
  tests="$(cd "$bin" && ctest -N | sed -n 's/^Total Tests: //p')"
  [ "$tests" = 0 ] || fail "add_subdirectory(amigo-cpp) added $tests tests to its parent"

  step "build"
  cmake --build "$bin" -j "$JOBS"

  step "run against $emulator"
  with_emulator "$emulator" "$seed" "$bin/consumer" add-subdirectory@example.com
}

# Starts EMULATOR on a free port, runs the rest of the arguments with AMIGO_*
# pointing at it, and stops the emulator again (also when the test fails).
EMULATOR_PID=""
EMULATOR_STATE=""
stop_emulator() {
  if [ -n "$EMULATOR_PID" ]; then
    kill "$EMULATOR_PID" 2>/dev/null || true
    wait "$EMULATOR_PID" 2>/dev/null || true
  fi
  [ -z "$EMULATOR_STATE" ] || rm -rf "$EMULATOR_STATE"
}
trap stop_emulator EXIT

with_emulator() {
  local emulator="$1" seed="$2"
  shift 2
  [ -x "$emulator" ] || fail "no emulator at $emulator"
  [ -r "$seed" ] || fail "no emulator seed at $seed"
  EMULATOR_STATE="$(mktemp -d)"
  local log="$EMULATOR_STATE/log"
  "$emulator" --port 0 --seed "$seed" >"$log" 2>&1 &
  EMULATOR_PID=$!

  # amigo-emulator prints "Listening on URL" once it accepts connections.
  local base_url="" waited=0
  until [ -n "$base_url" ]; do
    kill -0 "$EMULATOR_PID" 2>/dev/null || {
      cat "$log" >&2
      fail "amigo-emulator exited before it was ready"
    }
    [ $waited -lt 100 ] || fail "amigo-emulator was not ready within 10 s"
    sleep 0.1
    waited=$((waited + 1))
    base_url="$(sed -n 's/^Listening on //p' "$log")"
  done

  # The seed's first API key, as the emulator loaded it.
  local credentials
  credentials="$(cmake -DSEED="$seed" -P "$HERE/seed_credentials.cmake")"
  (
    eval "$credentials"
    export AMIGO_BASE_URL="$base_url"
    "$@"
  ) || {
    echo "amigo-emulator's log:" >&2
    cat "$log" >&2
    fail "$* failed against the emulator at $base_url"
  }
}

cmd_recipes() {
  local packaging="$1" bin="$2"
  fresh_dir "$bin"

  step "vcpkg.json and the Conan recipe parse"
  command -v python3 >/dev/null ||
    fail "python3 is needed to check the recipes (apt-get install python3)"
  python3 -m json.tool "$packaging/vcpkg/vcpkg.json" >/dev/null
  PYTHONPYCACHEPREFIX="$bin" python3 -m py_compile "$packaging/conan/conanfile.py"

  step "both say version $VERSION"
  python3 - "$packaging" "$VERSION" <<'PYTHON'
import ast
import json
import sys

packaging, version = sys.argv[1], sys.argv[2]
port = json.load(open(f"{packaging}/vcpkg/vcpkg.json"))
problems = []
if port.get("name") != "amigo-cpp":
    problems.append(f"vcpkg.json: name is {port.get('name')!r}, not 'amigo-cpp'")
if port.get("version") != version:
    problems.append(f"vcpkg.json: version is {port.get('version')!r}, not {version!r}")
names = {d if isinstance(d, str) else d["name"] for d in port.get("dependencies", [])}
for needed in ("curl", "nlohmann-json", "fmt", "date", "vcpkg-cmake", "vcpkg-cmake-config"):
    if needed not in names:
        problems.append(f"vcpkg.json: no dependency on {needed}")

recipe = ast.parse(open(f"{packaging}/conan/conanfile.py").read())
fields = {}
for node in ast.walk(recipe):
    if isinstance(node, ast.Assign) and len(node.targets) == 1:
        target = node.targets[0]
        if isinstance(target, ast.Name) and isinstance(node.value, ast.Constant):
            fields[target.id] = node.value.value
if fields.get("version") != version:
    problems.append(f"conanfile.py: version is {fields.get('version')!r}, not {version!r}")
if fields.get("name") != "amigo-cpp":
    problems.append(f"conanfile.py: name is {fields.get('name')!r}, not 'amigo-cpp'")

for problem in problems:
    print(problem, file=sys.stderr)
sys.exit(1 if problems else 0)
PYTHON
  grep -q "^## \[$VERSION\]" "$packaging/../CHANGELOG.md" ||
    fail "CHANGELOG.md has no section for $VERSION"
  echo "vcpkg.json, conanfile.py and CHANGELOG.md are well formed and at $VERSION"
}

cmd_visibility() {
  local library="$1"
  step "SONAME of $library"
  local soname
  soname="$(readelf -d "$library" | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')"
  [ "$soname" = "libamigo.so.${VERSION%%.*}" ] ||
    fail "SONAME is '$soname', not libamigo.so.${VERSION%%.*}"

  step "exported symbols"
  local symbols
  symbols="$(nm -DC --defined-only "$library" | cut -d' ' -f3-)"
  # Internals, and the libraries amigo uses, stay hidden.
  local leaked
  local internal='^((typeinfo|typeinfo name|vtable) for )?'
  internal+='(amigo::detail::|amigo::\(anonymous|fmt::|nlohmann::|curl_)'
  leaked="$(grep -E "$internal" <<<"$symbols" || true)"
  [ -z "$leaked" ] || fail "internal symbols are exported:"$'\n'"$leaked"
  # A sample of the public API, from each header with compiled code.
  local wanted=(
    "amigo::AmigoClient::AmigoClient(amigo::ClientOptions)"
    "amigo::AmigoClient::user()"
    "amigo::ClientOptions::from_env()"
    "amigo::UserService::invite_user(amigo::UserInviteRequest const&)"
    "amigo::UserService::list_users(amigo::ListUsersRequest const&)"
    "amigo::UserService::list_all_users(amigo::ListUsersRequest)"
    "amigo::UserRange::begin()"
    "amigo::UserRange::iterator::operator++()"
    "amigo::UserSort::to_string[abi:cxx11]() const"
    "amigo::to_string(amigo::HttpMethod)"
    "amigo::AuthProvider::~AuthProvider()"
    "typeinfo for amigo::Error"
    "typeinfo for amigo::ApiError"
    "typeinfo for amigo::ValidationError"
    "typeinfo for amigo::ServiceUnavailableError"
    "typeinfo for amigo::HttpTransport"
    "typeinfo for amigo::Clock"
  )
  local symbol missing=0
  for symbol in "${wanted[@]}"; do
    grep -qxF "$symbol" <<<"$symbols" || {
      echo "not exported: $symbol" >&2
      missing=1
    }
  done
  [ $missing = 0 ] || fail "public symbols are missing; is AMIGO_API on their class?"
  echo "$(wc -l <<<"$symbols") symbols exported, none internal; SONAME $soname"
}

main() {
  local verb="${1:?usage: run_consumer.sh VERB ARGS...}"
  shift
  case "$verb" in
    install) cmd_install "$@" ;;
    find-package) cmd_find_package "$@" ;;
    pkg-config) cmd_pkg_config "$@" ;;
    add-subdirectory) cmd_add_subdirectory "$@" ;;
    recipes) cmd_recipes "$@" ;;
    visibility) cmd_visibility "$@" ;;
    *) fail "unknown verb $verb" ;;
  esac
}

main "$@"
