from __future__ import annotations

import io
from datetime import UTC, date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from recon_reporter.domain.csv_report import CSV_COLUMNS, write_csv
from recon_reporter.domain.report_rows import ReportLine, ReportSession, summarise
from recon_reporter.domain.xlsx_report import write_xlsx


def _line(holder: str, amount: str, status: str, ref: str) -> ReportLine:
    return ReportLine(
        cardholder=holder,
        employee_id="960904",
        card_last4="0028",
        transaction_date=date(2025, 3, 4),
        posted_date=date(2025, 3, 6),
        reference=ref,
        merchant="SHELL OIL",
        category="FUEL",
        amount=Decimal(amount),
        status=status,
        receipt_file="r.pdf" if status == "matched" else None,
        receipt_vendor=None,
        receipt_date=None,
        receipt_amount=Decimal(amount) if status == "matched" else None,
        confidence=1.0 if status == "matched" else 0.0,
        reasons="amount exact",
    )


LINES = [
    _line("WILLIAMBURT", "36.66", "matched", "000127739"),
    _line("WILLIAMBURT", "-0.45", "unmatched", "000127740"),
    _line("GEAUXPASS", "1234.50", "unmatched", "000127741"),
]
SESSION = ReportSession(id="s1", name="March 2025", created_at=datetime(2025, 4, 1, tzinfo=UTC))


def test_summary_totals_are_exact_decimals() -> None:
    burt, pass_ = summarise(LINES)
    assert (burt.cardholder, burt.lines, burt.card_total, burt.matched_total, burt.unmatched_total) == (
        "WILLIAMBURT",
        2,
        Decimal("36.21"),
        Decimal("36.66"),
        Decimal("-0.45"),
    )
    assert pass_.card_total == Decimal("1234.50")


def test_xlsx_has_every_line_with_numbers_and_dates() -> None:
    out = io.BytesIO()
    assert write_xlsx(SESSION, LINES, out) == 3
    wb = load_workbook(io.BytesIO(out.getvalue()))
    ws = wb["Transactions"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][0] == "Cardholder" and len(rows) == 4
    assert [r[8] for r in rows[1:]] == [36.66, -0.45, 1234.5]
    assert rows[1][2] == "XXXX-XXXX-XXXX-0028"
    assert rows[1][3] == datetime(2025, 3, 4)
    assert ws.freeze_panes == "A2"
    assert ws["I2"].number_format.startswith('"$"#,##0.00')
    assert wb["Summary"]["B1"].value == "March 2025"


def test_csv_is_crlf_with_plain_amounts() -> None:
    out = io.StringIO()
    assert write_csv(LINES, out) == 3
    text = out.getvalue()
    assert text.count("\r\n") == 4 and "\r\r" not in text
    header, first, second, _ = text.split("\r\n")[:4]
    assert header.split(",") == list(CSV_COLUMNS)
    assert ",36.66,matched," in first and "2025-03-04" in first
    assert ",-0.45,unmatched," in second
    assert "556735" not in text
