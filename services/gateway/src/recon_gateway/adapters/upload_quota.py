"""How many sessions one user has processing (MAX_PROCESSING_SESSIONS_PER_USER limits new uploads)."""

from __future__ import annotations

from recon_contracts.db import SessionRow
from recon_contracts.db.sessions import WORKING_STATUSES
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession


async def processing_sessions(db: AsyncSession, actor: str, *, hold: bool = False) -> int:
    """The sessions `actor` uploaded that are still processing. With `hold`, a per-user lock is held until the
    transaction ends, so two uploads at once cannot both take the last place."""
    if hold:
        await db.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:actor, 15))"), {"actor": actor})
    working = await db.scalar(
        select(func.count())
        .select_from(SessionRow)
        .where(SessionRow.created_by == actor, SessionRow.status.in_(WORKING_STATUSES))
    )
    return working or 0
