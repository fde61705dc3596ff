"""Whether a service's dependencies answer: what readiness probes check (liveness checks the process only)."""

from __future__ import annotations

import asyncio

from faststream.kafka import KafkaBroker
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine


async def database_answers(engine: AsyncEngine, timeout: float = 3.0) -> bool:
    """PostgreSQL runs `SELECT 1` within the timeout."""
    try:
        async with asyncio.timeout(timeout):
            async with engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        return True
    except Exception:
        return False


async def kafka_answers(broker: KafkaBroker, timeout: float = 3.0) -> bool:
    """The broker connection answers a metadata request within the timeout."""
    try:
        return bool(await broker.ping(timeout=timeout))
    except Exception:
        return False
