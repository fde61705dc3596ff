"""The generic fallback: date + description + amount rows on a statement no layout knows, and it says so."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from fpdf import FPDF
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


def unknown_issuer_statement(path: Path) -> None:
    pdf = FPDF(unit="pt", format="letter")
    pdf.set_font("Helvetica", size=8)
    for number, rows in enumerate(PAGES, start=1):
        pdf.add_page()
        pdf.text(36, 40, "FIRST EXAMPLE BANK")
        pdf.text(36, 52, "01/07/25 STATEMENT BALANCE $1,107.51")  # printed on every page: a header, not a charge
        if number == 1:
            pdf.text(36, 64, "Statement Period: 12/08/2024 - 01/07/2025   Card ending in 4321")
        y = 100.0
        for date_text, description, amount, *more in rows:
            pdf.text(36, y, date_text)
            pdf.text(80, y, description)
            pdf.text(500 - pdf.get_string_width(amount), y, amount)
            for extra in more:
                y += 11
                pdf.text(80, y, extra)
            y += 11
        pdf.text(36, 760, f"Page {number} of {len(PAGES)}")
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
