#!/usr/bin/env bash
# Installs flyguard's build dependencies from Debian packages, builds it in Release and installs it.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: ./install.sh [--help]

Installs the Debian packages flyguard needs (apt-get, as root or through sudo), configures and
builds flyguard in Release mode, installs the `flyguard` binary and prints `flyguard --version`.
Safe to run again: it only installs what is missing and rebuilds what changed.

Environment:
  PREFIX      installation prefix (default: /usr/local); the binary goes to $PREFIX/bin
  BUILD_DIR   build directory (default: build/release inside the source tree)
  JOBS        parallel build jobs (default: number of cores)
USAGE
}

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
  "") ;;
  *) echo "install.sh: unknown argument '$1'" >&2; usage >&2; exit 2 ;;
esac

PACKAGES=(
  build-essential cmake pkg-config git
  libpg-query-dev libgit2-dev libpq-dev zlib1g-dev
  libcli11-dev libspdlog-dev libfmt-dev libtomlplusplus-dev nlohmann-json3-dev libsimdjson-dev
  libgtest-dev
)

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PREFIX="${PREFIX:-/usr/local}"
BUILD_DIR="${BUILD_DIR:-$SOURCE_DIR/build/release}"
JOBS="${JOBS:-$(nproc)}"

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

echo "==> building flyguard (Release) in $BUILD_DIR"
cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$PREFIX" >/dev/null
cmake --build "$BUILD_DIR" --target flyguard -j "$JOBS"

echo "==> installing into $PREFIX"
if [ -w "$PREFIX" ] || { [ ! -e "$PREFIX" ] && [ -w "$(dirname "$PREFIX")" ]; }; then
  cmake --install "$BUILD_DIR" >/dev/null
else
  as_root cmake --install "$BUILD_DIR" >/dev/null
fi

"$PREFIX/bin/flyguard" --version
