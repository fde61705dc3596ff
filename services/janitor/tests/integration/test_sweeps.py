"""The janitor's sweeps on real PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from recon_contracts.db import OutboxRow, SessionRow
from recon_contracts.worker import build_runtime
from recon_janitor.settings import JanitorSettings
from recon_janitor.sweeper import sweep_once
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

pytestmark = pytest.mark.integration
NOW = datetime.now(UTC)


def _session(*, age_days: float, status: str = "completed", quiet_minutes: float = 0) -> SessionRow:
    created = NOW - timedelta(days=age_days)
    return SessionRow(
        id=uuid.uuid4(),
        created_at=created,
        expires_at=created + timedelta(days=90),
        status=status,
        updated_at=NOW - timedelta(minutes=quiet_minutes),
    )


async def test_sweep_purges_expired_and_fails_stuck_sessions_once(
    sessionmaker: async_sessionmaker[AsyncSession], migrated: str, tmp_path: Path
) -> None:
    settings = JanitorSettings(database_url=migrated, blob_root=str(tmp_path), stuck_after_minutes=30)
    runtime = build_runtime("janitor", settings)
    expired, kept = _session(age_days=91), _session(age_days=89)
    stuck, busy = _session(age_days=0, status="extracting", quiet_minutes=45), _session(age_days=0, status="matching")
    async with sessionmaker.begin() as db:
        db.add_all([expired, kept, stuck, busy])
    await runtime.blobs.put_bytes(f"sessions/{expired.id}/uploads/a", b"x")
    await runtime.blobs.put_bytes(f"sessions/{kept.id}/uploads/a", b"y")

    first = await sweep_once(runtime, settings, now=NOW)
    second = await sweep_once(runtime, settings, now=NOW)
    await runtime.close()

    assert (first.purged, first.failed_stuck) == (1, 1)
    assert (second.purged, second.failed_stuck) == (0, 0)
    async with sessionmaker() as db:
        remaining = set(await db.scalars(select(SessionRow.id)))
        events = (await db.scalars(select(OutboxRow))).all()
    assert remaining == {kept.id, stuck.id, busy.id}
    assert not (tmp_path / "sessions" / str(expired.id)).exists()
    assert (tmp_path / "sessions" / str(kept.id) / "uploads" / "a").exists()
    assert [(e.key, e.payload["stage"]) for e in events] == [(str(stuck.id), "failed")]
    assert "no progress for 45 minutes" in events[0].payload["message"]


async def test_files_without_a_session_are_removed_once_quiet(
    sessionmaker: async_sessionmaker[AsyncSession], migrated: str, tmp_path: Path
) -> None:
    import os

    settings = JanitorSettings(database_url=migrated, blob_root=str(tmp_path), orphan_blob_grace_minutes=60)
    runtime = build_runtime("janitor", settings)
    live = _session(age_days=1)
    async with sessionmaker.begin() as db:
        db.add(live)
    orphan, uploading = uuid.uuid4(), uuid.uuid4()
    for session_id in (live.id, orphan, uploading):
        await runtime.blobs.put_bytes(f"sessions/{session_id}/uploads/a.pdf", b"%PDF-")
    two_hours_ago = (NOW - timedelta(hours=2)).timestamp()
    for session_id in (live.id, orphan):  # quiet for two hours; `uploading` was written just now
        folder = tmp_path / "sessions" / str(session_id)
        for path in [folder, *folder.rglob("*")]:
            os.utime(path, (two_hours_ago, two_hours_ago))

    result = await sweep_once(runtime, settings, now=NOW)
    await runtime.close()

    assert result.orphans_removed == 1
    assert not (tmp_path / "sessions" / str(orphan)).exists()
    assert (tmp_path / "sessions" / str(uploading) / "uploads" / "a.pdf").exists()
    assert (tmp_path / "sessions" / str(live.id) / "uploads" / "a.pdf").exists()
