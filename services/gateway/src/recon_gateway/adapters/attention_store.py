"""What a session's files say about it needing a person, and a reviewer accepting a file's findings."""

from __future__ import annotations

import uuid

from recon_contracts.db import FileExtractionRow, SessionRow, UploadRow
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.domain.attention import FileState, attention_reasons


async def file_states(db: AsyncSession, session_id: uuid.UUID) -> list[FileState]:
    """Every file of the session that has been read (or failed), oldest first."""
    rows = await db.execute(
        select(UploadRow, FileExtractionRow)
        .join(FileExtractionRow, FileExtractionRow.upload_id == UploadRow.id)
        .where(UploadRow.session_id == session_id)
        .order_by(FileExtractionRow.finished_at, UploadRow.id)
    )
    return [
        FileState(
            upload_id=upload.id,
            filename=upload.filename,
            document_kind=extraction.document_kind,
            status=extraction.status,
            error=extraction.error,
            finished_at=extraction.finished_at,
            period=(extraction.period_start, extraction.period_end),
            findings=extraction.findings,
            accepted=upload.findings_accepted_by is not None,
        )
        for upload, extraction in rows
    ]


async def settle(db: AsyncSession, session: SessionRow, message: str) -> list[str]:
    """Finish the session as completed, or as needing attention with the reasons first; returns the reasons."""
    reasons = attention_reasons(await file_states(db, session.id))
    session.status = "needs_attention" if reasons else "completed"
    session.status_message = "; ".join(["needs attention: " + "; ".join(reasons), message] if reasons else [message])
    return reasons


async def upload_with_extraction(
    db: AsyncSession, session_id: uuid.UUID, upload_id: uuid.UUID
) -> tuple[UploadRow, FileExtractionRow | None] | None:
    row = (
        await db.execute(
            select(UploadRow, FileExtractionRow)
            .outerjoin(FileExtractionRow, FileExtractionRow.upload_id == UploadRow.id)
            .where(UploadRow.session_id == session_id, UploadRow.id == upload_id)
            .with_for_update(of=UploadRow)
        )
    ).first()
    return None if row is None else (row[0], row[1])
