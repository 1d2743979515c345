#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server for the test suite's second engine and
# prints its connection URL on stdout. The cluster lives in a temporary
# directory, listens on loopback only and trusts local connections: it holds
# nothing but test schemas. Usage: url=$(scripts/local-postgres.sh [DIR] [PORT])
set -euo pipefail
dir="${1:-$(mktemp -d -t salescope-pg-XXXXXX)}"
mkdir -p "$dir"
port="${2:-}"
bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
[ -x "$bin/initdb" ] || { echo "PostgreSQL server binaries not found (Debian package: postgresql)" >&2; exit 1; }

# No port given: the first free one from 54329 up (another server, or another run, may hold one).
if [ -z "$port" ]; then
  for candidate in $(seq 54329 54399); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
  done
  [ -n "$port" ] || { echo "no free port between 54329 and 54399 for the test PostgreSQL server" >&2; exit 1; }
fi

# initdb refuses to run as root; the Debian package's postgres user owns the cluster then.
as=()
if [ "$(id -u)" -eq 0 ]; then
  as=(runuser -u postgres --)
  chown postgres "$dir"
fi
"${as[@]}" "$bin/initdb" -D "$dir/data" -U salescope --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }
"$bin/createdb" -h 127.0.0.1 -p "$port" -U salescope salescope
echo "postgres://salescope@127.0.0.1:$port/salescope"
