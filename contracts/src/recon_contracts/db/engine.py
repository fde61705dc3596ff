"""Engine and session factory; created by each service's composition root, never at import."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine


def make_engine(database_url: str, *, pool_size: int = 5, statement_timeout_seconds: float = 0) -> AsyncEngine:
    """An asyncpg engine that checks connections before use (a restarted database is survived).

    `statement_timeout_seconds` (0: none) makes PostgreSQL cancel any one statement running longer, so a runaway
    query cannot hold its locks and a pool connection forever; the caller sees a DBAPIError.
    """
    connect_args: dict[str, Any] = {}
    if statement_timeout_seconds > 0:
        connect_args["server_settings"] = {"statement_timeout": str(int(statement_timeout_seconds * 1000))}
    return create_async_engine(
        database_url, pool_size=pool_size, max_overflow=5, pool_pre_ping=True, connect_args=connect_args
    )


def make_sessionmaker(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions that keep loaded attributes after commit, so handlers can read what they wrote."""
    return async_sessionmaker(engine, expire_on_commit=False)
