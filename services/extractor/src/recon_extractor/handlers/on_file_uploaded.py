"""FileUploaded → the file's rows, its outcome, and, for the batch's last file, SessionExtracted."""

from __future__ import annotations

import asyncio
import tempfile
from dataclasses import dataclass
from pathlib import Path

import structlog
from recon_contracts.card_numbers import mask_card_numbers
from recon_contracts.errors import PermanentError, is_transient
from recon_contracts.events import FileUploaded, ProgressReported, SessionExtracted
from recon_contracts.worker import Runtime

from recon_extractor.adapters.document_store import StoredFile, store_document
from recon_extractor.adapters.extraction_store import record_file_outcome
from recon_extractor.adapters.read_originals import keeps_original
from recon_extractor.errors import ExtractionError
from recon_extractor.ocr.engine import Ocr
from recon_extractor.pdf.limits import Limits
from recon_extractor.reading.isolated_read import ReadBounds, read_isolated
from recon_extractor.reading.read_document import ExtractedDocument

log = structlog.get_logger(__name__)
SERVICE = "extractor"


@dataclass
class _Pages:
    done: int = 0
    total: int = 0


async def _read_with_progress(
    runtime: Runtime,
    event: FileUploaded,
    interval: float,
    limits: Limits,
    bounds: ReadBounds,
    ocr: Ocr | None,
    image_dir: Path,
) -> ExtractedDocument:
    """Read the file in a bounded child process (waited on from a worker thread) while page progress is
    reported at most every `interval` seconds."""
    pages = _Pages()

    def on_page(done: int, total: int) -> None:
        pages.done, pages.total = done, total

    path = runtime.blobs.local_path(event.blob_ref)
    task = asyncio.create_task(
        asyncio.to_thread(read_isolated, path, event.detected_type, limits, bounds, on_page, ocr, image_dir)
    )
    reported = 0
    while not task.done():
        await asyncio.wait({task}, timeout=interval)
        if pages.done != reported:
            reported = pages.done
            message = f"{event.filename}: page {pages.done} of {pages.total}"
            await runtime.report(event.session_id, "extracting", message, pages.done, pages.total)
    return task.result()


async def _store_images(runtime: Runtime, event: FileUploaded, image_dir: Path) -> dict[str, str]:
    """The expense report's attachments as blobs of their own (so one receipt can be shown without its
    200 MB report), keyed by sha256 and so written once however often the file is read again."""
    refs: dict[str, str] = {}
    for image in await asyncio.to_thread(lambda: sorted(image_dir.iterdir())):
        stored = await runtime.blobs.put_file(f"sessions/{event.session_id}/attachments/{image.name}", image)
        refs[image.name] = stored.ref
    return refs


async def on_file_uploaded(
    event: FileUploaded,
    *,
    runtime: Runtime,
    progress_interval: float,
    limits: Limits,
    bounds: ReadBounds,
    ocr: Ocr | None,
) -> None:
    if await runtime.inbox.seen(event):
        return
    await runtime.report(event.session_id, "extracting", f"reading {event.filename}")
    document: ExtractedDocument | None = None
    error: str | None = None
    images: dict[str, str] = {}
    try:
        with tempfile.TemporaryDirectory(prefix="recon-attachments-") as image_dir:
            document = await _read_with_progress(
                runtime, event, progress_interval, limits, bounds, ocr, Path(image_dir)
            )
            images = await _store_images(runtime, event, Path(image_dir))
    except (ExtractionError, PermanentError) as exc:
        error = mask_card_numbers(f"{event.filename}: {exc}")
    except Exception as exc:
        if is_transient(exc):
            raise
        log.exception("file could not be read", filename=event.filename)
        error = f"{event.filename}: the file could not be read ({type(exc).__name__})"

    async with runtime.inbox.once(event) as uow:
        if uow is None:
            return
        stored = await store_document(uow.db, event, document, images) if document is not None else StoredFile()
        error = error or stored.error
        batch = await record_file_outcome(
            uow.db,
            event,
            kind=document.kind if document else None,
            pages=document.pages if document else None,
            error=error,
            warnings=document.warnings if document else (),
            period=(document.statement.period_start, document.statement.period_end)
            if document and document.statement
            else (None, None),
            findings=stored.findings,
            duplicate_of=stored.duplicate_of,
        )
        message = error or stored.message or f"{event.filename}: read"
        uow.emit(
            ProgressReported(
                session_id=event.session_id,
                service=SERVICE,
                stage="extracting",
                message=message,
                current=batch.finished,
                total=batch.expected,
            )
        )
        if batch.complete:
            uow.emit(
                SessionExtracted(
                    session_id=event.session_id,
                    batch_id=event.batch_id,
                    extracted_files=batch.finished - batch.failed,
                    failed_files=batch.failed,
                )
            )
    if not keeps_original(event.detected_type, document, error):
        runtime.blobs.delete(event.blob_ref)
