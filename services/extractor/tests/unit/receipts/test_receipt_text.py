from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fpdf import FPDF
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import make_statement, receipt_for
from recon_extractor.errors import UnreadableDocumentError
from recon_extractor.receipts.text import FIELDS, extract_text_receipt, parse_receipt_text

D = Decimal


def test_generated_receipts_come_back_exact() -> None:
    checked = 0
    for seed in range(1, 8):
        stmt = make_statement(seed, cardholders=3, credit_ratio=0.2)
        for ch in stmt.cardholders:
            for line in ch.lines:
                receipt = receipt_for(line, seed, card_last4=ch.card_last4 if seed % 2 else None)
                buf = io.BytesIO()
                render_receipt(receipt, buf)
                fields = extract_text_receipt(io.BytesIO(buf.getvalue()))
                assert (
                    fields.vendor,
                    fields.date,
                    fields.total,
                    fields.subtotal,
                    fields.tax,
                    fields.tip,
                    fields.card_last4,
                ) == (
                    receipt.vendor,
                    receipt.date,
                    receipt.total,
                    receipt.subtotal,
                    receipt.tax,
                    receipt.tip,
                    receipt.card_last4,
                )
                assert fields.currency == "USD" and fields.confidence["total"] >= 0.85
                checked += 1
    assert checked > 50


def test_subtotal_is_not_the_total_and_largest_labelled_total_wins() -> None:
    text = "\n".join(
        (
            "ACME HARDWARE #12",
            "SUBTOTAL 90.00",
            "TAX 7.43",
            "TOTAL SAVINGS 5.00",
            "TOTAL 97.43",
            "AMOUNT DUE $97.43",
            "CHANGE 2.57",
        )
    )
    fields = parse_receipt_text(text)
    assert (fields.vendor, fields.vendor_raw) == ("ACME HARDWARE", "ACME HARDWARE #12")
    assert (fields.total, fields.subtotal, fields.tax) == (D("97.43"), D("90.00"), D("7.43"))
    assert fields.confidence["total"] == 0.97


def test_malaysian_receipt() -> None:
    text = """TAX INVOICE
INDAH GIFT & HOME DECO
27, JALAN DEDAP 13, TAMAN JOHOR JAYA
GST REG NO: 000123456789
DATE: 19/10/2018 11:45
TOTAL QTY: 3
TOTAL INCL. GST RM 60.30
CASH 100.00
CHANGE 39.70"""
    fields = parse_receipt_text(text)
    assert fields.vendor == "INDAH GIFT & HOME DECO"
    assert (fields.date, fields.total, fields.currency) == (date(2018, 10, 19), D("60.30"), "MYR")
    assert fields.payment_method == "CASH" and fields.card_last4 is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("DATE 2025-03-04", date(2025, 3, 4)),
        ("04 Mar 2025", date(2025, 3, 4)),
        ("Mar 4, 2025", date(2025, 3, 4)),
        ("03/04/2025", date(2025, 3, 4)),
        ("25-03-2025", date(2025, 3, 25)),
        ("13/04/25", date(2025, 4, 13)),
    ],
)
def test_dates(line: str, expected: date) -> None:
    assert parse_receipt_text(f"SHOP\n{line}\nTOTAL $1.00").date == expected


def test_ambiguous_date_follows_the_currency_and_says_so() -> None:
    us = parse_receipt_text("SHOP\n03/04/2025\nTOTAL $5.00")
    my = parse_receipt_text("KEDAI\n03/04/2025\nTOTAL RM 5.00")
    unknown = parse_receipt_text("SHOP\n03/04/2025\nTOTAL 5.00")
    assert (us.date, my.date) == (date(2025, 3, 4), date(2025, 4, 3))
    assert us.confidence["date"] < 0.9 and unknown.confidence["date"] <= 0.5


@pytest.mark.parametrize(
    "text", ["VISA ************1234", "CARD # XXXX1234", "MASTERCARD ENDING IN 1234", "ACCT: ****1234"]
)
def test_card_last_four(text: str) -> None:
    assert parse_receipt_text(f"SHOP\nTOTAL $1.00\n{text}").card_last4 == "1234"


def test_every_field_has_a_confidence() -> None:
    fields = parse_receipt_text("")
    assert set(fields.confidence) == set(FIELDS) and fields.total is None and fields.vendor is None


def test_a_pdf_without_text_is_unreadable(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 50, 80)
    pdf.output(str(tmp_path / "scan.pdf"))
    with pytest.raises(UnreadableDocumentError, match="no text layer"):
        extract_text_receipt(tmp_path / "scan.pdf")
