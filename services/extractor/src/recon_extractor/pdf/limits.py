"""Refuse a PDF before extraction when reading it could not finish within a time and memory bound.

`check_pdf_limits(path, max_pages, max_bytes)` reads the file (writes nothing) and raises an
`ExtractionError` subclass naming the problem: not a PDF, corrupt, needs a password (an owner-only password
is not one: such files open with the empty password), no pages, more pages than `max_pages`, or a page
whose content streams (its contents and the form XObjects they draw) inflate past `max_bytes`, or a page that
draws an image declaring more than `MAX_IMAGE_PIXELS` (a few bytes of Flate can claim 60,000 x 60,000 pixels,
10 GB to decode, which pdfium would otherwise skip in silence and leave a blank page). Streams are inflated
incrementally with that budget, so a 1 KB stream that would become 10 GB costs `max_bytes` of work.

What this guard cannot bound, the adapter must (defence in depth, because a crafted file can also hurt the
parsers this guard itself uses, e.g. a bomb inside a compressed object stream, or an LZW-encoded content
stream, which are counted at their encoded size):

- Run each file's extraction in a child process (`multiprocessing.get_context("forkserver")`), so a crash
  or a kill takes down one file, not the consumer, and the session's other files still process.
- In the child, before opening the file: `resource.setrlimit(resource.RLIMIT_AS, (limit, limit))` (e.g.
  1.5 GiB; a 500-page report needs well under 200 MiB) and `resource.setrlimit(resource.RLIMIT_CPU, (s, s + 5))`.
  A `MemoryError` or `SIGXCPU`/`SIGKILL` in the child then becomes a `DocumentLimitError` for that file.
- In the parent: `process.join(timeout=wall_seconds)` (e.g. 60 s + 0.1 s per page); on timeout
  `process.kill()` and record "took longer than N s to read" as the file's error.
- Map every `ExtractionError` once, at the edge: the file's error on the session (prefixed with its name),
  the message acked (permanent), never retried.
"""

from __future__ import annotations

import contextlib
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from recon_extractor.errors import (
    CorruptDocumentError,
    EmptyDocumentError,
    NotAPdfError,
    OversizedContentError,
    TooManyPagesError,
    UnreadableDocumentError,
)
from recon_extractor.pdf.words import PdfSource, count_pages

DEFAULT_MAX_PAGES = 2000
DEFAULT_MAX_PAGE_BYTES = 32 * 1024 * 1024
HEADER_WINDOW = 1024
CHUNK = 1024 * 1024
MAX_FORM_DEPTH = 8
# As for photos (receipts.images.MAX_PIXELS): a 600 dpi scan of a letter page is 34 megapixels.
MAX_IMAGE_PIXELS = 50_000_000


@dataclass(frozen=True)
class Limits:
    """Bounds a file must respect before it is read at all (page count, inflated content per page)."""

    max_pages: int = DEFAULT_MAX_PAGES
    max_page_bytes: int = DEFAULT_MAX_PAGE_BYTES


@dataclass(frozen=True)
class PdfFacts:
    """What the guard learnt: the page count, and whether every page's content could be measured."""

    pages: int
    content_checked: bool


@contextlib.contextmanager
def _binary(pdf: PdfSource) -> Iterator[BinaryIO]:
    if isinstance(pdf, str | Path):
        with open(pdf, "rb") as fp:
            yield fp
        return
    start = pdf.tell()
    try:
        yield pdf
    finally:
        pdf.seek(start)


def _check_header(pdf: PdfSource) -> None:
    try:
        with _binary(pdf) as fp:
            head = fp.read(HEADER_WINDOW)
    except FileNotFoundError as exc:
        raise UnreadableDocumentError(f"no such file: {pdf}") from exc
    if not head:
        raise NotAPdfError("the file is empty")
    if b"%PDF-" not in head:
        raise NotAPdfError("the file is not a PDF (it does not start with %PDF-)")


def _inflated_size(stream: Any, budget: int) -> int:
    """Bytes the stream decodes to, stopping once past `budget` (only Flate can inflate by orders of magnitude)."""
    from pdfminer.pdftypes import (
        LITERALS_ASCII85_DECODE,
        LITERALS_ASCIIHEX_DECODE,
        LITERALS_FLATE_DECODE,
        ascii85decode,
        asciihexdecode,
    )

    if stream.data is not None:
        return len(stream.data)
    data = stream.rawdata or b""
    if stream.decipher:
        data = stream.decipher(stream.objid, stream.genno, data, stream.attrs)
    for name, _params in stream.get_filters():
        if name in LITERALS_ASCII85_DECODE:
            data = ascii85decode(data)
        elif name in LITERALS_ASCIIHEX_DECODE:
            data = asciihexdecode(data)
        elif name in LITERALS_FLATE_DECODE:
            return _inflate_bounded(data, budget)
        else:
            break
    return len(data)


def _inflate_bounded(data: bytes, budget: int) -> int:
    inflater = zlib.decompressobj()
    total = 0
    pending = data
    try:
        while pending and total <= budget:
            total += len(inflater.decompress(pending, CHUNK))
            pending = inflater.unconsumed_tail
        if total <= budget:
            total += len(inflater.flush())
    except zlib.error:
        pass  # a damaged stream: pdfium reads what it can, and what it can is bounded by `total`
    return total


def _streams(value: Any) -> list[Any]:
    from pdfminer.pdftypes import PDFStream, resolve1

    value = resolve1(value)
    if isinstance(value, list):
        return [s for s in (resolve1(v) for v in value) if isinstance(s, PDFStream)]
    return [value] if isinstance(value, PDFStream) else []


def _xobjects(resources: Any, subtype: str) -> list[Any]:
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import LIT

    xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
    found = [resolve1(x) for x in xobjects.values()] if isinstance(xobjects, dict) else []
    return [f for f in found if isinstance(f, PDFStream) and f.get("Subtype") is LIT(subtype)]


def _forms(resources: Any) -> list[Any]:
    return _xobjects(resources, "Form")


def _check_images(resources: Any, number: int) -> None:
    from pdfminer.pdftypes import resolve1

    for image in _xobjects(resources, "Image"):
        width, height = resolve1(image.get("Width")), resolve1(image.get("Height"))
        if isinstance(width, int) and isinstance(height, int) and width * height > MAX_IMAGE_PIXELS:
            raise OversizedContentError(
                f"page {number} draws an image of {width:,} x {height:,} pixels, over the "
                f"{MAX_IMAGE_PIXELS // 1_000_000} megapixel limit (an image bomb or a damaged file); "
                "the file was not read"
            )


def _page_content_bytes(page: Any, number: int, budget: int) -> int:
    """Inflated size of the page's content streams and (recursively) the forms it can draw; raises when it
    draws an oversized image."""
    total = 0
    seen: set[int] = set()
    todo: list[tuple[Any, int]] = [(s, 0) for s in _streams(page.attrs.get("Contents"))]
    todo += [(f, 1) for f in _forms(page.resources)]
    _check_images(page.resources, number)
    while todo and total <= budget:
        stream, depth = todo.pop()
        key = id(stream) if stream.objid is None else stream.objid
        if key in seen:
            continue
        seen.add(key)
        total += _inflated_size(stream, budget - total)
        if depth > 0:
            _check_images(stream.get("Resources"), number)
        if depth < MAX_FORM_DEPTH:
            todo += [(f, depth + 1) for f in _forms(stream.get("Resources"))]
    return total


def _check_content(pdf: PdfSource, max_bytes: int) -> bool:
    """Raise when a page inflates past `max_bytes`; False when pdfminer cannot walk the file (pdfium could)."""
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with _binary(pdf) as fp:
        try:
            doc = PDFDocument(PDFParser(fp), password="")
            for number, page in enumerate(PDFPage.create_pages(doc), start=1):
                size = _page_content_bytes(page, number, max_bytes)
                if size > max_bytes:
                    raise OversizedContentError(
                        f"page {number}'s content inflates to more than {max_bytes // (1024 * 1024)} MiB "
                        "(a decompression bomb or a damaged file); the file was not read"
                    )
        except OversizedContentError:
            raise
        except Exception:  # pdfminer is stricter than pdfium on damaged files; the adapter's rlimits still hold
            return False
    return True


def _pdfminer_page_count(pdf: PdfSource) -> int | None:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    with _binary(pdf) as fp:
        try:
            return sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(fp), password="")))
        except Exception:
            return None


def check_pdf_limits(
    path: PdfSource, max_pages: int = DEFAULT_MAX_PAGES, max_bytes: int = DEFAULT_MAX_PAGE_BYTES
) -> PdfFacts:
    """Refuse what cannot be read within bounds; the page count and whether content sizes were checked."""
    _check_header(path)
    try:
        with _binary(path) as fp:
            pages = count_pages(fp)
    except CorruptDocumentError:
        if _pdfminer_page_count(path) == 0:  # pdfium refuses a PDF without pages as if it were damaged
            raise EmptyDocumentError("the PDF has no pages") from None
        raise
    if pages == 0:
        raise EmptyDocumentError("the PDF has no pages")
    if pages > max_pages:
        raise TooManyPagesError(
            f"the PDF has {pages:,} pages, more than the limit of {max_pages:,}; split it or raise the page cap"
        )
    return PdfFacts(pages, _check_content(path, max_bytes))
