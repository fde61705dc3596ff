"""Which document a file is and what it says: statement or receipt, read from its text layer."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
from pdfminer.pdfparser import PDFSyntaxError

from recon_extractor.domain.document_kind import detect_document_kind
from recon_extractor.domain.errors import ExtractionError, UnreadableDocumentError
from recon_extractor.domain.receipt_text import ReceiptFields, extract_text_receipt
from recon_extractor.domain.statement_model import Statement
from recon_extractor.domain.wex_statement import parse_wex_statement

PDF = "application/pdf"


@dataclass(frozen=True)
class ExtractedDocument:
    """The outcome of reading one file."""

    kind: str
    pages: int
    statement: Statement | None = None
    receipt: ReceiptFields | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        return self.statement.warnings if self.statement else ()


def read_document(path: Path, media_type: str, on_page: Callable[[int, int], None] | None = None) -> ExtractedDocument:
    """Read a stored upload; raises ExtractionError with a message for the finance user when it cannot."""
    if media_type != PDF:
        raise ExtractionError(f"{media_type} files cannot be read yet (only PDF statements and receipts)")
    try:
        with pdfplumber.open(path) as pdf:
            pages = len(pdf.pages)
            if pages == 0:
                raise UnreadableDocumentError("the PDF has no pages")
            first_text = pdf.pages[0].extract_text() or ""
    except PDFSyntaxError as exc:
        raise UnreadableDocumentError(f"the file is not a readable PDF ({exc})") from exc
    kind = detect_document_kind(first_text)
    if kind == "statement":
        return ExtractedDocument(kind, pages, statement=parse_wex_statement(path, on_page=on_page))
    if kind == "receipt":
        return ExtractedDocument(kind, pages, receipt=extract_text_receipt(path))
    raise ExtractionError("expense reports cannot be read yet")
