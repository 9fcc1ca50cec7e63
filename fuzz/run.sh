#!/usr/bin/env bash
# Builds the libFuzzer targets (the `fuzz` preset: Clang, ASan + UBSan) and runs them.
#   fuzz/run.sh [--seconds N] [TARGET...]   start each target for N seconds (default 1800) in the
#                                           background and return; logs in build/fuzz/runs/
#   fuzz/run.sh --status                    executions, coverage and findings of the last runs
#   fuzz/run.sh --smoke                     run every target over its seed corpus once (tests/run.sh)
# Targets: sql_file migration_name config hook_input checksum. Seeds come from ../shared/corpus and the
# examples; the growing corpus stays in build/fuzz/corpus/<target>. A crash, leak or timeout is written
# to build/fuzz/runs/<target>/ and must become a regression test (docs/robustness.md).
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$SOURCE_DIR/build/fuzz"
CORPUS="$SOURCE_DIR/../shared/corpus"
ALL_TARGETS=(sql_file migration_name config hook_input checksum)
SECONDS_PER_TARGET=1800
MODE=run
TARGETS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) SECONDS_PER_TARGET="$2"; shift 2 ;;
    --status) MODE=status; shift ;;
    --smoke) MODE=smoke; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) TARGETS+=("$1"); shift ;;
  esac
done
[ "${#TARGETS[@]}" -gt 0 ] || TARGETS=("${ALL_TARGETS[@]}")

status() {
  for target in "${TARGETS[@]}"; do
    local log="$BUILD/runs/$target.log"
    [ -f "$log" ] || { echo "$target: never run"; continue; }
    local last findings
    last="$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)"
    findings="$(find "$BUILD/runs/$target" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null | wc -l)"
    echo "$target: ${last:-no progress yet} | findings: $findings"
  done
}
if [ "$MODE" = status ]; then status; exit 0; fi

# The same third-party leak suppressions as the sanitizer test run (each entry says why).
export LSAN_OPTIONS="suppressions=$SOURCE_DIR/tests/lsan.supp:print_suppressions=0${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

cd "$SOURCE_DIR"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-$(nproc)}" >/dev/null

# Seeds: one file per input. A leading byte selects the dialect (sql_file) or the file kind (config).
seed() {
  local target="$1" dir="$BUILD/seeds/$1"
  rm -rf "$dir" && mkdir -p "$dir"
  case "$target" in
    sql_file)
      local n=0
      for dialect in postgres redshift; do
        local byte; byte=$([ "$dialect" = postgres ] && printf '\\x00' || printf '\\x01')
        while IFS= read -r -d '' file; do
          n=$((n + 1)); { printf "$byte"; head -c 65536 "$file"; } > "$dir/$dialect-$n.sql"
        done < <(find "$CORPUS/$dialect" -name '*.sql' -size -64k -print0 | sort -z | sed -z -n '1,400p')
      done ;;
    migration_name)
      find "$CORPUS" -name '*.sql' -printf '%f\n' | sort -u | sed -n '1,2000p' | split -l 1 - "$dir/name-"
      printf 'V1.2.3__x.sql' > "$dir/dotted"; printf '1.10\n1.9' > "$dir/pair"; printf 'latest\n2' > "$dir/special" ;;
    config)
      printf '\x00fail_on = "warning"\npg_version = 14\n[rules]\nban-drop-table = "off"\n' > "$dir/flyguard.toml"
      printf '\x01protected_branches = ["main"]\n[override]\nallowed_users = ["a"]\n' > "$dir/server.toml"
      printf '\x02flyway.locations=filesystem:sql,classpath:db/migration\nflyway.placeholders.a=b\nflyway.sqlMigrationSuffixes=.sql,.pgsql\n' > "$dir/flyway.conf"
      printf '\x03[flyway]\nlocations = ["filesystem:sql"]\n[flyway.placeholders]\na = "b"\n[environments.default]\nurl = "jdbc:redshift://h:5439/d"\n' > "$dir/flyway.toml"
      printf '\x04executeInTransaction=false\nencoding=UTF-8\n' > "$dir/sql.conf" ;;
    hook_input)
      printf '%040d %040d refs/heads/main\n' 0 1 > "$dir/receive"
      printf 'refs/heads/main %040d refs/heads/main %040d\n' 1 0 > "$dir/push" ;;
    checksum)
      find "$CORPUS/postgres" -name '*.sql' -size -16k | sort | sed -n '1,200p' | while read -r file; do cp "$file" "$dir/"; done ;;
  esac
}

mkdir -p "$BUILD/runs" "$BUILD/corpus"
for target in "${TARGETS[@]}"; do
  seed "$target"
  mkdir -p "$BUILD/corpus/$target" "$BUILD/runs/$target"
  binary="$BUILD/fuzz/fuzz_$target"
  if [ "$MODE" = smoke ]; then
    echo "==> fuzz smoke: $target"
    (cd "$BUILD/runs/$target" && "$binary" -runs=0 -max_len=65536 "$BUILD/seeds/$target" >"$BUILD/runs/$target.smoke.log" 2>&1) ||
      { tail -n 30 "$BUILD/runs/$target.smoke.log"; exit 1; }
    continue
  fi
  (cd "$BUILD/runs/$target" && nohup "$binary" -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 \
     -rss_limit_mb=2048 -print_final_stats=1 "$BUILD/corpus/$target" "$BUILD/seeds/$target" \
     >"$BUILD/runs/$target.log" 2>&1 &)
  echo "started $target for ${SECONDS_PER_TARGET}s: $BUILD/runs/$target.log"
done
