"""Matcher settings."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings

from recon_matcher.domain.match_settings import MatchSettings


class MatcherSettings(ServiceSettings):
    """Environment of the matcher (HEALTH_PORT, MATCH_WINDOW_DAYS)."""

    health_port: int = 8082
    match_date_window_days: int = 4
    match_coding_fields: tuple[str, ...] = ("gl_account", "job")

    def match_settings(self) -> MatchSettings:
        """The matching rules this deployment configured (the rest keep the core's defaults)."""
        return MatchSettings(date_window_days=self.match_date_window_days, coding_fields=self.match_coding_fields)


@lru_cache
def get_settings() -> MatcherSettings:
    return MatcherSettings()
