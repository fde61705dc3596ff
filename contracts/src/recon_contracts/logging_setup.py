"""JSON logs for every service, from structlog and from stdlib loggers alike (the Kafka client, the web
server, the database driver), one object per line, with the trace_id of the span they were written in; card
numbers are masked before anything is written."""

from __future__ import annotations

import logging
import sys
from typing import Any

import structlog

from recon_contracts.card_numbers import CardNumberFilter
from recon_contracts.card_numbers import mask_log_event as mask_card_numbers_in_event
from recon_contracts.tracing import add_trace_ids

_SHARED = (
    structlog.contextvars.merge_contextvars,
    add_trace_ids,
    structlog.processors.add_log_level,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
)


class _StdoutHandler(logging.StreamHandler):
    """Writes to whatever `sys.stdout` is when a record is emitted, as structlog's print logger does."""

    @property
    def stream(self) -> Any:
        return sys.stdout

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def _stdlib_handler() -> logging.Handler:
    """Stdlib records rendered by structlog's formatter: the same JSON shape, masked, with the logger name."""
    handler = _StdoutHandler()
    handler.addFilter(CardNumberFilter())
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*_SHARED, structlog.stdlib.add_logger_name],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                mask_card_numbers_in_event,
                structlog.processors.JSONRenderer(),
            ],
        )
    )
    return handler


def configure_logging(service: str, level: str = "INFO") -> None:
    """JSON lines on stdout with the service name on each line."""
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(_stdlib_handler())
    root.setLevel(level.upper())
    structlog.configure(
        processors=[
            *_SHARED,
            structlog.processors.format_exc_info,
            mask_card_numbers_in_event,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(),
    )
    structlog.contextvars.bind_contextvars(service=service)
