"""Subscriber middleware: transient failures are redelivered, everything else is dead-lettered.

A dead letter is written through the outbox together with a `failed` progress event for the message's
session (the Kafka key), so the session shows a readable failure and the partition moves on.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any
from uuid import UUID

import structlog
from faststream import BaseMiddleware
from faststream.message import StreamMessage
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.errors import PermanentError, is_transient
from recon_contracts.events import Event, MessageDeadLettered, ProgressReported
from recon_contracts.inbox import claim
from recon_contracts.outbox import stage

log = structlog.get_logger(__name__)

_DEAD_LETTER_NAMESPACE = uuid.UUID("6f1c2a7e-3b51-4c1e-9d1e-1f4f6a1c0d11")
REDELIVERY_PAUSE_SECONDS = 1.0


def readable_failure(exc: BaseException) -> str:
    """A message a finance user can read, without a stack trace."""
    if isinstance(exc, ValidationError):
        return f"a malformed message could not be read ({exc.error_count()} invalid fields)"
    if isinstance(exc, PermanentError):
        return mask_card_numbers(str(exc))
    return f"an internal error stopped processing ({type(exc).__name__})"


def _session_of(key: bytes | None) -> UUID | None:
    try:
        return UUID(key.decode()) if key else None
    except (ValueError, UnicodeDecodeError):
        return None


def dead_letter_events(
    *,
    service: str,
    topic: str,
    partition: int,
    offset: int,
    key: bytes | None,
    value: bytes,
    exc: BaseException,
) -> list[Event]:
    """The events recording that a message failed for good."""
    session_id = _session_of(key)
    nil = UUID(int=0)
    events: list[Event] = [
        MessageDeadLettered(
            session_id=session_id or nil,
            consumer=service,
            source_topic=topic,
            source_partition=partition,
            source_offset=offset,
            error=mask_card_numbers(f"{type(exc).__name__}: {exc}")[:2000],
            payload=value.decode("utf-8", errors="replace"),
        )
    ]
    if session_id is not None:
        events.append(
            ProgressReported(session_id=session_id, service=service, stage="failed", message=readable_failure(exc))
        )
    return events


async def record_dead_letter(
    sessionmaker: async_sessionmaker[AsyncSession], service: str, record: Any, exc: BaseException
) -> None:
    """Stage the dead letter of a Kafka record (and its session's failure) once per record."""
    # A deterministic id per (service, topic, partition, offset): a redelivered poison
    # message is dead-lettered exactly once.
    failure_id = uuid.uuid5(_DEAD_LETTER_NAMESPACE, f"{service}/{record.topic}/{record.partition}/{record.offset}")
    async with sessionmaker.begin() as db:
        if await claim(db, consumer=f"{service}.dead-letter", event_id=failure_id):
            stage(
                db,
                *dead_letter_events(
                    service=service,
                    topic=record.topic,
                    partition=record.partition,
                    offset=record.offset,
                    key=record.key,
                    value=record.value or b"",
                    exc=exc,
                ),
            )


def dead_letter_middleware(service: str, sessionmaker: async_sessionmaker[AsyncSession]) -> Any:
    """A FastStream middleware class bound to one service's database."""

    class DeadLetterMiddleware(BaseMiddleware):
        async def consume_scope(self, call_next: Any, msg: StreamMessage[Any]) -> Any:
            try:
                return await call_next(msg)
            except Exception as exc:
                record = msg.raw_message
                if is_transient(exc):
                    log.warning("transient failure; message will be redelivered", service=service, error=str(exc))
                    await asyncio.sleep(REDELIVERY_PAUSE_SECONDS)
                    raise
                log.exception("message dead-lettered", service=service, topic=record.topic, offset=record.offset)
                await record_dead_letter(sessionmaker, service, record, exc)
                return None

    return DeadLetterMiddleware
