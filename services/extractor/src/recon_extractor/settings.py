"""Extractor settings."""

from __future__ import annotations

from functools import lru_cache

from recon_contracts.settings import ServiceSettings


class ExtractorSettings(ServiceSettings):
    """Environment of the extractor (HEALTH_PORT, PROGRESS_INTERVAL_SECONDS, ...)."""

    health_port: int = 8081
    progress_interval_seconds: float = 0.5
    max_statement_pages: int = 2000
    max_page_content_mib: int = 32
    ocr_enabled: bool = True
    """Read images (photos, scans, expense-report attachments) with OCR; off, images count but say nothing."""


@lru_cache
def get_settings() -> ExtractorSettings:
    return ExtractorSettings()
