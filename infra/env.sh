#!/usr/bin/env bash
# Source me:  . infra/env.sh
# Exports connection settings for the local infra (infra/kafka.sh, infra/postgres.sh).
# Each variable is only set if not already set, so CI or a developer can override it.
# No `set -euo pipefail` here: it would leak into (and could kill) the sourcing shell.

_recon_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"

: "${KAFKA_BOOTSTRAP_SERVERS:=127.0.0.1:${KAFKA_PORT:-9092}}"
: "${DATABASE_URL:=postgresql+asyncpg://recon:recon@127.0.0.1:${PGPORT_RECON:-5433}/recon}"
: "${BLOB_ROOT:=$_recon_root/.local/blobs}"
# The local stack has no identity provider: the gateway acts as one dev user with every role (it says so loudly).
: "${AUTH_MODE:=dev}"
export KAFKA_BOOTSTRAP_SERVERS DATABASE_URL BLOB_ROOT AUTH_MODE

unset _recon_root
