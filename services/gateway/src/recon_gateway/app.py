"""The gateway's composition root: FastAPI app, broker subscriber, outbox relay, lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from opentelemetry.instrumentation.fastapi import FastAPIInstrumentor
from recon_contracts import topics
from recon_contracts.events import ProgressReported
from recon_contracts.worker import Runtime, build_runtime

from recon_gateway.api import decisions, findings, health, lines, review, sessions, uploads
from recon_gateway.api.errors import install_error_handlers
from recon_gateway.api.schemas import ErrorResponse
from recon_gateway.api.security_headers import SecurityHeaders, TrustedHosts
from recon_gateway.auth.access import RESPONSES, install_auth_errors, require
from recon_gateway.auth.authenticators import build_authenticator
from recon_gateway.auth.roles import Role
from recon_gateway.handlers.on_progress_reported import on_progress_reported
from recon_gateway.settings import GatewaySettings

SERVICE = "gateway"


def build(settings: GatewaySettings) -> Runtime:
    """Runtime with the gateway's one subscription: progress events of every service."""
    runtime = build_runtime(SERVICE, settings)

    @runtime.broker.subscriber(runtime.topic(topics.PROGRESS), **runtime.subscription())
    async def progress_reported(event: ProgressReported) -> None:
        """Store a session's progress and move its status."""
        await on_progress_reported(event, inbox=runtime.inbox)

    return runtime


# Who may change what (reading needs any role; admin holds every role). Renaming and deleting a session are the
# uploader's, who brought its files; the review routes, the global cardholder-alias directory among them, are the
# reviewer's. Health probes, /docs and /openapi.json stay open.
ACCESS = (
    (uploads.router, Role.UPLOADER),
    (sessions.router, Role.UPLOADER),
    (lines.router, Role.REVIEWER),
    (review.router, Role.REVIEWER),
    (decisions.router, Role.REVIEWER),
    (findings.router, Role.REVIEWER),
)


def create_app(settings: GatewaySettings, http: httpx.AsyncClient | None = None) -> FastAPI:
    """The gateway; `http` fetches the OIDC issuer's keys (tests pass one serving a local issuer)."""
    runtime = build(settings)
    http = http or httpx.AsyncClient(timeout=10.0)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await runtime.broker.start()
        await runtime.start_background()
        try:
            yield
        finally:
            await runtime.broker.stop()
            await runtime.close()
            await http.aclose()

    app = FastAPI(
        title="card-recon gateway",
        version="0.1.0",
        description="Upload card statements, expense reports and receipts; follow progress; download reports.",
        lifespan=lifespan,
        # Any route may meet these: input the database cannot store, an internal error, a dependency down.
        responses={
            400: {"model": ErrorResponse, "description": "the request holds a value that cannot be used"},
            500: {"model": ErrorResponse, "description": "internal error (the body carries an error id)"},
            503: {"model": ErrorResponse, "description": "PostgreSQL or Kafka is unavailable"},
        },
    )
    app.state.runtime = runtime
    app.state.settings = settings
    # Set when the server begins to stop: progress streams end so the stop does not wait for their clients.
    app.state.draining = asyncio.Event()
    app.state.authenticator = build_authenticator(settings, http)
    install_error_handlers(app)
    install_auth_errors(app)
    # The last added is outermost: the headers go on every response, a refused Host included.
    app.add_middleware(TrustedHosts, allowed_hosts=settings.allowed_hosts)
    app.add_middleware(SecurityHeaders)
    for router, writes in ACCESS:
        app.include_router(router, dependencies=[require(writes=writes)], responses=RESPONSES)
    app.include_router(health.router)
    # Outermost: every request is a span, the root of the trace its events carry. Probes are left out, and so
    # are the spans of each body chunk sent or received (a progress stream would make hundreds).
    FastAPIInstrumentor.instrument_app(app, excluded_urls="livez,readyz,api/health", exclude_spans=["receive", "send"])
    return app
