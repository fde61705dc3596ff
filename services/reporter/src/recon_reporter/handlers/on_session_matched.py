"""SessionMatched → the XLSX and CSV reports in the blob store, and the session completed."""

from __future__ import annotations

import io
import uuid

from recon_contracts.events import ProgressReported, SessionMatched
from recon_contracts.outbox import stage
from recon_contracts.worker import Runtime

from recon_reporter.adapters.report_source import load_lines, load_session, save_artifact
from recon_reporter.domain.csv_report import write_csv
from recon_reporter.domain.xlsx_report import write_xlsx

SERVICE = "reporter"


async def on_session_matched(event: SessionMatched, *, runtime: Runtime) -> None:
    if await runtime.inbox.seen(event):
        return
    async with runtime.sessionmaker.begin() as db:
        stage(
            db,
            ProgressReported(
                session_id=event.session_id, service=SERVICE, stage="reporting", message="building reports"
            ),
        )
    async with runtime.sessionmaker() as db:
        session = await load_session(db, event.session_id)
        lines = await load_lines(db, event.session_id)
    if session is None:
        return  # deleted while it was being matched
    # Each build gets its own key, so a re-run never overwrites a report someone is downloading.
    build_id = uuid.uuid4()
    xlsx = io.BytesIO()
    rows = write_xlsx(session, lines, xlsx)
    xlsx_blob = await runtime.blobs.put_bytes(f"sessions/{event.session_id}/reports/{build_id}.xlsx", xlsx.getvalue())
    text = io.StringIO()
    write_csv(lines, text)
    csv_blob = await runtime.blobs.put_bytes(
        f"sessions/{event.session_id}/reports/{build_id}.csv", text.getvalue().encode("utf-8")
    )
    async with runtime.inbox.once(event) as uow:
        if uow is None:
            return
        await save_artifact(uow.db, event.session_id, "xlsx", xlsx_blob, rows)
        await save_artifact(uow.db, event.session_id, "csv", csv_blob, rows)
        uow.emit(
            ProgressReported(
                session_id=event.session_id,
                service=SERVICE,
                stage="completed",
                message=f"reports ready: {rows} card lines, {event.matched} matched",
                current=rows,
                total=rows,
            )
        )
