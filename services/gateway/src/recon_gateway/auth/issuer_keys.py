"""The issuer's signing keys (JWKS): found through its discovery document, cached for a while, fetched again
once when a token names a key the cache does not hold (the issuer rotated its keys)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

import httpx
import structlog
from jwt import PyJWK, PyJWKSet
from jwt.exceptions import PyJWKSetError

log = structlog.get_logger(__name__)

# At most one fetch in this interval, however many tokens name unknown keys (forged key ids must not turn every
# request into a call to the issuer), and the wait before retrying an issuer that failed while keys were cached.
REFETCH_INTERVAL_SECONDS = 30.0


class IssuerUnavailable(Exception):
    """The issuer's discovery document or key set could not be fetched or read."""


class UnknownKey(Exception):
    """The token names a key the issuer does not publish."""


class IssuerKeys:
    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        issuer: str,
        jwks_url: str = "",
        cache_seconds: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._http, self._issuer, self._jwks_url = http, issuer.rstrip("/"), jwks_url
        self._cache_seconds, self._clock = cache_seconds, clock
        self._keys: dict[str, PyJWK] = {}
        self._tried_at = -float("inf")
        self._fresh_until = -float("inf")
        self._lock = asyncio.Lock()

    async def key(self, kid: str) -> PyJWK:
        """The signing key named `kid`; raises UnknownKey, or IssuerUnavailable when no key could ever be read."""
        if self._clock() >= self._fresh_until or kid not in self._keys:
            await self._refresh(kid)
        if kid not in self._keys:
            raise UnknownKey(f"the issuer publishes no signing key {kid[:64]!r}")
        return self._keys[kid]

    async def _refresh(self, kid: str) -> None:
        async with self._lock:  # concurrent requests wait for one fetch, then find its keys
            now = self._clock()
            if now < self._fresh_until and kid in self._keys:
                return
            if self._keys and now - self._tried_at < REFETCH_INTERVAL_SECONDS:
                return
            self._tried_at = now
            try:
                self._keys = await self._fetch()
                self._fresh_until = now + self._cache_seconds
            except IssuerUnavailable as exc:
                if not self._keys:
                    raise
                log.warning("keeping the cached signing keys", error=str(exc))

    async def _fetch(self) -> dict[str, PyJWK]:
        try:
            url = self._jwks_url or await self._discovered_jwks_url()
            response = await self._http.get(url)
            response.raise_for_status()
            keys = PyJWKSet.from_dict(response.json()).keys
        except (httpx.HTTPError, ValueError, PyJWKSetError) as exc:
            raise IssuerUnavailable(f"the issuer's signing keys could not be fetched: {exc}") from exc
        # Signing keys only (an "enc" key never verifies a token), each under its key id.
        return {k.key_id: k for k in keys if k.key_id and k.public_key_use in (None, "sig")}

    async def _discovered_jwks_url(self) -> str:
        response = await self._http.get(f"{self._issuer}/.well-known/openid-configuration")
        response.raise_for_status()
        url = response.json().get("jwks_uri")
        if not isinstance(url, str) or not url:
            raise ValueError("the discovery document names no jwks_uri")
        return url
