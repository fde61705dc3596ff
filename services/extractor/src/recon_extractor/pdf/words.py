"""Opening PDFs with pypdfium2: the error a finance user can act on, page counts, plain page text.

Positioned words come from `pdfium_words` through `pages.iter_statement_pages`, the one page source.
pdfium is not thread-safe, so every call into it holds `PDFIUM_LOCK`; a page is never held across a yield.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any, BinaryIO

from recon_extractor.errors import (
    CorruptDocumentError,
    PasswordProtectedError,
    UnreadableDocumentError,
)

PdfSource = str | Path | BinaryIO
PDFIUM_LOCK = threading.RLock()


def _open_error(exc: Any) -> UnreadableDocumentError:
    """pdfium's load error as the error a finance user can act on."""
    import pypdfium2.raw as raw

    code = getattr(exc, "err_code", None)
    if code == raw.FPDF_ERR_PASSWORD:
        return PasswordProtectedError("the PDF needs a password to open; upload a copy saved without one")
    if code == raw.FPDF_ERR_SECURITY:
        return PasswordProtectedError("the PDF is protected by an unsupported security handler")
    if code in (raw.FPDF_ERR_FORMAT, raw.FPDF_ERR_SUCCESS):  # pypdfium2 also refuses a PDF with no pages so
        return CorruptDocumentError("the PDF is damaged and cannot be read")
    return CorruptDocumentError(f"cannot open the PDF ({exc})")


def open_pdfium(pdf: PdfSource) -> Any:
    """The pdfium document; a file that cannot be opened raises the `UnreadableDocumentError` that says why."""
    import pypdfium2 as pdfium

    source: Any = pdf
    try:
        with PDFIUM_LOCK:
            doc = pdfium.PdfDocument(source)
    except pdfium.PdfiumError as exc:
        raise _open_error(exc) from exc
    except FileNotFoundError as exc:
        raise UnreadableDocumentError(f"no such file: {pdf}") from exc
    return doc


def count_pages(pdf: PdfSource) -> int:
    """The page count, opening the document only as far as its page tree."""
    doc = open_pdfium(pdf)
    with PDFIUM_LOCK:
        try:
            return len(doc)
        finally:
            doc.close()


def page_text(pdf: PdfSource, max_pages: int | None = None) -> list[str]:
    """Plain text of the first `max_pages` pages (all when None), in pdfium's reading order."""
    doc = open_pdfium(pdf)
    with PDFIUM_LOCK:
        try:
            texts = []
            for index in range(min(len(doc), max_pages or len(doc))):
                page = doc[index]
                textpage = page.get_textpage()
                texts.append(textpage.get_text_range().replace("\r\n", "\n"))
                textpage.close()
                page.close()
            return texts
        finally:
            doc.close()
