"""A worker's probes (the janitor's, as every worker's): /livez is the process, /readyz PostgreSQL and Kafka."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from recon_contracts.provision import ensure_topics

from tests.e2e.stack import Stack, free_port

pytestmark = pytest.mark.integration
NO_DATABASE = "postgresql+asyncpg://recon:recon@127.0.0.1:9/recon"  # the discard port: nothing listens


@pytest.mark.parametrize("database", ["migrated", NO_DATABASE])
def test_liveness_is_the_process_readiness_is_postgresql_and_kafka(
    database: str, migrated: str, kafka_bootstrap: str, tmp_path: Path
) -> None:
    url = migrated if database == "migrated" else database
    stack, port = Stack(database_url=url, kafka_bootstrap=kafka_bootstrap, workdir=tmp_path), free_port()
    asyncio.run(ensure_topics(kafka_bootstrap, stack.prefix))
    stack.start("janitor", {"HEALTH_PORT": str(port)})
    try:
        answers = {
            p: stack.first_answer("janitor", f"http://127.0.0.1:{port}{p}") for p in ("/livez", "/readyz", "/health")
        }
    finally:
        stack.stop_all()
    assert answers["/livez"].status_code == 204
    if database == "migrated":
        assert [answers[p].status_code for p in ("/readyz", "/health")] == [204, 204]
    else:
        assert [(answers[p].status_code, answers[p].text) for p in ("/readyz", "/health")] == [
            (503, "database unreachable")
        ] * 2
