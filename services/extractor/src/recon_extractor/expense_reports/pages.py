"""One page of an image-heavy PDF at a time: its printed rows and its embedded images, then the page is closed.

Embedded JPEG and JPEG 2000 streams are taken out byte for byte (their sha256 is the original file's); other
images (Flate, CCITT, JBIG2) are decoded by pdfium and handed on as PNG. Only one page's images are ever held.

pdfium keeps every object it has parsed, image streams included, until the document is closed: reading all
pages of a 200 MB report through one handle ends with ~200 MB resident. So the document is reopened (~1 ms)
once `REOPEN_BYTES` of images or `REOPEN_PAGES` pages have been read, which keeps memory flat at any size.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from recon_extractor.errors import UnreadableDocumentError
from recon_extractor.pdf.glyphs import Word
from recon_extractor.pdf.pdfium_words import pdfium_page_words
from recon_extractor.pdf.text_rows import Row, group_rows
from recon_extractor.pdf.words import PDFIUM_LOCK

_PASS_THROUGH = {"DCTDecode": "image/jpeg", "JPXDecode": "image/jp2"}
REOPEN_BYTES = 32 * 2**20
REOPEN_PAGES = 64


@dataclass(frozen=True, slots=True)
class PageImage:
    """An image as placed on the page (points, y from the top) and its bytes."""

    top: float
    left: float
    data: bytes
    media_type: str
    width: int
    height: int


@dataclass(frozen=True, slots=True)
class PageContent:
    """Page `number` (1-based) of `count`: rows top to bottom, images top to bottom then left to right."""

    number: int
    count: int
    rows: list[Row]
    images: list[PageImage]


def printed_rows(words: list[Word]) -> list[Row]:
    """Rows top to bottom. A lone punctuation word (the `,` of `SOUTH, , WALKER`) has a tight box hanging
    below the line's middle, so it joins the row its middle falls in rather than making a row of its own."""
    if not words:
        return []
    heights = sorted(w.height for w in words)
    short = 0.6 * heights[len(heights) // 2]
    rows = group_rows([w for w in words if w.height >= short])
    strays: list[Word] = []
    for word in (w for w in words if w.height < short):
        home = next((k for k, r in enumerate(rows) if r.top - 1.0 <= word.middle <= r.bottom + 1.0), None)
        if home is None:
            strays.append(word)
        else:
            rows[home] = Row((*rows[home].words, word), rows[home].top, rows[home].bottom)
    return sorted(rows + group_rows(strays), key=lambda r: r.top)


def _png(obj: Any) -> bytes:
    bitmap = obj.get_bitmap(render=False)
    try:
        buf = io.BytesIO()
        bitmap.to_pil().save(buf, format="PNG")
        return buf.getvalue()
    finally:
        bitmap.close()


def _image(obj: Any, page_height: float, min_side: float) -> PageImage | None:
    left, bottom, right, top = obj.get_bounds()
    if min(right - left, top - bottom) < min_side:
        return None  # logos and rules are page furniture, not receipts
    filters = obj.get_filters(skip_simple=True)
    width, height = obj.get_px_size()
    if len(filters) == 1 and filters[0] in _PASS_THROUGH:
        data, media_type = bytes(obj.get_data(decode_simple=True)), _PASS_THROUGH[filters[0]]
    else:
        data, media_type = _png(obj), "image/png"
    return PageImage(page_height - top, left, data, media_type, int(width), int(height))


def _read_page(doc: Any, index: int, min_side: float) -> tuple[list[Row], list[PageImage]]:
    with PDFIUM_LOCK:
        page = doc[index]
        try:
            height = page.get_height()
            textpage = page.get_textpage()
            try:
                words = pdfium_page_words(textpage, height)
            finally:
                textpage.close()
            found = (_image(obj, height, min_side) for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,)))
            images = sorted((img for img in found if img), key=lambda img: (round(img.top), img.left))
        finally:
            page.close()
    return printed_rows(words), images


def _open(pdf: str | Path) -> Any:
    try:
        with PDFIUM_LOCK:
            return pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(f"cannot open PDF {Path(pdf).name}: {exc}") from exc
    except FileNotFoundError as exc:
        raise UnreadableDocumentError(f"no such file: {pdf}") from exc


def _close(doc: Any) -> None:
    with PDFIUM_LOCK:
        doc.close()


def iter_page_content(pdf: str | Path, *, min_image_side: float = 0.0) -> Iterator[PageContent]:
    """Yield each page's rows and images; nothing of a page is kept once the next one is read."""
    doc = _open(pdf)
    try:
        count = len(doc)
        if count == 0:
            raise UnreadableDocumentError(f"{Path(pdf).name} has no pages")
        loaded = pages = 0
        for index in range(count):
            if loaded >= REOPEN_BYTES or pages >= REOPEN_PAGES:
                _close(doc)
                doc, loaded, pages = _open(pdf), 0, 0
            rows, images = _read_page(doc, index, min_image_side)
            loaded, pages = loaded + sum(len(img.data) for img in images), pages + 1
            yield PageContent(index + 1, count, rows, images)
    finally:
        _close(doc)
