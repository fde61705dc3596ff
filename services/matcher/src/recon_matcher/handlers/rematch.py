"""SessionExtracted or ReviewRecorded → the session reconciled again, and SessionMatched."""

from __future__ import annotations

import asyncio

from recon_contracts.events import Event, ProgressReported, SessionMatched
from recon_contracts.worker import Runtime

from recon_matcher.adapters.reconcile_store import load_session_sides, save_run
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.reconcile import reconcile

SERVICE = "matcher"


def _changed(newly_complete: int, newly_missing: int) -> str:
    if not (newly_complete or newly_missing):
        return "no line changed status"
    return f"{newly_complete} line(s) newly complete, {newly_missing} newly missing"


async def rematch_session(event: Event, *, runtime: Runtime, settings: MatchSettings) -> None:
    """Reconcile the event's session in one transaction (a failed run leaves the previous results intact)."""
    if await runtime.inbox.seen(event):
        return
    await runtime.report(event.session_id, "matching", "matching card lines")
    async with runtime.inbox.once(event) as uow:
        if uow is None:
            return
        sides = await load_session_sides(uow.db, event.session_id)
        run = await asyncio.to_thread(
            reconcile,
            sides.lines,
            sides.entries,
            sides.receipts,
            directory=sides.directory,
            decisions=sides.decisions,
            previous=sides.previous or None,
            settings=settings,
        )
        number = await save_run(uow.db, event.session_id, run, sides)
        complete = sum(1 for r in run.lines if r.status in ("complete", "credit"))
        review = sum(1 for r in run.lines if r.review)
        changes = _changed(len(run.changes.newly_complete), len(run.changes.newly_missing)) if number > 1 else ""
        uow.emit(
            ProgressReported(
                session_id=event.session_id,
                service=SERVICE,
                stage="matching",
                message=f"{complete} of {len(run.lines)} card lines complete, {review} for review"
                + (f"; {changes}" if changes else ""),
                current=complete,
                total=len(run.lines),
            ),
            SessionMatched(
                session_id=event.session_id,
                matched=complete,
                unmatched=len(run.lines) - complete,
                review=review,
            ),
        )
