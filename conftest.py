"""Fixtures shared by every package's tests: the real PostgreSQL (and Kafka) the test command started.

DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS point at them; without those, testcontainers starts both when a
Docker engine is present. Tests that need them and find neither fail loudly rather than skip.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator

import pytest
from recon_contracts.db import Base
from recon_contracts.db.engine import make_engine, make_sessionmaker
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker


def _from_testcontainers() -> dict[str, str]:
    """Start PostgreSQL and Kafka in Docker when the environment does not name running ones."""
    try:
        from testcontainers.kafka import KafkaContainer
        from testcontainers.postgres import PostgresContainer
    except ImportError as exc:  # pragma: no cover - testcontainers is a dev dependency
        raise RuntimeError("set DATABASE_URL and KAFKA_BOOTSTRAP_SERVERS (or install testcontainers)") from exc
    postgres = PostgresContainer("postgres:16-alpine", driver="asyncpg").start()
    kafka = KafkaContainer("apache/kafka:4.1.1").with_kraft().start()
    return {"DATABASE_URL": postgres.get_connection_url(), "KAFKA_BOOTSTRAP_SERVERS": kafka.get_bootstrap_server()}


@pytest.fixture(scope="session")
def infra_env() -> Iterator[dict[str, str]]:
    if os.environ.get("DATABASE_URL") and os.environ.get("KAFKA_BOOTSTRAP_SERVERS"):
        yield {k: os.environ[k] for k in ("DATABASE_URL", "KAFKA_BOOTSTRAP_SERVERS")}
        return
    try:
        env = _from_testcontainers()
    except Exception as exc:
        pytest.fail(
            "no PostgreSQL/Kafka: run the tests through `./dev test` (which starts them) or set DATABASE_URL "
            f"and KAFKA_BOOTSTRAP_SERVERS ({exc})"
        )
    os.environ.update(env)
    yield env


@pytest.fixture(scope="session")
def database_url(infra_env: dict[str, str]) -> str:
    return infra_env["DATABASE_URL"]


@pytest.fixture(scope="session")
def kafka_bootstrap(infra_env: dict[str, str]) -> str:
    return infra_env["KAFKA_BOOTSTRAP_SERVERS"]


@pytest.fixture(scope="session")
def migrated(database_url: str) -> str:
    """The test database at the head of the one Alembic history (built from scratch once per run)."""
    from alembic import command
    from recon_contracts.migrate import alembic_config

    config = alembic_config(database_url)
    command.downgrade(config, "base")
    command.upgrade(config, "head")
    return database_url


@pytest.fixture
async def engine(migrated: str) -> AsyncIterator[AsyncEngine]:
    engine = make_engine(migrated)
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    async with engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {tables} CASCADE"))
    yield engine
    await engine.dispose()


@pytest.fixture
def sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    return make_sessionmaker(engine)
