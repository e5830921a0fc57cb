#!/usr/bin/env bash
# A PostgreSQL 15 server that lives for one test run, on 127.0.0.1 only, with its data in a
# temporary folder. Run as root (initdb refuses root, so the server runs as user postgres).
#
#   eval "$(scripts/pg-throwaway.sh start)"    # sets PGTEST_DIR and BACKCHANNEL_TEST_DATABASE_URL
#   scripts/pg-throwaway.sh stop "$PGTEST_DIR"
set -euo pipefail
bin=${PGBIN:-/usr/lib/postgresql/15/bin}
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-}" in
start)
  [ -x "$bin/initdb" ] || { echo "pg-throwaway: no PostgreSQL server binaries in $bin" >&2; exit 3; }
  dir=$(mktemp -d -t bc-pg.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_postgres "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1
  # Durability off: this server holds test data only.
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres backchannel_test
  echo "export PGTEST_DIR=$dir PGTEST_PORT=$port"
  echo "export BACKCHANNEL_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$port/backchannel_test?tlsmode=disable"
  ;;
createdb)
  # A fresh database on a running server: scripts/pg-throwaway.sh createdb PORT NAME
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "${2:?port}" -U postgres "${3:?name}"
  ;;
stop)
  dir=${2:?usage: pg-throwaway.sh stop DIR}
  as_postgres "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  ;;
*)
  echo "usage: $0 start | createdb PORT NAME | stop DIR" >&2
  exit 2
  ;;
esac
