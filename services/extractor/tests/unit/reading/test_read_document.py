"""`read_document`: each upload goes to the right reader, whatever its text layer looks like."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image
from recon_docgen.check import statement_differences
from recon_docgen.scanned_copy import scan_pdf
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.ocr.engine import OcrLine
from recon_extractor.reading.read_document import Limits, read_document

LIMITS = Limits(max_pages=2000, max_page_bytes=32 * 2**20)


def test_a_wex_report_with_doubled_bold_text_is_a_statement(tmp_path: Path) -> None:
    # The real report's bold title reads "CCaarrddhhoollddeerr AAccttiivviittyy" in a plain text dump.
    truth = make_statement(5, cardholders=2)
    render_wex_statement(truth, tmp_path / "wex.pdf", doubled_bold=True, interleave_columns=True)
    pages: list[tuple[int, int]] = []
    document = read_document(tmp_path / "wex.pdf", "application/pdf", LIMITS, on_page=lambda n, t: pages.append((n, t)))
    assert document.kind == "statement" and document.statement is not None
    assert statement_differences(truth, document.statement) == []
    assert pages == [(n, document.pages) for n in range(1, document.pages + 1)]


def test_warnings_never_carry_a_full_card_number() -> None:
    from recon_extractor.expense_reports.model import ExpenseReport
    from recon_extractor.reading.read_document import ExtractedDocument

    quoted = "page 2: unrecognised row: 'PAID WITH 4111 1111 1111 1111 $12.00'"
    document = ExtractedDocument("expense_report", 2, expenses=ExpenseReport(entries=(), warnings=(quoted,)))
    assert document.warnings == ("page 2: unrecognised row: 'PAID WITH XXXXXXXXXXXX1111 $12.00'",)


class _PrintedWords:
    """A perfect OCR engine for scans of `text_pdf`: each image gets page `page`'s printed words, scaled to
    the image's own size (receipt and statement readers render at different resolutions)."""

    def __init__(self, text_pdf: Path, page: int = 0) -> None:
        from recon_extractor.pdf.pages import iter_statement_pages

        self.words = list(iter_statement_pages(text_pdf))[page].words
        self.width = pdfium.PdfDocument(text_pdf)[page].get_size()[0]
        self.calls = 0

    def __call__(self, image: bytes, det_max_side: int | None = None) -> list[OcrLine]:
        self.calls += 1
        scale = Image.open(io.BytesIO(image)).width / self.width
        return [
            OcrLine(
                w.text,
                0.99,
                (
                    (w.x0 * scale, w.top * scale),
                    (w.x1 * scale, w.top * scale),
                    (w.x1 * scale, w.bottom * scale),
                    (w.x0 * scale, w.bottom * scale),
                ),
            )
            for w in self.words
        ]


def test_a_one_page_scan_is_read_as_a_receipt_once(tmp_path: Path) -> None:
    from recon_docgen.receipt_pdf import render_receipt
    from recon_docgen.scenario import receipt_for

    line = make_statement(4, cardholders=1).lines[0]
    render_receipt(receipt_for(line, 4), tmp_path / "text.pdf")
    assert scan_pdf(tmp_path / "text.pdf", tmp_path / "scan.pdf", dpi=144, skew_degrees=0) == 1
    ocr = _PrintedWords(tmp_path / "text.pdf")
    document = read_document(tmp_path / "scan.pdf", "application/pdf", LIMITS, ocr=ocr)
    assert document.kind == "receipt" and ocr.calls == 1
    assert document.receipts[0].fields.total == line.amount


def test_a_one_page_scanned_statement_is_a_statement(tmp_path: Path) -> None:
    truth = make_statement(6, cardholders=1, lines_per_cardholder=(4, 5))
    render_wex_statement(truth, tmp_path / "text.pdf")
    assert scan_pdf(tmp_path / "text.pdf", tmp_path / "scan.pdf", dpi=144, skew_degrees=0) == 1
    document = read_document(tmp_path / "scan.pdf", "application/pdf", LIMITS, ocr=_PrintedWords(tmp_path / "text.pdf"))
    assert document.kind == "statement" and document.statement is not None
    assert statement_differences(truth, document.statement) == []
    assert document.statement.ocr_pages == frozenset({1})
