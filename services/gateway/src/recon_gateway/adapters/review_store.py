"""Reads and writes for review: lines needing review, decisions, the audit log, the alias directory."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from recon_contracts.db import (
    AuditLogRow,
    CardholderAliasRow,
    CardholderRow,
    EmployeeRow,
    MatchResultRow,
    MatchRunRow,
    TransactionRow,
)
from sqlalchemy import Select, func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession


async def _count(db: AsyncSession, query: Select[Any]) -> int:
    return await db.scalar(select(func.count()).select_from(query.order_by(None).subquery())) or 0


async def lines_needing_review(
    db: AsyncSession, session_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[Sequence[tuple[Any, ...]], int]:
    """One page of the card lines the matcher would not decide alone, with their match and cardholder; and
    how many there are."""
    query = (
        select(TransactionRow, MatchResultRow, EmployeeRow)
        .join(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
        .outerjoin(EmployeeRow, EmployeeRow.id == TransactionRow.employee_id)
        .where(
            TransactionRow.session_id == session_id,
            or_(MatchResultRow.needs_review.is_(True), MatchResultRow.match_status == "manual_review"),
        )
        .order_by(EmployeeRow.name, TransactionRow.transaction_date, TransactionRow.id)
    )
    rows = await db.execute(query.offset(offset).limit(limit))
    return [tuple(row) for row in rows], await _count(db, query)


async def line_with_match(
    db: AsyncSession, session_id: uuid.UUID, transaction_id: uuid.UUID
) -> tuple[TransactionRow, MatchResultRow | None] | None:
    row = (
        await db.execute(
            select(TransactionRow, MatchResultRow)
            .outerjoin(MatchResultRow, MatchResultRow.transaction_id == TransactionRow.id)
            .where(TransactionRow.session_id == session_id, TransactionRow.id == transaction_id)
        )
    ).first()
    return None if row is None else (row[0], row[1])


def match_snapshot(match: MatchResultRow | None) -> dict[str, Any] | None:
    """What a line's match looked like, for the audit log's before/after."""
    if match is None:
        return None
    return {
        "match_status": match.match_status,
        "line_status": match.line_status,
        "receipt_id": str(match.receipt_id) if match.receipt_id else None,
        "expense_entry_id": str(match.expense_entry_id) if match.expense_entry_id else None,
        "confidence": match.confidence_score,
    }


def audit(
    db: AsyncSession,
    *,
    session_id: uuid.UUID,
    actor: str,
    action: str,
    target_type: str,
    target_id: str | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
) -> None:
    db.add(
        AuditLogRow(
            session_id=session_id,
            actor=actor,
            action=action,
            target_type=target_type,
            target_id=target_id,
            before=before,
            after=after,
        )
    )


async def latest_run_summary(db: AsyncSession, session_id: uuid.UUID) -> dict[str, Any]:
    """What the matcher's last run said about the session as a whole (cardholders, identity suggestions)."""
    summary = await db.scalar(
        select(MatchRunRow.summary)
        .where(MatchRunRow.session_id == session_id)
        .order_by(MatchRunRow.run_number.desc())
        .limit(1)
    )
    return dict(summary or {})


async def audit_log(
    db: AsyncSession, session_id: uuid.UUID, *, offset: int = 0, limit: int | None = None
) -> tuple[Sequence[AuditLogRow], int]:
    query = select(AuditLogRow).where(AuditLogRow.session_id == session_id).order_by(AuditLogRow.id)
    rows = await db.scalars(query.offset(offset).limit(limit))
    return rows.all(), await _count(db, query)


async def last_audit_entry(db: AsyncSession, session_id: uuid.UUID) -> AuditLogRow:
    query = select(AuditLogRow).where(AuditLogRow.session_id == session_id).order_by(AuditLogRow.id.desc()).limit(1)
    return (await db.scalars(query)).one()


async def match_runs(
    db: AsyncSession, session_id: uuid.UUID, *, offset: int, limit: int
) -> tuple[Sequence[MatchRunRow], int]:
    query = select(MatchRunRow).where(MatchRunRow.session_id == session_id).order_by(MatchRunRow.run_number)
    rows = await db.scalars(query.offset(offset).limit(limit))
    return rows.all(), await _count(db, query)


async def cardholder_ids(db: AsyncSession, session_id: uuid.UUID) -> dict[str, uuid.UUID]:
    """The session's cardholders' ids by name."""
    rows = await db.execute(select(EmployeeRow.name, EmployeeRow.id).where(EmployeeRow.session_id == session_id))
    return {name: id_ for name, id_ in rows}


async def is_session_cardholder(
    db: AsyncSession, session_id: uuid.UUID, name: str, employee_number: str | None
) -> bool:
    """Whether the session's statement names this cardholder (by name, or by employee number when given)."""
    named = EmployeeRow.name == name
    if employee_number:
        named = or_(named, EmployeeRow.employee_number == employee_number)
    found = await db.scalar(select(EmployeeRow.id).where(EmployeeRow.session_id == session_id, named).limit(1))
    return found is not None


async def decide_alias(
    db: AsyncSession, *, alias: str, cardholder_name: str, employee_number: str | None, status: str, actor: str
) -> tuple[dict[str, Any] | None, CardholderAliasRow]:
    """Record that `alias` is (or is not) `cardholder_name`; returns the alias before the change and after."""
    holder = None
    if employee_number:
        holder = await db.scalar(select(CardholderRow).where(CardholderRow.employee_number == employee_number))
    if holder is None:
        holder = await db.scalar(select(CardholderRow).where(CardholderRow.display_name == cardholder_name))
    if holder is None:
        holder = CardholderRow(display_name=cardholder_name, employee_number=employee_number)
        db.add(holder)
        await db.flush()
    row = await db.scalar(
        select(CardholderAliasRow)
        .where(CardholderAliasRow.alias == alias, CardholderAliasRow.cardholder_id == holder.id)
        .with_for_update()
    )
    before: dict[str, Any] | None = (
        None if row is None else {"cardholder_id": str(row.cardholder_id), "status": row.status}
    )
    if status == "confirmed":
        # An alias has one owner: confirming it for this cardholder is saying it is nobody else.
        moved = await db.execute(
            update(CardholderAliasRow)
            .where(
                CardholderAliasRow.alias == alias,
                CardholderAliasRow.cardholder_id != holder.id,
                CardholderAliasRow.status == "confirmed",
            )
            .values(status="rejected", decided_by=actor)
            .returning(CardholderAliasRow.cardholder_id)
        )
        previous = moved.scalar_one_or_none()
        if previous is not None:
            before = (before or {}) | {"confirmed_for": str(previous)}
    if row is None:
        row = CardholderAliasRow(alias=alias, cardholder_id=holder.id, status=status, decided_by=actor)
        db.add(row)
    else:
        row.status, row.decided_by = status, actor
    await db.flush()
    return before, row
