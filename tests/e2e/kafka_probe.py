"""Direct Kafka access for tests: produce raw records, wait for a group to catch up, read a topic."""

from __future__ import annotations

import asyncio
import json
import time
from typing import Any

from aiokafka import AIOKafkaConsumer, AIOKafkaProducer, TopicPartition
from aiokafka.admin import AIOKafkaAdminClient


async def produce(bootstrap: str, topic: str, key: bytes, value: bytes) -> None:
    producer = AIOKafkaProducer(bootstrap_servers=bootstrap)
    await producer.start()
    try:
        await producer.send_and_wait(topic, value=value, key=key)
    finally:
        await producer.stop()


async def wait_consumed(bootstrap: str, group: str, topic: str, timeout: float = 60.0) -> None:
    """Until the group's committed offsets reach the end of every partition of topic."""
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap)
    consumer = AIOKafkaConsumer(bootstrap_servers=bootstrap)
    await admin.start()
    await consumer.start()
    try:
        partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or set()]
        if not partitions:
            await consumer.topics()
            partitions = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or set()]
        ends = await consumer.end_offsets(partitions)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            committed = await admin.list_consumer_group_offsets(group)
            if all(
                (committed.get(tp).offset if committed.get(tp) else 0) >= end  # type: ignore[union-attr]
                for tp, end in ends.items()
            ):
                return
            await asyncio.sleep(0.2)
        raise TimeoutError(f"group {group} did not consume {topic} within {timeout}s")
    finally:
        await consumer.stop()
        await admin.close()


async def read_all(bootstrap: str, topic: str, timeout: float = 5.0) -> list[dict[str, Any]]:
    """Every JSON record on topic from the beginning."""
    consumer = AIOKafkaConsumer(topic, bootstrap_servers=bootstrap, auto_offset_reset="earliest", group_id=None)
    await consumer.start()
    out: list[dict[str, Any]] = []
    try:
        batches = await consumer.getmany(timeout_ms=int(timeout * 1000))
        for records in batches.values():
            out += [json.loads(r.value) for r in records if r.value]
    finally:
        await consumer.stop()
    return out
