from recon_extractor.reading.document_kind import detect_document_kind


def test_wex_report_is_a_statement() -> None:
    assert detect_document_kind("Cardholder Activity Report General\nProduced On: 4/2/2025") == "statement"


def test_labelled_expense_entries_are_an_expense_report() -> None:
    text = "Receipt Images Report\nEmployee: JOSEPHWCORTEZ\nExpense Type: Fuel\nAmount: 36.66"
    assert detect_document_kind(text) == "expense_report"


def test_consumer_statement_hints() -> None:
    assert detect_document_kind("Statement Period 03/01-03/31\nNew Balance $1.00\nPayment Due Date") == "statement"


def test_anything_else_is_a_receipt() -> None:
    assert detect_document_kind("SHELL OIL\nTOTAL $36.66\nEmployee: no expense type here") == "receipt"
    assert detect_document_kind("") == "receipt"
