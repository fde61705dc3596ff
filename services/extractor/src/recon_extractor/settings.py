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
    read_memory_limit_mb: int = 1536
    """Address space of the child process reading one file (a 500-page statement needs under 100 MiB)."""
    read_cpu_seconds: int = 600
    """CPU seconds one file's reading may take, OCR not counted (a 2,000-page statement takes about 20)."""
    read_stall_seconds: float = 120.0
    """Seconds the reading child may go without finishing a page, OCR not counted, before it is killed."""
    max_file_minutes: float = 60.0
    """How long reading one file may take, OCR included (a month's expense report with 1,000 receipt photos
    takes ~20 minutes on one core) before Kafka gives up on this consumer and hands the file to another."""
    ocr_enabled: bool = True
    """Read images (photos, scans, expense-report attachments) with OCR; off, images count but say nothing."""


@lru_cache
def get_settings() -> ExtractorSettings:
    return ExtractorSettings()
