#!/usr/bin/env bash
# Debian's headless-capable Chromium for the web UI's browser tests (no browser is downloaded by npm).
# Usage: infra/chromium.sh install   (idempotent; prints the browser's path)
set -euo pipefail

BROWSER=/usr/bin/chromium

log() { echo "[chromium] $*"; }
die() { echo "[chromium] ERROR: $*" >&2; exit 1; }

cmd_install() {
  if [[ -x "$BROWSER" ]]; then
    log "present: $("$BROWSER" --version 2>/dev/null || echo "$BROWSER")"
    return 0
  fi
  [[ $EUID -eq 0 ]] || die "Chromium is not installed; run as root or: sudo apt-get install -y chromium"
  log "installing Chromium with apt-get ..."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core
  [[ -x "$BROWSER" ]] || die "apt-get finished but $BROWSER is missing"
  log "installed: $("$BROWSER" --version)"
}

case "${1:-}" in
  install) cmd_install ;;
  *) echo "usage: $0 install" >&2; exit 2 ;;
esac
