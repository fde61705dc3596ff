"""SessionExtracted or ReviewRecorded → the session reconciled again, and SessionMatched."""

from __future__ import annotations

import asyncio

from recon_contracts.events import Event, ProgressReported, SessionMatched
from recon_contracts.worker import Runtime

from recon_matcher.adapters.reconcile_store import MATCHED_STATUSES, load_session_sides, match_status, save_run
from recon_matcher.domain.changes import describe_changes
from recon_matcher.domain.match_settings import MatchSettings
from recon_matcher.domain.reconcile import reconcile

SERVICE = "matcher"


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
        changes = describe_changes(run.changes) if number > 1 else ""
        # Counted as the session's matched_count counts (a receipt-backed or approved match), so they agree.
        matched = sum(1 for r in run.lines if match_status(r) in MATCHED_STATUSES)
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
                matched=matched,
                unmatched=len(run.lines) - matched,
                review=review,
            ),
        )
