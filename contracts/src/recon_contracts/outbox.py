"""Transactional outbox: events are rows written with the data they describe; a relay publishes them.

Only one relay publishes at a time (a transaction-scoped advisory lock), so events leave in commit
order and a session's events keep their order on its partition. Delivery is at-least-once.

Poison rows: a row the broker refuses (too large, a topic it will not take) counts an attempt and, after
`max_attempts`, is parked: logged as an error, skipped by the relay so the rows behind it go on, and listed and
released by `python -m recon_contracts.outbox parked|replay [--id N]`. A broker or database that is briefly
unavailable is no fault of a row: nothing is counted, and the relay retries. Every failed round backs off
exponentially with full jitter up to a cap, so a failure costs no busy loop and relays do not retry in step.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog
from aiokafka.errors import KafkaTimeoutError
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.db.messaging import OutboxRow
from recon_contracts.errors import is_transient
from recon_contracts.events import Event
from recon_contracts.tracing import current_trace

log = structlog.get_logger(__name__)

RELAY_LOCK_KEY = 0x5EC0_0B0C
Publish = Callable[[str, bytes, bytes, dict[str, str]], Awaitable[None]]
"""publish(topic, key, value, headers): resolves once the broker has acknowledged the record."""


def stage(db: AsyncSession, *events: Event) -> None:
    """Add events to the caller's transaction; they are published only if it commits.

    An event without a trace takes the current span's, so its consumers continue that trace.
    """
    for staged in events:
        event = staged if staged.trace else staged.model_copy(update={"trace": current_trace(staged.session_id)})
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


@dataclass(frozen=True)
class Backoff:
    """Exponential backoff with full jitter: a random pause up to `base * 2**(failures-1)`, at most `cap`."""

    base: float = 0.5
    cap: float = 30.0

    def delay(self, failures: int) -> float:
        return random.uniform(0, min(self.cap, self.base * 2 ** min(failures - 1, 32)))


class OutboxPublishFailed(Exception):
    """A round stopped at a row the broker did not take (the rows before it went out)."""

    def __init__(self, row_id: int, cause: BaseException) -> None:
        super().__init__(f"outbox row {row_id}: {type(cause).__name__}: {cause}")
        self.row_id = row_id


def broker_unavailable(exc: BaseException) -> bool:
    """A failure of the broker or the connection rather than of the row: never counted against it."""
    return bool(getattr(exc, "retriable", False)) or isinstance(exc, KafkaTimeoutError | OSError) or is_transient(exc)


class OutboxRelay:
    """Publishes committed outbox rows in id order and marks them published; parks a row that keeps failing."""

    def __init__(
        self,
        sessionmaker: async_sessionmaker[AsyncSession],
        publish: Publish,
        *,
        poll_seconds: float = 0.2,
        batch_size: int = 200,
        max_attempts: int = 5,
        backoff: Backoff = Backoff(),
    ) -> None:
        self._sessionmaker = sessionmaker
        self._publish = publish
        self._poll_seconds = poll_seconds
        self._batch_size = batch_size
        self._max_attempts = max_attempts
        self._backoff = backoff

    async def publish_pending(self) -> int:
        """Publish one batch; returns how many rows went out (0 when another relay holds the lock).

        Raises OutboxPublishFailed after committing what went out and the failed row's attempt.
        """
        failure: OutboxPublishFailed | None = None
        async with self._sessionmaker.begin() as db:
            if not await db.scalar(select(func.pg_try_advisory_xact_lock(RELAY_LOCK_KEY))):
                return 0
            rows = (
                await db.scalars(
                    select(OutboxRow)
                    .where(OutboxRow.published_at.is_(None), OutboxRow.parked_at.is_(None))
                    .order_by(OutboxRow.id)
                    .limit(self._batch_size)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            sent: list[int] = []
            for row in rows:
                value = json.dumps(row.payload, separators=(",", ":")).encode()
                try:
                    await self._publish(row.topic, row.key.encode(), value, row.headers)
                except Exception as exc:
                    self._record_failure(row, exc)
                    failure = OutboxPublishFailed(row.id, exc)
                    break
                sent.append(row.id)
            if sent:
                await db.execute(update(OutboxRow).where(OutboxRow.id.in_(sent)).values(published_at=datetime.now(UTC)))
        if failure is not None:
            raise failure
        return len(sent)

    def _record_failure(self, row: OutboxRow, exc: Exception) -> None:
        row.last_error = mask_card_numbers(f"{type(exc).__name__}: {exc}")[:2000]
        if broker_unavailable(exc):
            return
        row.attempts += 1
        if row.attempts >= self._max_attempts:
            row.parked_at = datetime.now(UTC)
            log.error(
                "outbox row parked; release it with `python -m recon_contracts.outbox replay`",
                row_id=row.id,
                event_type=row.event_type,
                attempts=row.attempts,
                error=row.last_error,
            )

    async def run(self, stop: asyncio.Event) -> None:
        """Relay until stop is set; survives a database or broker outage by retrying with backoff."""
        failures = 0
        while not stop.is_set():
            try:
                sent = await self.publish_pending()
                failures = 0
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                failures += 1
                pause = self._backoff.delay(failures)
                log.warning("outbox relay failed; retrying", error=str(exc), failures=failures, retry_in=pause)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=pause)
                continue
            if sent < self._batch_size:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), timeout=self._poll_seconds)


async def parked_rows(sessionmaker: async_sessionmaker[AsyncSession]) -> Sequence[OutboxRow]:
    """Every parked row, oldest first."""
    async with sessionmaker() as db:
        return (
            await db.scalars(select(OutboxRow).where(OutboxRow.parked_at.is_not(None)).order_by(OutboxRow.id))
        ).all()


async def replay(sessionmaker: async_sessionmaker[AsyncSession], ids: Sequence[int] = ()) -> int:
    """Release parked rows (all, or those of `ids`) to the relay with a fresh attempt count; returns how many."""
    query = update(OutboxRow).where(OutboxRow.parked_at.is_not(None))
    if ids:
        query = query.where(OutboxRow.id.in_(ids))
    async with sessionmaker.begin() as db:
        result = await db.execute(query.values(parked_at=None, attempts=0).returning(OutboxRow.id))
        return len(result.all())


async def _main(argv: Sequence[str] | None) -> None:
    from recon_contracts.db.engine import make_engine, make_sessionmaker
    from recon_contracts.settings import ServiceSettings

    parser = argparse.ArgumentParser(prog="python -m recon_contracts.outbox", description="Parked outbox rows.")
    parser.add_argument("action", choices=["parked", "replay"])
    parser.add_argument("--id", type=int, action="append", default=[], help="only this row (repeatable)")
    args = parser.parse_args(argv)
    engine = make_engine(ServiceSettings().database_url)
    try:
        if args.action == "replay":
            print(f"released {await replay(make_sessionmaker(engine), args.id)} parked row(s)")
            return
        for row in await parked_rows(make_sessionmaker(engine)):
            print(f"{row.id}\t{row.event_type}\tkey {row.key}\t{row.attempts} attempts\t{row.last_error}")
    finally:
        await engine.dispose()


if __name__ == "__main__":
    asyncio.run(_main(None))
