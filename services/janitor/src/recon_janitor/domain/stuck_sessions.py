"""When a session that says it is working has in fact stopped."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from recon_contracts.events import ProgressReported

_STUCK_NAMESPACE = uuid.UUID("0b7f3f0e-8a7c-4d0e-a3f1-5d3b0c9e2a44")


def stuck_failure(session_id: uuid.UUID, last_progress_at: datetime, quiet_for: timedelta) -> ProgressReported:
    """The failure event for a session with no progress since last_progress_at.

    Its id derives from the session and that moment, so sweeping twice reports the failure once.
    """
    minutes = int(quiet_for.total_seconds() // 60)
    return ProgressReported(
        event_id=uuid.uuid5(_STUCK_NAMESPACE, f"{session_id}/{last_progress_at.isoformat()}"),
        session_id=session_id,
        service="janitor",
        stage="failed",
        message=f"processing stopped: no progress for {minutes} minutes; upload the files again or contact support",
    )
