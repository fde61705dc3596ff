"""Pages of a session's card lines, expense entries and receipts as a review screen shows them."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from recon_contracts.db import (
    EmployeeRow,
    ExpenseEntryRow,
    LineBackingRow,
    MatchResultRow,
    ReceiptRow,
    ReviewDecisionRow,
    TransactionRow,
    UploadRow,
)
from recon_contracts.db.current_report import current_report_uploads
from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession


async def _page(db: AsyncSession, query: Select[Any], offset: int, limit: int) -> tuple[list[Any], int]:
    total = await db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0
    return list(await db.execute(query.offset(offset).limit(limit))), total


async def lines(
    db: AsyncSession,
    session_id: uuid.UUID,
    *,
    status: str | None,
    cardholder_id: uuid.UUID | None,
    needs_review: bool | None,
    offset: int,
    limit: int,
) -> tuple[list[Any], int]:
    """(line, match, cardholder, entry, receipt) rows, by cardholder and date."""
    conditions: list[ColumnElement[bool]] = [TransactionRow.session_id == session_id]
    if status is not None:
        conditions.append(MatchResultRow.line_status == status)
    if cardholder_id is not None:
        conditions.append(TransactionRow.employee_id == cardholder_id)
    if needs_review is not None:
        review = or_(MatchResultRow.needs_review.is_(True), MatchResultRow.match_status == "manual_review")
        conditions.append(review if needs_review else ~review)
    query = (
        select(TransactionRow, MatchResultRow, EmployeeRow, ExpenseEntryRow, ReceiptRow)
        .outerjoin(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
        .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
        .outerjoin(ExpenseEntryRow, ExpenseEntryRow.id == MatchResultRow.expense_entry_id)
        .outerjoin(ReceiptRow, ReceiptRow.id == MatchResultRow.receipt_id)
        .where(*conditions)
        .order_by(EmployeeRow.name, TransactionRow.transaction_date, TransactionRow.id)
    )
    return await _page(db, query, offset, limit)


async def last_decisions(db: AsyncSession, line_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, ReviewDecisionRow]:
    """Each line's latest reviewer decision."""
    rows = await db.scalars(
        select(ReviewDecisionRow)
        .where(ReviewDecisionRow.transaction_id.in_(line_ids))
        .order_by(ReviewDecisionRow.transaction_id, ReviewDecisionRow.id.desc())
        .distinct(ReviewDecisionRow.transaction_id)
    )
    return {row.transaction_id: row for row in rows}


def _unbacked(column: Any, match_column: Any, backing_column: Any) -> ColumnElement[bool]:
    matched = select(match_column).where(match_column.is_not(None), match_column == column)
    backed = select(backing_column).where(backing_column == column)
    return and_(~matched.exists(), ~backed.exists())


async def entries(
    db: AsyncSession, session_id: uuid.UUID, *, unmatched: bool, employee: str | None, offset: int, limit: int
) -> tuple[list[Any], int]:
    """(entry, source file name) rows of the current expense report, in printed order."""
    conditions: list[ColumnElement[bool]] = [
        ExpenseEntryRow.session_id == session_id,
        ExpenseEntryRow.upload_id.in_(current_report_uploads(session_id)),
    ]
    if unmatched:
        conditions.append(
            _unbacked(ExpenseEntryRow.id, MatchResultRow.expense_entry_id, LineBackingRow.expense_entry_id)
        )
    if employee is not None:
        conditions.append(ExpenseEntryRow.employee == employee)
    query = (
        select(ExpenseEntryRow, UploadRow.filename)
        .join(UploadRow, UploadRow.id == ExpenseEntryRow.upload_id)
        .where(*conditions)
        .order_by(UploadRow.created_at, ExpenseEntryRow.upload_id, ExpenseEntryRow.entry_index)
    )
    return await _page(db, query, offset, limit)


async def receipts(
    db: AsyncSession, session_id: uuid.UUID, *, unmatched: bool, offset: int, limit: int
) -> tuple[list[Any], int]:
    """(receipt, source file name) rows: loose receipts and the current report's attachments, copies left out."""
    current_entries = select(ExpenseEntryRow.id).where(
        ExpenseEntryRow.upload_id.in_(current_report_uploads(session_id))
    )
    conditions: list[ColumnElement[bool]] = [
        ReceiptRow.session_id == session_id,
        ReceiptRow.duplicate_of_id.is_(None),
        or_(ReceiptRow.expense_entry_id.is_(None), ReceiptRow.expense_entry_id.in_(current_entries)),
    ]
    if unmatched:
        conditions.append(_unbacked(ReceiptRow.id, MatchResultRow.receipt_id, LineBackingRow.receipt_id))
    query = (
        select(ReceiptRow, UploadRow.filename)
        .join(UploadRow, UploadRow.id == ReceiptRow.upload_id)
        .where(*conditions)
        .order_by(UploadRow.created_at, ReceiptRow.file_name, ReceiptRow.id)
    )
    return await _page(db, query, offset, limit)


async def lines_of_entries(db: AsyncSession, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    return await _lines_backed_by(db, MatchResultRow.expense_entry_id, ids)


async def lines_of_receipts(db: AsyncSession, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    return await _lines_backed_by(db, MatchResultRow.receipt_id, ids)


async def _lines_backed_by(db: AsyncSession, column: Any, ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    """The card lines the matcher gave each of `ids` (an entry or receipt column of match_results)."""
    rows = await db.execute(
        select(column, TransactionRow)
        .join(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
        .where(column.in_(ids))
        .order_by(TransactionRow.transaction_date, TransactionRow.id)
    )
    out: dict[uuid.UUID, list[Any]] = defaultdict(list)
    for backer_id, line in rows:
        out[backer_id].append(line)
    return out


async def attached_receipts(db: AsyncSession, entry_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[uuid.UUID]]:
    rows = await db.execute(
        select(ReceiptRow.expense_entry_id, ReceiptRow.id)
        .where(ReceiptRow.expense_entry_id.in_(entry_ids))
        .order_by(ReceiptRow.page, ReceiptRow.id)
    )
    out: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for entry_id, receipt_id in rows:
        out[entry_id].append(receipt_id)
    return out
