"""Structured JSON logs for every service; card numbers never reach them (masked before logging)."""

from __future__ import annotations

import logging
import sys

import structlog

from recon_contracts.card_numbers import mask_log_event as mask_card_numbers_in_event


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stdout with the service name on each line."""
    logging.basicConfig(format="%(message)s", stream=sys.stdout, level=level.upper())
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.format_exc_info,
            mask_card_numbers_in_event,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(),
    )
    structlog.contextvars.bind_contextvars(service=service)
