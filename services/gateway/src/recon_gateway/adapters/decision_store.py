"""What a batch of decisions is checked against (the session's lines, the named entries and receipts, what backs
what now) and the decisions with their backings written; the caller owns the transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from recon_contracts.db import (
    ExpenseEntryRow,
    LineBackingRow,
    MatchResultRow,
    ReceiptRow,
    ReviewDecisionRow,
    TransactionRow,
    UploadRow,
)
from recon_contracts.db.current_report import current_report_uploads
from sqlalchemy import Delete, delete, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_gateway.domain.decision_rules import Backer, Holding, Line, Plan, Proposed


@dataclass(frozen=True)
class Decided:
    """A decision as asked: what the rules check, plus why and by whom."""

    proposed: Proposed
    reason: str | None
    reviewer: str


async def session_lines(db: AsyncSession, session_id: uuid.UUID) -> dict[uuid.UUID, Line]:
    rows = await db.execute(
        select(
            TransactionRow.id, TransactionRow.reference_number, TransactionRow.merchant_name, TransactionRow.amount
        ).where(TransactionRow.session_id == session_id)
    )
    return {r.id: Line(r.id, r.reference_number, r.merchant_name, r.amount) for r in rows}


async def named_backers(db: AsyncSession, session_id: uuid.UUID, ids: set[uuid.UUID]) -> dict[uuid.UUID, Backer]:
    """The entries and receipts among `ids` that belong to the session, each saying why it cannot be used."""
    current = set(await db.scalars(current_report_uploads(session_id)))
    out: dict[uuid.UUID, Backer] = {}
    entries = await db.execute(
        select(ExpenseEntryRow.id, ExpenseEntryRow.amount, ExpenseEntryRow.upload_id, UploadRow.filename)
        .join(UploadRow, UploadRow.id == ExpenseEntryRow.upload_id)
        .where(ExpenseEntryRow.session_id == session_id, ExpenseEntryRow.id.in_(ids))
    )
    replaced = "belongs to {}, which a newer expense report replaced; use the current report's entries"
    for e in entries:
        out[e.id] = Backer(e.id, "entry", e.amount, None if e.upload_id in current else replaced.format(e.filename))
    receipts = await db.execute(
        select(ReceiptRow.id, ReceiptRow.amount, ReceiptRow.duplicate_of_id, ExpenseEntryRow.upload_id)
        .outerjoin(ExpenseEntryRow, ExpenseEntryRow.id == ReceiptRow.expense_entry_id)
        .where(ReceiptRow.session_id == session_id, ReceiptRow.id.in_(ids))
    )
    for r in receipts:
        unusable = None
        if r.duplicate_of_id is not None:
            unusable = f"is a second copy of receipt {r.duplicate_of_id}; use that one"
        elif r.upload_id is not None and r.upload_id not in current:
            unusable = "is attached to an entry of a replaced expense report; use the current report's receipts"
        out[r.id] = Backer(r.id, "receipt", r.amount, unusable)
    return out


async def holdings(db: AsyncSession, session_id: uuid.UUID) -> list[Holding]:
    """What backs which line now: the reviewers' backings, then the matcher's current matches."""
    out = []
    for b in await db.scalars(select(LineBackingRow).where(LineBackingRow.session_id == session_id)):
        if b.expense_entry_id is not None:
            out.append(Holding(b.expense_entry_id, "entry", b.transaction_id, b.split_id, pinned=True))
        if b.receipt_id is not None:
            out.append(Holding(b.receipt_id, "receipt", b.transaction_id, b.split_id, pinned=True))
    matches = await db.execute(
        select(MatchResultRow.transaction_id, MatchResultRow.expense_entry_id, MatchResultRow.receipt_id).where(
            MatchResultRow.session_id == session_id
        )
    )
    for line_id, entry_id, receipt_id in matches:
        if entry_id is not None:
            out.append(Holding(entry_id, "entry", line_id))
        if receipt_id is not None:
            out.append(Holding(receipt_id, "receipt", line_id))
    return out


def _backing_of(session_id: uuid.UUID, line_id: uuid.UUID, backer_id: uuid.UUID) -> Delete:
    return delete(LineBackingRow).where(
        LineBackingRow.session_id == session_id,
        LineBackingRow.transaction_id == line_id,
        or_(LineBackingRow.expense_entry_id == backer_id, LineBackingRow.receipt_id == backer_id),
    )


async def record(
    db: AsyncSession, session_id: uuid.UUID, decided: Sequence[Decided], plan: Plan
) -> list[ReviewDecisionRow]:
    """The decisions in order, the backings they release removed and the ones they make stored."""
    for line_id, backer_id in plan.releases:
        await db.execute(_backing_of(session_id, line_id, backer_id))
    rows = []
    for d, split_id, claims in zip(decided, plan.split_ids, plan.claims, strict=True):
        p = d.proposed
        row = ReviewDecisionRow(
            session_id=session_id,
            transaction_id=p.line_id,
            action=p.action,
            expense_entry_id=p.entry_id,
            receipt_id=p.receipt_id,
            reason=d.reason,
            decided_by=d.reviewer,
            split_id=split_id,
        )
        db.add(row)
        await db.flush()
        for line_id, backer, claim_split in claims:
            await db.execute(_backing_of(session_id, line_id, backer.id))
            db.add(
                LineBackingRow(
                    session_id=session_id,
                    transaction_id=line_id,
                    expense_entry_id=backer.id if backer.kind == "entry" else None,
                    receipt_id=backer.id if backer.kind == "receipt" else None,
                    decision_id=row.id,
                    split_id=claim_split,
                )
            )
        await db.flush()
        await db.refresh(row)
        rows.append(row)
    return rows
