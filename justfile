# card-recon: every recipe runs from a fresh clone through ./dev (which installs uv, just and the workspace).

set shell := ["bash", "-euo", "pipefail", "-c"]

py := ".venv/bin/python"
test_db := "postgresql+asyncpg://recon:recon@127.0.0.1:5433/recon_test"

# List the recipes.
default:
    @just --list

# ── Run ────────────────────────────────────────────────────────────────────────

# Bring up the whole stack (Kafka, PostgreSQL, migrations, every service, the web UI) and print its URLs.
up:
    bash infra/stack.sh up

# Stop the services (add --all to stop Kafka and PostgreSQL too).
down *args:
    bash infra/stack.sh down {{args}}

# Show what is running.
status:
    bash infra/stack.sh status

# ── Test ───────────────────────────────────────────────────────────────────────

# Everything CI runs: lint, types, contract files, deploy manifests, web UI checks, then every test (browser ones too) on real Kafka + PostgreSQL.
test: lint typecheck asyncapi-check deploy-check web-check infra fonts
    DATABASE_URL={{test_db}} KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 {{py}} -m pytest -q -p no:cacheprovider

# Only the fast pure tests (no Kafka, no PostgreSQL).
unit: fonts
    {{py}} -m pytest -q -m "not integration and not e2e"

# ruff lint and format check.
lint:
    {{py}} -m ruff check .
    {{py}} -m ruff format --check .

# mypy over every package.
typecheck:
    {{py}} -m mypy contracts/src services/*/src tools/docgen/src tools/cli/src

# ── Web UI ─────────────────────────────────────────────────────────────────────

# The web UI's own checks: type check (tsc), lint (ESLint) and component tests (Vitest).
web-check:
    bash infra/web.sh install
    cd web && npm run --silent typecheck && npm run --silent lint && npm run --silent test

# Build the web UI (skipped while its sources are unchanged).
web-build:
    bash infra/web.sh build

# Next.js dev server on :3000 against a running gateway (GATEWAY_URL, default http://127.0.0.1:8000).
web-dev:
    bash infra/web.sh install
    cd web && npm run dev

# ── Contracts and deploy ───────────────────────────────────────────────────────

# Regenerate the AsyncAPI document from the services' subscribers.
asyncapi:
    {{py}} scripts/export_asyncapi.py contracts/asyncapi.json

# Fail when contracts/asyncapi.json is not what the subscribers generate.
asyncapi-check:
    {{py}} scripts/export_asyncapi.py --check contracts/asyncapi.json

# docker compose config and both Kustomize overlays build.
deploy-check:
    bash deploy/check.sh

# Debian's DejaVu TrueType fonts, which docgen embeds in WEX layouts (installed when missing; needs root).
fonts:
    @test -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf || (apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q fonts-dejavu-core)

# Start Kafka and PostgreSQL (idempotent).
infra:
    bash infra/postgres.sh start
    bash infra/kafka.sh start
