"""Reads a session's lines with their matches, and records built artifacts."""

from __future__ import annotations

import uuid

from recon_contracts.blobstore import StoredBlob
from recon_contracts.db import (
    EmployeeRow,
    MatchResultRow,
    ReceiptRow,
    ReportArtifactRow,
    SessionRow,
    TransactionRow,
)
from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.ext.asyncio import AsyncSession

from recon_reporter.domain.report_rows import ReportLine, ReportSession


async def load_session(db: AsyncSession, session_id: uuid.UUID) -> ReportSession | None:
    row = await db.get(SessionRow, session_id)
    return None if row is None else ReportSession(id=str(row.id), name=row.name, created_at=row.created_at)


async def load_lines(db: AsyncSession, session_id: uuid.UUID) -> list[ReportLine]:
    """Every card line, by cardholder then date."""
    query = (
        select(TransactionRow, EmployeeRow, MatchResultRow, ReceiptRow)
        .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
        .outerjoin(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
        .outerjoin(ReceiptRow, ReceiptRow.id == MatchResultRow.receipt_id)
        .where(TransactionRow.session_id == session_id)
        .order_by(EmployeeRow.name, TransactionRow.transaction_date, TransactionRow.reference_number)
    )
    lines = []
    for tx, employee, match, receipt in (await db.execute(query)).tuples():
        lines.append(
            ReportLine(
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
            )
        )
    return lines


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
