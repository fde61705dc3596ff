"""The janitor's database sweeps: purge expired sessions, fail stuck ones, trim messaging tables, tell orphan files."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import Sequence
from datetime import datetime, timedelta

from recon_contracts.db import OutboxRow, ProcessedEventRow, SessionRow
from recon_contracts.db.sessions import WORKING_STATUSES
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession


async def purge_expired(db: AsyncSession, now: datetime) -> Sequence[uuid.UUID]:
    """Delete sessions past their expiry (rows cascade); returns their ids so their blobs can go too."""
    deleted = await db.execute(delete(SessionRow).where(SessionRow.expires_at <= now).returning(SessionRow.id))
    return [row[0] for row in deleted]


async def quiet_sessions(db: AsyncSession, now: datetime, quiet_for: timedelta) -> Sequence[tuple[uuid.UUID, datetime]]:
    """Working sessions whose row has not moved for quiet_for."""
    rows = await db.execute(
        select(SessionRow.id, SessionRow.updated_at).where(
            SessionRow.status.in_(WORKING_STATUSES), SessionRow.updated_at < now - quiet_for
        )
    )
    return [(row[0], row[1]) for row in rows]


async def trim_messaging(db: AsyncSession, now: datetime, keep: timedelta) -> None:
    """Published outbox rows and old processed-event records are no longer needed after keep."""
    await db.execute(delete(OutboxRow).where(OutboxRow.published_at < now - keep))
    await db.execute(delete(ProcessedEventRow).where(ProcessedEventRow.processed_at < now - keep))


async def existing_sessions(db: AsyncSession, names: Sequence[str]) -> set[str]:
    """Which of these session folder names belong to a session row (a name that is no id belongs to none)."""
    ids = []
    for name in names:
        with contextlib.suppress(ValueError):
            ids.append(uuid.UUID(name))
    rows = await db.scalars(select(SessionRow.id).where(SessionRow.id.in_(ids)))
    return {str(session_id) for session_id in rows}
