"""SessionExtracted or ReviewRecorded → the session matched again, and SessionMatched."""

from __future__ import annotations

from recon_contracts.events import Event, ProgressReported, SessionMatched
from recon_contracts.outbox import stage
from recon_contracts.worker import Runtime

from recon_matcher.adapters.match_store import load_sides, replace_matches
from recon_matcher.domain.exact_match import match_exact

SERVICE = "matcher"


async def rematch_session(event: Event, *, runtime: Runtime, window_days: int) -> None:
    """Recompute every match of the event's session in one transaction (a failed run leaves the last one intact)."""
    if await runtime.inbox.seen(event):
        return
    async with runtime.sessionmaker.begin() as db:
        started = ProgressReported(
            session_id=event.session_id, service=SERVICE, stage="matching", message="matching card lines"
        )
        stage(db, started)
    async with runtime.inbox.once(event) as uow:
        if uow is None:
            return
        charges, receipts = await load_sides(uow.db, event.session_id)
        decisions = match_exact(charges, receipts, window_days=window_days)
        await replace_matches(uow.db, event.session_id, decisions)
        matched = sum(1 for d in decisions if d.status == "matched")
        uow.emit(
            ProgressReported(
                session_id=event.session_id,
                service=SERVICE,
                stage="matching",
                message=f"{matched} of {len(decisions)} card lines matched to a receipt",
                current=matched,
                total=len(decisions),
            ),
            SessionMatched(session_id=event.session_id, matched=matched, unmatched=len(decisions) - matched, review=0),
        )
