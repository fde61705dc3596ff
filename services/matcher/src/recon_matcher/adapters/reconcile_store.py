"""Loads a session's three sides, the directory and the reviewers' decisions; saves a run's results.

The caller owns the transaction, so a run either replaces the previous results whole or leaves them intact.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from recon_contracts.db import (
    CardholderAliasRow,
    CardholderRow,
    EmployeeRow,
    ExpenseEntryRow,
    MatchResultRow,
    MatchRunRow,
    MerchantAliasRow,
    ReceiptRow,
    ReviewDecisionRow,
    TransactionRow,
    UploadRow,
)
from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from recon_matcher.domain.result_json import reconciliation_to_json
from recon_matcher.domain.results import LineResult, Match, Reconciliation
from recon_matcher.domain.sides import CardLine, Directory, ExpenseEntry, Receipt, ReviewDecision


@dataclass(frozen=True)
class SessionSides:
    lines: list[CardLine]
    entries: list[ExpenseEntry]
    receipts: list[Receipt]
    directory: Directory
    decisions: list[ReviewDecision]
    previous: dict[str, Any]
    references: dict[str, str | None]


def _decimal(value: Any) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


async def _lines(db: AsyncSession, session_id: uuid.UUID) -> list[CardLine]:
    rows = await db.execute(
        select(TransactionRow, EmployeeRow)
        .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
        .where(TransactionRow.session_id == session_id)
        .order_by(TransactionRow.transaction_date, TransactionRow.id)
    )
    return [
        CardLine(
            id=str(tx.id),
            cardholder=employee.name if employee else "(unknown cardholder)",
            employee_id=employee.employee_number if employee else None,
            card_last4=tx.card_last_four,
            transaction_date=tx.transaction_date,
            posted_date=tx.post_date,
            amount=tx.amount,
            merchant=tx.merchant_name,
            city=tx.raw_data.get("city"),
            state=tx.raw_data.get("state"),
            category=tx.merchant_category,
            reference=tx.reference_number,
        )
        for tx, employee in rows
    ]


async def _current_entries(db: AsyncSession, session_id: uuid.UUID) -> list[ExpenseEntryRow]:
    """Entries of the latest batch that brought an expense report: a newer export supersedes older ones."""
    latest_batch = (
        select(UploadRow.batch_id)
        .join(ExpenseEntryRow, ExpenseEntryRow.upload_id == UploadRow.id)
        .where(UploadRow.session_id == session_id)
        .order_by(UploadRow.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = await db.scalars(
        select(ExpenseEntryRow)
        .join(UploadRow, UploadRow.id == ExpenseEntryRow.upload_id)
        .where(ExpenseEntryRow.session_id == session_id, UploadRow.batch_id == latest_batch)
        .order_by(ExpenseEntryRow.upload_id, ExpenseEntryRow.entry_index)
    )
    return list(rows)


async def _receipts(db: AsyncSession, session_id: uuid.UUID, entry_ids: set[uuid.UUID]) -> list[ReceiptRow]:
    rows = await db.scalars(
        select(ReceiptRow).where(ReceiptRow.session_id == session_id, ReceiptRow.duplicate_of_id.is_(None))
    )
    # Attachments of superseded expense reports are not receipts of this run.
    return [r for r in rows if r.expense_entry_id is None or r.expense_entry_id in entry_ids]


async def load_directory(db: AsyncSession) -> Directory:
    """What reviewers have said across months: confirmed and rejected aliases, accounts, merchant names."""
    decided = await db.execute(
        select(CardholderAliasRow.alias, CardholderRow.display_name, CardholderAliasRow.status)
        .join(CardholderRow, CardholderRow.id == CardholderAliasRow.cardholder_id)
        .where(CardholderAliasRow.status.in_(("confirmed", "rejected")))
    )
    aliases: dict[str, str] = {}
    rejected: set[tuple[str, str]] = set()
    for alias, holder, status in decided:
        if status == "confirmed":
            aliases[alias] = holder
        else:
            rejected.add((alias, holder))
    accounts = await db.scalars(select(CardholderRow.display_name).where(CardholderRow.is_account.is_(True)))
    merchants = await db.execute(select(MerchantAliasRow.alias, MerchantAliasRow.canonical))
    return Directory(
        aliases=aliases,
        accounts=frozenset(accounts),
        merchant_aliases={alias: canonical for alias, canonical in merchants},
        rejected_aliases=frozenset(rejected),
    )


def _entry_key(e: ExpenseEntryRow) -> tuple[Any, ...]:
    return (e.employee, e.entry_date, e.amount, e.merchant, e.expense_type)


async def _successors(
    db: AsyncSession, session_id: uuid.UUID, entries: list[ExpenseEntryRow], receipts: list[ReceiptRow]
) -> dict[uuid.UUID, str]:
    """Where a decision's entry or receipt went when a newer expense report superseded the one it named.

    Entries are the same claim when employee, date, amount, merchant and type agree; attachments are the same
    image when their bytes hash the same. Decisions naming them follow them, so a re-upload keeps every decision.
    """
    # Twins (equal claims, equal images) follow in printed order: the n-th old twin becomes the n-th new one.
    by_key: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for e in sorted(entries, key=lambda e: e.entry_index):
        by_key[_entry_key(e)].append(str(e.id))
    by_image: dict[str, list[str]] = defaultdict(list)
    for r in receipts:
        if r.image_sha256:
            by_image[r.image_sha256].append(str(r.id))
    current = {e.id for e in entries} | {r.id for r in receipts}
    named = (
        await db.execute(
            select(ReviewDecisionRow.expense_entry_id, ReviewDecisionRow.receipt_id).where(
                ReviewDecisionRow.session_id == session_id
            )
        )
    ).all()
    entry_ids = {e for e, _ in named if e is not None and e not in current}
    receipt_ids = {r for _, r in named if r is not None and r not in current}
    out: dict[uuid.UUID, str] = {}
    if entry_ids:
        old_entries = await db.scalars(
            select(ExpenseEntryRow)
            .where(
                ExpenseEntryRow.upload_id.in_(
                    select(ExpenseEntryRow.upload_id).where(ExpenseEntryRow.id.in_(entry_ids))
                )
            )
            .order_by(ExpenseEntryRow.upload_id, ExpenseEntryRow.entry_index)
        )
        rank: dict[tuple[Any, ...], int] = defaultdict(int)
        for old in old_entries:
            key = (old.upload_id, *_entry_key(old))
            position, rank[key] = rank[key], rank[key] + 1
            found = by_key.get(_entry_key(old), [])
            if old.id in entry_ids and position < len(found):
                out[old.id] = found[position]
    if receipt_ids:
        for old_receipt in await db.scalars(select(ReceiptRow).where(ReceiptRow.id.in_(receipt_ids))):
            if old_receipt.image_sha256 and (seen := by_image.get(old_receipt.image_sha256)):
                out[old_receipt.id] = seen[0]
    return out


async def load_session_sides(db: AsyncSession, session_id: uuid.UUID) -> SessionSides:
    lines = await _lines(db, session_id)
    entry_rows = await _current_entries(db, session_id)
    receipt_rows = await _receipts(db, session_id, {e.id for e in entry_rows})
    attached: dict[uuid.UUID, list[str]] = defaultdict(list)
    for r in receipt_rows:
        if r.expense_entry_id is not None:
            attached[r.expense_entry_id].append(str(r.id))
    entries = [
        ExpenseEntry(
            id=str(e.id),
            employee=e.employee,
            expense_type=e.expense_type,
            date=e.entry_date,
            amount=e.amount,
            merchant=e.merchant,
            gl_account=e.gl_account,
            job=e.job,
            phase=e.phase,
            cost_type=e.cost_type,
            receipt_ids=tuple(attached.get(e.id, ())),
            purpose=e.purpose,
        )
        for e in entry_rows
    ]
    receipts = [
        Receipt(
            id=str(r.id),
            vendor=r.vendor_name,
            date=r.receipt_date,
            total=r.amount,
            subtotal=_decimal(r.extracted_data.get("subtotal")),
            tip=_decimal(r.extracted_data.get("tip")),
            currency=r.currency,
            card_last4=r.extracted_data.get("card_last4"),
            entry_id=str(r.expense_entry_id) if r.expense_entry_id else None,
        )
        for r in receipt_rows
    ]
    follow = await _successors(db, session_id, entry_rows, receipt_rows)
    decisions = [
        ReviewDecision(
            line_id=str(d.transaction_id),
            action=d.action,
            entry_id=follow.get(d.expense_entry_id, str(d.expense_entry_id)) if d.expense_entry_id else None,
            receipt_id=follow.get(d.receipt_id, str(d.receipt_id)) if d.receipt_id else None,
            reason=d.reason,
            decided_by=d.decided_by,
            decided_at=d.decided_at,
        )
        for d in await db.scalars(
            select(ReviewDecisionRow).where(ReviewDecisionRow.session_id == session_id).order_by(ReviewDecisionRow.id)
        )
    ]
    previous = await db.execute(
        select(MatchResultRow.transaction_id, MatchResultRow.line_status).where(
            MatchResultRow.session_id == session_id, MatchResultRow.line_status.is_not(None)
        )
    )
    return SessionSides(
        lines=lines,
        entries=entries,
        receipts=receipts,
        directory=await load_directory(db),
        decisions=decisions,
        previous={str(tx): status for tx, status in previous},
        references={line.id: line.reference for line in lines},
    )


MATCHED_STATUSES = ("matched", "approved")


def match_status(result: LineResult) -> str:
    """The seed's match status; "matched" and "approved" are what the session's matched count counts."""
    if result.review:
        return "manual_review"
    if result.match is not None and result.match.source == "reviewer":
        return "approved"
    if result.match is not None and result.match.receipt_id is not None:
        return "matched"
    return "unmatched"


def _match_json(m: Match) -> dict[str, Any]:
    return {"entry": m.entry_id, "receipt": m.receipt_id, "confidence": m.confidence, "reasons": list(m.reasons)}


def _uuid(value: str | None) -> uuid.UUID | None:
    return uuid.UUID(value) if value else None


async def save_run(db: AsyncSession, session_id: uuid.UUID, run: Reconciliation, sides: SessionSides) -> int:
    """Replace the session's match results with this run's and record the run; returns its number."""
    await db.execute(delete(MatchResultRow).where(MatchResultRow.session_id == session_id))
    for r in run.lines:
        m = r.match
        db.add(
            MatchResultRow(
                session_id=session_id,
                transaction_id=uuid.UUID(r.line_id),
                receipt_id=_uuid(m.receipt_id) if m else None,
                expense_entry_id=_uuid(m.entry_id) if m else None,
                confidence_score=min(max(m.confidence if m else 0.0, 0.0), 1.0),
                match_status=match_status(r),
                match_reason="; ".join(m.reasons) if m else "; ".join(r.notes) or None,
                line_status=r.status,
                needs_review=r.review,
                candidates=[_match_json(c) for c in r.candidates],
                matching_factors={
                    "suggestions": [
                        {
                            "kind": s.kind,
                            "lines": list(s.line_ids),
                            "entries": list(s.entry_ids),
                            "receipts": list(s.receipt_ids),
                            "reasons": list(s.reasons),
                        }
                        for s in r.suggestions
                    ],
                    "refund_of": r.refund_of,
                    "notes": list(r.notes),
                },
                outcome=r.outcome.kind,
                outcome_by=r.outcome.by,
                outcome_at=r.outcome.at or func.now(),
                outcome_reason=r.outcome.reason,
                coding_entries=list(r.coding_entry_ids),
            )
        )
    number = (
        await db.scalar(select(func.max(MatchRunRow.run_number)).where(MatchRunRow.session_id == session_id))
    ) or 0
    document = reconciliation_to_json(run, extras=True)
    last4 = {line.cardholder: line.card_last4 for line in sides.lines}
    cardholders = [dict(c, card_last4=last4.get(c["name"])) for c in document["cardholders"]]
    db.add(
        MatchRunRow(
            session_id=session_id,
            run_number=number + 1,
            newly_complete=[sides.references.get(i) or i for i in run.changes.newly_complete],
            newly_missing=[sides.references.get(i) or i for i in run.changes.newly_missing],
            changes=[
                {"line": c.line_id, "reference": sides.references.get(c.line_id), "from": c.before, "to": c.after}
                for c in run.changes.status_changed
            ],
            summary={
                "cardholders": cardholders,
                "identity_suggestions": document["identity_suggestions"],
                "unmatched_entries": len(run.unmatched_entry_ids),
                "unmatched_receipts": len(run.unmatched_receipt_ids),
                "warnings": list(run.warnings),
            },
        )
    )
    return number + 1
