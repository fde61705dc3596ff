"""The extractor's composition root."""

from __future__ import annotations

from recon_contracts import topics
from recon_contracts.events import FileUploaded
from recon_contracts.worker import Runtime, build_runtime

from recon_extractor.handlers.on_file_uploaded import SERVICE, on_file_uploaded
from recon_extractor.ocr.service import LazyOcr
from recon_extractor.pdf.limits import Limits
from recon_extractor.reading.isolated_read import ReadBounds
from recon_extractor.settings import ExtractorSettings


def build(settings: ExtractorSettings) -> Runtime:
    runtime = build_runtime(SERVICE, settings)
    limits = Limits(settings.max_statement_pages, settings.max_page_content_mib * 1024 * 1024)
    bounds = ReadBounds(settings.read_memory_limit_mb * 2**20, settings.read_cpu_seconds, settings.read_stall_seconds)
    ocr = LazyOcr()
    runtime.background.append(ocr.close_when_stopped)

    # One file per poll; the poll interval is as long as a file may take, or Kafka would count a consumer busy
    # with OCR as dead and give its file to another extractor to read all over again.
    options = runtime.subscription(max_poll_records=1, max_poll_interval_ms=int(settings.max_file_minutes * 60_000))

    @runtime.broker.subscriber(runtime.topic(topics.FILE_UPLOADED), **options)
    async def file_uploaded(event: FileUploaded) -> None:
        """Extract one uploaded file: a statement's card lines or a receipt's fields."""
        await on_file_uploaded(
            event,
            runtime=runtime,
            progress_interval=settings.progress_interval_seconds,
            limits=limits,
            bounds=bounds,
            ocr=ocr.read if settings.ocr_enabled else None,
        )

    return runtime
