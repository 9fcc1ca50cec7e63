# Shared by the package tests: sourced, not run. Sets `work` (a temporary directory removed at exit).
set -euo pipefail
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "$(basename "$0"): $*" >&2; exit 1; }

# build_package BUILD_DIR GENERATOR GLOB: runs CPack on the build directory and prints the package path.
build_package() {
  local build generator pattern package
  build="$(cd "$1" && pwd)"
  generator="$2"
  pattern="$3"
  (cd "$work" && cpack -G "$generator" --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1) ||
    { cat "$work/cpack.log" >&2; fail "cpack -G $generator failed"; }
  package="$(ls "$work"/out/$pattern 2>/dev/null | head -n 1)"
  [ -n "$package" ] || fail "no $pattern produced"
  echo "$package"
}

# check_examples BINARY: the packaged binary judges the example projects like the built one.
check_examples() {
  local binary="$1" status
  "$binary" --version | grep -q '^flyguard ' || fail "the packaged binary does not run"
  cp -r "$source_dir/examples/postgres-app" "$work/app"
  (cd "$work/app" && "$binary" check > "$work/check.log" 2>&1) || { cat "$work/check.log" >&2; fail "check of examples/postgres-app"; }
  set +e
  (cd "$source_dir/examples/broken" && "$binary" check > /dev/null 2>&1)
  status=$?
  set -e
  [ "$status" -eq 1 ] || fail "check of examples/broken exited $status, expected 1"
}
