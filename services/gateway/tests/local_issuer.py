"""An OIDC issuer inside the test process: generated keys, its discovery document and key set served through
httpx.MockTransport, and tokens minted per test."""

from __future__ import annotations

import json
import time
from typing import Any

import httpx
import jwt
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm
from recon_gateway.settings import GatewaySettings

ISSUER = "https://login.issuer.test/tenant-1/v2.0"
AUDIENCE = "api://card-recon-test"
JWKS_PATH = "/tenant-1/discovery/v2.0/keys"
PrivateKey = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def trusting_settings(database_url: str, blob_root: str, **overrides: Any) -> GatewaySettings:
    """A gateway that accepts this issuer's tokens."""
    return GatewaySettings(
        database_url=database_url,
        blob_root=blob_root,
        auth_mode="oidc",
        oidc_issuer=ISSUER,
        oidc_audience=AUDIENCE,
        **overrides,
    )


class LocalIssuer:
    def __init__(self) -> None:
        self.private: dict[str, PrivateKey] = {}
        self.published: list[str] = []
        self.key_set_fetches = 0
        self.down = False
        self.add_key("rsa-1")

    def add_key(self, kid: str, *, curve: bool = False) -> None:
        """A new signing key, published from now on (RSA, or EC P-256 with `curve`)."""
        key = ec.generate_private_key(ec.SECP256R1()) if curve else rsa.generate_private_key(65537, 2048)
        self.private[kid] = key
        self.published.append(kid)

    def retire(self, kid: str) -> None:
        self.published.remove(kid)

    def key_set(self) -> dict[str, Any]:
        keys = []
        for kid in self.published:
            key = self.private[kid]
            if isinstance(key, rsa.RSAPrivateKey):
                jwk = RSAAlgorithm.to_jwk(key.public_key(), as_dict=True)
            else:
                jwk = ECAlgorithm.to_jwk(key.public_key(), as_dict=True)
            keys.append(jwk | {"kid": kid, "use": "sig"})
        return {"keys": keys}

    def handle(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            return httpx.Response(503)
        if request.url == httpx.URL(f"{ISSUER}/.well-known/openid-configuration"):
            return httpx.Response(200, json={"issuer": ISSUER, "jwks_uri": f"https://login.issuer.test{JWKS_PATH}"})
        if request.url.path == JWKS_PATH:
            self.key_set_fetches += 1
            return httpx.Response(200, content=json.dumps(self.key_set()))
        return httpx.Response(404)

    def http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=httpx.MockTransport(self.handle))

    def token(self, *roles: str, kid: str = "rsa-1", headers: dict[str, Any] | None = None, **claims: Any) -> str:
        """A token for `roles`, signed with `kid`; `claims` override or add claims (None removes one)."""
        now = int(time.time())
        body: dict[str, Any] = {
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": "00000000-aaaa-4bbb-8ccc-000000000001",
            "name": "Ana Lima",
            "preferred_username": "ana@example.com",
            "roles": list(roles),
            "iat": now,
            "nbf": now,
            "exp": now + 600,
        }
        body.update(claims)
        body = {k: v for k, v in body.items() if v is not None}
        key = self.private[kid]
        algorithm = "RS256" if isinstance(key, rsa.RSAPrivateKey) else "ES256"
        return jwt.encode(body, key, algorithm=algorithm, headers={"kid": kid, **(headers or {})})
