#!/usr/bin/env bash
# Project-local PostgreSQL cluster on 127.0.0.1:${PGPORT_RECON:-5433}, state under <repo>/.local/pg
# (or $PG_STATE_DIR: the chaos tests run a private cluster they may restart).
# Usage: infra/postgres.sh install|start|stop|status
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$INFRA_DIR")"
BASE="${PG_STATE_DIR:-$REPO_ROOT/.local/pg}"
DATA="$BASE/data"
SOCK="$BASE/run"
LOGFILE="$BASE/log/postgres.log"
PORT="${PGPORT_RECON:-5433}"
PG_OS_USER=postgres # only used when invoked as root

log() { echo "[postgres] $*"; }
die() { echo "[postgres] ERROR: $*" >&2; exit 1; }

# Newest installed major version, e.g. /usr/lib/postgresql/15/bin.
pg_bindir() {
  local initdb
  initdb="$(ls -d /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1 || true)"
  [[ -n "$initdb" ]] && dirname "$initdb"
}

# The server refuses to run as root, so as root every server-side command runs as $PG_OS_USER
# (from /, since root's cwd may not be readable by that user).
as_pg() {
  if [[ $EUID -eq 0 ]]; then (cd / && runuser -u "$PG_OS_USER" -- "$@"); else "$@"; fi
}

cmd_install() {
  if pg_bindir >/dev/null; then
    log "server binaries present in $(pg_bindir)"
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "PostgreSQL is not installed; run as root or: sudo apt-get install -y postgresql"
  log "installing PostgreSQL with apt-get ..."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  pg_bindir >/dev/null || die "apt-get finished but no /usr/lib/postgresql/*/bin/initdb found"
}

# Root only: make sure the postgres OS user exists, owns .local/pg and can reach it.
prepare_root() {
  [[ $EUID -eq 0 ]] || return 0
  if ! id -u "$PG_OS_USER" >/dev/null 2>&1; then
    log "creating OS user $PG_OS_USER"
    useradd --system --no-create-home --home-dir /var/lib/postgresql --shell /usr/sbin/nologin "$PG_OS_USER"
  fi
  chown -R "$PG_OS_USER:" "$BASE"
  # A clone under e.g. /root (mode 700) is not searchable by postgres: walking down from /,
  # add o+x (search only, not listing) to each directory that blocks it.
  local d="" part parts
  IFS=/ read -ra parts <<<"${BASE#/}"
  for part in "${parts[@]}"; do
    d="$d/$part"
    if ! runuser -u "$PG_OS_USER" -- test -x "$d"; then
      log "chmod o+x $d so $PG_OS_USER can reach $BASE"
      chmod o+x "$d"
    fi
  done
}

is_running() { as_pg "$BIN/pg_ctl" status -D "$DATA" >/dev/null 2>&1; }

init_cluster() {
  log "initdb in $DATA"
  as_pg "$BIN/initdb" -D "$DATA" -U postgres -E UTF8 --locale=C --auth=trust >"$BASE/log/initdb.log" 2>&1 \
    || { cat "$BASE/log/initdb.log" >&2; die "initdb failed"; }
  # Only loopback TCP and the private unix socket; no ::1 since we only listen on 127.0.0.1.
  cat >"$DATA/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 trust
host    all       all   127.0.0.1/32  trust
EOF
  echo "include_if_exists = 'recon.conf'" >>"$DATA/postgresql.conf"
}

# Regenerated on every start so PGPORT_RECON / the repo location can change between runs.
write_conf() {
  cat >"$DATA/recon.conf" <<EOF
# Written by infra/postgres.sh on every start; edits here are overwritten.
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$SOCK'
EOF
}

psql_admin() {
  "$BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres -d postgres "$@"
}

ensure_db() {
  psql_admin <<'EOF'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'recon') THEN
    CREATE ROLE recon LOGIN CREATEDB PASSWORD 'recon';
  END IF;
END $$;
SELECT format('CREATE DATABASE %I OWNER recon', d) FROM unnest(ARRAY['recon', 'recon_test']) AS d
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = d) \gexec
EOF
}

cmd_start() {
  cmd_install
  BIN="$(pg_bindir)"
  mkdir -p "$BASE/log" "$SOCK"
  prepare_root
  if [[ ! -f "$DATA/PG_VERSION" ]]; then
    init_cluster
  fi
  if is_running; then
    log "already running on 127.0.0.1:$PORT"
  else
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      die "port $PORT is already in use by another process"
    fi
    write_conf
    log "starting $("$BIN/postgres" --version) on 127.0.0.1:$PORT"
    # -w: wait until the server accepts connections (or fail after -t seconds).
    as_pg "$BIN/pg_ctl" start -w -t 60 -D "$DATA" -l "$LOGFILE" >/dev/null \
      || { tail -n 30 "$LOGFILE" >&2; die "server failed to start (log: $LOGFILE)"; }
  fi
  ensure_db
  log "ready: postgresql://recon:recon@127.0.0.1:$PORT/recon (also recon_test)"
}

cmd_stop() {
  BIN="$(pg_bindir)" || { log "not installed"; return 0; }
  if [[ -f "$DATA/PG_VERSION" ]] && is_running; then
    as_pg "$BIN/pg_ctl" stop -w -m fast -D "$DATA" >/dev/null
    log "stopped"
  else
    log "not running"
  fi
}

cmd_status() {
  BIN="$(pg_bindir)" || { log "not installed"; exit 3; }
  if [[ -f "$DATA/PG_VERSION" ]] && is_running; then
    log "running on 127.0.0.1:$PORT (data $DATA)"
  else
    log "stopped"
    exit 3
  fi
}

case "${1:-}" in
  install) cmd_install ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
