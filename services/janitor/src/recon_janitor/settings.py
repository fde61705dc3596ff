"""Janitor settings."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings


class JanitorSettings(ServiceSettings):
    """Environment of the janitor (HEALTH_PORT, SWEEP_INTERVAL_SECONDS, STUCK_AFTER_MINUTES, ...)."""

    health_port: int = 8084
    sweep_interval_seconds: float = 60.0
    stuck_after_minutes: float = 30.0
    messaging_retention_days: int = 30
    orphan_blob_grace_minutes: float = 60.0
    """Files of a session that has no row (an upload cut off, a delete interrupted) are removed once nothing
    under them has changed for this long; an upload in progress keeps writing and is never touched."""


@lru_cache
def get_settings() -> JanitorSettings:
    return JanitorSettings()
