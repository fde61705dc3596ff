#!/usr/bin/env bash
# The whole local stack: Kafka, PostgreSQL, provisioning (migrations + topics), every service and the
# web UI (infra/web.sh), as background processes on loopback. Logs in .local/logs, pids in .local/run.
# Usage: infra/stack.sh up|down|status
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$INFRA_DIR")"
RUN="$REPO_ROOT/.local/run"
LOGS="$REPO_ROOT/.local/logs"
PY="$REPO_ROOT/.venv/bin/python"
SERVICES=(gateway extractor matcher reporter janitor)
GATEWAY_PORT="${PORT:-8000}"

log() { echo "[stack] $*"; }

running() { [[ -f "$RUN/$1.pid" ]] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

cmd_up() {
  bash "$INFRA_DIR/postgres.sh" start
  bash "$INFRA_DIR/kafka.sh" start
  # shellcheck source=/dev/null
  . "$INFRA_DIR/env.sh"
  mkdir -p "$RUN" "$LOGS" "$BLOB_ROOT"
  "$PY" -m recon_contracts.provision
  for svc in "${SERVICES[@]}"; do
    if running "$svc"; then log "$svc already running"; continue; fi
    PORT="$GATEWAY_PORT" nohup "$PY" -m "recon_$svc" >>"$LOGS/$svc.log" 2>&1 &
    echo $! >"$RUN/$svc.pid"
    log "$svc started (pid $!, log .local/logs/$svc.log)"
  done
  for _ in $(seq 1 60); do
    if curl -fsS "http://127.0.0.1:$GATEWAY_PORT/api/health" >/dev/null 2>&1; then
      log "card-recon API is up: http://127.0.0.1:$GATEWAY_PORT  (API docs: http://127.0.0.1:$GATEWAY_PORT/docs)"
      GATEWAY_URL="http://127.0.0.1:$GATEWAY_PORT" bash "$INFRA_DIR/web.sh" start
      return 0
    fi
    sleep 1
  done
  log "gateway did not become healthy; last log lines:"; tail -n 30 "$LOGS/gateway.log" >&2
  return 1
}

cmd_down() {
  bash "$INFRA_DIR/web.sh" stop
  for svc in "${SERVICES[@]}"; do
    if running "$svc"; then kill "$(cat "$RUN/$svc.pid")"; log "$svc stopped"; fi
    rm -f "$RUN/$svc.pid"
  done
  if [[ "${1:-}" == "--all" ]]; then
    bash "$INFRA_DIR/kafka.sh" stop
    bash "$INFRA_DIR/postgres.sh" stop
  fi
}

cmd_status() {
  bash "$INFRA_DIR/postgres.sh" status || true
  bash "$INFRA_DIR/kafka.sh" status || true
  for svc in "${SERVICES[@]}"; do
    if running "$svc"; then log "$svc running (pid $(cat "$RUN/$svc.pid"))"; else log "$svc stopped"; fi
  done
  bash "$INFRA_DIR/web.sh" status
}

case "${1:-}" in
  up) cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) cmd_status ;;
  *) echo "usage: $0 up|down [--all]|status" >&2; exit 2 ;;
esac
