"""Gateway settings: upload limits are checked while bytes stream in."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings

MIB = 1024 * 1024


class GatewaySettings(ServiceSettings):
    """Environment of the gateway (PORT, MAX_FILE_BYTES, ...)."""

    port: int = 8000
    max_file_bytes: int = 300 * MIB
    max_session_bytes: int = 2048 * MIB
    max_files: int = 100
    sse_poll_seconds: float = 0.3
    sse_keepalive_seconds: float = 15.0


@lru_cache
def get_settings() -> GatewaySettings:
    return GatewaySettings()
