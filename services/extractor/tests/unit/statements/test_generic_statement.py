"""The generic fallback: date + description + amount rows on a statement no layout knows, and it says so."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from fpdf import FPDF
from recon_extractor.errors import StatementFormatError
from recon_extractor.statements.generic import FALLBACK_WARNING
from recon_extractor.statements.reader import read_statement

D = Decimal
PAGES = (
    (
        ("12/28", "COFFEE SHOP HOUSTON TX", "4.50"),
        ("12/30", "RETURNED ITEM", "(12.00)"),
        ("01/02", "REFUND", "5.00 CR"),
        ("01/03", "PAYMENT THANK YOU", "-$100.00"),
        ("01/04", "A MERCHANT WITH A LONG NAME", "23.45", "THAT CONTINUES HERE"),
    ),
    (("01/05", "HARDWARE STORE", "$1,234.56"), ("12/06", "BOUGHT BEFORE THE CYCLE", "7.00")),
)


Rows = tuple[tuple[str, ...], ...]


def unknown_issuer_statement(
    path: Path,
    pages: tuple[Rows, ...] = PAGES,
    period: str = "Statement Period: 12/08/2024 - 01/07/2025",
    balance: str | None = "01/07/25",
) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", size=8)
    for number, rows in enumerate(pages, start=1):
        pdf.add_page()
        pdf.text(36, 40, "FIRST EXAMPLE BANK")
        if balance:  # printed on every page: a header, not a charge
            pdf.text(36, 52, f"{balance} STATEMENT BALANCE $1,107.51")
        if number == 1:
            pdf.text(36, 64, f"{period}   Card ending in 4321")
        y = 100.0
        for date_text, description, amount, *more in rows:
            pdf.text(36, y, date_text)
            pdf.text(80, y, description)
            pdf.text(500 - pdf.get_string_width(amount), y, amount)
            for extra in more:
                y += 11
                pdf.text(80, y, extra)
            y += 11
        pdf.text(36, 760, f"Page {number} of {len(pages)}")
    path.write_bytes(bytes(pdf.output()))


def test_any_text_statement_reads_with_a_warning_that_says_how(tmp_path: Path) -> None:
    unknown_issuer_statement(tmp_path / "bank.pdf")
    stmt = read_statement(tmp_path / "bank.pdf")
    assert stmt.issuer == "Unknown issuer" and stmt.warnings[0] == FALLBACK_WARNING
    assert (stmt.period_start, stmt.period_end, stmt.account) == (date(2024, 12, 8), date(2025, 1, 7), "XXXX4321")
    assert [(ln.transaction_date, ln.description, ln.amount) for ln in stmt.lines] == [
        (date(2024, 12, 28), "COFFEE SHOP HOUSTON TX", D("4.50")),
        (date(2024, 12, 30), "RETURNED ITEM", D("-12.00")),
        (date(2025, 1, 2), "REFUND", D("-5.00")),
        (date(2025, 1, 3), "PAYMENT THANK YOU", D("-100.00")),
        (date(2025, 1, 4), "A MERCHANT WITH A LONG NAME THAT CONTINUES HERE", D("23.45")),
        (date(2025, 1, 5), "HARDWARE STORE", D("1234.56")),
        (date(2024, 12, 6), "BOUGHT BEFORE THE CYCLE", D("7.00")),
    ]
    assert stmt.totals["net"] == D("1152.51")
    assert any("repeated on several pages" in w and "STATEMENT BALANCE" in w for w in stmt.warnings)


def test_the_fallback_can_be_called_directly(tmp_path: Path) -> None:
    unknown_issuer_statement(tmp_path / "bank.pdf")
    pages: list[int] = []
    stmt = read_statement(tmp_path / "bank.pdf", on_page=lambda n, _: pages.append(n))
    assert len(stmt.lines) == 7 and pages == [1, 2]


DAY_FIRST: tuple[Rows, ...] = (
    (("28/12", "COFFEE SHOP", "4.50"), ("05/01", "BOOKSHOP", "12.00")),
    (("06/12", "BOUGHT BEFORE THE CYCLE", "7.00"),),
)


@pytest.mark.parametrize(
    "period",
    [
        "Statement Period: 08/12/2024 - 07/01/2025",  # day-first itself: month-first it would be 11 months long
        "Statement Period: Dec 8, 2024 to Jan 7, 2025",
    ],
)
def test_day_first_dates_without_a_year_take_their_order_and_year_from_the_statement(
    tmp_path: Path, period: str
) -> None:
    unknown_issuer_statement(tmp_path / "bank.pdf", DAY_FIRST, period, balance="07/01/25")
    stmt = read_statement(tmp_path / "bank.pdf")
    assert (stmt.period_start, stmt.period_end) == (date(2024, 12, 8), date(2025, 1, 7))
    assert [(ln.transaction_date, ln.description) for ln in stmt.lines] == [
        (date(2024, 12, 28), "COFFEE SHOP"),
        (date(2025, 1, 5), "BOOKSHOP"),
        (date(2024, 12, 6), "BOUGHT BEFORE THE CYCLE"),
    ]
    assert stmt.findings == ()


@pytest.mark.parametrize(
    ("rows", "dates"),
    [
        # No day above 12, but only day-first puts 05/01 and 06/01 inside a December-January period.
        ((("05/01", "BOOKSHOP", "12.00"), ("06/01", "TEA", "3.00")), [date(2025, 1, 5), date(2025, 1, 6)]),
        ((("Jan 5", "BOOKSHOP", "12.00"), ("28 DEC", "TEA", "3.00")), [date(2025, 1, 5), date(2024, 12, 28)]),
        ((("01/05/2025", "BOOKSHOP", "12.00"), ("12/28/24", "TEA", "3.00")), [date(2025, 1, 5), date(2024, 12, 28)]),
    ],
)
def test_the_period_decides_the_order_of_dates_that_read_both_ways(
    tmp_path: Path, rows: Rows, dates: list[date]
) -> None:
    unknown_issuer_statement(tmp_path / "bank.pdf", (rows,), "Statement Period: Dec 8, 2024 to Jan 7, 2025", None)
    stmt = read_statement(tmp_path / "bank.pdf")
    assert [ln.transaction_date for ln in stmt.lines] == dates and stmt.findings == ()


def test_dates_whose_order_cannot_be_decided_are_read_month_first_and_a_finding_says_so(tmp_path: Path) -> None:
    rows = (("01/02", "BOOKSHOP", "12.00"), ("02/01", "TEA", "3.00"))
    unknown_issuer_statement(tmp_path / "bank.pdf", (rows,), "Statement Period: Jan 1, 2025 to Feb 28, 2025", None)
    stmt = read_statement(tmp_path / "bank.pdf")
    assert [ln.transaction_date for ln in stmt.lines] == [date(2025, 1, 2), date(2025, 2, 1)]
    assert [(f.kind, f.page) for f in stmt.findings] == [("date_order", None)]
    assert "day-first or month-first" in stmt.findings[0].message


def test_dated_rows_that_cannot_be_placed_in_a_year_fail_the_file_saying_why(tmp_path: Path) -> None:
    rows = (("12/28", "COFFEE SHOP", "4.50"), ("01/02", "BOOKSHOP", "12.00"))
    unknown_issuer_statement(tmp_path / "bank.pdf", (rows,), "Thank you for banking with us", None)
    with pytest.raises(
        StatementFormatError,
        match=r"none of its 2 rows that start with a date and end with an amount could be read.*no statement period",
    ):
        read_statement(tmp_path / "bank.pdf")
