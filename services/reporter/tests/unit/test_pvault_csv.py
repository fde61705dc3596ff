from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal

from recon_reporter.domain.pvault_csv import PVAULT_COLUMNS, ApLine, card_vendor, write_pvault_csv


def _line(holder: str, amount: str, *, complete: bool = True, ref: str = "000127739", digit: str = "5") -> ApLine:
    return ApLine(
        cardholder=holder,
        complete=complete,
        reference=ref,
        transaction_date=date(2025, 3, 4),
        posted_date=date(2025, 3, 6),
        amount=Decimal(amount),
        merchant="SHELL OIL129799150",
        purpose="Fuel for truck 12,\r\nMontgomery job",
        job="24-118",
        phase="100",
        cost_type="M",
        gl_account="6100",
        expense_type="Fuel",
        tax=None,
        card_first_digit=digit,
        card_last4="0028",
    )


def test_exact_bytes_of_the_import_file() -> None:
    out = io.StringIO(newline="")
    count = write_pvault_csv([_line("WILLIAMBURT", "1234.5"), _line("WILLIAMBURT", "-0.45", ref="000127740")], out)
    data = out.getvalue().encode("utf-8")
    assert count == 2
    assert data == (
        b"Transaction ID,Transaction Date,Transaction Amount,Transaction Name,Vendor Invoice #,Invoice Date,"
        b"Header Description,Job,Phase,Cost Type,GL Account,Item Description,UM,Tax,Pay Type,Card Holder,"
        b"Credit Card Number,Credit Card Vendor\r\n"
        b'000127739,2025-03-04,1234.50,SHELL OIL129799150,000127739,2025-03-06,"Fuel for truck 12, Montgomery job",'
        b"24-118,100,M,6100,Fuel,,,Credit Card,WILLIAMBURT,XXXXXXXXXXXX0028,Mastercard\r\n"
        b'000127740,2025-03-04,-0.45,SHELL OIL129799150,000127740,2025-03-06,"Fuel for truck 12, Montgomery job",'
        b"24-118,100,M,6100,Fuel,,,Credit Card,WILLIAMBURT,XXXXXXXXXXXX0028,Mastercard\r\n"
    )
    assert data.count(b"\r") == data.count(b"\n") == 3
    assert len(PVAULT_COLUMNS) == 18


def test_one_incomplete_line_removes_the_whole_cardholder() -> None:
    out = io.StringIO(newline="")
    lines = [
        _line("WILLIAMBURT", "10.00"),
        _line("WILLIAMBURT", "20.00", complete=False),
        _line("JOSEPHWCORTEZ", "30.00"),
    ]
    assert write_pvault_csv(lines, out) == 1
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))[1:]
    assert [row[15] for row in rows] == ["JOSEPHWCORTEZ"]


def test_card_vendor_from_first_digit() -> None:
    assert [card_vendor(d) for d in ("4", "5", "3", "6", "7", None)] == [
        "Visa",
        "Mastercard",
        "Amex",
        "Discover",
        "",
        "",
    ]
