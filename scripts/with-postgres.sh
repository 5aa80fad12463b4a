#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on a free loopback port, then stop and remove it.
# The command sees GOALWRITER_TEST_PG_URL (a superuser URL) and GOALWRITER_REQUIRE_PG=1, so the
# server-backed tests fail rather than skip if the server is missing.
# If GOALWRITER_TEST_PG_URL is already set, that server is used and none is started.
set -euo pipefail

if [[ -n "${GOALWRITER_TEST_PG_URL:-}" ]]; then
  GOALWRITER_REQUIRE_PG=1 exec "$@"
fi

pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$pgbin" ]]; then
  echo "with-postgres: PostgreSQL is not installed (scripts/system-deps.sh test installs it)" >&2
  exit 1
fi
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
data=$(mktemp -d -t goalwriter-pg-XXXXXX)
sock=$(mktemp -d -t goalwriter-pgsock-XXXXXX)

as_pg() {
  if [[ $(id -u) -eq 0 ]]; then
    chown -R postgres:postgres "$data" "$sock"
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}

cleanup() {
  as_pg "'$pgbin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null 2>&1 || true
  rm -rf "$data" "$sock"
}
trap cleanup EXIT INT TERM

as_pg "'$pgbin/initdb' -D '$data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >/dev/null
as_pg "'$pgbin/pg_ctl' -D '$data' -l '$data/server.log' -w -o \"-c listen_addresses=127.0.0.1 -p $port -k $sock -c fsync=off\" start" >/dev/null
echo "with-postgres: PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port"

export GOALWRITER_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
export GOALWRITER_REQUIRE_PG=1
set +e
"$@"
status=$?
set -e
exit $status
