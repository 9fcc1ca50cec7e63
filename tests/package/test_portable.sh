#!/usr/bin/env bash
# The portable release archive (cmake/Portable.cmake): built with CPack from a configured portable build
# directory, unpacked into a temporary root, it must run with nothing from the system but glibc 2.34+
# and libstdc++ (for the bundled simdjson) — libgit2, libpg_query, zlib, toml++ and the C++ runtime
# inside the binary, simdjson from its own lib/flyguard — and judge projects and commits like the
# ordinary build.
#   tests/package/test_portable.sh PORTABLE_BUILD_DIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
archive="$(build_package "$1" TGZ 'flyguard-*-portable-*.tar.gz')"
mkdir "$work/root"
tar -xzf "$archive" -C "$work/root" --strip-components=1
binary="$work/root/bin/flyguard"
[ -x "$binary" ] || fail "no bin/flyguard in $(basename "$archive")"

# Every shared library comes from the system's glibc or from the archive's own lib/flyguard.
libraries="$(ldd "$binary")"
echo "$libraries" | grep -q "not found" && fail "unresolved libraries:
$libraries"
while read -r name _ path _; do
  case "$name" in
    linux-vdso.so.*|/lib64/ld-linux-*|libc.so.*|libm.so.*|libpthread.so.*|libdl.so.*|librt.so.*) ;;
    libstdc++.so.*|libgcc_s.so.*) ;;  # only the bundled simdjson uses them: checked below
    *) case "$path" in "$work/root/"*) ;; *) fail "$name comes from the system ($path)" ;; esac ;;
  esac
done <<< "$libraries"
for embedded in libgit2 libpg_query libtomlplusplus libz.so libssh2 libmbed libkrb5 libgssapi; do
  echo "$libraries" | grep -q "$embedded" && fail "$embedded is a shared dependency"
done

# Amazon Linux 2023 has glibc 2.34, Ubuntu 22.04 2.35; simdjson's C++ needs are from GCC 5.
newest() { objdump -T "$1" | grep -o "$2[0-9.]*" | sort -uV | tail -n 1; }
for file in "$binary" "$work"/root/lib/flyguard/*; do
  glibc="$(newest "$file" GLIBC_)"
  [ "$(printf '%s\nGLIBC_2.34\n' "$glibc" | sort -V | tail -n 1)" = GLIBC_2.34 ] || fail "$file needs $glibc"
done
objdump -T "$binary" | grep -q GLIBCXX_ && fail "the binary itself needs a system libstdc++"
for library in "$work"/root/lib/flyguard/*; do
  glibcxx="$(newest "$library" GLIBCXX_)"
  [ -z "$glibcxx" ] || [ "$(printf '%s\nGLIBCXX_3.4.28\n' "$glibcxx" | sort -V | tail -n 1)" = GLIBCXX_3.4.28 ] ||
    fail "$library needs $glibcxx"
done

check_examples "$binary"

# libgit2 from the archive: ci refuses an edit of a migration applied on main.
repo="$work/repo"
git init -q -b main "$repo"
git -C "$repo" config user.name Test
git -C "$repo" config user.email test@example.com
mkdir -p "$repo/sql"
printf 'CREATE TABLE a (id bigint);\n' > "$repo/sql/V1__a.sql"
git -C "$repo" add -A && git -C "$repo" commit -q -m V1
git -C "$repo" checkout -q -b feature
printf 'CREATE TABLE a (id bigint, note text);\n' > "$repo/sql/V1__a.sql"
git -C "$repo" add -A
git -C "$repo" commit -q -m edit
set +e
(cd "$repo" && "$binary" ci --base main --head HEAD > "$work/ci.log" 2>&1)
status=$?
set -e
[ "$status" -eq 1 ] || { cat "$work/ci.log" >&2; fail "ci on an edited applied migration exited $status, expected 1"; }
grep -q "applied-migration-modified" "$work/ci.log" || fail "ci did not name applied-migration-modified"
echo "test_portable.sh: $(basename "$archive") ok"
