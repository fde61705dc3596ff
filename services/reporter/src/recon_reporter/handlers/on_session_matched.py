"""SessionMatched → the XLSX, CSV and pvault reports in the blob store, and the session completed."""

from __future__ import annotations

import asyncio
import pickle
import tempfile
import uuid
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from recon_contracts.blobstore import StoredBlob
from recon_contracts.events import ProgressReported, SessionMatched
from recon_contracts.worker import Runtime

from recon_reporter.adapters.report_source import ap_line, load_session, save_artifact, stream_lines
from recon_reporter.domain.csv_report import write_csv
from recon_reporter.domain.pvault_csv import write_pvault_csv
from recon_reporter.domain.report_rows import ReportLine, ReportSession, completion_message
from recon_reporter.domain.xlsx_report import write_xlsx

SERVICE = "reporter"


def _spooled(path: Path) -> Iterator[ReportLine]:
    with path.open("rb") as source:
        while True:
            try:
                yield pickle.load(source)
            except EOFError:
                return


def _build(session: ReportSession, spool: Path, folder: Path) -> tuple[dict[str, tuple[Path, int]], ReportSession]:
    """Write the three files from the spooled lines, each in one streaming pass (runs in a worker thread).

    The AP import is built first: the workbook's Summary says which cardholders it took and why not the others.
    """
    files = {"xlsx": folder / "report.xlsx", "csv": folder / "report.csv", "pvault": folder / "pvault.csv"}
    with files["pvault"].open("w", encoding="utf-8", newline="") as text:
        ap = write_pvault_csv((ap_line(line) for line in _spooled(spool)), text)
    session = replace(session, ap_verdicts=ap.verdicts, ap_left_out=tuple(ap.left_out))
    with files["xlsx"].open("wb") as out:
        rows = write_xlsx(session, _spooled(spool), out)
    with files["csv"].open("w", encoding="utf-8", newline="") as text:
        write_csv(_spooled(spool), text)
    return {"xlsx": (files["xlsx"], rows), "csv": (files["csv"], rows), "pvault": (files["pvault"], ap.rows)}, session


async def on_session_matched(event: SessionMatched, *, runtime: Runtime) -> None:
    if await runtime.inbox.seen(event):
        return
    await runtime.report(event.session_id, "reporting", "building reports")
    # Each build gets its own keys, so a re-run never overwrites a report someone is downloading.
    build_id = uuid.uuid4()
    stored: dict[str, tuple[StoredBlob, int]] = {}
    with tempfile.TemporaryDirectory(prefix="recon-report-") as tmp:
        # Lines are spooled to a local file so memory stays flat however many a session has.
        spool = Path(tmp) / "lines.pickle"
        async with runtime.sessionmaker() as db:
            session = await load_session(db, event.session_id)
            if session is None:
                return  # deleted while it was being matched
            with spool.open("wb") as out:
                lines = 0
                async for line in stream_lines(db, event.session_id):
                    pickle.dump(line, out, protocol=pickle.HIGHEST_PROTOCOL)
                    lines += 1
        built, session = await asyncio.to_thread(_build, session, spool, Path(tmp))
        for fmt, (path, rows) in built.items():
            key = f"sessions/{event.session_id}/reports/{build_id}/{path.name}"
            stored[fmt] = (await runtime.blobs.put_file(key, path), rows)
    async with runtime.inbox.once(event) as uow:
        if uow is None:
            return
        for fmt, (blob, rows) in stored.items():
            await save_artifact(uow.db, event.session_id, fmt, blob, rows)
        uow.emit(
            ProgressReported(
                session_id=event.session_id,
                service=SERVICE,
                stage="completed",
                message=completion_message(session, lines, event.matched),
                current=lines,
                total=lines,
            )
        )
