"""Every route of the OpenAPI document against a local issuer, on the real app and PostgreSQL (no Kafka):
401 without a token, 403 without the role it needs, through with it; the audit actor is the token's user."""

from __future__ import annotations

import re
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from recon_gateway.app import create_app

from services.gateway.tests.local_issuer import LocalIssuer, trusting_settings

pytestmark = pytest.mark.integration
OPEN = re.compile(r"^/api/health(/|$)")
# The role each change needs, written out here rather than read from the app: a new write route fails the walk
# until someone decides who may call it. Reading needs any role; admin holds every role.
WRITES = {
    ("POST", "/api/upload"): "uploader",
    ("POST", "/api/sessions/{session_id}/uploads"): "uploader",
    ("PATCH", "/api/sessions/{session_id}"): "uploader",
    ("DELETE", "/api/sessions/{session_id}"): "uploader",
    ("POST", "/api/sessions/{session_id}/lines/{transaction_id}/decisions"): "reviewer",
    ("POST", "/api/sessions/{session_id}/decisions"): "reviewer",
    ("POST", "/api/sessions/{session_id}/cardholder-aliases"): "reviewer",
    ("POST", "/api/sessions/{session_id}/files/{upload_id}/findings/accept"): "reviewer",
}
ROLES = ("uploader", "reviewer", "admin")


@pytest.fixture
def issuer() -> LocalIssuer:
    return LocalIssuer()


@pytest.fixture
async def app_client(migrated: str, issuer: LocalIssuer, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(trusting_settings(migrated, str(tmp_path)), http=issuer.http())
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
        yield client
    await app.state.runtime.engine.dispose()


def _routes(document: dict[str, object]) -> list[tuple[str, str]]:
    paths = document["paths"]
    assert isinstance(paths, dict)
    return [(method.upper(), path) for path, item in paths.items() for method in item if not OPEN.match(path)]


def _url(path: str) -> str:
    return re.sub(r"\{[^}]+\}", lambda _: str(uuid.uuid4()), path)


async def test_every_route_needs_a_token_and_its_role(app_client: httpx.AsyncClient, issuer: LocalIssuer) -> None:
    routes = _routes((await app_client.get("/openapi.json")).json())
    assert len(routes) >= 15 and {k for k in routes if k[0] != "GET"} == set(WRITES)
    for method, path in routes:
        url, needed = _url(path), WRITES.get((method, path))
        anonymous = await app_client.request(method, url)
        assert anonymous.status_code == 401, (method, path, anonymous.text)
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        assert anonymous.json()["error"]["code"] == "not_signed_in"

        others = [r for r in ROLES if r not in (needed, "admin")] if needed else []
        refused = await app_client.request(method, url, headers=_bearer(issuer.token(*others)))
        assert refused.status_code == 403, (method, path, others, refused.text)
        assert refused.json()["error"]["code"] == "forbidden"

        for roles in ([needed or "reviewer"], ["admin"]):
            allowed = await app_client.request(method, url, headers=_bearer(issuer.token(*roles)))
            assert allowed.status_code not in (401, 403), (method, path, roles, allowed.text)


async def test_health_and_the_api_documents_stay_open(app_client: httpx.AsyncClient) -> None:
    document = (await app_client.get("/openapi.json")).json()
    health = [p for p in document["paths"] if OPEN.match(p)]
    assert health
    for path in [*health, "/livez", "/readyz"]:  # the probes outside the document too
        assert (await app_client.get(path)).status_code not in (401, 403, 404), path
    assert (await app_client.get("/docs")).status_code == 200
    assert document["components"]["securitySchemes"]["HTTPBearer"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "an access token of the OIDC issuer (OIDC_ISSUER, OIDC_AUDIENCE)",
    }


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"exp": 1_700_000_000}, "Signature has expired"),
        ({"aud": "api://another-app"}, "Audience doesn't match"),
        ({"iss": "https://login.issuer.test/other-tenant/v2.0"}, "Invalid issuer"),
    ],
)
async def test_an_expired_or_foreign_token_is_401(
    app_client: httpx.AsyncClient, issuer: LocalIssuer, claims: dict[str, object], why: str
) -> None:
    answer = await app_client.get("/api/sessions", headers=_bearer(issuer.token("admin", **claims)))
    assert answer.status_code == 401
    assert answer.json()["error"]["code"] == "invalid_token" and why in answer.json()["error"]["message"]
    assert answer.headers["www-authenticate"].startswith('Bearer error="invalid_token", error_description="')


async def test_an_unreachable_issuer_is_503_not_a_refusal(app_client: httpx.AsyncClient, issuer: LocalIssuer) -> None:
    issuer.down = True
    answer = await app_client.get("/api/sessions", headers=_bearer(issuer.token("admin")))
    assert answer.status_code == 503 and answer.json()["error"]["code"] == "issuer_unavailable"


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}
