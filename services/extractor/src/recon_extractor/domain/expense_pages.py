"""One page of an image-heavy PDF at a time: its printed rows and its embedded images, then the page is closed.

Embedded JPEG and JPEG 2000 streams are taken out byte for byte (their sha256 is the original file's); other
images (Flate, CCITT, JBIG2) are decoded by pdfium and handed on as PNG. Only one page's images are ever held.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from recon_extractor.domain.errors import UnreadableDocumentError
from recon_extractor.domain.pdf_words import PDFIUM_LOCK
from recon_extractor.domain.pdfium_words import pdfium_page_words
from recon_extractor.domain.text_rows import Row, group_rows

_PASS_THROUGH = {"DCTDecode": "image/jpeg", "JPXDecode": "image/jp2"}


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
    return group_rows(words), images


def iter_page_content(pdf: str | Path, *, min_image_side: float = 0.0) -> Iterator[PageContent]:
    """Yield each page's rows and images; nothing of a page is kept once the next one is read."""
    try:
        with PDFIUM_LOCK:
            doc = pdfium.PdfDocument(str(pdf))
    except pdfium.PdfiumError as exc:
        raise UnreadableDocumentError(f"cannot open PDF {Path(pdf).name}: {exc}") from exc
    except FileNotFoundError as exc:
        raise UnreadableDocumentError(f"no such file: {pdf}") from exc
    try:
        count = len(doc)
        if count == 0:
            raise UnreadableDocumentError(f"{Path(pdf).name} has no pages")
        for index in range(count):
            rows, images = _read_page(doc, index, min_image_side)
            yield PageContent(index + 1, count, rows, images)
    finally:
        with PDFIUM_LOCK:
            doc.close()
