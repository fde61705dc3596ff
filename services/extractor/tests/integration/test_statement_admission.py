"""Two extractors storing two statements of one session at once still see each other (the session's statement
lock), so a second month cannot slip in beside the first, on real PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date

import pytest
from recon_contracts.db import FileExtractionRow, SessionRow, UploadRow
from recon_contracts.events import FileUploaded
from recon_extractor.adapters.statement_admission import admit, stored_statements
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration

SEPTEMBER = (date(2025, 9, 1), date(2025, 9, 30))
FEBRUARY = (date(2025, 2, 1), date(2025, 2, 28))


async def _uploads(sessionmaker: async_sessionmaker[AsyncSession], count: int) -> list[FileUploaded]:
    session_id, batch_id = uuid.uuid4(), uuid.uuid4()
    events = [
        FileUploaded(
            session_id=session_id,
            upload_id=uuid.uuid4(),
            batch_id=batch_id,
            batch_size=count,
            filename=f"card-{n}.pdf",
            blob_ref=f"local:card-{n}",
            sha256=f"{n:064x}",
            size_bytes=1,
            detected_type="application/pdf",
        )
        for n in range(count)
    ]
    async with sessionmaker.begin() as db:
        db.add(SessionRow(id=session_id))
        await db.flush()
        db.add_all(
            UploadRow(
                id=e.upload_id,
                session_id=session_id,
                batch_id=batch_id,
                filename=e.filename,
                blob_ref=e.blob_ref,
                sha256=e.sha256,
                size_bytes=1,
                detected_type=e.detected_type,
                status="stored",
            )
            for e in events
        )
    return events


async def _store(
    sessionmaker: async_sessionmaker[AsyncSession], event: FileUploaded, period: tuple[date, date], hold: float
) -> str:
    """One extractor's file transaction: the verdict, then its outcome row, committed after `hold` seconds."""
    async with sessionmaker.begin() as db:
        verdict = admit(event.filename, event.sha256, period, False, await stored_statements(db, event)).verdict
        db.add(
            FileExtractionRow(
                upload_id=event.upload_id,
                session_id=event.session_id,
                batch_id=event.batch_id,
                document_kind="statement",
                status="extracted" if verdict == "store" else "failed",
                error=None if verdict == "store" else "refused",
                period_start=period[0],
                period_end=period[1],
            )
        )
        await db.flush()
        await asyncio.sleep(hold)
    return verdict


async def test_the_second_of_two_concurrent_months_is_refused(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    september, february = await _uploads(sessionmaker, 2)
    first = asyncio.create_task(_store(sessionmaker, september, SEPTEMBER, hold=0.5))
    await asyncio.sleep(0.1)  # the first holds the lock with its row not yet committed
    second = await _store(sessionmaker, february, FEBRUARY, hold=0)
    assert (await first, second) == ("store", "refused")
