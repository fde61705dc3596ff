from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date
from decimal import Decimal

from recon_reporter.domain.pvault_csv import (
    PVAULT_COLUMNS,
    ApLine,
    ApResult,
    card_vendor,
    holder_verdict,
    write_pvault_csv,
)
from recon_reporter.domain.report_rows import Coding

FUEL = Coding(Decimal("1234.50"), "Fuel for truck 12,\r\nMontgomery job", "6100", "24-118", "100", "M", "Fuel")
HEADER = (
    b"Transaction ID,Transaction Date,Transaction Amount,Transaction Name,Vendor Invoice #,Invoice Date,"
    b"Header Description,Job,Phase,Cost Type,GL Account,Item Description,UM,Tax,Pay Type,Card Holder,"
    b"Credit Card Number,Credit Card Vendor\r\n"
)


def _line(holder: str, amount: str, *, ref: str = "000127739", digit: str | None = "5", **kw: object) -> ApLine:
    line = ApLine(
        cardholder=holder,
        complete=True,
        reference=ref,
        transaction_date=date(2025, 3, 4),
        posted_date=date(2025, 3, 6),
        amount=Decimal(amount),
        merchant="SHELL OIL129799150",
        parts=(replace(FUEL, amount=Decimal(amount)),),
        card_first_digit=digit,
        card_last4="0028",
    )
    return replace(line, **kw)  # type: ignore[arg-type]


def _write(lines: list[ApLine]) -> tuple[bytes, ApResult]:
    out = io.StringIO(newline="")
    result = write_pvault_csv(lines, out)
    return out.getvalue().encode("utf-8"), result


def test_exact_bytes_of_the_import_file() -> None:
    data, result = _write([_line("WILLIAMBURT", "1234.5"), _line("WILLIAMBURT", "-0.45", ref="000127740")])
    assert result.rows == 2
    assert data == HEADER + (
        b'000127739,2025-03-04,1234.50,SHELL OIL129799150,000127739,2025-03-06,"Fuel for truck 12, Montgomery job",'
        b"24-118,100,M,6100,Fuel,,,Credit Card,WILLIAMBURT,XXXXXXXXXXXX0028,Mastercard\r\n"
        b'000127740,2025-03-04,-0.45,SHELL OIL129799150,000127740,2025-03-06,"Fuel for truck 12, Montgomery job",'
        b"24-118,100,M,6100,Fuel,,,Credit Card,WILLIAMBURT,XXXXXXXXXXXX0028,Mastercard\r\n"
    )
    assert data.count(b"\r") == data.count(b"\n") == 3
    assert len(PVAULT_COLUMNS) == 18


def test_network_per_card_a_waiver_a_split_and_credits() -> None:
    hotel = (
        Coding(Decimal("300.12"), "Hotel night 1", "6200", "24-118", "100", "E", "Lodging"),
        Coding(Decimal("112.23"), "Dinner", "6300", "24-118", "100", "E", "Meals"),
    )
    lines = [
        _line("ANA", "40.00", ref="1", digit="4", waiver="no receipt: lost at the pump; waived by bo"),
        _line("ANA", "412.35", ref="2", digit="3", parts=hotel),
        _line("ANA", "-20.00", ref="3", digit="3", parts=(replace(hotel[0], amount=Decimal("-20.00")),)),
        _line("ANA", "-5.00", ref="4", digit="6", parts=()),
        _line("ANA", "9.99", ref="5", digit="6", parts=()),
    ]
    data, result = _write(lines)
    end = b",,,Credit Card,ANA,XXXXXXXXXXXX0028,"
    assert data == HEADER + (
        b"1,2025-03-04,40.00,SHELL OIL129799150,1,2025-03-06,"
        b'"Fuel for truck 12, Montgomery job (no receipt: lost at the pump; waived by bo)",24-118,100,M,6100,Fuel'
        + end
        + b"Visa\r\n"
        b"2,2025-03-04,300.12,SHELL OIL129799150,2,2025-03-06,Hotel night 1,24-118,100,E,6200,Lodging"
        + end
        + b"Amex\r\n"
        b"2,2025-03-04,112.23,SHELL OIL129799150,2,2025-03-06,Dinner,24-118,100,E,6300,Meals" + end + b"Amex\r\n"
        b"3,2025-03-04,-20.00,SHELL OIL129799150,3,2025-03-06,Hotel night 1,24-118,100,E,6200,Lodging"
        + end
        + b"Amex\r\n"
    )
    assert result.left_out == [
        "ANA: line 4 (SHELL OIL129799150, -$5.00): credit to code by hand",
        "ANA: line 5 (SHELL OIL129799150, $9.99): netted by its full refund",
    ]
    assert result.verdicts == {"ANA": "imported"}


def test_one_incomplete_line_removes_the_whole_cardholder() -> None:
    lines = [
        _line("WILLIAMBURT", "10.00"),
        _line("WILLIAMBURT", "20.00", complete=False),
        _line("JOSEPHWCORTEZ", "30.00"),
    ]
    data, result = _write(lines)
    rows = list(csv.reader(io.StringIO(data.decode(), newline="")))[1:]
    assert [row[15] for row in rows] == ["JOSEPHWCORTEZ"]
    assert result.verdicts == {
        "WILLIAMBURT": "kept out: 1 line(s) not complete or awaiting review",
        "JOSEPHWCORTEZ": "imported",
    }


def test_an_unknown_network_is_never_guessed() -> None:
    data, result = _write(
        [_line("ANA", "10.00", digit="4"), _line("ANA", "11.00", digit="7"), _line("BO", "1.00", digit=None)]
    )
    assert data == HEADER
    assert result.verdicts == {
        "ANA": "kept out: card network unknown (card number starting 7)",
        "BO": "kept out: card network unknown (card number not printed)",
    }


def test_split_parts_that_do_not_add_up_keep_the_cardholder_out() -> None:
    parts = (replace(FUEL, amount=Decimal("5.00")), replace(FUEL, amount=Decimal("4.00")))
    assert holder_verdict([_line("ANA", "10.00", parts=parts)]) == (
        "kept out: the coded parts of line 000127739 (SHELL OIL129799150, $10.00) do not add up to it"
    )


def test_card_vendor_from_first_digit() -> None:
    assert [card_vendor(d) for d in ("4", "5", "3", "6", "7", None)] == [
        "Visa",
        "Mastercard",
        "Amex",
        "Discover",
        None,
        None,
    ]


def test_a_report_line_under_review_or_waived_as_the_ap_import_sees_it() -> None:
    from recon_reporter.adapters.report_source import ap_line
    from recon_reporter.domain.report_rows import ReportLine

    line = ReportLine(
        cardholder="ANA",
        employee_id=None,
        card_last4="0028",
        transaction_date=date(2025, 3, 4),
        posted_date=None,
        reference="1",
        merchant="SHELL",
        category=None,
        amount=Decimal("40.00"),
        status="matched",
        receipt_file=None,
        receipt_vendor=None,
        receipt_date=None,
        receipt_amount=None,
        confidence=1.0,
        reasons="",
        line_status="complete",
        outcome="waived",
        outcome_by="bo",
        outcome_reason="no receipt: lost",
        coding=(FUEL,),
    )
    assert ap_line(line).complete and ap_line(line).waiver == "no receipt: lost; waived by bo"
    assert not ap_line(replace(line, review=True)).complete
