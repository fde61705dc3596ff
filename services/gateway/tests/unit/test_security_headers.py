"""Security headers on every response, a sandbox on served files, and the Host check (health exempt)."""

from __future__ import annotations

import httpx
import pytest
from fastapi import FastAPI
from fastapi.responses import PlainTextResponse
from pydantic import ValidationError
from recon_gateway.api.security_headers import SANDBOX, SecurityHeaders, TrustedHosts
from recon_gateway.settings import GatewaySettings


def _app() -> FastAPI:
    app = FastAPI()

    @app.get("/api/sessions/{sid}/receipts/{rid}/file")
    async def receipt_file() -> PlainTextResponse:
        return PlainTextResponse("<svg onload=alert(1)>", media_type="image/svg+xml")

    @app.get("/api/sessions")
    async def sessions() -> dict[str, int]:
        return {"total": 0}

    @app.get("/api/health")
    async def health() -> dict[str, str]:
        return {"status": "ok"}

    app.add_middleware(TrustedHosts, allowed_hosts=["gateway.example", "127.0.0.1"])
    app.add_middleware(SecurityHeaders)
    return app


async def _get(path: str, host: str = "gateway.example") -> httpx.Response:
    transport = httpx.ASGITransport(app=_app())
    async with httpx.AsyncClient(transport=transport, base_url=f"http://{host}") as client:
        return await client.get(path)


async def test_every_response_is_nosniff_without_referrer_and_served_files_are_sandboxed() -> None:
    listing = await _get("/api/sessions")
    assert listing.status_code == 200
    assert listing.headers["x-content-type-options"] == "nosniff"
    assert listing.headers["referrer-policy"] == "no-referrer"
    assert "content-security-policy" not in listing.headers
    served = await _get("/api/sessions/s/receipts/r/file")
    assert served.headers["content-security-policy"] == SANDBOX
    assert served.headers["content-security-policy"].startswith("sandbox")
    assert served.headers["x-content-type-options"] == "nosniff"


async def test_an_unknown_host_is_refused_but_the_health_probe_is_not() -> None:
    refused = await _get("/api/sessions", host="evil.example")
    assert refused.status_code == 400
    assert refused.headers["x-content-type-options"] == "nosniff"
    assert (await _get("/api/sessions", host="127.0.0.1:8000")).status_code == 200
    assert (await _get("/api/health", host="10.1.2.3:8000")).status_code == 200


def test_production_must_name_its_hosts() -> None:
    real = {"database_url": "postgresql+asyncpg://recon:s3cret-value@db:5432/recon", "auth_mode": "oidc"}
    for hosts in ({}, {"allowed_hosts": ["*"]}):
        with pytest.raises(ValidationError, match="set ALLOWED_HOSTS"):
            GatewaySettings(environment="production", **real, **hosts)
    named = GatewaySettings(environment="production", **real, allowed_hosts=["recon.example.com"])
    assert named.allowed_hosts == ["recon.example.com"]
    assert GatewaySettings().allowed_hosts == ["localhost", "127.0.0.1", "::1"]
