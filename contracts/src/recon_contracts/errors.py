"""The error tree every service maps at its edge.

ReconError
├── TransientError   the world is briefly unavailable (database, broker, blob store): retry the message
└── PermanentError   the message or its file can never succeed: record the failure, dead-letter, move on
"""

from __future__ import annotations

import asyncio

from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError


class ReconError(Exception):
    """Base of card-recon's own errors."""


class TransientError(ReconError):
    """Retrying later may succeed."""


class PermanentError(ReconError):
    """Retrying will never succeed; the message is dead-lettered and its session shows the message."""


def is_transient(exc: BaseException) -> bool:
    """Whether a failure is worth a redelivery rather than a dead letter."""
    if isinstance(exc, TransientError | OperationalError | InterfaceError | ConnectionError | asyncio.TimeoutError):
        return True
    return isinstance(exc, DBAPIError) and exc.connection_invalidated
