"""Outbox relay and idempotent inbox on real PostgreSQL and Kafka."""

from __future__ import annotations

import json
import uuid

import pytest
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from recon_contracts.db import OutboxRow, ProcessedEventRow, SessionRow
from recon_contracts.events import ProgressReported
from recon_contracts.inbox import Inbox
from recon_contracts.outbox import OutboxRelay, stage
from recon_contracts.provision import ensure_topics
from recon_contracts.topics import PROGRESS
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration


def _progress(session_id: uuid.UUID, n: int) -> ProgressReported:
    return ProgressReported(session_id=session_id, service="test", stage="extracting", message=f"step {n}")


async def test_relay_publishes_committed_events_in_order_once(
    sessionmaker: async_sessionmaker[AsyncSession], kafka_bootstrap: str
) -> None:
    prefix = f"it{uuid.uuid4().hex[:8]}."
    await ensure_topics(kafka_bootstrap, prefix)
    session_id = uuid.uuid4()
    async with sessionmaker.begin() as db:
        stage(db, *[_progress(session_id, n) for n in range(3)])
    with pytest.raises(RuntimeError):
        async with sessionmaker.begin() as db:
            stage(db, _progress(session_id, 99))
            raise RuntimeError("rolled back: its event must never leave")

    producer = AIOKafkaProducer(bootstrap_servers=kafka_bootstrap)
    await producer.start()

    async def publish(topic: str, key: bytes, value: bytes, headers: dict[str, str]) -> None:
        await producer.send_and_wait(prefix + topic, value=value, key=key)

    relay = OutboxRelay(sessionmaker, publish)
    try:
        assert await relay.publish_pending() == 3
        assert await relay.publish_pending() == 0
    finally:
        await producer.stop()

    consumer = AIOKafkaConsumer(prefix + PROGRESS.name, bootstrap_servers=kafka_bootstrap, auto_offset_reset="earliest")
    await consumer.start()
    try:
        batches = await consumer.getmany(timeout_ms=5000)
    finally:
        await consumer.stop()
    records = [r for part in batches.values() for r in part]
    assert {r.key for r in records} == {str(session_id).encode()}
    assert [json.loads(r.value)["message"] for r in records] == ["step 0", "step 1", "step 2"]
    async with sessionmaker() as db:
        unpublished = await db.scalar(
            select(func.count()).select_from(OutboxRow).where(OutboxRow.published_at.is_(None))
        )
        assert unpublished == 0


async def test_inbox_applies_an_event_once(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    inbox = Inbox("test-consumer", sessionmaker)
    event = _progress(uuid.uuid4(), 1)
    applied = 0
    for _ in range(2):
        async with inbox.once(event) as uow:
            if uow is None:
                continue
            uow.db.add(SessionRow(id=event.session_id))
            uow.emit(_progress(event.session_id, 2))
            applied += 1
    assert applied == 1
    assert await inbox.seen(event)
    async with sessionmaker() as db:
        assert await db.scalar(select(func.count()).select_from(SessionRow)) == 1
        assert await db.scalar(select(func.count()).select_from(OutboxRow)) == 1
        assert await db.scalar(select(func.count()).select_from(ProcessedEventRow)) == 1


async def test_a_failed_handler_leaves_no_trace(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    inbox = Inbox("test-consumer", sessionmaker)
    event = _progress(uuid.uuid4(), 1)
    with pytest.raises(ValueError):
        async with inbox.once(event) as uow:
            assert uow is not None
            uow.emit(_progress(event.session_id, 2))
            raise ValueError("boom")
    assert not await inbox.seen(event)
    async with sessionmaker() as db:
        assert await db.scalar(select(func.count()).select_from(OutboxRow)) == 0
