"""A session's documents as the workbook shows them: the current expense report's entries and receipts (with
their source file) and the review log in words (every id it names looked up as a line, entry or receipt)."""

from __future__ import annotations

import uuid
from typing import Any

from recon_contracts.db import AuditLogRow, ExpenseEntryRow, MatchResultRow, ReceiptRow, TransactionRow, UploadRow
from sqlalchemy import ScalarSelect, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_reporter.domain.report_rows import AuditLine, EntryLine, ReceiptLine
from recon_reporter.domain.review_log import (
    AuditRecord,
    describe,
    entry_label,
    ids_named,
    line_label,
    receipt_label,
)

_MATCHED_REF = (
    select(TransactionRow.reference_number)
    .join(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
    .limit(1)
)


def _latest_report_batch(session_id: uuid.UUID) -> ScalarSelect[Any]:
    """The upload batch that brought the newest expense report: a newer export replaces the older ones."""
    return (
        select(UploadRow.batch_id)
        .join(ExpenseEntryRow, ExpenseEntryRow.upload_id == UploadRow.id)
        .where(UploadRow.session_id == session_id)
        .order_by(UploadRow.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )


async def current_entries(db: AsyncSession, session_id: uuid.UUID) -> dict[uuid.UUID, EntryLine]:
    """The current expense report's entries by id (the ones the matcher uses), with their source file."""
    receipts = select(func.count()).where(ReceiptRow.expense_entry_id == ExpenseEntryRow.id).scalar_subquery()
    matched = _MATCHED_REF.where(MatchResultRow.expense_entry_id == ExpenseEntryRow.id).scalar_subquery()
    rows = await db.execute(
        select(ExpenseEntryRow, receipts, matched, UploadRow.filename)
        .join(UploadRow, UploadRow.id == ExpenseEntryRow.upload_id)
        .where(ExpenseEntryRow.session_id == session_id, UploadRow.batch_id == _latest_report_batch(session_id))
        .order_by(ExpenseEntryRow.upload_id, ExpenseEntryRow.entry_index)
    )
    return {
        e.id: EntryLine(
            e.employee,
            e.expense_type,
            e.entry_date,
            e.amount,
            e.gl_account,
            e.job,
            e.phase,
            e.cost_type,
            count,
            ref,
            purpose=e.purpose,
            source_file=filename,
        )
        for e, count, ref, filename in rows
    }


async def current_receipts(
    db: AsyncSession, session_id: uuid.UUID, entry_ids: set[uuid.UUID]
) -> tuple[ReceiptLine, ...]:
    """Loose receipts and the current report's attachments (a replaced report's stay out), with their file."""
    matched = _MATCHED_REF.where(MatchResultRow.receipt_id == ReceiptRow.id).scalar_subquery()
    rows = await db.execute(
        select(ReceiptRow, matched, UploadRow.filename)
        .join(UploadRow, UploadRow.id == ReceiptRow.upload_id)
        .where(ReceiptRow.session_id == session_id)
        .order_by(ReceiptRow.created_at, ReceiptRow.id)
    )
    return tuple(
        ReceiptLine(r.file_name, r.vendor_name, r.receipt_date, r.amount, ref, source_file=filename)
        for r, ref, filename in rows
        if r.expense_entry_id is None or r.expense_entry_id in entry_ids
    )


async def _labels(db: AsyncSession, session_id: uuid.UUID, ids: set[uuid.UUID]) -> dict[str, str]:
    """Words for the lines, entries and receipts of this session among `ids`."""
    if not ids:
        return {}
    labels: dict[str, str] = {}
    for tx in await db.scalars(
        select(TransactionRow).where(TransactionRow.session_id == session_id, TransactionRow.id.in_(ids))
    ):
        labels[str(tx.id)] = line_label(tx.reference_number, tx.transaction_date, tx.merchant_name, tx.amount)
    for e in await db.scalars(
        select(ExpenseEntryRow).where(ExpenseEntryRow.session_id == session_id, ExpenseEntryRow.id.in_(ids))
    ):
        labels[str(e.id)] = entry_label(e.employee, e.entry_date, e.amount, e.purpose)
    for r in await db.scalars(select(ReceiptRow).where(ReceiptRow.session_id == session_id, ReceiptRow.id.in_(ids))):
        labels[str(r.id)] = receipt_label(r.file_name, r.vendor_name, r.receipt_date, r.amount)
    return labels


def _uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


async def review_log(db: AsyncSession, session_id: uuid.UUID) -> tuple[AuditLine, ...]:
    """Every review action on the session, oldest first, in words."""
    records = [
        AuditRecord(a.at, a.actor, a.action, a.target_type, a.target_id, a.before, a.after)
        for a in await db.scalars(
            select(AuditLogRow).where(AuditLogRow.session_id == session_id).order_by(AuditLogRow.id)
        )
    ]
    ids = {found for r in records for i in ids_named(r) if (found := _uuid(i)) is not None}
    labels = await _labels(db, session_id, ids)
    return tuple(describe(r, labels) for r in records)
