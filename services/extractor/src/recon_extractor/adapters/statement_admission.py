"""Whether a statement may join its session: one statement period per session, and the very same file once.

Decided in the file's own transaction, where its period is known, under a per-session lock so two extractors
storing two statements of one upload at once still see each other.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal

from recon_contracts.db import FileExtractionRow, UploadRow
from recon_contracts.events import FileUploaded
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

Period = tuple[date | None, date | None]


@dataclass(frozen=True)
class StoredStatement:
    """A statement already read into the session."""

    upload_id: uuid.UUID
    filename: str
    sha256: str | None
    period: Period


@dataclass(frozen=True)
class Admission:
    """`store`: keep its lines; `duplicate`: the same file is there already; `refused`: another period."""

    verdict: Literal["store", "duplicate", "refused"]
    message: str | None = None
    duplicate_of: uuid.UUID | None = None


def period_label(period: Period) -> str:
    """ "March 2025", or "28 February to 27 March 2025" for a period across months."""
    start, end = period
    if end is None:
        return "an unknown period"
    if start is None or (start.year, start.month) == (end.year, end.month) or start.day == 1:
        return f"{end:%B %Y}"
    return f"{start:%-d %B} to {end:%-d %B %Y}"


def admit(
    filename: str, sha256: str, period: Period, allow_other_period: bool, stored: Sequence[StoredStatement]
) -> Admission:
    """The verdict on a statement given the statements already in its session (pure)."""
    for other in stored:
        if other.sha256 == sha256:
            return Admission(
                "duplicate",
                f"{filename}: the same file as {other.filename}, already in this session; nothing was added",
                other.upload_id,
            )
    periods = {s.period for s in stored if s.period[1] is not None}
    if period[1] is None or not periods or period in periods:
        return Admission("store")
    held = " and ".join(sorted(period_label(p) for p in periods))
    if allow_other_period:
        return Admission("store", f"{filename}: {period_label(period)} joins {held}; the session spans both")
    return Admission(
        "refused",
        f"{filename}: this statement is for {period_label(period)}, but this session holds {held}; "
        f"start a new session for {period_label(period)} (or upload it again with allow_other_period=true "
        "to keep both periods in this session)",
    )


async def stored_statements(db: AsyncSession, event: FileUploaded) -> list[StoredStatement]:
    """The session's statements read so far, after taking the session's statement lock (held to commit)."""
    await db.execute(select(func.pg_advisory_xact_lock(func.hashtextextended(str(event.session_id), 0))))
    rows = await db.execute(
        select(
            UploadRow.id,
            UploadRow.filename,
            UploadRow.sha256,
            FileExtractionRow.period_start,
            FileExtractionRow.period_end,
        )
        .join(FileExtractionRow, FileExtractionRow.upload_id == UploadRow.id)
        .where(
            FileExtractionRow.session_id == event.session_id,
            FileExtractionRow.document_kind == "statement",
            FileExtractionRow.status == "extracted",
            UploadRow.id != event.upload_id,
        )
        .order_by(FileExtractionRow.finished_at)
    )
    return [StoredStatement(r.id, r.filename, r.sha256, (r.period_start, r.period_end)) for r in rows]
