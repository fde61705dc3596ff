"""A statement's pages as positioned words: from the text layer, or from OCR for pages that have none.

A page without text is rendered (`OCR_DPI`, at most `MAX_RENDER_SIDE` pixels on its longer side, see
`page_pixels`) and read by the same `Ocr` as receipts, with a larger detector (`PAGE_DET_SIDE`): the
receipt-sized one merges a statement's small print into neighbouring rows and misses short fields; 1600 px
keeps them apart at ~0.9 GiB resident in the OCR worker (2000 px read one more field right in a test scan
but needs ~1.1 GiB, past the extractor's memory budget).
OCR lines are levelled by the page's slant (a scan is rarely straight), then split into words in
proportion to their characters, in PDF points, marked `approximate`. OCR runs outside `PDFIUM_LOCK`, so a
slow page never blocks other readers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from recon_extractor.ocr.engine import Ocr, OcrLine
from recon_extractor.ocr.rows import ocr_text, straighten
from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.pixels import render_png
from recon_extractor.pdf.words import PDFIUM_LOCK, PdfSource, open_pdfium

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


def page_list(numbers: Sequence[int]) -> str:
    """`page 3` / `pages 1-4, 7`, for messages."""
    spans: list[str] = []
    for _, group in itertools.groupby(enumerate(numbers), key=lambda p: p[1] - p[0]):
        run = [n for _, n in group]
        spans.append(str(run[0]) if len(run) == 1 else f"{run[0]}-{run[-1]}")
    return ("page " if len(numbers) == 1 else "pages ") + ", ".join(spans)


def first_page_ocr_text(pdf: PdfSource, ocr: Ocr, max_side: int = 1200, top_share: float = 0.4) -> str:
    """A quick, coarse reading of the top of page 1 (titles and headings, not small print), to tell what a
    scan is: statements say what they are at the top, and reading the rest would cost seconds per file."""
    doc = open_pdfium(pdf)
    try:
        with PDFIUM_LOCK:
            page = doc[0]
            try:
                png, _ = render_png(page, OCR_DPI, max_side, top_share=top_share)
            finally:
                page.close()
    finally:
        with PDFIUM_LOCK:
            doc.close()
    return ocr_text(ocr(png, max_side))


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
    from recon_extractor.pdf.pdfium_words import pdfium_page_words

    doc = open_pdfium(pdf)
    try:
        count = len(doc)
        for index in range(count):
            image: tuple[bytes, float] | None = None
            with PDFIUM_LOCK:
                page = doc[index]
                try:
                    textpage = page.get_textpage()
                    try:
                        words = pdfium_page_words(textpage, page.get_height())
                    finally:
                        textpage.close()
                    if not words and ocr is not None:
                        image = render_png(page, OCR_DPI, MAX_RENDER_SIDE)
                finally:
                    page.close()
            if image is not None and ocr is not None:
                png, scale = image
                yield StatementPage(index + 1, count, ocr_words(ocr(png, PAGE_DET_SIDE), scale), ocr=True)
            else:
                yield StatementPage(index + 1, count, words)
    finally:
        with PDFIUM_LOCK:
            doc.close()
