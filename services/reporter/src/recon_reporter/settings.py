"""Reporter settings."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings


class ReporterSettings(ServiceSettings):
    """Environment of the reporter (HEALTH_PORT)."""

    health_port: int = 8083


@lru_cache
def get_settings() -> ReporterSettings:
    return ReporterSettings()
