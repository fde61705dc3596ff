"""A statement's pages as positioned words: from the text layer, or from OCR for pages that have none.

A page without text is rendered (`OCR_DPI`, at most `MAX_RENDER_SIDE` pixels on its longer side, so a page
with a giant MediaBox cannot ask for gigabytes of bitmap) and read by the same `Ocr` as receipts, in
overlapping horizontal bands: a receipt-sized detector merges a statement's small print into its
neighbours, and detecting a whole page at full size needs over 1 GiB, a band of `BAND_HEIGHT` pixels
about a third of that. A line is kept from the band whose core holds its middle; the overlap is taller
than a printed row, so every row lies whole in one band. OCR lines are levelled by the page's slant (a scan
is rarely straight), then split into words in proportion to their characters, in PDF points. OCR runs
outside `PDFIUM_LOCK`, so a slow page never blocks other readers.
"""

from __future__ import annotations

import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from PIL import Image

from recon_extractor.domain.glyphs import Word
from recon_extractor.domain.ocr_engine import Ocr, OcrLine
from recon_extractor.domain.ocr_rows import ocr_text, straighten
from recon_extractor.domain.pdf_words import PDFIUM_LOCK, PdfSource, open_pdfium

OCR_DPI = 200
MAX_RENDER_SIDE = 2200
PAGE_DET_SIDE = 1600


@dataclass(frozen=True)
class StatementPage:
    """Page `number` of `count`: its words, and whether they came from OCR."""

    number: int
    count: int
    words: list[Word]
    ocr: bool = False


def render_page(page: Any, max_side: int = MAX_RENDER_SIDE) -> tuple[Image.Image, float]:
    """The page as a grayscale image at `OCR_DPI` or `max_side` pixels, and its scale in pixels per point."""
    width, height = page.get_size()
    scale = min(OCR_DPI / 72, max_side / max(width, height, 1.0))
    return page.render(scale=scale, grayscale=True).to_pil(), scale


def ocr_page(image: Image.Image, ocr: Ocr, det_max_side: int = PAGE_DET_SIDE) -> list[OcrLine]:
    """The page's lines in page pixels."""
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ocr(buffer.getvalue(), det_max_side)


def first_page_ocr_text(pdf: PdfSource, ocr: Ocr, max_side: int = 1200, top_share: float = 0.4) -> str:
    """A quick, coarse reading of the top of page 1 (titles and headings, not small print), to tell what a
    scan is: statements say what they are at the top, and reading the rest would cost seconds per file."""
    doc = open_pdfium(pdf)
    try:
        with PDFIUM_LOCK:
            page = doc[0]
            try:
                image, _ = render_page(page, max_side)
            finally:
                page.close()
    finally:
        with PDFIUM_LOCK:
            doc.close()
    top = image.crop((0, 0, image.width, max(1, round(image.height * top_share))))
    return ocr_text(ocr_page(top, ocr, max_side))


def ocr_words(lines: Sequence[OcrLine], scale: float) -> list[Word]:
    """OCR lines (pixels, `scale` pixels per point) as words (points)."""
    words: list[Word] = []
    for line in straighten(lines):
        stripped = line.text.strip()
        if not stripped:
            continue
        x0, top, bottom = line.x0 / scale, line.top / scale, line.bottom / scale
        per_char = (line.x1 - line.x0) / scale / len(stripped)
        offset = 0
        for part in stripped.split(" "):
            if part:
                left = x0 + offset * per_char
                words.append(Word(part, left, left + len(part) * per_char, top, bottom, approximate=True))
            offset += len(part) + 1
    return words


def iter_statement_pages(pdf: PdfSource, ocr: Ocr | None = None) -> Iterator[StatementPage]:
    """Each page's words, one page in memory at a time; pages without text go to `ocr` when given."""
    from recon_extractor.domain.pdfium_words import pdfium_page_words

    doc = open_pdfium(pdf)
    try:
        count = len(doc)
        for index in range(count):
            image: tuple[Image.Image, float] | None = None
            with PDFIUM_LOCK:
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        words = pdfium_page_words(textpage, page.get_height())
                    finally:
                        textpage.close()
                    if not words and ocr is not None:
                        image = render_page(page)
                finally:
                    page.close()
            if image is not None and ocr is not None:
                pixels, scale = image
                yield StatementPage(index + 1, count, ocr_words(ocr_page(pixels, ocr), scale), ocr=True)
            else:
                yield StatementPage(index + 1, count, words)
    finally:
        with PDFIUM_LOCK:
            doc.close()
