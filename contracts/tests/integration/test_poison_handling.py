"""Poison handling on real PostgreSQL: outbox rows the broker refuses are counted, parked and replayed; a
message that keeps ending its consumer is counted across restarts and dead-lettered."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import uuid
from types import SimpleNamespace
from typing import Any

import pytest
from aiokafka.errors import KafkaConnectionError, MessageSizeTooLargeError
from faststream import ContextRepo
from recon_contracts.db import OutboxRow
from recon_contracts.db.messaging import MessageDeliveryRow
from recon_contracts.delivery_limit import delivery_limit_middleware
from recon_contracts.events import ProgressReported
from recon_contracts.outbox import Backoff, OutboxPublishFailed, OutboxRelay, parked_rows, replay, stage
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration
FAST = Backoff(base=0.001, cap=0.002)


def _progress(session_id: uuid.UUID, message: str) -> ProgressReported:
    return ProgressReported(session_id=session_id, service="test", stage="extracting", message=message)


class Broker:
    """Takes every record except those whose message is in `refused`; `away` makes it unreachable."""

    def __init__(self) -> None:
        self.refused = {"poison"}
        self.away = False
        self.taken: list[str] = []
        self.tries: dict[str, int] = {}
        self.took = asyncio.Event()

    async def publish(self, topic: str, key: bytes, value: bytes, headers: dict[str, str]) -> None:
        message = json.loads(value)["message"]
        self.tries[message] = self.tries.get(message, 0) + 1
        if self.away:
            raise KafkaConnectionError("broker unreachable")
        if message in self.refused:
            raise MessageSizeTooLargeError("record too large")
        self.taken.append(message)
        self.took.set()

    async def until_taken(self, messages: list[str]) -> None:
        async with asyncio.timeout(20):
            while self.taken != messages:
                await self.took.wait()
                self.took.clear()


async def _stage(sessionmaker: async_sessionmaker[AsyncSession], *messages: str) -> None:
    session_id = uuid.uuid4()
    async with sessionmaker.begin() as db:
        stage(db, *[_progress(session_id, m) for m in messages])


async def _row(sessionmaker: async_sessionmaker[AsyncSession], message: str) -> OutboxRow:
    async with sessionmaker() as db:
        rows = (await db.scalars(select(OutboxRow))).all()
    return next(r for r in rows if r.payload["message"] == message)


async def test_a_refused_row_is_counted_then_parked_and_the_rows_behind_it_go_on(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await _stage(sessionmaker, "before", "poison", "after")
    broker = Broker()
    relay = OutboxRelay(sessionmaker, broker.publish, max_attempts=3, backoff=FAST)
    with pytest.raises(OutboxPublishFailed):
        await relay.publish_pending()
    assert broker.taken == ["before"]  # committed even though the round stopped at the poison row
    poison = await _row(sessionmaker, "poison")
    assert (poison.attempts, poison.parked_at, poison.published_at) == (1, None, None)
    assert poison.last_error == "MessageSizeTooLargeError: [Error 10] MessageSizeTooLargeError: record too large"

    for _ in range(2):
        with pytest.raises(OutboxPublishFailed):
            await relay.publish_pending()
    assert broker.taken == ["before"]  # strictly in order until the row is parked
    assert await relay.publish_pending() == 1
    assert broker.taken == ["before", "after"]
    assert broker.tries["poison"] == 3
    assert [r.payload["message"] for r in await parked_rows(sessionmaker)] == ["poison"]

    broker.refused.clear()
    assert await replay(sessionmaker) == 1
    assert await relay.publish_pending() == 1
    assert broker.taken == ["before", "after", "poison"]
    assert await parked_rows(sessionmaker) == []


async def test_an_unreachable_broker_is_no_fault_of_the_row(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    await _stage(sessionmaker, "first")
    broker = Broker()
    broker.away = True
    relay = OutboxRelay(sessionmaker, broker.publish, max_attempts=2, backoff=FAST)
    for _ in range(5):
        with pytest.raises(OutboxPublishFailed):
            await relay.publish_pending()
    row = await _row(sessionmaker, "first")
    assert (row.attempts, row.parked_at) == (0, None)
    assert row.last_error is not None and "broker unreachable" in row.last_error
    broker.away = False
    assert await relay.publish_pending() == 1


async def test_the_running_relay_parks_the_poison_row_and_keeps_publishing(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    await _stage(sessionmaker, "a", "poison", "b")
    broker = Broker()
    relay = OutboxRelay(sessionmaker, broker.publish, poll_seconds=0.01, max_attempts=4, backoff=FAST)
    stop = asyncio.Event()
    task = asyncio.create_task(relay.run(stop))
    try:
        await broker.until_taken(["a", "b"])
        await _stage(sessionmaker, "c")
        await broker.until_taken(["a", "b", "c"])
    finally:
        stop.set()
        await task
    assert broker.tries["poison"] == 4  # a parked row is never tried again by itself


def test_backoff_grows_with_jitter_up_to_its_cap() -> None:
    backoff = Backoff(base=0.5, cap=4.0)
    for failures, bound in ((1, 0.5), (2, 1.0), (3, 2.0), (4, 4.0), (50, 4.0)):
        delays = [backoff.delay(failures) for _ in range(200)]
        assert all(0 <= d <= bound for d in delays)
        assert max(delays) > bound * 0.8  # it does reach toward its bound
        assert len(set(delays)) > 150  # jitter: relays do not retry in step


async def test_replay_command_lists_and_releases_parked_rows(
    migrated: str, sessionmaker: async_sessionmaker[AsyncSession]
) -> None:
    await _stage(sessionmaker, "poison")
    with pytest.raises(OutboxPublishFailed):
        await OutboxRelay(sessionmaker, Broker().publish, max_attempts=1, backoff=FAST).publish_pending()

    def command(action: str) -> str:
        return subprocess.run(
            [sys.executable, "-m", "recon_contracts.outbox", action],
            env={"DATABASE_URL": migrated},
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    listed = await asyncio.to_thread(command, "parked")
    assert "ProgressReported" in listed and "1 attempts" in listed and "MessageSizeTooLargeError" in listed
    assert (await asyncio.to_thread(command, "replay")).strip() == "released 1 parked row(s)"
    assert await parked_rows(sessionmaker) == []


class Crash(BaseException):
    """The process ending in the middle of a message (nothing below catches it, as with a kill)."""


async def _deliver(middleware: Any, session_id: uuid.UUID, handler: Any) -> Any:
    record = SimpleNamespace(topic="t.files", partition=0, offset=41, key=str(session_id).encode(), value=b"{}")
    msg = SimpleNamespace(raw_message=record)
    return await middleware(msg, context=ContextRepo()).consume_scope(handler, msg)


async def test_a_message_that_keeps_ending_its_consumer_is_dead_lettered_after_n_deliveries(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    middleware = delivery_limit_middleware("extractor", sessionmaker, max_deliveries=2)
    session_id = uuid.uuid4()
    handled = 0

    async def crashes(_msg: Any) -> None:
        nonlocal handled
        handled += 1
        raise Crash

    for _ in range(2):
        with pytest.raises(Crash):
            await _deliver(middleware, session_id, crashes)
    async with sessionmaker() as db:
        assert await db.scalar(select(MessageDeliveryRow.deliveries)) == 2  # counted across "restarts"
    assert await _deliver(middleware, session_id, crashes) is None
    assert handled == 2  # the third delivery is not handled
    async with sessionmaker() as db:
        staged = (await db.scalars(select(OutboxRow).order_by(OutboxRow.id))).all()
        assert await db.scalar(select(func.count()).select_from(MessageDeliveryRow)) == 0
    assert [r.event_type for r in staged] == ["MessageDeadLettered", "ProgressReported"]
    assert staged[1].payload["stage"] == "failed"
    assert staged[1].payload["message"] == "handling this message stopped the extractor 2 times, so it was set aside"


async def test_a_message_handled_or_failed_in_the_open_is_not_counted(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    middleware = delivery_limit_middleware("matcher", sessionmaker, max_deliveries=1)

    async def fails(_msg: Any) -> None:
        raise ConnectionError("database away")

    async def works(_msg: Any) -> str:
        return "done"

    for _ in range(3):
        with pytest.raises(ConnectionError):
            await _deliver(middleware, uuid.uuid4(), fails)
    assert await _deliver(middleware, uuid.uuid4(), works) == "done"
    async with sessionmaker() as db:
        assert await db.scalar(select(func.count()).select_from(MessageDeliveryRow)) == 0
        assert await db.scalar(select(func.count()).select_from(OutboxRow)) == 0
