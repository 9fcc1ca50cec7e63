#!/usr/bin/env bash
# Builds the .deb with CPack from a configured build directory and installs it into a temporary root:
# the package must hold a working flyguard, its hooks, and the shared-library dependencies that
# dpkg-shlibdeps found.
#   tests/package/test_deb.sh BUILD_DIR
set -euo pipefail
build="$(cd "$1" && pwd)"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fail() { echo "test_deb.sh: $*" >&2; exit 1; }

(cd "$work" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log" 2>&1) ||
  { cat "$work/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$(ls "$work"/out/flyguard_*.deb 2>/dev/null | head -n 1)"
[ -n "$deb" ] || fail "no flyguard_*.deb produced"

depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libgit2*) ;; *) fail "Depends lacks libgit2: $depends" ;; esac
case "$depends" in *libc6*) ;; *) fail "Depends lacks libc6: $depends" ;; esac
case "$depends" in *libpq*) fail "libpq must not be a hard dependency: $depends" ;; esac
[ "$(dpkg-deb -f "$deb" Package)" = flyguard ] || fail "package name"

dpkg-deb -x "$deb" "$work/root"
binary="$work/root/usr/bin/flyguard"
[ -x "$binary" ] || fail "no usr/bin/flyguard in the package"
for hook in pre-commit pre-push pre-receive; do
  [ -x "$work/root/usr/share/flyguard/hooks/$hook" ] || fail "no executable hooks/$hook in the package"
done
"$binary" --version | grep -q '^flyguard ' || fail "the packaged binary does not run"
# The packaged binary judges a project like the built one.
cp -r "$source_dir/examples/postgres-app" "$work/app"
(cd "$work/app" && "$binary" check > "$work/check.log" 2>&1) || { cat "$work/check.log" >&2; fail "check of examples/postgres-app"; }
cp -r "$source_dir/examples/broken" "$work/broken"
set +e
(cd "$work/broken" && "$binary" check > /dev/null 2>&1)
status=$?
set -e
[ "$status" -eq 1 ] || fail "check of examples/broken exited $status, expected 1"
echo "test_deb.sh: $(basename "$deb") ok (Depends: $depends)"
