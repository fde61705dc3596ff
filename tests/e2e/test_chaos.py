"""Chaos: PostgreSQL, then the Kafka broker, restarted in the middle of a month's processing.

The stack runs on a private PostgreSQL cluster and a private broker (the project's own `infra/` scripts with
their state in the test's folder and free ports), so restarting them disturbs nothing else on the machine.
The month must come out exactly as the truth says: every line once, every receipt on its charge, no session
left processing.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from recon_contracts.provision import ensure_topics

from tests.e2e.journeys import expected_rows, make_month, report_rows, row_key, upload, wait_status
from tests.e2e.stack import Stack, free_port

pytestmark = pytest.mark.e2e

INFRA = Path(__file__).resolve().parents[2] / "infra"


class PrivateInfra:
    """One PostgreSQL cluster and one broker of this test's own, started and restarted by `infra/` scripts."""

    def __init__(self, state: Path) -> None:
        self.pg_port, self.kafka_port = free_port(), free_port()
        self.env = dict(
            os.environ,
            PG_STATE_DIR=str(state / "pg"),
            PGPORT_RECON=str(self.pg_port),
            KAFKA_STATE_DIR=str(state / "kafka"),
            KAFKA_PORT=str(self.kafka_port),
            KAFKA_CONTROLLER_PORT=str(free_port()),
            KAFKA_HEAP_OPTS="-Xms128m -Xmx384m",
        )

    @property
    def database_url(self) -> str:
        return f"postgresql+asyncpg://recon:recon@127.0.0.1:{self.pg_port}/recon"

    @property
    def kafka_bootstrap(self) -> str:
        return f"127.0.0.1:{self.kafka_port}"

    def run(self, server: str, command: str) -> None:
        subprocess.run(
            ["bash", str(INFRA / f"{server}.sh"), command], env=self.env, check=True, capture_output=True, timeout=180
        )

    def restart(self, server: str, down_for: float) -> None:
        self.run(server, "stop")
        time.sleep(down_for)
        self.run(server, "start")


@pytest.fixture
def private_stack(tmp_path: Path) -> Iterator[tuple[Stack, PrivateInfra]]:
    from alembic import command
    from recon_contracts.migrate import alembic_config

    infra = PrivateInfra(tmp_path / "state")
    try:
        infra.run("postgres", "start")
        infra.run("kafka", "start")
        command.upgrade(alembic_config(infra.database_url), "head")
        stack = Stack(database_url=infra.database_url, kafka_bootstrap=infra.kafka_bootstrap, workdir=tmp_path)
        asyncio.run(ensure_topics(infra.kafka_bootstrap, stack.prefix))
        stack.start_all()
        try:
            yield stack, infra
        finally:
            stack.stop_all()
    finally:
        infra.run("kafka", "stop")
        infra.run("postgres", "stop")


def _wait_until_reading(url: str, session_id: str, timeout: float = 120.0) -> None:
    """Until the session's first file is read and others are not: the middle of its processing."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        detail = httpx.get(f"{url}/api/sessions/{session_id}", timeout=10).json()
        done = [u for u in detail["uploads"] if u["extraction"] is not None]
        if done:
            assert len(done) < len(detail["uploads"]), "every file was read before the restart: nothing was in flight"
            return
        time.sleep(0.1)
    raise TimeoutError(f"session {session_id} read no file in {timeout}s")


def test_a_month_survives_postgres_then_kafka_restarting_mid_processing(
    private_stack: tuple[Stack, PrivateInfra], tmp_path: Path
) -> None:
    stack, infra = private_stack
    statement, statement_pdf, receipts, with_receipt = make_month(tmp_path, seed=313, cardholders=4)
    session_id = upload(stack.url, [statement_pdf, *receipts]).json()["session_id"]

    _wait_until_reading(stack.url, session_id)
    infra.restart("postgres", down_for=3)
    infra.restart("kafka", down_for=3)

    detail = wait_status(stack.url, session_id, {"completed", "failed", "needs_attention"}, timeout=420)
    assert detail["status"] == "completed", detail["status_message"]
    rows = report_rows(stack.url, session_id)
    assert sorted(row_key(r) for r in rows) == sorted(expected_rows(statement, with_receipt))
    # The services were never restarted: each survived both outages on its own.
    assert all(proc.poll() is None for proc in stack.processes.values())
