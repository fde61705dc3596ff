"""Deliveries counted across restarts, so a message whose handling ends the process is dead-lettered after N.

A message that kills its consumer (out of memory, a native crash) never reaches the dead-letter middleware: the
process is gone, Kafka redelivers it to the restarted consumer, and it would kill that one too, forever. So before
a message is handled its delivery is counted in a committed transaction of its own (by consumer, topic,
partition and offset), and whenever handling ends with the process alive (done, dead-lettered, or raised for a
redelivery) the count is removed. Only deliveries the process never came back from stay counted; once a
message has `max_deliveries` of them, the next delivery dead-letters it unhandled, its session fails with a
readable message, and the partition moves on.
"""

from __future__ import annotations

from typing import Any

import structlog
from faststream import BaseMiddleware
from faststream.message import StreamMessage
from sqlalchemy import delete
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from recon_contracts.db.messaging import MessageDeliveryRow
from recon_contracts.dead_letter import record_dead_letter
from recon_contracts.errors import PermanentError

log = structlog.get_logger(__name__)


async def count_delivery(db: AsyncSession, consumer: str, topic: str, partition: int, offset: int) -> int:
    """Count one more delivery of the record; returns the unfinished deliveries so far, this one included."""
    statement = insert(MessageDeliveryRow).values(
        consumer=consumer, topic=topic, partition=partition, offset=offset, deliveries=1
    )
    statement = statement.on_conflict_do_update(
        index_elements=["consumer", "topic", "partition", "offset"],
        set_={
            "deliveries": MessageDeliveryRow.deliveries + 1,
            "last_delivered_at": statement.excluded.last_delivered_at,
        },
    )
    return int(await db.scalar(statement.returning(MessageDeliveryRow.deliveries)) or 0)


async def forget_delivery(db: AsyncSession, consumer: str, topic: str, partition: int, offset: int) -> None:
    await db.execute(
        delete(MessageDeliveryRow).where(
            MessageDeliveryRow.consumer == consumer,
            MessageDeliveryRow.topic == topic,
            MessageDeliveryRow.partition == partition,
            MessageDeliveryRow.offset == offset,
        )
    )


def delivery_limit_middleware(service: str, sessionmaker: async_sessionmaker[AsyncSession], max_deliveries: int) -> Any:
    """A FastStream middleware class counting unfinished deliveries in one service's database."""

    class DeliveryLimitMiddleware(BaseMiddleware):
        async def consume_scope(self, call_next: Any, msg: StreamMessage[Any]) -> Any:
            record = msg.raw_message
            where = (service, record.topic, record.partition, record.offset)
            async with sessionmaker.begin() as db:
                deliveries = await count_delivery(db, *where)
            if deliveries > max_deliveries:
                log.error(
                    "message stopped its consumer too often; dead-lettered", service=service, offset=record.offset
                )
                exc = PermanentError(
                    f"handling this message stopped the {service} {deliveries - 1} times, so it was set aside"
                )
                await record_dead_letter(sessionmaker, service, record, exc)
                result = None
            else:
                try:
                    result = await call_next(msg)
                except Exception:
                    await self._forget(where)
                    raise
            await self._forget(where)
            return result

        async def _forget(self, where: tuple[str, str, int, int]) -> None:
            async with sessionmaker.begin() as db:
                await forget_delivery(db, *where)

    return DeliveryLimitMiddleware
