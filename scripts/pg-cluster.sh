#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, for the test suites.
#   scripts/pg-cluster.sh start DIR [durable]  → initdb + start; prints the server URL on stdout. The
#     test suites' cluster trades durability for speed (fsync and synchronous commit off); `durable`
#     keeps PostgreSQL's defaults, for tests that crash the server and expect committed data to survive.
#   scripts/pg-cluster.sh stop DIR    → stops it and removes DIR
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
set -euo pipefail
action=${1:?start|stop}
dir=${2:?directory}
bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
[ -n "$bindir" ] || bindir=$(dirname "$(command -v pg_ctl 2>/dev/null || echo /nonexistent/pg_ctl)")
[ -x "$bindir/pg_ctl" ] || { echo "PostgreSQL server binaries not found (install the postgresql package)" >&2; exit 3; }

as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

case "$action" in
  start)
    speed='-c fsync=off -c synchronous_commit=off -c full_page_writes=off'
    [ "${3:-}" = durable ] && speed=''
    # Extra server settings for a diagnostic run (e.g. the HTTP bench's --statements: pg_stat_statements).
    speed="$speed ${MOTCUA_PG_CLUSTER_OPTIONS:-}"
    port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
    mkdir -p "$dir"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
    as_owner "$bindir/initdb" -D "$dir/data" -U motcua --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir $speed -c max_connections=200" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    echo "postgres://motcua@127.0.0.1:$port/postgres"
    ;;
  stop)
    if [ -d "$dir/data" ]; then as_owner "$bindir/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$dir"
    ;;
  *) echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
