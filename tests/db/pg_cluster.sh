#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the verify tests and benchmark, on a free loopback port.
#   pg_cluster.sh start INFO   initdb into a new temporary directory and start the server; writes
#                              "<port> <user> <password> <directory>" to INFO
#   pg_cluster.sh stop INFO    stop the server, remove its directory and INFO
# PostgreSQL refuses to run as root: as root, the server runs as the `postgres` user of Debian's package.
set -euo pipefail

usage() { sed -n '2,6p' "$0" >&2; exit 2; }
[ $# -eq 2 ] || usage
action="$1"
info="$2"

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "pg_cluster.sh: no PostgreSQL server found under /usr/lib/postgresql (apt-get install postgresql)" >&2
  exit 1
fi

as_server_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
  local dir password port
  dir="$(mktemp -d /tmp/flyguard-pg.XXXXXX)"
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir"
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown postgres "$dir/pwfile"
  as_server_user "$bindir/initdb" -D "$dir/data" -U flyguard --auth=scram-sha-256 --pwfile="$dir/pwfile" \
    -E UTF8 --no-locale > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; rm -rf "$dir"; exit 1; }
  rm -f "$dir/pwfile"
  # Another process may take the port between the probe and the bind: try a few.
  for attempt in 1 2 3 4 5; do
    port="$(free_port)"
    if as_server_user "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
         -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50" start > /dev/null; then
      printf '%s flyguard %s %s\n' "$port" "$password" "$dir" > "$info"
      return 0
    fi
  done
  cat "$dir/server.log" >&2
  rm -rf "$dir"
  exit 1
}

stop() {
  [ -f "$info" ] || return 0
  local port user password dir
  read -r port user password dir < "$info"
  as_server_user "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 || true
  case "$dir" in /tmp/flyguard-pg.*) rm -rf "$dir" ;; esac
  rm -f "$info"
}

case "$action" in
  start) start ;;
  stop) stop ;;
  *) usage ;;
esac
