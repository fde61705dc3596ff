# syntax=docker/dockerfile:1
# One image for every card-recon service; the arguments pick the service (PID 1 is tini, which passes
# signals on and reaps children, e.g. the extractor's reading processes):
#   python -m recon_contracts.provision   one-shot: migrations, then Kafka topics
#   python -m recon_gateway               HTTP on PORT (8000)
#   python -m recon_extractor | recon_matcher | recon_reporter | recon_janitor
#   recon ...                             the CLI: extraction and reconciliation in-process
# In Kubernetes set `args`, not `command`: `command` replaces the tini entrypoint (deploy/check.sh refuses it).
# tools/docgen is dev only and not installed (with --frozen, uv reads the workspace from uv.lock alone).
# deploy/check.sh proves every workspace package installed here is copied; deploy/tests/test_image_build.py
# runs these uv steps on exactly the copied files.

# An exact tag (pin the digest too where your registry mirror resolves it: python:3.11.14-slim-bookworm@sha256:...).
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ARG UV_VERSION=0.13.9
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1 \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PROJECT_ENVIRONMENT=/app/.venv
RUN pip install "uv==${UV_VERSION}"
WORKDIR /src
# Every workspace member except tools/docgen (what `--all-packages` would add is docgen and its fpdf2).
ARG SERVICES="--package recon-gateway --package recon-extractor --package recon-matcher --package recon-reporter --package recon-janitor --package recon-cli"

# Dependencies first: this layer is rebuilt only when a pyproject or the lock changes.
COPY pyproject.toml uv.lock ./
COPY contracts/pyproject.toml contracts/
COPY services/gateway/pyproject.toml services/gateway/
COPY services/extractor/pyproject.toml services/extractor/
COPY services/matcher/pyproject.toml services/matcher/
COPY services/reporter/pyproject.toml services/reporter/
COPY services/janitor/pyproject.toml services/janitor/
COPY tools/cli/pyproject.toml tools/cli/
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable --no-install-workspace $SERVICES

# Then the workspace members themselves, installed as wheels (no link back to /src).
COPY contracts/src contracts/src
COPY services/gateway/src services/gateway/src
COPY services/extractor/src services/extractor/src
COPY services/matcher/src services/matcher/src
COPY services/reporter/src services/reporter/src
COPY services/janitor/src services/janitor/src
COPY tools/cli/src tools/cli/src
RUN --mount=type=cache,target=/root/.cache/uv \
    uv sync --frozen --no-dev --no-editable $SERVICES

FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/app/.venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    BIND_HOST=0.0.0.0 \
    BLOB_ROOT=/data/blobs
RUN apt-get update \
    && apt-get install -y --no-install-recommends tini \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 recon \
    && useradd --system --uid 10001 --gid recon --home-dir /app --no-create-home --shell /usr/sbin/nologin recon \
    && mkdir -p /data/blobs \
    && chown recon:recon /data/blobs
COPY --from=build /app/.venv /app/.venv
WORKDIR /app
# Numeric so Kubernetes runAsNonRoot can verify it.
USER 10001:10001
EXPOSE 8000
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["python", "-m", "recon_gateway"]
