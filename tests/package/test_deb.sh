#!/usr/bin/env bash
# Builds the .deb with CPack from a configured build directory and installs it into a temporary root:
# the package must hold a working flyguard, its hooks, and the shared-library dependencies that
# dpkg-shlibdeps found.
#   tests/package/test_deb.sh BUILD_DIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
deb="$(build_package "$1" DEB 'flyguard_*.deb')"

depends="$(dpkg-deb -f "$deb" Depends)"
case "$depends" in *libsimdjson*) ;; *) fail "Depends lacks libsimdjson: $depends" ;; esac
case "$depends" in *libgit2*|*libpg-query*) fail "libgit2 and libpg_query are linked in, not dependencies: $depends" ;; esac
case "$depends" in *libc6*) ;; *) fail "Depends lacks libc6: $depends" ;; esac
case "$depends" in *libpq*) fail "libpq must not be a hard dependency: $depends" ;; esac
[ "$(dpkg-deb -f "$deb" Package)" = flyguard ] || fail "package name"

dpkg-deb -x "$deb" "$work/root"
binary="$work/root/usr/bin/flyguard"
[ -x "$binary" ] || fail "no usr/bin/flyguard in the package"
for hook in pre-commit pre-push pre-receive; do
  [ -x "$work/root/usr/share/flyguard/hooks/$hook" ] || fail "no executable hooks/$hook in the package"
done
check_examples "$binary"
echo "test_deb.sh: $(basename "$deb") ok (Depends: $depends)"
