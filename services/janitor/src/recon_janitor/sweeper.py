"""One sweep of the janitor, and the loop that repeats it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import structlog
from recon_contracts.inbox import claim
from recon_contracts.outbox import stage
from recon_contracts.worker import Runtime

from recon_janitor.adapters.sweeps import existing_sessions, purge_expired, quiet_sessions, trim_messaging
from recon_janitor.domain.stuck_sessions import stuck_failure
from recon_janitor.settings import JanitorSettings

log = structlog.get_logger(__name__)


@dataclass(frozen=True)
class SweepResult:
    purged: int
    failed_stuck: int
    orphans_removed: int = 0


async def sweep_once(runtime: Runtime, settings: JanitorSettings, now: datetime | None = None) -> SweepResult:
    now = now or datetime.now(UTC)
    quiet_for = timedelta(minutes=settings.stuck_after_minutes)
    async with runtime.sessionmaker.begin() as db:
        purged = await purge_expired(db, now)
    for session_id in purged:
        runtime.blobs.delete_prefix(f"sessions/{session_id}")
    orphans = await _remove_orphan_blobs(runtime, now - timedelta(minutes=settings.orphan_blob_grace_minutes))
    failed = 0
    async with runtime.sessionmaker.begin() as db:
        for session_id, last_progress_at in await quiet_sessions(db, now, quiet_for):
            event = stuck_failure(session_id, last_progress_at, now - last_progress_at)
            if await claim(db, consumer="janitor.stuck", event_id=event.event_id):
                stage(db, event)
                failed += 1
        await trim_messaging(db, now, timedelta(days=settings.messaging_retention_days))
    if purged or failed or orphans:
        log.info("sweep", purged=len(purged), failed_stuck=failed, orphans_removed=orphans)
    return SweepResult(purged=len(purged), failed_stuck=failed, orphans_removed=orphans)


async def _remove_orphan_blobs(runtime: Runtime, unchanged_since: datetime) -> int:
    """Session folders with no session row, quiet since `unchanged_since`: nothing may outlive its session
    (a purge or delete stopped between its commit and its file removal, an upload cut off mid-stream)."""
    quiet = [name for name, changed in runtime.blobs.child_prefixes("sessions") if changed < unchanged_since]
    if not quiet:
        return 0
    async with runtime.sessionmaker() as db:
        alive = await existing_sessions(db, quiet)
    orphans = [name for name in quiet if name not in alive]
    for name in orphans:
        runtime.blobs.delete_prefix(f"sessions/{name}")
    return len(orphans)


def sweep_loop(runtime: Runtime, settings: JanitorSettings) -> Callable[[asyncio.Event], Awaitable[None]]:
    async def run(stop: asyncio.Event) -> None:
        while not stop.is_set():
            try:
                await sweep_once(runtime, settings)
            except Exception:
                log.exception("sweep failed; next one in the usual interval")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=settings.sweep_interval_seconds)

    return run
