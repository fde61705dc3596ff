"""Fixtures shared by the contracts' unit tests."""

import logging
from collections.abc import Iterator

import pytest
import structlog
from recon_contracts.logging_setup import configure_logging


@pytest.fixture
def service_logging() -> Iterator[None]:
    """The services' logging, for one test; the root logger's own handlers (pytest's) are put back after."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    configure_logging("test")
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)
    structlog.reset_defaults()
