from datetime import date

from recon_extractor.adapters.read_originals import PDF, keeps_original
from recon_extractor.expense_reports.model import ExpenseReport
from recon_extractor.reading.read_document import ExtractedDocument
from recon_extractor.statements.model import Statement

STATEMENT = ExtractedDocument("statement", 3, statement=Statement("WEX", date(2025, 9, 1), None, None, (), {}, ()))
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_statement_an_unreadable_file_or_a_table_of_entries_is_not_kept_once_read() -> None:
    assert not keeps_original(PDF, STATEMENT, None)
    assert not keeps_original(PDF, STATEMENT, "card.pdf: of August")
    assert not keeps_original(PDF, None, "x.pdf: the PDF is damaged")
    assert not keeps_original("text/csv", ExtractedDocument("expense_report", 0, expenses=ExpenseReport(())), None)
    assert not keeps_original(XLSX, ExtractedDocument("expense_report", 0, expenses=ExpenseReport(())), None)


def test_receipts_and_pdf_expense_reports_stay_for_the_reviewer() -> None:
    assert keeps_original(PDF, ExtractedDocument("receipt", 1), None)
    assert keeps_original("image/jpeg", ExtractedDocument("receipt", 1), None)
    assert keeps_original(PDF, ExtractedDocument("expense_report", 2, expenses=ExpenseReport(())), None)
