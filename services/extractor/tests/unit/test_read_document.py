"""`read_document`: each upload goes to the right reader, whatever its text layer looks like."""

from __future__ import annotations

from pathlib import Path

from recon_docgen.check import statement_differences
from recon_docgen.scenario import make_statement
from recon_docgen.wex_pdf import render_wex_statement
from recon_extractor.read_document import Limits, read_document

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
    from recon_extractor.domain.expense_model import ExpenseReport
    from recon_extractor.read_document import ExtractedDocument

    quoted = "page 2: unrecognised row: 'PAID WITH 4111 1111 1111 1111 $12.00'"
    document = ExtractedDocument("expense_report", 2, expenses=ExpenseReport(entries=(), warnings=(quoted,)))
    assert document.warnings == ("page 2: unrecognised row: 'PAID WITH XXXXXXXXXXXX1111 $12.00'",)
