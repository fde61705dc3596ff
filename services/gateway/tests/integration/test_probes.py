"""The gateway's probes: /livez answers while the process runs, /readyz only while PostgreSQL answers."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from recon_contracts.provision import ensure_topics

from tests.e2e.stack import Stack

pytestmark = pytest.mark.integration
NO_DATABASE = "postgresql+asyncpg://recon:recon@127.0.0.1:9/recon"  # the discard port: nothing listens


@pytest.mark.parametrize(("database", "ready"), [("migrated", 204), (NO_DATABASE, 503)])
def test_liveness_is_the_process_readiness_is_the_database(
    database: str, ready: int, migrated: str, kafka_bootstrap: str, tmp_path: Path
) -> None:
    stack = Stack(
        database_url=migrated if database == "migrated" else database, kafka_bootstrap=kafka_bootstrap, workdir=tmp_path
    )
    asyncio.run(ensure_topics(kafka_bootstrap, stack.prefix))
    stack.start("gateway")
    try:
        assert stack.first_answer("gateway", f"{stack.url}/livez").status_code == 204
        readiness = stack.first_answer("gateway", f"{stack.url}/readyz")
        health = stack.first_answer("gateway", f"{stack.url}/api/health")
    finally:
        stack.stop_all()
    assert readiness.status_code == ready
    assert health.status_code == (200 if ready == 204 else 503)
    if ready == 503:
        assert readiness.text == "database unreachable"
        assert health.json()["database"] == "unreachable"
