"""Who a request's bearer token names: verified against the OIDC issuer, or the one configured dev user."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import httpx
import jwt
import structlog

from recon_gateway.auth.issuer_keys import IssuerKeys, UnknownKey
from recon_gateway.auth.roles import ClaimsRefused, Role, User, user_from_claims
from recon_gateway.settings import GatewaySettings

log = structlog.get_logger(__name__)

# Asymmetric only: the issuer signs, we verify with its public keys (no shared secret, no "none").
ALGORITHMS = ("RS256", "ES256")


class NotSignedIn(Exception):
    """No bearer token came with the request."""


class TokenRefused(Exception):
    """The bearer token is not one this gateway accepts; the message says why."""


class Authenticator(Protocol):
    async def user(self, token: str | None) -> User: ...


@dataclass(frozen=True)
class OidcAuthenticator:
    keys: IssuerKeys
    issuer: str
    audience: str
    leeway_seconds: float
    roles_claim: str
    actor_claims: Sequence[str]

    async def user(self, token: str | None) -> User:
        """The token's user; raises NotSignedIn, TokenRefused, or IssuerUnavailable (the keys cannot be read)."""
        if not token:
            raise NotSignedIn
        try:
            header = jwt.get_unverified_header(token)
        except jwt.InvalidTokenError as exc:
            raise TokenRefused(f"the bearer token is not a JWT ({exc})") from exc
        if header.get("alg") not in ALGORITHMS:
            raise TokenRefused(f"tokens signed with {str(header.get('alg'))[:20]!r} are not accepted (RS256, ES256)")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise TokenRefused("the bearer token names no signing key (kid)")
        try:
            key = await self.keys.key(kid)
            claims = jwt.decode(
                token,
                key,
                algorithms=list(ALGORITHMS),
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway_seconds,
                options={"require": ["exp", "iss", "aud"]},
            )
            return user_from_claims(claims, roles_claim=self.roles_claim, actor_claims=self.actor_claims)
        except (UnknownKey, ClaimsRefused, jwt.InvalidTokenError) as exc:
            raise TokenRefused(f"the bearer token was refused: {exc}") from exc


@dataclass(frozen=True)
class DevAuthenticator:
    """Development without an identity provider: every request is the one dev user, with every role."""

    dev_user: User

    async def user(self, token: str | None) -> User:
        return self.dev_user


def build_authenticator(settings: GatewaySettings, http: httpx.AsyncClient) -> Authenticator:
    """The configured authenticator; refuses to start on an incomplete OIDC configuration."""
    if settings.auth_mode == "dev":
        log.warning(
            "AUTH_MODE=dev: NO SIGN-IN. Every request acts as one user with every role; never expose this gateway",
            dev_user=settings.dev_user,
        )
        return DevAuthenticator(User(actor=settings.dev_user, roles=frozenset(Role)))
    missing = [name for name in ("oidc_issuer", "oidc_audience") if not getattr(settings, name)]
    if missing:
        raise ValueError(
            f"AUTH_MODE=oidc needs {' and '.join(m.upper() for m in missing)} (or AUTH_MODE=dev for a local stack)"
        )
    keys = IssuerKeys(
        http,
        issuer=settings.oidc_issuer,
        jwks_url=settings.oidc_jwks_url,
        cache_seconds=settings.oidc_jwks_cache_seconds,
    )
    return OidcAuthenticator(
        keys=keys,
        issuer=settings.oidc_issuer,
        audience=settings.oidc_audience,
        leeway_seconds=settings.oidc_leeway_seconds,
        roles_claim=settings.oidc_roles_claim,
        actor_claims=settings.oidc_actor_claims,
    )
