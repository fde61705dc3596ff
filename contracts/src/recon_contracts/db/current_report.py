"""Which expense report of a session is the current one: a newer export replaces the older ones whole.

One rule for every service that reads entries (the matcher matches only these; the gateway lists and accepts
only these), so they cannot drift apart.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Select, select

from recon_contracts.db.extraction import ExpenseEntryRow
from recon_contracts.db.sessions import UploadRow


def current_report_uploads(session_id: uuid.UUID) -> Select[tuple[uuid.UUID]]:
    """The uploads of the latest batch that brought expense entries (a report may come as several files)."""
    latest_batch = (
        select(UploadRow.batch_id)
        .join(ExpenseEntryRow, ExpenseEntryRow.upload_id == UploadRow.id)
        .where(UploadRow.session_id == session_id)
        .order_by(UploadRow.created_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    return select(UploadRow.id).where(UploadRow.session_id == session_id, UploadRow.batch_id == latest_batch)
