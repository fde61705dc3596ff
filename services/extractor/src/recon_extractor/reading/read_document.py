"""Which document a file is and what it says: statement, expense report or receipt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from recon_contracts.card_numbers import mask_card_numbers

from recon_extractor.errors import ExtractionError, UnreadableDocumentError
from recon_extractor.expense_reports.model import ExpenseReport
from recon_extractor.expense_reports.pdf_report import KeepImage, parse_expense_report
from recon_extractor.expense_reports.tabular import parse_expense_table
from recon_extractor.ocr.engine import Ocr
from recon_extractor.pdf.limits import Limits, check_pdf_limits
from recon_extractor.pdf.pages import first_page_ocr_text, iter_statement_pages
from recon_extractor.pdf.printed_rows import printed_rows
from recon_extractor.reading.document_kind import detect_document_kind
from recon_extractor.receipts.read import ReceiptRead, read_receipt, receipt_image_reader
from recon_extractor.statements.model import Statement
from recon_extractor.statements.reader import read_statement

PDF = "application/pdf"
TABLES = ("text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
IMAGES = ("image/jpeg", "image/png", "image/heic")


@dataclass(frozen=True)
class ExtractedDocument:
    """The outcome of reading one file."""

    kind: str
    pages: int
    statement: Statement | None = None
    receipts: tuple[ReceiptRead, ...] = ()
    expenses: ExpenseReport | None = None

    @property
    def warnings(self) -> tuple[str, ...]:
        """What a person should check, card numbers masked (a warning may quote a row as printed)."""
        found = self.statement.warnings if self.statement else self.expenses.warnings if self.expenses else ()
        return tuple(mask_card_numbers(w) for w in found)


def _first_page(path: Path) -> tuple[int, str]:
    """The page count and page 1's text as the statement readers see it: a bold title drawn twice (as WEX
    prints it) reads once, so it can say what the document is."""
    pages = iter_statement_pages(path)
    try:
        first = next(pages)
    except StopIteration:
        raise UnreadableDocumentError("the PDF has no pages") from None
    finally:
        pages.close()
    return first.count, "\n".join(row.text for row in printed_rows(first.words))


def read_document(
    path: Path,
    media_type: str,
    limits: Limits,
    on_page: Callable[[int, int], None] | None = None,
    ocr: Ocr | None = None,
    keep_image: KeepImage | None = None,
) -> ExtractedDocument:
    """Read a stored upload; raises ExtractionError with a message for the finance user when it cannot.

    `ocr` reads images: photographed receipts, scanned pages and the expense report's attachments;
    `keep_image(sha256, bytes)` gets each distinct attachment of an expense report once.
    """
    if media_type in TABLES:
        return ExtractedDocument("expense_report", 0, expenses=parse_expense_table(path))
    if media_type in IMAGES:
        return ExtractedDocument("receipt", 1, receipts=tuple(read_receipt(path.read_bytes(), ocr)))
    if media_type != PDF:
        raise ExtractionError(f"{media_type} files cannot be read (statements, expense reports and receipts)")
    # Refuse page bombs and decompression bombs before any reader inflates a page.
    check_pdf_limits(path, limits.max_pages, limits.max_page_bytes)
    pages, first_text = _first_page(path)
    if not first_text.strip() and ocr is not None:
        if pages == 1:
            # A one-page scan is most often a receipt: read it as one; only a statement's words make it one.
            receipts = tuple(read_receipt(path.read_bytes(), ocr))
            if detect_document_kind(receipts[0].text) != "statement":
                return ExtractedDocument("receipt", pages, receipts=receipts)
            first_text = receipts[0].text
        else:
            first_text = first_page_ocr_text(path, ocr)  # a statement's title is large enough to read coarsely
    kind = detect_document_kind(first_text)
    if kind == "statement":
        statement = read_statement(path, on_page, ocr=ocr, limits=None)  # checked above
        return ExtractedDocument(kind, pages, statement=statement)
    if kind == "expense_report":
        read_image = receipt_image_reader(ocr) if ocr is not None else None
        report = parse_expense_report(path, on_page=on_page, read_image=read_image, keep_image=keep_image)
        return ExtractedDocument(kind, pages, expenses=report)
    return ExtractedDocument(kind, pages, receipts=tuple(read_receipt(path.read_bytes(), ocr)))
