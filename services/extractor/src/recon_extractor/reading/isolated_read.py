"""Each uploaded file is read in a child process with its own memory and CPU limits.

`check_pdf_limits` refuses the bombs it can measure; this bounds the rest (a bomb inside a compressed
object stream, an image that decodes to gigabytes, a parser stuck on a crafted file). The child is forked
from a forkserver that has the readers imported (a fork costs milliseconds, and forking the service itself
would copy its event loop and Kafka client). In the child, before the file is opened:

- RLIMIT_AS caps its address space (`memory_bytes`): an allocation past it fails (MemoryError, or pdfium
  giving up), and the file gets "needs more memory than ... allowed";
- RLIMIT_CPU caps its CPU seconds: the kernel stops it with SIGXCPU, and the file gets "took more than ...".

The parent waits on the child's pipe: a page read (progress), an image to OCR, or the outcome. OCR stays in
the parent's worker pool, which has its own limits and keeps its models loaded across files; the child
sends the image and waits. A child that says nothing for `stall_seconds` (the time OCR takes not counted)
is killed. Whatever happens to the child, only this file fails: the consumer and the session's other files
go on.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

import structlog

from recon_extractor.errors import DocumentLimitError, ExtractionError
from recon_extractor.ocr.engine import Ocr, OcrError, OcrLine
from recon_extractor.pdf.limits import Limits
from recon_extractor.reading.read_document import ExtractedDocument, read_document

log = structlog.get_logger(__name__)
_PRELOAD = ["recon_extractor.reading.warmup", __name__]  # the child runs `_child` from this module


@dataclass(frozen=True)
class ReadBounds:
    """What reading one file may use: address space, CPU seconds, and seconds without a word from the child."""

    memory_bytes: int
    cpu_seconds: int
    stall_seconds: float


class _PipeOcr:
    """The child's `Ocr`: sends the image to the parent and waits for its lines."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def __call__(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        self.conn.send(("ocr", image, det_max_side))
        kind, payload = self.conn.recv()
        if kind == "error":
            raise payload
        return [OcrLine(text, conf, box) for text, conf, box in payload]


def _write_image(folder: Path, sha: str, data: bytes) -> None:
    (folder / sha).write_bytes(data)


def _child(
    conn: Connection,
    path: str,
    media_type: str,
    limits: Limits,
    bounds: ReadBounds,
    ocr: bool,
    image_dir: str | None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the service's to handle
    resource.setrlimit(resource.RLIMIT_AS, (bounds.memory_bytes, bounds.memory_bytes))
    resource.setrlimit(resource.RLIMIT_CPU, (bounds.cpu_seconds, bounds.cpu_seconds + 5))

    try:
        document = read_document(
            Path(path),
            media_type,
            limits,
            on_page=lambda done, total: conn.send(("page", done, total)),
            ocr=_PipeOcr(conn) if ocr else None,
            keep_image=partial(_write_image, Path(image_dir)) if image_dir else None,
        )
        conn.send(("done", document))
    except ExtractionError as exc:
        conn.send(("failed", exc))
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # a reader's own bug on this file: say what, the service logs it
        conn.send(("crash", f"{type(exc).__name__}: {exc}"[:500]))


def _context() -> Any:
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


def _answer_ocr(conn: Connection, ocr: Ocr, image: bytes, det_max_side: int | None) -> None:
    try:
        lines = ocr(image, det_max_side)
    except OcrError as exc:
        conn.send(("error", exc))
        return
    conn.send(("lines", [(line.text, line.confidence, line.box) for line in lines]))


def _died(process: Any, bounds: ReadBounds) -> ExtractionError:
    process.join(5)
    code = process.exitcode
    if code in (-signal.SIGXCPU, -signal.SIGKILL):
        return DocumentLimitError(f"reading the file took more than the {bounds.cpu_seconds} CPU seconds allowed")
    return DocumentLimitError(
        f"reading the file stopped unexpectedly (exit code {code}); it may need more memory than the "
        f"{bounds.memory_bytes // 2**20} MiB allowed"
    )


def read_isolated(
    path: Path,
    media_type: str,
    limits: Limits,
    bounds: ReadBounds,
    on_page: Callable[[int, int], None] | None = None,
    ocr: Ocr | None = None,
    image_dir: Path | None = None,
) -> ExtractedDocument:
    """`read_document` in a bounded child process; ExtractionError (with a message for the finance user) when
    the file cannot be read or breaks a bound. An expense report's attachments are written to `image_dir`,
    one file per distinct image named by its sha256. Blocking: call it from a worker thread."""
    ctx = _context()
    conn, child_conn = ctx.Pipe()
    process = ctx.Process(
        target=_child,
        args=(
            child_conn,
            str(path),
            media_type,
            limits,
            bounds,
            ocr is not None,
            str(image_dir) if image_dir else None,
        ),
        daemon=True,
        name="extract-file",
    )
    process.start()
    child_conn.close()
    try:
        while True:
            if not conn.poll(bounds.stall_seconds):
                raise DocumentLimitError(f"reading the file made no progress for {bounds.stall_seconds:g} s")
            try:
                kind, *payload = conn.recv()
            except (EOFError, OSError):
                raise _died(process, bounds) from None
            if kind == "page":
                if on_page is not None:
                    on_page(*payload)
            elif kind == "ocr":
                assert ocr is not None
                _answer_ocr(conn, ocr, *payload)
            elif kind == "done":
                document: ExtractedDocument = payload[0]
                return document
            elif kind == "failed":
                raise payload[0]
            elif kind == "memory":
                raise DocumentLimitError(
                    f"reading the file needs more memory than the {bounds.memory_bytes // 2**20} MiB allowed"
                )
            else:
                log.error("reader failed on a file", path=str(path), error=payload[0])
                raise ExtractionError(f"the file could not be read ({payload[0].split(':')[0]})")
    finally:
        conn.close()
        if process.is_alive():
            process.kill()
        process.join(5)
