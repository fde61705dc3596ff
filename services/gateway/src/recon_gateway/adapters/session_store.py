"""Reads and writes of the gateway's own tables (sessions, uploads, progress); callers own the transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

from recon_contracts.db import (
    EmployeeRow,
    FileExtractionRow,
    MatchResultRow,
    ProgressEventRow,
    ReceiptRow,
    ReportArtifactRow,
    SessionRow,
    TransactionRow,
    UploadRow,
)
from recon_contracts.events import Event, FileUploaded, ProgressReported
from sqlalchemy import ColumnElement, delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.adapters.streaming_upload import ReceivedFile


def _now() -> datetime:
    return datetime.now(UTC)


def _live(session_id: uuid.UUID) -> ColumnElement[bool]:
    return (SessionRow.id == session_id) & (SessionRow.expires_at > func.now())


def batch_rows(
    session_id: uuid.UUID, batch_id: uuid.UUID, files: Sequence[ReceivedFile], *, allow_other_period: bool = False
) -> tuple[list[UploadRow], list[Event]]:
    """Upload rows for every file of a batch, and the events that start extracting the stored ones."""
    stored = [f for f in files if f.blob is not None]
    uploads = [
        UploadRow(
            id=f.upload_id,
            session_id=session_id,
            batch_id=batch_id,
            filename=f.filename,
            blob_ref=f.blob.ref if f.blob else None,
            sha256=f.blob.sha256 if f.blob else None,
            size_bytes=f.size,
            detected_type=f.detected_type,
            status="stored" if f.blob else "rejected",
            error=f.error,
            allow_other_period=allow_other_period,
        )
        for f in files
    ]
    received = f"{len(stored)} file(s) received"
    if len(stored) < len(files):
        received += f", {len(files) - len(stored)} rejected"
    events: list[Event] = [
        ProgressReported(
            session_id=session_id,
            service="gateway",
            stage="processing",
            message=received,
            current=0,
            total=len(stored),
        )
    ]
    events += [
        FileUploaded(
            session_id=session_id,
            upload_id=f.upload_id,
            batch_id=batch_id,
            batch_size=len(stored),
            filename=f.filename,
            blob_ref=f.blob.ref,
            sha256=f.blob.sha256,
            size_bytes=f.blob.size,
            detected_type=f.detected_type,
            allow_other_period=allow_other_period,
        )
        for f in stored
        if f.blob is not None
    ]
    return uploads, events


async def list_sessions(
    db: AsyncSession, *, page: int, page_size: int, query: str | None = None, status: str | None = None
) -> tuple[Sequence[SessionRow], int]:
    """Live sessions, newest first, optionally searched by name (case-insensitive) and filtered by status."""
    conditions: list[ColumnElement[bool]] = [SessionRow.expires_at > func.now()]
    if query:
        escaped = query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conditions.append(SessionRow.name.ilike(f"%{escaped}%", escape="\\"))
    if status:
        conditions.append(SessionRow.status == status)
    total = await db.scalar(select(func.count()).select_from(SessionRow).where(*conditions)) or 0
    rows = await db.scalars(
        select(SessionRow)
        .where(*conditions)
        .order_by(SessionRow.created_at.desc(), SessionRow.id)
        .offset((page - 1) * page_size)
        .limit(page_size)
    )
    return rows.all(), total


OPEN_LINE_STATUSES = ("missing_receipt", "missing_coding", "missing_both", "missing_all_receipts")


async def open_line_counts(db: AsyncSession, session_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many card lines of each session miss something (a receipt, coding or both), as last matched."""
    rows = await db.execute(
        select(MatchResultRow.session_id, func.count())
        .where(MatchResultRow.session_id.in_(session_ids), MatchResultRow.line_status.in_(OPEN_LINE_STATUSES))
        .group_by(MatchResultRow.session_id)
    )
    return {session_id: count for session_id, count in rows}


async def get_live_session(db: AsyncSession, session_id: uuid.UUID, *, for_update: bool = False) -> SessionRow | None:
    query = select(SessionRow).where(_live(session_id))
    if for_update:
        query = query.with_for_update()
    return await db.scalar(query)


async def session_children(
    db: AsyncSession, session_id: uuid.UUID, *, offset: int, limit: int
) -> dict[str, Sequence[object]]:
    """What a session holds for the detail view; the line-level lists are one page of card lines."""
    out: dict[str, Sequence[object]] = {}
    uploads = await db.execute(
        select(UploadRow, FileExtractionRow)
        .outerjoin(FileExtractionRow, FileExtractionRow.upload_id == UploadRow.id)
        .where(UploadRow.session_id == session_id)
        .order_by(UploadRow.created_at, UploadRow.id)
    )
    out["uploads"] = [
        {
            **{c.key: getattr(upload, c.key) for c in UploadRow.__table__.columns},
            "extraction": extraction,
            "findings_acceptance": None
            if upload.findings_accepted_by is None
            else {
                "accepted_by": upload.findings_accepted_by,
                "accepted_at": upload.findings_accepted_at,
                "reason": upload.findings_accept_reason,
            },
        }
        for upload, extraction in uploads
    ]
    employees = await db.scalars(
        select(EmployeeRow).where(EmployeeRow.session_id == session_id).order_by(EmployeeRow.name, EmployeeRow.id)
    )
    out["employees"] = employees.all()
    page = (
        select(TransactionRow)
        .where(TransactionRow.session_id == session_id)
        .order_by(TransactionRow.employee_id, TransactionRow.transaction_date, TransactionRow.id)
        .offset(offset)
        .limit(limit)
    )
    transactions = (await db.scalars(page)).all()
    ids = [t.id for t in transactions]
    matches = (await db.scalars(select(MatchResultRow).where(MatchResultRow.transaction_id.in_(ids)))).all()
    receipt_ids = [m.receipt_id for m in matches if m.receipt_id is not None]
    out["transactions"] = transactions
    out["match_results"] = matches
    out["receipts"] = (await db.scalars(select(ReceiptRow).where(ReceiptRow.id.in_(receipt_ids)))).all()
    return out


async def receipt(db: AsyncSession, session_id: uuid.UUID, receipt_id: uuid.UUID) -> ReceiptRow | None:
    return await db.scalar(select(ReceiptRow).where(ReceiptRow.id == receipt_id, ReceiptRow.session_id == session_id))


async def count_lines(db: AsyncSession, session_id: uuid.UUID) -> int:
    query = select(func.count()).select_from(TransactionRow).where(TransactionRow.session_id == session_id)
    return await db.scalar(query) or 0


async def delete_session(db: AsyncSession, session_id: uuid.UUID) -> bool:
    deleted = await db.execute(delete(SessionRow).where(_live(session_id)).returning(SessionRow.id))
    return deleted.first() is not None


async def progress_after(db: AsyncSession, session_id: uuid.UUID, after_id: int) -> Sequence[ProgressEventRow]:
    rows = await db.scalars(
        select(ProgressEventRow)
        .where(ProgressEventRow.session_id == session_id, ProgressEventRow.id > after_id)
        .order_by(ProgressEventRow.id)
        .limit(500)
    )
    return rows.all()


async def report_artifact(db: AsyncSession, session_id: uuid.UUID, fmt: str) -> ReportArtifactRow | None:
    return await db.scalar(
        select(ReportArtifactRow).where(ReportArtifactRow.session_id == session_id, ReportArtifactRow.format == fmt)
    )


async def name_from_statement(db: AsyncSession, session: SessionRow) -> None:
    """Give an unnamed session its first statement's period ("March 2025") and record the period; a statement of
    another period let in later, or refused, changes neither."""
    period = (
        await db.execute(
            select(FileExtractionRow.period_start, FileExtractionRow.period_end)
            .where(
                FileExtractionRow.session_id == session.id,
                FileExtractionRow.status == "extracted",
                FileExtractionRow.period_end.is_not(None),
            )
            .order_by(FileExtractionRow.finished_at, FileExtractionRow.upload_id)
            .limit(1)
        )
    ).first()
    if period is None:
        return
    session.period_start, session.period_end = period
    if session.name is None and period[1] is not None:
        session.name = f"{period[1]:%B %Y}"


async def refresh_counts(db: AsyncSession, session: SessionRow) -> None:
    """Copy the session's totals from the tables the other services own."""
    sid = session.id
    session.total_transactions = (
        await db.scalar(select(func.count()).select_from(TransactionRow).where(TransactionRow.session_id == sid)) or 0
    )
    session.total_receipts = (
        await db.scalar(select(func.count()).select_from(ReceiptRow).where(ReceiptRow.session_id == sid)) or 0
    )
    session.matched_count = (
        await db.scalar(
            select(func.count())
            .select_from(MatchResultRow)
            .where(MatchResultRow.session_id == sid, MatchResultRow.match_status.in_(("matched", "approved")))
        )
        or 0
    )
