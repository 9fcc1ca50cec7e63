#!/usr/bin/env bash
# The test command: installs what only the tests need, builds the test suite and runs it, builds and
# tests the portable release archive, runs the suite again under AddressSanitizer +
# UndefinedBehaviorSanitizer, then builds the libFuzzer targets and replays their seeds (long fuzzing
# runs: fuzz/run.sh). The verify tests start their own PostgreSQL cluster (Debian's postgresql
# package) on a free loopback port.
#   tests/run.sh               both passes
#   tests/run.sh --no-sanitize the plain pass only (quicker, for development)
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JOBS="${JOBS:-$(nproc)}"
SANITIZE=1
case "${1:-}" in
  --no-sanitize) SANITIZE=0 ;;
  -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
  "") ;;
  *) echo "tests/run.sh: unknown argument '$1'" >&2; exit 2 ;;
esac

TEST_PACKAGES=(git pre-commit python3 clang postgresql dpkg-dev)
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
for package in "${TEST_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

run_suite() {
  local preset="$1"
  echo "==> test suite: $preset"
  cmake --preset "$preset" -S "$SOURCE_DIR" >/dev/null
  cmake --build --preset "$preset" -j "$JOBS"
  ctest --preset "$preset" -j "$JOBS"
}

cd "$SOURCE_DIR"
run_suite release
echo "==> portable release archive: build and test it unpacked"
cmake --preset portable -S "$SOURCE_DIR" >/dev/null
cmake --build --preset portable -j "$JOBS"
tests/package/test_portable.sh build/portable
if [ "$SANITIZE" -eq 1 ]; then run_suite sanitize; fi
echo "==> fuzz targets: build with Clang and replay their seed corpora"
JOBS="$JOBS" fuzz/run.sh --smoke
