#!/usr/bin/env bash
# A throwaway PostgreSQL on 127.0.0.1 for tests (Debian's package; installed when missing).
# Prints the connection URL. Usage: eval "$(bash scripts/start-postgres.sh)"  -> DATABASE_URL_PG
set -euo pipefail
PGPORT="${PGPORT_TRELLIS:-55432}"
DIR="${PGDATA_TRELLIS:-/tmp/trellis-pg}"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ]; then
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o DPkg::Lock::Timeout=300 postgresql >&2
  BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi
RUN=""; [ "$(id -u)" -eq 0 ] && RUN="runuser -u postgres --"
if ! $RUN "$BIN/pg_isready" -h 127.0.0.1 -p "$PGPORT" -q 2>/dev/null; then
  if [ ! -f "$DIR/PG_VERSION" ]; then
    mkdir -p "$DIR"; [ -n "$RUN" ] && chown postgres "$DIR"
    $RUN "$BIN/initdb" -D "$DIR" -U trellis --auth=trust >/dev/null
  fi
  $RUN "$BIN/pg_ctl" -D "$DIR" -o "-h 127.0.0.1 -p $PGPORT -k /tmp" -l "$DIR/server.log" -w start >/dev/null
fi
echo "DATABASE_URL_PG=postgresql://trellis@127.0.0.1:$PGPORT/postgres"
