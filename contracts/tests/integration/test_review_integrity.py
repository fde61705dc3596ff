"""The review rules the schema itself enforces, on real PostgreSQL: same-session references, one backing per
entry and receipt unless a split, and a session deleted whole with its decisions."""

from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal

import pytest
from recon_contracts.db import (
    ExpenseEntryRow,
    LineBackingRow,
    ReceiptRow,
    ReviewDecisionRow,
    SessionRow,
    TransactionRow,
    UploadRow,
)
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration


async def _month(db: AsyncSession) -> tuple[uuid.UUID, list[TransactionRow], ExpenseEntryRow, ReceiptRow]:
    """A session with two card lines, one expense entry and one receipt."""
    sid, uid = uuid.uuid4(), uuid.uuid4()
    db.add(SessionRow(id=sid))
    await db.flush()
    db.add(
        UploadRow(
            id=uid,
            session_id=sid,
            batch_id=uuid.uuid4(),
            filename="s.pdf",
            blob_ref="local:x",
            sha256="0" * 64,
            size_bytes=1,
            detected_type="application/pdf",
            status="stored",
        )
    )
    await db.flush()
    lines = [
        TransactionRow(
            session_id=sid,
            upload_id=uid,
            transaction_date=date(2025, 3, 4),
            amount=Decimal(amount),
            merchant_name="SHELL",
            reference_number=ref,
        )
        for amount, ref in (("10.00", "000000001"), ("20.00", "000000002"))
    ]
    entry = ExpenseEntryRow(session_id=sid, upload_id=uid, entry_index=0, employee="ANA", amount=Decimal("30.00"))
    receipt = ReceiptRow(
        session_id=sid, upload_id=uid, file_name="r.pdf", file_path="local:r", file_size=1, mime_type="application/pdf"
    )
    db.add_all([*lines, entry, receipt])
    await db.flush()
    return sid, lines, entry, receipt


async def _decide(db: AsyncSession, sid: uuid.UUID, line: TransactionRow, **ids: object) -> ReviewDecisionRow:
    row = ReviewDecisionRow(session_id=sid, transaction_id=line.id, action="reassign", decided_by="ana", **ids)
    db.add(row)
    await db.flush()
    return row


async def test_a_decision_cannot_name_another_sessions_entry(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as db:
        _, _, foreign_entry, _ = await _month(db)
    with pytest.raises(IntegrityError, match="fk_review_decisions_session_id_expense_entries"):
        async with sessionmaker.begin() as db:
            sid, lines, _, _ = await _month(db)
            await _decide(db, sid, lines[0], expense_entry_id=foreign_entry.id)


async def test_an_entry_backs_one_line_unless_a_split(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    with pytest.raises(IntegrityError, match="xc_line_backings_entry_backs_one_line"):
        async with sessionmaker.begin() as db:
            sid, lines, entry, _ = await _month(db)
            for line in lines:
                decision = await _decide(db, sid, line, expense_entry_id=entry.id)
                db.add(
                    LineBackingRow(
                        session_id=sid, transaction_id=line.id, expense_entry_id=entry.id, decision_id=decision.id
                    )
                )
                await db.flush()
    async with sessionmaker.begin() as db:
        sid, lines, entry, receipt = await _month(db)
        split = uuid.uuid4()
        for line in lines:
            decision = await _decide(db, sid, line, receipt_id=receipt.id, split_id=split)
            db.add(
                LineBackingRow(
                    session_id=sid,
                    transaction_id=line.id,
                    receipt_id=receipt.id,
                    decision_id=decision.id,
                    split_id=split,
                )
            )
        await db.flush()
    async with sessionmaker() as db:
        holders = await db.scalars(select(LineBackingRow.holder).where(LineBackingRow.session_id == sid))
        assert set(holders) == {split}


async def test_deleting_a_session_takes_its_decisions_and_backings(
    sessionmaker: async_sessionmaker[AsyncSession],
) -> None:
    async with sessionmaker.begin() as db:
        sid, lines, entry, _ = await _month(db)
        decision = await _decide(db, sid, lines[0], expense_entry_id=entry.id)
        db.add(
            LineBackingRow(
                session_id=sid, transaction_id=lines[0].id, expense_entry_id=entry.id, decision_id=decision.id
            )
        )
    async with sessionmaker.begin() as db:
        await db.execute(text("DELETE FROM sessions WHERE id = :id"), {"id": sid})
    async with sessionmaker() as db:
        for table in (ReviewDecisionRow, LineBackingRow, ExpenseEntryRow):
            assert await db.scalar(select(func.count()).select_from(table)) == 0
