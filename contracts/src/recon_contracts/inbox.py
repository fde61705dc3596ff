"""Idempotent consumption: one transaction per message that records the event as processed."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from uuid import UUID

import structlog
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from recon_contracts.db.messaging import ProcessedEventRow
from recon_contracts.events import Event
from recon_contracts.outbox import stage

log = structlog.get_logger(__name__)


async def claim(db: AsyncSession, *, consumer: str, event_id: UUID, note: str | None = None) -> bool:
    """Record event_id as processed by consumer; False when it already was (a redelivery)."""
    inserted = await db.execute(
        insert(ProcessedEventRow)
        .values(consumer=consumer, event_id=event_id, note=note)
        .on_conflict_do_nothing()
        .returning(ProcessedEventRow.event_id)
    )
    return inserted.first() is not None


@dataclass
class UnitOfWork:
    """The open transaction of one message: write rows with db, stage outgoing events with emit."""

    db: AsyncSession
    outgoing: list[Event] = field(default_factory=list)

    def emit(self, *events: Event) -> None:
        self.outgoing.extend(events)


class Inbox:
    """A consumer's ledger of processed events."""

    def __init__(
        self,
        consumer: str,
        sessionmaker: async_sessionmaker[AsyncSession],
        *,
        after_commit: Callable[[], None] | None = None,
    ) -> None:
        self.consumer = consumer
        self._sessionmaker = sessionmaker
        self._after_commit = after_commit

    async def seen(self, event: Event) -> bool:
        """Cheap pre-check so a redelivered event skips expensive work before any transaction."""
        async with self._sessionmaker() as db:
            found = await db.scalar(
                select(ProcessedEventRow.event_id).where(
                    ProcessedEventRow.consumer == self.consumer, ProcessedEventRow.event_id == event.event_id
                )
            )
            return found is not None

    @asynccontextmanager
    async def once(self, event: Event) -> AsyncIterator[UnitOfWork | None]:
        """Open the message's transaction; yields None (and writes nothing) if the event was processed."""
        async with self._sessionmaker.begin() as db:
            if not await claim(db, consumer=self.consumer, event_id=event.event_id):
                log.info("duplicate event skipped", consumer=self.consumer, event_id=str(event.event_id))
                yield None
                return
            uow = UnitOfWork(db)
            yield uow
            stage(db, *uow.outgoing)
        if self._after_commit is not None:
            self._after_commit()
