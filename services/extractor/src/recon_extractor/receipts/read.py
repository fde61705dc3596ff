"""A receipt file read into receipt fields: PDF (text or scanned), JPEG, PNG, HEIC, JPEG 2000, TIFF.

The file's bytes say what it is, not its name. A PDF page with a text layer is read as text; a page
without one is OCR'd: its embedded scan taken out unchanged when the page is one JPEG (the scanner's own
pixels), else the page rendered with pdfium at up to 300 dpi. Each page is a receipt (a scanner's batch
is one receipt per page), except that a page with neither a total nor a date continues the receipt
before it (a long hotel folio). An image is one receipt. OCR is any `Ocr` callable (the OCR pool's
`read` in the service and CLI, a fake in tests).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from recon_extractor.errors import NoTextLayerError, UnreadableDocumentError
from recon_extractor.ocr.engine import Ocr
from recon_extractor.ocr.rows import ocr_text
from recon_extractor.pdf.pixels import render_png
from recon_extractor.pdf.words import PDFIUM_LOCK, open_pdfium
from recon_extractor.receipts.images import MAX_OCR_SIDE, prepare_image, sniff_media_type
from recon_extractor.receipts.text import ReceiptFields, parse_receipt_text

MIN_TEXT_CHARS = 20
"""Fewer letters and digits than this on a page is a scan (a scanner may stamp a page number or date)."""
MAX_PAGES = 20
RENDER_DPI = 300
FULL_PAGE = 0.8


@dataclass(frozen=True)
class ReceiptRead:
    """One receipt of a file: its first page (1-based), how it was read, its fields and its text.

    `image_sha256` is the hash of the image the OCR read when that image was the file itself or a scan
    embedded unchanged (so the same photo uploaded twice is recognised), None for text and rendered pages.
    `ocr_confidence` is the recogniser's mean confidence over the lines it read (the lowest page's for a
    receipt over several pages); None when the receipt was read from its text layer, where nothing is guessed."""

    page: int
    source: Literal["text", "ocr"]
    fields: ReceiptFields
    text: str
    image_sha256: str | None = None
    ocr_confidence: float | None = None


@dataclass(frozen=True)
class _Ocred:
    text: str
    confidence: float | None


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _ocr_image(data: bytes, ocr: Ocr | None) -> _Ocred:
    if ocr is None:
        raise NoTextLayerError("the receipt is an image and no OCR engine is available to read it")
    lines = ocr(prepare_image(data))
    confidence = round(sum(line.confidence for line in lines) / len(lines), 3) if lines else 0.0
    return _Ocred(ocr_text(lines), confidence)


def _lowest(a: float | None, b: float | None) -> float | None:
    return min((c for c in (a, b) if c is not None), default=None)


def read_receipt_image(data: bytes, ocr: Ocr | None) -> ReceiptRead:
    """One photo or scan (JPEG, PNG, HEIC, ...) read by OCR."""
    read = _ocr_image(data, ocr)
    return ReceiptRead(1, "ocr", parse_receipt_text(read.text), read.text, _sha(data), read.confidence)


def receipt_image_reader(ocr: Ocr | None) -> Callable[[bytes, str], ReceiptFields]:
    """`read_image(bytes, media_type)` for the expense report's attachments (the bytes say the type)."""
    return lambda data, _media_type: read_receipt_image(data, ocr).fields


def _page_scan(page: Any) -> bytes | None:
    """The page's one embedded JPEG when it covers the page, byte for byte."""
    import pypdfium2.raw as raw

    images = list(page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=1))
    if len(images) != 1:
        return None
    left, bottom, right, top = images[0].get_bounds()
    if (right - left) * (top - bottom) < FULL_PAGE * page.get_width() * page.get_height():
        return None
    if images[0].get_filters(skip_simple=True) != ["DCTDecode"]:
        return None
    return bytes(images[0].get_data(decode_simple=True))


def _pdf_pages(data: bytes, max_pages: int) -> list[tuple[str, bytes | None, bool]]:
    """(text, image to OCR, image is an embedded scan) per page; pdfium is held only here."""
    doc = open_pdfium(data)
    pages: list[tuple[str, bytes | None, bool]] = []
    with PDFIUM_LOCK:
        try:
            count = len(doc)
            if count == 0:
                raise UnreadableDocumentError("the PDF has no pages")
            for index in range(min(count, max_pages)):
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    text = textpage.get_text_range().replace("\r\n", "\n")
                    textpage.close()
                    if sum(c.isalnum() for c in text) >= MIN_TEXT_CHARS:
                        pages.append((text, None, False))
                    elif (scan := _page_scan(page)) is not None:
                        pages.append(("", scan, True))
                    else:
                        pages.append(("", render_png(page, RENDER_DPI, MAX_OCR_SIDE)[0], False))
                finally:
                    page.close()
        finally:
            doc.close()
    return pages


def read_receipt_pdf(data: bytes, ocr: Ocr | None, max_pages: int = MAX_PAGES) -> list[ReceiptRead]:
    """The receipts of a PDF (see the module docstring), first `max_pages` pages."""
    reads: list[ReceiptRead] = []
    for number, (layer, image, embedded) in enumerate(_pdf_pages(data, max_pages), start=1):
        read = _Ocred(layer, None) if image is None else _ocr_image(image, ocr)
        source: Literal["text", "ocr"] = "text" if image is None else "ocr"
        digest = _sha(image) if image is not None and embedded else None
        fields = parse_receipt_text(read.text)
        if reads and fields.total is None and fields.date is None:
            before = reads.pop()
            joined = f"{before.text}\n{read.text}"
            confidence = _lowest(before.ocr_confidence, read.confidence)
            reads.append(
                ReceiptRead(
                    before.page, before.source, parse_receipt_text(joined), joined, before.image_sha256, confidence
                )
            )
        else:
            reads.append(ReceiptRead(number, source, fields, read.text, digest, read.confidence))
    return reads


def read_receipt(data: bytes, ocr: Ocr | None, max_pages: int = MAX_PAGES) -> list[ReceiptRead]:
    """Every receipt in a file's bytes; UnreadableDocumentError (or a subclass) saying why when none."""
    if not data:
        raise UnreadableDocumentError("the file is empty")
    if sniff_media_type(data) == "application/pdf":
        return read_receipt_pdf(data, ocr, max_pages)
    return [read_receipt_image(data, ocr)]
