"""ProgressReported → a stored progress event (rising id for SSE, with the status it left) and the session's status."""

from __future__ import annotations

from recon_contracts.db import ProgressEventRow
from recon_contracts.events import ProgressReported
from recon_contracts.inbox import Inbox

from recon_gateway.adapters.attention_store import settle
from recon_gateway.adapters.session_store import get_live_session, name_from_statement, refresh_counts
from recon_gateway.domain.session_status import TERMINAL, next_status


async def on_progress_reported(event: ProgressReported, *, inbox: Inbox) -> None:
    async with inbox.once(event) as uow:
        if uow is None:
            return
        session = await get_live_session(uow.db, event.session_id, for_update=True)
        if session is None:
            return  # deleted or expired meanwhile: nothing to show
        status = next_status(session.status, event.stage)
        # Every event touches the row (updated_at), so the janitor can tell a slow session from a stuck one.
        if session.status not in TERMINAL or status != session.status:
            session.status_message = event.message
        if status != session.status:
            session.status = status
            if status in ("completed", "failed"):
                await refresh_counts(uow.db, session)
                await name_from_statement(uow.db, session)
            if status == "completed":
                await settle(uow.db, session, event.message)
        uow.db.add(
            ProgressEventRow(
                event_id=event.event_id,
                session_id=event.session_id,
                service=event.service,
                stage=event.stage,
                message=event.message,
                current=event.current,
                total=event.total,
                occurred_at=event.occurred_at,
                session_status=session.status,
            )
        )
