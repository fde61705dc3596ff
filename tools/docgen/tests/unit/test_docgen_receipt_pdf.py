import io
from datetime import date
from decimal import Decimal

import pytest
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.truth import GenReceipt


def test_receipt_prints_its_fields() -> None:
    pdfium = pytest.importorskip("pypdfium2")
    receipt = GenReceipt(
        "SHELL OIL",
        date(2025, 3, 4),
        Decimal("41.14"),
        Decimal("38.00"),
        Decimal("3.14"),
        None,
        "1234",
        items=(("UNL REG", Decimal("30.00")), ("CAR WASH", Decimal("8.00"))),
    )
    buf = io.BytesIO()
    render_receipt(receipt, buf)
    text = pdfium.PdfDocument(buf.getvalue())[0].get_textpage().get_text_range()
    lines = text.splitlines()
    assert lines[0] == "SHELL OIL"
    for expected in ("03/04/2025", "SUBTOTAL 38.00", "TAX 3.14", "TOTAL $41.14", "VISA XXXX1234"):
        assert expected in text
    assert "TIP" not in text
