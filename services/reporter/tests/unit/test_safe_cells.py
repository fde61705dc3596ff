"""Hostile text in every text field of every report: no formula cell, no live CSV cell, no refused workbook."""

from __future__ import annotations

import csv
import dataclasses
import io
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from recon_reporter.domain.csv_report import write_csv
from recon_reporter.domain.pvault_csv import ApLine, write_pvault_csv
from recon_reporter.domain.report_rows import (
    AuditLine,
    CardholderSummary,
    Coding,
    EntryLine,
    FileNote,
    ReceiptLine,
    ReportLine,
    ReportSession,
)
from recon_reporter.domain.safe_cells import CELL_LIMIT, clean_text, csv_cell
from recon_reporter.domain.xlsx_report import write_xlsx

HOSTILE = ('=HYPERLINK("http://x")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "#N/A")
LIVE = ("=", "+", "-", "@", "\t", "\r")


def _hostile(n: int) -> str:
    return HOSTILE[n % len(HOSTILE)]


def _with_hostile_text(obj: object, salt: int) -> object:
    """`obj` with every str field (optional ones too) replaced by a hostile string."""
    changes = {}
    for i, f in enumerate(dataclasses.fields(obj)):  # type: ignore[arg-type]
        if "str" in str(f.type) and f.name not in ("card_last4", "card_first_digit", "line_status", "outcome"):
            changes[f.name] = _hostile(salt + i) + "\x07bell"
    return replace(obj, **changes)  # type: ignore[type-var]


def _line(salt: int) -> ReportLine:
    line = ReportLine(
        cardholder="X",
        employee_id=None,
        card_last4="0028",
        transaction_date=date(2025, 3, 4),
        posted_date=None,
        reference=None,
        merchant="X",
        category=None,
        amount=Decimal("-12.50"),
        status="matched",
        receipt_file=None,
        receipt_vendor=None,
        receipt_date=None,
        receipt_amount=None,
        confidence=None,
        reasons="",
        outcome_by="ana",
        outcome_at=datetime(2025, 4, 1, tzinfo=UTC),
    )
    return _with_hostile_text(line, salt)  # type: ignore[return-value]


SESSION = ReportSession(
    id="s1",
    name="=cmd|' /C calc'!A0",
    created_at=datetime(2025, 4, 1, tzinfo=UTC),
    cardholders=(
        _with_hostile_text(CardholderSummary("X", None, "0028", Decimal(1), Decimal(0), 0, Decimal(1), (), False), 1),  # type: ignore[arg-type]
    ),
    receipts=(_with_hostile_text(ReceiptLine("r", None, None, None, None), 2),),  # type: ignore[arg-type]
    entries=(
        _with_hostile_text(EntryLine("e", None, None, Decimal("-3"), None, None, None, None, 0, None), 3),  # type: ignore[arg-type]
    ),
    audit=(_with_hostile_text(AuditLine(datetime(2025, 4, 2), "a", "b", "c", "d", "e"), 4),),  # type: ignore[arg-type]
    files=(_with_hostile_text(FileNote("f", None, None, "failed", "n"), 5),),  # type: ignore[arg-type]
    ap_verdicts={"=1+1": "-kept out"},
    ap_left_out=("@left out",),
)
LINES = [_line(salt) for salt in range(len(HOSTILE))]


def test_clean_text_drops_control_characters_and_keeps_layout_ones() -> None:
    assert clean_text("a\x00b\x07c\x1bd\x7fe\x85f\tg\nh\ri") == "abcdef\tg\nh\ri"
    long = clean_text("x" * (CELL_LIMIT + 10))
    assert len(long) == CELL_LIMIT and long.endswith("[cut]")


def test_csv_cell_neutralises_every_formula_start_and_nothing_else() -> None:
    assert [csv_cell(s) for s in HOSTILE] == ["'" + s for s in HOSTILE[:-1]] + ["#N/A"]
    assert csv_cell("SHELL OIL = fuel") == "SHELL OIL = fuel"
    assert csv_cell("\x01=1") == "'=1"  # a control character cannot hide the formula


def test_workbook_has_no_formula_or_error_cell_and_keeps_the_text() -> None:
    out = io.BytesIO()
    write_xlsx(SESSION, iter(LINES), out)
    wb = load_workbook(io.BytesIO(out.getvalue()))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type not in ("f", "e"), (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert "\x07" not in cell.value
    assert "=cmd|' /C calc'!A0" in texts
    assert sum(1 for t in texts if t.startswith("=HYPERLINK")) >= 3  # Transactions, Exceptions, a session sheet
    assert "#N/A" + "bell" in texts
    amounts = [c.value for c in wb["Transactions"]["I"][1:]]
    assert amounts == [-12.5] * len(LINES)  # credits stay numbers


def test_csv_report_has_no_live_cell_and_amounts_stay_numbers() -> None:
    out = io.StringIO(newline="")
    write_csv(iter(LINES), out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    amount = rows[0].index("Amount")
    for row in rows[1:]:
        assert row[amount] == "-12.50"
        live = [cell for i, cell in enumerate(row) if i != amount and cell.startswith(LIVE)]
        assert live == [], row
        assert not any("\x07" in cell for cell in row)
    assert any(cell.startswith("'=HYPERLINK") for row in rows for cell in row)


def test_ap_import_has_no_live_text_cell_but_a_credit_stays_a_number() -> None:
    coding = Coding(Decimal("-12.50"), "=1+1\x00", "-6100", "+24", "@1", "\t2", "=Fuel")
    line = ApLine("=X", True, "-1", date(2025, 3, 4), None, Decimal("-12.50"), "@SHELL", (coding,), "5", "0028")
    out = io.StringIO(newline="")
    assert write_pvault_csv([line], out).rows == 1
    (_, row) = list(csv.reader(io.StringIO(out.getvalue())))
    assert row[2] == "-12.50"
    assert row[:12] == [
        "'-1",
        "2025-03-04",
        "-12.50",
        "'@SHELL",
        "'-1",
        "2025-03-04",
        "'=1+1",
        "'+24",
        "'@1",
        "'\t2",
        "'-6100",
        "'=Fuel",
    ]
    assert row[15] == "'=X"
