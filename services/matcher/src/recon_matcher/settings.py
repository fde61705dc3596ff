"""Matcher settings."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings


class MatcherSettings(ServiceSettings):
    """Environment of the matcher (HEALTH_PORT, MATCH_WINDOW_DAYS)."""

    health_port: int = 8082
    match_window_days: int = 3


@lru_cache
def get_settings() -> MatcherSettings:
    return MatcherSettings()
