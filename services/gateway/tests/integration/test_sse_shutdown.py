"""Stopping the gateway ends its progress streams instead of waiting for their clients."""

from __future__ import annotations

import asyncio
import signal
import time
import uuid
from pathlib import Path

import httpx
import pytest
from recon_contracts.db import SessionRow
from recon_contracts.provision import ensure_topics
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests.e2e.stack import Stack

pytestmark = pytest.mark.integration


def stop_while_streaming(stack: Stack, session_id: uuid.UUID) -> tuple[float, float, int, str]:
    """Hold the session's progress stream open, stop the gateway.

    Returns the seconds until the stream ended and until the process exited, its exit code, what followed.
    """
    gateway = stack.processes["gateway"]
    url = f"{stack.url}/api/sessions/{session_id}/events"
    with httpx.Client(timeout=httpx.Timeout(10.0)) as client, client.stream("GET", url) as stream:
        chunks = stream.iter_text()
        assert next(chunks).startswith("retry:")
        stopped_at = time.monotonic()
        gateway.terminate()
        rest = "".join(chunks)  # returns once the server closes the stream
        ended = time.monotonic() - stopped_at
        code = gateway.wait(timeout=15)
    return ended, time.monotonic() - stopped_at, code, rest


async def test_sigterm_ends_open_progress_streams_and_the_gateway_exits_within_seconds(
    migrated: str, kafka_bootstrap: str, sessionmaker: async_sessionmaker[AsyncSession], tmp_path: Path
) -> None:
    async with sessionmaker.begin() as db:
        session = SessionRow()  # "processing": its stream stays open until the session finishes
        db.add(session)
    stack = Stack(database_url=migrated, kafka_bootstrap=kafka_bootstrap, workdir=tmp_path)
    await ensure_topics(kafka_bootstrap, stack.prefix)
    stack.start("gateway")
    try:
        await asyncio.to_thread(stack.wait_healthy)
        ended, exited, code, rest = await asyncio.to_thread(stop_while_streaming, stack, session.id)
    finally:
        stack.stop_all()
    # Uvicorn stops gracefully (lifespan shutdown included), then re-raises the signal it caught.
    assert code == -signal.SIGTERM, stack.log_tail("gateway")
    # The stream ends at once (the next poll); the exit then waits only for the broker and database to close.
    assert ended < 2, ended
    assert exited < 10, exited
    assert "event: end" not in rest  # the session is not finished: the client is to reconnect
