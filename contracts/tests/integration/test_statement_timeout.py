"""The engine's statement_timeout: PostgreSQL cancels a statement that runs longer."""

from __future__ import annotations

import pytest
from recon_contracts.db.engine import make_engine
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

pytestmark = pytest.mark.integration


async def test_a_statement_longer_than_the_timeout_is_cancelled(migrated: str) -> None:
    engine = make_engine(migrated, statement_timeout_seconds=0.2)
    try:
        async with engine.connect() as conn:
            assert await conn.scalar(text("SHOW statement_timeout")) == "200ms"
            await conn.execute(text("SELECT pg_sleep(0.05)"))
            with pytest.raises(DBAPIError, match="canceling statement due to statement timeout"):
                await conn.execute(text("SELECT pg_sleep(2)"))
    finally:
        await engine.dispose()
    untimed = make_engine(migrated)
    async with untimed.connect() as conn:
        assert await conn.scalar(text("SHOW statement_timeout")) == "0"
    await untimed.dispose()
