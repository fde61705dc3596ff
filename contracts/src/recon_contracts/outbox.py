"""Transactional outbox: events are rows written with the data they describe; a relay publishes them.

Only one relay publishes at a time (a transaction-scoped advisory lock), so events leave in commit
order and a session's events keep their order on its partition. Delivery is at-least-once.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

import structlog
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from recon_contracts.db.messaging import OutboxRow
from recon_contracts.events import Event

log = structlog.get_logger(__name__)

RELAY_LOCK_KEY = 0x5EC0_0B0C
Publish = Callable[[str, bytes, bytes, dict[str, str]], Awaitable[None]]
"""publish(topic, key, value, headers): resolves once the broker has acknowledged the record."""


def stage(db: AsyncSession, *events: Event) -> None:
    """Add events to the caller's transaction; they are published only if it commits."""
    for event in events:
        db.add(
            OutboxRow(
                event_id=event.event_id,
                topic=event.topic.name,
                key=str(event.session_id),
                event_type=event.event_type,
                payload=event.model_dump(mode="json"),
                headers=dict(event.trace),
            )
        )


class OutboxRelay:
    """Publishes committed outbox rows in id order and marks them published."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        publish: Publish,
        *,
        poll_seconds: float = 0.2,
        batch_size: int = 200,
    ) -> None:
        self._sessionmaker = sessionmaker
        self._publish = publish
        self._poll_seconds = poll_seconds
        self._batch_size = batch_size

    async def publish_pending(self) -> int:
        """Publish one batch; returns how many rows went out (0 when another relay holds the lock)."""
        async with self._sessionmaker.begin() as db:
            if not await db.scalar(select(func.pg_try_advisory_xact_lock(RELAY_LOCK_KEY))):
                return 0
            rows = (
                await db.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.published_at.is_(None))
                    .order_by(OutboxRow.id)
                    .limit(self._batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            for row in rows:
                value = json.dumps(row.payload, separators=(",", ":")).encode()
                await self._publish(row.topic, row.key.encode(), value, row.headers)
            if rows:
                await db.execute(
                    update(OutboxRow)
                    .where(OutboxRow.id.in_([row.id for row in rows]))
                    .values(published_at=datetime.now(UTC))
                )
            return len(rows)

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until stop is set; survives a database or broker outage by retrying."""
        while not stop.is_set():
            try:
                sent = await self.publish_pending()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("outbox relay failed; retrying")
                sent = 0
                await asyncio.sleep(1.0)
            if sent < self._batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self._poll_seconds)
