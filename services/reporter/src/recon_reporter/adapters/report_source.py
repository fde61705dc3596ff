"""Reads what a session's reports show, and records the artifacts built from it."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from decimal import Decimal

from recon_contracts.blobstore import StoredBlob
from recon_contracts.db import (
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
from sqlalchemy import String, cast, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recon_reporter.adapters.session_documents import current_entries, current_receipts, review_log
from recon_reporter.domain.pvault_csv import ApLine
from recon_reporter.domain.report_rows import CENT, CardholderSummary, Coding, FileNote, ReportLine, ReportSession

_LINES = (
    select(TransactionRow, EmployeeRow, MatchResultRow, ReceiptRow)
    .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
    .outerjoin(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
    .outerjoin(ReceiptRow, ReceiptRow.id == MatchResultRow.receipt_id)
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
    entries = await current_entries(db, session_id)
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
        receipts=await current_receipts(db, session_id, set(entries)),
        entries=tuple(entries.values()),
        audit=await review_log(db, session_id),
        files=tuple(files),
    )


async def _codings(db: AsyncSession, session_id: uuid.UUID) -> dict[str, ExpenseEntryRow]:
    """Every entry a match result codes its line with, by id."""
    coded = select(func.jsonb_array_elements_text(MatchResultRow.coding_entries)).where(
        MatchResultRow.session_id == session_id
    )
    rows = await db.scalars(
        select(ExpenseEntryRow).where(
            ExpenseEntryRow.session_id == session_id, cast(ExpenseEntryRow.id, String).in_(coded)
        )
    )
    return {str(e.id): e for e in rows}


def _coding(tx: TransactionRow, ids: list[str], entries: dict[str, ExpenseEntryRow]) -> tuple[Coding, ...]:
    """One part at the line's amount, or one per entry of a split at the entry's amount (to the cent)."""
    found = [entries[i] for i in ids if i in entries]
    return tuple(
        Coding(
            tx.amount if len(found) == 1 else (e.amount or Decimal(0)).quantize(CENT),
            e.purpose,
            e.gl_account,
            e.job,
            e.phase,
            e.cost_type,
            e.expense_type,
        )
        for e in found
    )


async def stream_lines(db: AsyncSession, session_id: uuid.UUID) -> AsyncIterator[ReportLine]:
    """Every card line with its match, by cardholder then date, fetched in chunks (not all at once)."""
    entries = await _codings(db, session_id)
    query = _LINES.where(TransactionRow.session_id == session_id).order_by(
        EmployeeRow.name, TransactionRow.transaction_date, TransactionRow.reference_number, TransactionRow.id
    )
    result = await db.stream(query.execution_options(yield_per=1000))
    async for tx, employee, match, receipt in result:
        coding = _coding(tx, match.coding_entries if match else [], entries)
        shown = coding[0] if coding else Coding(tx.amount)
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
            expense_type=shown.expense_type,
            purpose=shown.purpose,
            gl_account=shown.gl_account,
            job=shown.job,
            phase=shown.phase,
            cost_type=shown.cost_type,
            card_first_digit=tx.card_first_digit,
            read_by=tx.read_by,
            outcome=match.outcome if match else "unmatched",
            outcome_by=match.outcome_by if match else None,
            outcome_at=match.outcome_at if match else None,
            outcome_reason=match.outcome_reason if match else None,
            coding=coding,
        )


def ap_line(line: ReportLine, tax: Decimal | None = None) -> ApLine:
    """A report line as the AP import sees it: complete when its status says so (credits count as complete) and
    no reviewer question is open on it, as the cardholder's Complete in the Summary."""
    waiver = None
    if line.outcome == "waived":
        waiver = f"{line.outcome_reason or 'no receipt'}; waived by {line.outcome_by or 'a reviewer'}"
    return ApLine(
        cardholder=line.cardholder,
        complete=line.line_status in ("complete", "credit") and not line.review,
        reference=line.reference,
        transaction_date=line.transaction_date,
        posted_date=line.posted_date,
        amount=line.amount,
        merchant=line.merchant,
        parts=line.coding,
        card_first_digit=line.card_first_digit,
        card_last4=line.card_last4,
        waiver=waiver,
        tax=tax,
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
