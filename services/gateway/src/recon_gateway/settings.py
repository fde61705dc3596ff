"""Gateway settings: upload limits are checked while bytes stream in."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import Field, model_validator
from recon_contracts.settings import ServiceSettings

MIB = 1024 * 1024


class GatewaySettings(ServiceSettings):
    """Environment of the gateway (PORT, MAX_FILE_BYTES, ...)."""

    port: int = 8000
    max_file_bytes: int = 300 * MIB
    max_session_bytes: int = 2048 * MIB
    max_files: int = 100
    # Every byte of one request: the files' limit plus room for the multipart framing and form fields.
    max_request_bytes: int = 2048 * MIB + 16 * MIB
    # Host headers served (Starlette's TrustedHostMiddleware; the health probes are exempt). Production must
    # name its own (not "*"), or the gateway does not start.
    allowed_hosts: list[str] = ["localhost", "127.0.0.1", "::1"]
    max_processing_sessions_per_user: int = 5
    """New uploads a user may have processing at once (0: no limit); one more is refused with 429."""
    sse_poll_seconds: float = 0.3
    sse_keepalive_seconds: float = 15.0

    # Sign-in. "oidc": bearer tokens of OIDC_ISSUER for OIDC_AUDIENCE (both required at start). "dev": no identity
    # provider, every request is DEV_USER with every role (a loud warning at start; production refuses it).
    auth_mode: Literal["oidc", "dev"] = "oidc"
    oidc_issuer: str = ""
    oidc_audience: str = ""
    oidc_jwks_url: str = ""
    """The issuer's key set; empty: the jwks_uri of its discovery document."""
    oidc_jwks_cache_seconds: float = 3600.0
    oidc_leeway_seconds: float = 60.0
    oidc_roles_claim: str = "roles"
    """The claim listing uploader / reviewer / admin (Entra ID app roles: "roles")."""
    oidc_actor_claims: list[str] = ["preferred_username", "name", "sub"]
    """The audit log records the first of these claims the token holds."""
    dev_user: str = Field(default="dev", min_length=1, max_length=200)

    @model_validator(mode="after")
    def _refuse_any_host_in_production(self) -> GatewaySettings:
        named = "allowed_hosts" in self.model_fields_set and "*" not in self.allowed_hosts
        if self.environment == "production" and not named:
            raise ValueError("set ALLOWED_HOSTS to the gateway's host names in production (a JSON list, not '*')")
        return self

    @model_validator(mode="after")
    def _refuse_dev_auth_in_production(self) -> GatewaySettings:
        if self.environment == "production" and self.auth_mode == "dev":
            raise ValueError(
                "AUTH_MODE=dev lets anyone act as one user with every role; production needs AUTH_MODE=oidc "
                "with OIDC_ISSUER and OIDC_AUDIENCE"
            )
        return self


@lru_cache
def get_settings() -> GatewaySettings:
    return GatewaySettings()
