"""Session-wide running stack for the end-to-end tests."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from recon_contracts.provision import ensure_topics

from tests.e2e.stack import Stack


@pytest.fixture(scope="session")
def stack(migrated: str, kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    running = Stack(database_url=migrated, kafka_bootstrap=kafka_bootstrap, workdir=tmp_path_factory.mktemp("stack"))
    asyncio.run(ensure_topics(kafka_bootstrap, running.prefix))
    running.start_all()
    yield running
    running.stop_all()
