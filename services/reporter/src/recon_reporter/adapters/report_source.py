"""Reads what a session's reports show, and records the artifacts built from it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

from recon_contracts.blobstore import StoredBlob
from recon_contracts.db import (
    AuditLogRow,
    EmployeeRow,
    ExpenseEntryRow,
    FileExtractionRow,
    MatchResultRow,
    MatchRunRow,
    ReceiptRow,
    ReportArtifactRow,
    SessionRow,
    TransactionRow,
    UploadRow,
)
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recon_reporter.domain.pvault_csv import ApLine
from recon_reporter.domain.report_rows import (
    AuditLine,
    CardholderSummary,
    EntryLine,
    FileNote,
    ReceiptLine,
    ReportLine,
    ReportSession,
)

_LINES = (
    select(TransactionRow, EmployeeRow, MatchResultRow, ReceiptRow, ExpenseEntryRow)
    .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
    .outerjoin(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
    .outerjoin(ReceiptRow, ReceiptRow.id == MatchResultRow.receipt_id)
    .outerjoin(ExpenseEntryRow, ExpenseEntryRow.id == MatchResultRow.expense_entry_id)
)


def _summaries(run: MatchRunRow | None) -> tuple[CardholderSummary, ...]:
    rows = (run.summary or {}).get("cardholders", []) if run else []
    return tuple(
        CardholderSummary(
            cardholder=r["name"],
            employee_id=r.get("employee_id"),
            card_last4=r.get("card_last4"),
            card_total=Decimal(r["card_total"]),
            receipt_total=Decimal(r["receipt_total"]),
            receipt_count=int(r["receipt_count"]),
            missing_receipt_amount=Decimal(r["missing_receipt_amount"]),
            flags=tuple(r.get("flags", ())),
            complete=bool(r["complete"]),
        )
        for r in rows
    )


async def load_session(db: AsyncSession, session_id: uuid.UUID) -> ReportSession | None:
    """The session with everything but its card lines (which stream separately)."""
    row = await db.get(SessionRow, session_id)
    if row is None:
        return None
    run = await db.scalar(
        select(MatchRunRow).where(MatchRunRow.session_id == session_id).order_by(MatchRunRow.run_number.desc()).limit(1)
    )
    matched_ref = (
        select(TransactionRow.reference_number)
        .join(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
        .limit(1)
    )
    receipts = [
        ReceiptLine(r.file_name, r.vendor_name, r.receipt_date, r.amount, ref)
        for r, ref in (
            await db.execute(
                select(ReceiptRow, matched_ref.where(MatchResultRow.receipt_id == ReceiptRow.id).scalar_subquery())
                .where(ReceiptRow.session_id == session_id)
                .order_by(ReceiptRow.created_at, ReceiptRow.id)
            )
        )
    ]
    receipt_count = select(func.count()).where(ReceiptRow.expense_entry_id == ExpenseEntryRow.id).scalar_subquery()
    entries = [
        EntryLine(e.employee, e.expense_type, e.entry_date, e.amount, e.gl_account, e.job, e.phase, e.cost_type, n, ref)
        for e, n, ref in (
            await db.execute(
                select(
                    ExpenseEntryRow,
                    receipt_count,
                    matched_ref.where(MatchResultRow.expense_entry_id == ExpenseEntryRow.id).scalar_subquery(),
                )
                .where(ExpenseEntryRow.session_id == session_id)
                .order_by(ExpenseEntryRow.upload_id, ExpenseEntryRow.entry_index)
            )
        )
    ]
    audit = [
        AuditLine(a.at, a.actor, a.action, a.target_id, a.before, a.after)
        for a in await db.scalars(
            select(AuditLogRow).where(AuditLogRow.session_id == session_id).order_by(AuditLogRow.id)
        )
    ]
    files = [
        FileNote(upload.filename, extraction.document_kind, extraction.pages, extraction.status, note)
        for upload, extraction in (
            await db.execute(
                select(UploadRow, FileExtractionRow)
                .join(FileExtractionRow, FileExtractionRow.upload_id == UploadRow.id)
                .where(UploadRow.session_id == session_id)
                .order_by(UploadRow.created_at, UploadRow.id)
            )
        )
        for note in ([extraction.error] if extraction.error else extraction.warnings or [""])
    ]
    return ReportSession(
        id=str(row.id),
        name=row.name,
        created_at=row.created_at,
        period_start=row.period_start,
        period_end=row.period_end,
        cardholders=_summaries(run),
        receipts=tuple(receipts),
        entries=tuple(entries),
        audit=tuple(audit),
        files=tuple(files),
    )


async def stream_lines(db: AsyncSession, session_id: uuid.UUID) -> AsyncIterator[ReportLine]:
    """Every card line with its match, by cardholder then date, fetched in chunks (not all at once)."""
    query = _LINES.where(TransactionRow.session_id == session_id).order_by(
        EmployeeRow.name, TransactionRow.transaction_date, TransactionRow.reference_number, TransactionRow.id
    )
    result = await db.stream(query.execution_options(yield_per=1000))
    async for tx, employee, match, receipt, entry in result:
        yield ReportLine(
            cardholder=employee.name if employee else "(unknown cardholder)",
            employee_id=employee.employee_number if employee else None,
            card_last4=tx.card_last_four,
            transaction_date=tx.transaction_date,
            posted_date=tx.post_date,
            reference=tx.reference_number,
            merchant=tx.merchant_name,
            category=tx.merchant_category,
            amount=tx.amount,
            status=match.match_status if match else "unmatched",
            receipt_file=receipt.file_name if receipt else None,
            receipt_vendor=receipt.vendor_name if receipt else None,
            receipt_date=receipt.receipt_date if receipt else None,
            receipt_amount=receipt.amount if receipt else None,
            confidence=match.confidence_score if match else None,
            reasons=(match.match_reason or "") if match else "",
            line_status=match.line_status if match else None,
            review=bool(match and match.needs_review),
            expense_type=entry.expense_type if entry else None,
            purpose=entry.purpose if entry else None,
            gl_account=entry.gl_account if entry else None,
            job=entry.job if entry else None,
            phase=entry.phase if entry else None,
            cost_type=entry.cost_type if entry else None,
            card_first_digit=tx.card_first_digit,
            read_by=tx.read_by,
        )


def ap_line(line: ReportLine, tax: Decimal | None = None) -> ApLine:
    """A report line as the AP import sees it; complete means its status says so (credits count as complete)."""
    return ApLine(
        cardholder=line.cardholder,
        complete=line.line_status in ("complete", "credit"),
        reference=line.reference,
        transaction_date=line.transaction_date,
        posted_date=line.posted_date,
        amount=line.amount,
        merchant=line.merchant,
        purpose=line.purpose,
        job=line.job,
        phase=line.phase,
        cost_type=line.cost_type,
        gl_account=line.gl_account,
        expense_type=line.expense_type,
        tax=tax,
        card_first_digit=line.card_first_digit,
        card_last4=line.card_last4,
    )


async def save_artifact(db: AsyncSession, session_id: uuid.UUID, fmt: str, blob: StoredBlob, row_count: int) -> None:
    """Record (or replace) the session's report of a format."""
    values = {
        "blob_ref": blob.ref,
        "sha256": blob.sha256,
        "size_bytes": blob.size,
        "row_count": row_count,
        "created_at": func.now(),
    }
    await db.execute(
        insert(ReportArtifactRow)
        .values(id=uuid.uuid4(), session_id=session_id, format=fmt, **values)
        .on_conflict_do_update(index_elements=["session_id", "format"], set_=values)
    )
