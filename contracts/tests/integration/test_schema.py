"""The Alembic history and the constraints it creates, on real PostgreSQL."""

from __future__ import annotations

import asyncio
import uuid
from datetime import date
from decimal import Decimal

import pytest
from alembic import command
from recon_contracts.db import Base, MatchResultRow, SessionRow, TransactionRow, UploadRow
from recon_contracts.migrate import alembic_config
from recon_contracts.provision import ensure_topics, what_is_missing
from recon_contracts.settings import ServiceSettings
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

pytestmark = pytest.mark.integration


async def _tables(url: str) -> set[str]:
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        names = await conn.run_sync(lambda sync: set(inspect(sync).get_table_names()))
    await engine.dispose()
    return names


def test_upgrade_downgrade_upgrade(migrated: str) -> None:
    config = alembic_config(migrated)
    command.downgrade(config, "base")
    assert asyncio.run(_tables(migrated)) <= {"alembic_version"}
    command.upgrade(config, "head")
    assert asyncio.run(_tables(migrated)) >= {t.name for t in Base.metadata.sorted_tables}


async def _session_with_upload(db: AsyncSession) -> tuple[uuid.UUID, uuid.UUID]:
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
    return sid, uid


def _tx(sid: uuid.UUID, uid: uuid.UUID, amount: str, ref: str | None = "000000001") -> TransactionRow:
    return TransactionRow(
        session_id=sid,
        upload_id=uid,
        transaction_date=date(2025, 3, 4),
        post_date=date(2025, 3, 6),
        amount=Decimal(amount),
        merchant_name="SHELL",
        reference_number=ref,
        is_credit=Decimal(amount) < 0,
        card_last_four="0028",
    )


async def test_money_is_exact_and_credits_are_negative(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as db:
        sid, uid = await _session_with_upload(db)
        db.add(_tx(sid, uid, "-0.45"))
    async with sessionmaker() as db:
        amount = await db.scalar(text("SELECT amount FROM transactions"))
        assert amount == Decimal("-0.45")


@pytest.mark.parametrize(
    ("mutate", "constraint"),
    [
        (lambda t: setattr(t, "is_credit", False), "credit_is_negative"),
        (lambda t: setattr(t, "card_last_four", "X028"), "card_last_four_digits"),
        (lambda t: setattr(t, "post_date", date(2025, 3, 1)), "posted_after_transaction"),
    ],
)
async def test_transaction_constraints(
    sessionmaker: async_sessionmaker[AsyncSession],
    mutate,
    constraint: str,  # type: ignore[no-untyped-def]
) -> None:
    with pytest.raises(IntegrityError) as err:
        async with sessionmaker.begin() as db:
            sid, uid = await _session_with_upload(db)
            row = _tx(sid, uid, "-0.45")
            mutate(row)
            db.add(row)
    assert constraint in str(err.value)


async def test_reference_unique_per_session_only_when_present(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as db:
        sid, uid = await _session_with_upload(db)
        db.add_all([_tx(sid, uid, "1.00", None), _tx(sid, uid, "2.00", None)])
    with pytest.raises(IntegrityError):
        async with sessionmaker.begin() as db:
            sid, uid = await _session_with_upload(db)
            db.add_all([_tx(sid, uid, "1.00"), _tx(sid, uid, "2.00")])


async def test_matched_requires_a_receipt(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    with pytest.raises(IntegrityError, match="matched_has_receipt"):
        async with sessionmaker.begin() as db:
            sid, uid = await _session_with_upload(db)
            tx = _tx(sid, uid, "5.00")
            db.add(tx)
            await db.flush()
            db.add(MatchResultRow(session_id=sid, transaction_id=tx.id, confidence_score=1.0, match_status="matched"))


async def test_updated_at_moves_on_update_and_delete_cascades(sessionmaker: async_sessionmaker[AsyncSession]) -> None:
    async with sessionmaker.begin() as db:
        sid, uid = await _session_with_upload(db)
        db.add(_tx(sid, uid, "3.00"))
    async with sessionmaker() as db:
        before = await db.scalar(text("SELECT updated_at FROM sessions WHERE id = :id"), {"id": sid})
    async with sessionmaker.begin() as db:
        await db.execute(text("UPDATE sessions SET status = 'matching' WHERE id = :id"), {"id": sid})
    async with sessionmaker.begin() as db:
        after = await db.scalar(text("SELECT updated_at FROM sessions WHERE id = :id"), {"id": sid})
        assert after > before
        await db.execute(text("DELETE FROM sessions WHERE id = :id"), {"id": sid})
    async with sessionmaker() as db:
        assert await db.scalar(text("SELECT count(*) FROM transactions")) == 0
        assert await db.scalar(text("SELECT count(*) FROM uploads")) == 0


async def test_provision_wait_sees_a_ready_database_and_missing_topics(migrated: str, kafka_bootstrap: str) -> None:
    prefix = f"wait{uuid.uuid4().hex[:8]}."
    settings = ServiceSettings(
        database_url=migrated, kafka_bootstrap_servers=kafka_bootstrap, kafka_topic_prefix=prefix
    )
    assert "topics missing" in (await what_is_missing(settings) or "")
    await ensure_topics(kafka_bootstrap, prefix)
    assert await what_is_missing(settings) is None


async def test_migrations_match_the_models(migrated: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    engine = create_async_engine(migrated)
    async with engine.connect() as conn:
        diff = await conn.run_sync(lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata))
    await engine.dispose()
    assert diff == []
