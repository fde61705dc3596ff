#!/usr/bin/env bash
# The web UI (Next.js, web/): installed from package-lock.json, built once per change of its sources, and
# served by `next start` on loopback, proxying /api to the gateway (GATEWAY_URL).
# Usage: infra/web.sh install|build|start|stop|status
set -euo pipefail

INFRA_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$INFRA_DIR")"
WEB="$REPO_ROOT/web"
RUN="$REPO_ROOT/.local/run"
LOGS="$REPO_ROOT/.local/logs"
WEB_PORT="${WEB_PORT:-3000}"
GATEWAY_URL="${GATEWAY_URL:-http://127.0.0.1:${PORT:-8000}}"
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

log() { echo "[web] $*"; }
die() { echo "[web] ERROR: $*" >&2; exit 1; }

need_node() {
  command -v node >/dev/null || die "Node.js 20.19 or newer is needed for the web UI (https://nodejs.org)"
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)' \
    || die "Node.js $(node -v) is too old for the web UI: 20.19 or newer is needed"
}

cmd_install() {
  need_node
  local stamp="$WEB/node_modules/.package-lock.json"
  if [[ -f "$stamp" && "$stamp" -nt "$WEB/package-lock.json" ]]; then return 0; fi
  log "installing packages from web/package-lock.json (npm ci) ..."
  (cd "$WEB" && npm ci --no-audit --no-fund --loglevel=error)
}

sources_hash() {
  (cd "$WEB" && find src package-lock.json next.config.ts tsconfig.json -type f -print0 | sort -z \
    | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

cmd_build() {
  cmd_install
  local stamp="$WEB/.next/card-recon-sources" wanted
  wanted="$(sources_hash)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then log "build is up to date"; return 0; fi
  log "building (next build) ..."
  (cd "$WEB" && node_modules/.bin/next build >"${LOGS}/web-build.log" 2>&1) \
    || { tail -n 40 "$LOGS/web-build.log" >&2; die "next build failed (log: .local/logs/web-build.log)"; }
  echo "$wanted" >"$stamp"
}

running() { [[ -f "$RUN/web.pid" ]] && kill -0 "$(cat "$RUN/web.pid")" 2>/dev/null; }

cmd_start() {
  mkdir -p "$RUN" "$LOGS"
  if running; then log "already running: http://127.0.0.1:$WEB_PORT"; return 0; fi
  cmd_build
  # a process group of its own (next start runs its server as a child), so stop ends both
  (cd "$WEB" && GATEWAY_URL="$GATEWAY_URL" PIDFILE="$RUN/web.pid" setsid bash -c \
    'echo $$ >"$PIDFILE"; exec node_modules/.bin/next start -H 127.0.0.1 -p "$0"' "$WEB_PORT" >>"$LOGS/web.log" 2>&1 &)
  echo "$WEB_PORT" >"$RUN/web.port"
  for _ in $(seq 1 30); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$WEB_PORT/" 2>/dev/null; then
      log "web UI is up: http://127.0.0.1:$WEB_PORT  (API through it at /api, gateway $GATEWAY_URL)"
      return 0
    fi
    sleep 1
  done
  tail -n 30 "$LOGS/web.log" >&2
  die "the web UI did not answer on port $WEB_PORT"
}

cmd_stop() {
  if running; then
    kill -- "-$(cat "$RUN/web.pid")"
    log "web stopped"
  fi
  rm -f "$RUN/web.pid" "$RUN/web.port"
}

cmd_status() {
  if running; then log "web running (pid $(cat "$RUN/web.pid")): http://127.0.0.1:$(cat "$RUN/web.port")"; else log "web stopped"; fi
}

case "${1:-}" in
  install) mkdir -p "$LOGS"; cmd_install ;;
  build) mkdir -p "$LOGS"; cmd_build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 install|build|start|stop|status" >&2; exit 2 ;;
esac
