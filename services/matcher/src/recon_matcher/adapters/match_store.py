"""Loads a session's two sides and replaces its match results; the caller owns the transaction."""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from recon_contracts.db import MatchResultRow, ReceiptRow, TransactionRow
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_matcher.domain.exact_match import Charge, MatchDecision, ReceiptFacts


async def load_sides(db: AsyncSession, session_id: uuid.UUID) -> tuple[list[Charge], list[ReceiptFacts]]:
    tx_rows = await db.execute(
        select(TransactionRow.id, TransactionRow.transaction_date, TransactionRow.post_date, TransactionRow.amount)
        .where(TransactionRow.session_id == session_id)
        .order_by(TransactionRow.transaction_date, TransactionRow.id)
    )
    receipt_rows = await db.execute(
        select(ReceiptRow.id, ReceiptRow.receipt_date, ReceiptRow.amount).where(
            ReceiptRow.session_id == session_id, ReceiptRow.processing_status == "completed"
        )
    )
    charges = [Charge(id=r[0], transaction_date=r[1], posted_date=r[2], amount=r[3]) for r in tx_rows]
    receipts = [ReceiptFacts(id=r[0], date=r[1], amount=r[2]) for r in receipt_rows]
    return charges, receipts


async def replace_matches(db: AsyncSession, session_id: uuid.UUID, decisions: Sequence[MatchDecision]) -> None:
    """A re-run replaces the previous results of the session wholesale."""
    await db.execute(delete(MatchResultRow).where(MatchResultRow.session_id == session_id))
    db.add_all(
        MatchResultRow(
            session_id=session_id,
            transaction_id=d.charge_id,
            receipt_id=d.receipt_id,
            confidence_score=d.confidence,
            match_status=d.status,
            match_reason="; ".join(d.reasons),
            amount_difference=0 if d.receipt_id else None,
            date_difference_days=d.date_difference_days,
            matching_factors={"rule": "exact_amount_date_window", "reasons": list(d.reasons)},
        )
        for d in decisions
    )
