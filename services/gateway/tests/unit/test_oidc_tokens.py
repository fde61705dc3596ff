"""Bearer tokens against a local issuer: claims checked, keys found through discovery, cached, and fetched
again once when the issuer rotates its keys."""

from __future__ import annotations

import time

import jwt
import pytest
from recon_gateway.auth.authenticators import NotSignedIn, OidcAuthenticator, TokenRefused
from recon_gateway.auth.issuer_keys import REFETCH_INTERVAL_SECONDS, IssuerKeys, IssuerUnavailable
from recon_gateway.auth.roles import Role

from services.gateway.tests.local_issuer import AUDIENCE, ISSUER, LocalIssuer


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _authenticator(issuer: LocalIssuer, clock: Clock, cache_seconds: float = 3600.0) -> OidcAuthenticator:
    keys = IssuerKeys(issuer.http(), issuer=ISSUER, cache_seconds=cache_seconds, clock=clock)
    return OidcAuthenticator(keys, ISSUER, AUDIENCE, 60.0, "roles", ["preferred_username", "name", "sub"])


async def test_a_valid_token_names_its_user_and_the_key_set_is_fetched_once() -> None:
    issuer, clock = LocalIssuer(), Clock()
    auth = _authenticator(issuer, clock)
    user = await auth.user(issuer.token("reviewer", "uploader"))
    assert (user.actor, user.roles) == ("ana@example.com", {Role.REVIEWER, Role.UPLOADER})
    await auth.user(issuer.token("admin"))
    assert issuer.key_set_fetches == 1
    clock.now += 3600
    await auth.user(issuer.token("admin"))
    assert issuer.key_set_fetches == 2  # the cache lived its hour


async def test_key_rotation_a_new_key_id_fetches_the_set_again_once() -> None:
    issuer, clock = LocalIssuer(), Clock()
    auth = _authenticator(issuer, clock)
    await auth.user(issuer.token("reviewer"))
    clock.now += REFETCH_INTERVAL_SECONDS
    issuer.add_key("ec-2", curve=True)
    issuer.retire("rsa-1")
    user = await auth.user(issuer.token("reviewer", kid="ec-2"))  # ES256, under the new key
    assert user.roles == {Role.REVIEWER} and issuer.key_set_fetches == 2
    await auth.user(issuer.token("reviewer", kid="ec-2"))
    assert issuer.key_set_fetches == 2
    with pytest.raises(TokenRefused, match="no signing key 'rsa-1'"):
        await auth.user(issuer.token("reviewer", kid="rsa-1"))  # retired; the refetch waits its interval


async def test_forged_key_ids_do_not_make_every_request_call_the_issuer() -> None:
    issuer, clock = LocalIssuer(), Clock()
    auth = _authenticator(issuer, clock)
    await auth.user(issuer.token("reviewer"))
    clock.now += REFETCH_INTERVAL_SECONDS
    forger = LocalIssuer()
    forger.add_key("made-up")
    for _ in range(5):
        with pytest.raises(TokenRefused, match="no signing key 'made-up'"):
            await auth.user(forger.token("admin", kid="made-up"))
    assert issuer.key_set_fetches == 2


@pytest.mark.parametrize(
    ("claims", "why"),
    [
        ({"exp": int(time.time()) - 120}, "expired"),
        ({"aud": "api://another-app"}, "Audience doesn't match"),
        ({"iss": "https://login.issuer.test/other-tenant/v2.0"}, "Invalid issuer"),
        ({"nbf": int(time.time()) + 600}, "not yet valid"),
        ({"exp": None}, 'Token is missing the "exp" claim'),
        ({"preferred_username": None, "name": None, "sub": None}, "names nobody"),
    ],
)
async def test_tokens_the_gateway_refuses(claims: dict[str, object], why: str) -> None:
    issuer = LocalIssuer()
    with pytest.raises(TokenRefused, match=why):
        await _authenticator(issuer, Clock()).user(issuer.token("admin", **claims))


async def test_within_the_leeway_an_expired_token_still_passes() -> None:
    issuer = LocalIssuer()
    user = await _authenticator(issuer, Clock()).user(issuer.token("admin", exp=int(time.time()) - 30))
    assert user.roles == {Role.ADMIN}


async def test_only_asymmetric_signatures_from_the_issuers_keys() -> None:
    issuer, forger = LocalIssuer(), LocalIssuer()
    auth = _authenticator(issuer, Clock())
    with pytest.raises(TokenRefused, match="Signature verification failed"):
        await auth.user(forger.token("admin"))  # same key id, another key
    claims = {"iss": ISSUER, "aud": AUDIENCE, "sub": "x", "exp": int(time.time()) + 60, "roles": ["admin"]}
    shared = jwt.encode(claims, "a-secret-of-at-least-32-bytes-long!!", algorithm="HS256", headers={"kid": "rsa-1"})
    unsigned = jwt.encode(claims, None, algorithm="none", headers={"kid": "rsa-1"})
    for token in (shared, unsigned):
        with pytest.raises(TokenRefused, match="are not accepted"):
            await auth.user(token)
    with pytest.raises(TokenRefused, match="not a JWT"):
        await auth.user("not.a.token")
    with pytest.raises(NotSignedIn):
        await auth.user(None)


async def test_an_issuer_that_is_down_is_unavailable_until_keys_are_cached_then_they_serve() -> None:
    issuer, clock = LocalIssuer(), Clock()
    auth = _authenticator(issuer, clock, cache_seconds=60)
    issuer.down = True
    with pytest.raises(IssuerUnavailable):
        await auth.user(issuer.token("admin"))
    issuer.down = False
    await auth.user(issuer.token("admin"))
    issuer.down = True
    clock.now += 120  # the cache is stale and the issuer down: the cached keys still verify
    assert (await auth.user(issuer.token("admin"))).roles == {Role.ADMIN}
