"""Hostile text through the stack: formulas, control characters and an over-long coding value in every text field
of a CSV and an XLSX expense report reach every export as inert text, and never fail the session."""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import httpx
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell import WriteOnlyCell
from recon_docgen.expense_exports import HEADERS
from recon_docgen.receipt_pdf import render_receipt
from recon_docgen.scenario import receipt_for
from recon_docgen.truth import GenCardholder, GenItem, GenLine, GenStatement
from recon_docgen.wex_pdf import render_wex_statement

from tests.e2e.journeys import upload, wait_status
from tests.e2e.stack import Stack

pytestmark = pytest.mark.e2e

LIVE = ("=", "+", "-", "@", "\t", "\r")
HOSTILE = ('=HYPERLINK("http://evil.example","x")', "+1+cmd|' /C calc'!A0", "-2+3+cmd", "@SUM(1+1)*cmd")


def _line(ref: str, day: int, merchant: str, amount: str) -> GenLine:
    value = Decimal(amount)
    item = GenItem(None, value, Decimal("1.00"), value, Decimal("0.00"), value)
    return GenLine(date(2025, 9, day), date(2025, 9, day + 1), "N", ref, merchant, "BATON ROUGE", "LA", "MISC", (item,))


HOLDER = GenCardholder(
    "ANNABROWN",
    "100001",
    "556735XXXXXX1111",
    (
        _line("000600001", 3, "HOME DEPOT 4411", "41.00"),
        _line("000600002", 10, "LOWES 000123", "26.50"),
        _line("000600003", 17, "GRAINGER", "73.25"),
    ),
)
STATEMENT = GenStatement(date(2025, 9, 1), date(2025, 9, 30), "S-42A", "AB2CD", "ACME BUILDERS", (HOLDER,))


def _hostile(n: int, control: bool) -> str:
    text = HOSTILE[n % len(HOSTILE)]
    # A NUL would make the upload no CSV at all (refused at upload); these pass and must not fail anything.
    return f"{text}\x07\x1b bell" if control else text


def _rows(control: bool) -> list[list[str]]:
    """Every text field of every entry hostile; one more entry from an employee named by a formula."""
    rows = []
    for i, line in enumerate(HOLDER.lines):
        rows.append(
            [
                HOLDER.name,
                _hostile(i, control),
                f"{line.posted_date:%m/%d/%Y}",
                str(line.net),
                _hostile(i + 1, control),
                _hostile(i + 2, control),
                _hostile(i + 3, control),
                *(_hostile(i + k, False)[:20] for k in range(4)),  # coding: short enough for its columns
            ]
        )
    rows.append(["=cmd|' /C calc'!A0", "@x", "09/20/2025", "12.00", "-x", "+x", "=x", "=1", "+2", "-3", "@4"])
    return rows


def _csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADERS)
        writer.writerows(rows)
    return path


def _xlsx(path: Path, rows: list[list[str]]) -> Path:
    """Text cells as the expense system writes them: strings, however they start (never formulas)."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Expenses")
    ws.append(list(HEADERS))
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(ws, value=value)
            cell.data_type = "s"
            cells.append(cell)
        ws.append(cells)
    wb.save(path)
    return path


def _receipts(folder: Path) -> list[Path]:
    paths = []
    for index, line in enumerate(HOLDER.lines):
        path = folder / f"receipt-{line.reference}.pdf"
        render_receipt(receipt_for(line, index), path)
        paths.append(path)
    return paths


def _reports(base: str) -> tuple[bytes, list[list[str]], list[list[str]]]:
    got = {fmt: httpx.get(f"{base}/report", params={"format": fmt}, timeout=30) for fmt in ("xlsx", "csv", "pvault")}
    for fmt, response in got.items():
        assert response.status_code == 200, (fmt, response.text)
    tables = [list(csv.reader(io.StringIO(got[fmt].content.decode("utf-8"), newline=""))) for fmt in ("csv", "pvault")]
    return got["xlsx"].content, tables[0], tables[1]


def _assert_inert(workbook: bytes, report: list[list[str]], ap: list[list[str]]) -> None:
    wb = load_workbook(io.BytesIO(workbook))
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    assert "\x07" not in cell.value and "\x1b" not in cell.value
                    texts.append(cell.value)
    assert any(t.startswith("=HYPERLINK") for t in texts)  # the text arrived, as text
    numbers = {"Amount", "Transaction Amount", "Tax"}
    for table in (report, ap):
        header, *rows = table
        for row in rows:
            live = [(h, v) for h, v in zip(header, row, strict=True) if h not in numbers and v.startswith(LIVE)]
            assert live == []
    assert any(v.startswith("'=HYPERLINK") for row in report for v in row)
    assert len(ap) > 1 and any(v.startswith("'@SUM") for row in ap[1:] for v in row)


def test_hostile_csv_with_control_characters_and_an_overlong_gl_account(stack: Stack, tmp_path: Path) -> None:
    statement = tmp_path / "card.pdf"
    render_wex_statement(STATEMENT, statement)
    hostile = _csv(tmp_path / "expenses.csv", _rows(control=True))
    overlong_row = _rows(control=False)[0]
    overlong_row[7] = "6" * 61
    overlong = _csv(tmp_path / "expenses-long.csv", [_rows(control=False)[1], overlong_row])
    session_id = upload(stack.url, [statement, hostile, overlong, *_receipts(tmp_path)]).json()["session_id"]
    session = wait_status(stack.url, session_id, {"completed", "needs_attention", "failed"}, timeout=300)
    assert session["status"] == "completed", session["status_message"]
    outcome = {u["filename"]: u["extraction"] for u in session["uploads"]}
    assert outcome["expenses.csv"]["error"] is None
    assert outcome["expenses-long.csv"]["error"] == (
        "expenses-long.csv: entry 2 (ANNABROWN, 2025-09-04, $41.00): its GL account is 61 characters long, more than "
        "the 50 a GL account holds. Correct the coding and upload the file again"
    )
    _assert_inert(*_reports(f"{stack.url}/api/sessions/{session_id}"))


def test_hostile_xlsx(stack: Stack, tmp_path: Path) -> None:
    statement = tmp_path / "card.pdf"
    render_wex_statement(STATEMENT, statement)
    workbook = _xlsx(tmp_path / "expenses.xlsx", _rows(control=False))
    session_id = upload(stack.url, [statement, workbook, *_receipts(tmp_path)]).json()["session_id"]
    session = wait_status(stack.url, session_id, {"completed", "needs_attention", "failed"}, timeout=300)
    assert session["status"] == "completed", session["status_message"]
    _assert_inert(*_reports(f"{stack.url}/api/sessions/{session_id}"))
