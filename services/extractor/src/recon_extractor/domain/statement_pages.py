"""A statement's pages as positioned words: from the text layer, or from OCR for pages that have none.

`OcrEngine` is the hook the receipts' OCR engine plugs into: it gets one page as PNG bytes rendered at
`OCR_DPI` and returns text fragments (words or lines) with their boxes `(x0, top, x1, bottom)` in that
image's pixels, y down. Fragments become words in PDF points; a fragment with spaces is split into words
in proportion to its characters. OCR runs outside `PDFIUM_LOCK`, so a slow page never blocks other readers.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from recon_extractor.domain.glyphs import Word
from recon_extractor.domain.pdf_words import PDFIUM_LOCK, PdfSource, open_pdfium

BBox = tuple[float, float, float, float]
OcrEngine = Callable[[bytes], list[tuple[str, BBox]]]
OCR_DPI = 300


@dataclass(frozen=True)
class StatementPage:
    """Page `number` of `count`: its words, and whether they came from OCR."""

    number: int
    count: int
    words: list[Word]
    ocr: bool = False


def _png(page: Any) -> bytes:
    bitmap = page.render(scale=OCR_DPI / 72, grayscale=True)
    buffer = io.BytesIO()
    bitmap.to_pil().save(buffer, format="PNG")
    return buffer.getvalue()


def ocr_words(fragments: Sequence[tuple[str, BBox]], dpi: int = OCR_DPI) -> list[Word]:
    """OCR fragments (pixels) as words (points)."""
    scale = 72 / dpi
    words: list[Word] = []
    for text, (x0, top, x1, bottom) in fragments:
        stripped = text.strip()
        if not stripped:
            continue
        per_char = (x1 - x0) / len(stripped)
        offset = 0
        for part in stripped.split(" "):
            if part:
                left = x0 + offset * per_char
                words.append(
                    Word(part, left * scale, (left + len(part) * per_char) * scale, top * scale, bottom * scale)
                )
            offset += len(part) + 1
    return words


def iter_statement_pages(pdf: PdfSource, ocr: OcrEngine | None = None) -> Iterator[StatementPage]:
    """Each page's words, one page in memory at a time; pages without text go to `ocr` when given."""
    from recon_extractor.domain.pdfium_words import pdfium_page_words

    doc = open_pdfium(pdf)
    try:
        count = len(doc)
        for index in range(count):
            image: bytes | None = None
            with PDFIUM_LOCK:
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        words = pdfium_page_words(textpage, page.get_height())
                    finally:
                        textpage.close()
                    if not words and ocr is not None:
                        image = _png(page)
                finally:
                    page.close()
            if image is not None and ocr is not None:
                yield StatementPage(index + 1, count, ocr_words(ocr(image)), ocr=True)
            else:
                yield StatementPage(index + 1, count, words)
    finally:
        with PDFIUM_LOCK:
            doc.close()
