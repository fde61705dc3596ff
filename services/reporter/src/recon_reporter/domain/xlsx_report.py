"""The XLSX report, written in openpyxl's write-only mode so memory stays flat in the line count."""

from __future__ import annotations

from collections.abc import Sequence
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from recon_reporter.domain.report_rows import ReportLine, ReportSession, masked_card, summarise

CURRENCY = '"$"#,##0.00;[Red]-"$"#,##0.00'
DATE = "yyyy-mm-dd"
TRANSACTION_COLUMNS = (
    ("Cardholder", 24),
    ("Employee ID", 12),
    ("Card", 22),
    ("Transaction Date", 14),
    ("Posted Date", 14),
    ("Reference", 12),
    ("Merchant", 28),
    ("Category", 16),
    ("Amount", 14),
    ("Status", 12),
    ("Receipt File", 28),
    ("Receipt Vendor", 24),
    ("Receipt Date", 14),
    ("Receipt Amount", 14),
    ("Confidence", 11),
    ("Reasons", 48),
)
SUMMARY_COLUMNS = (
    ("Cardholder", 24),
    ("Employee ID", 12),
    ("Card", 22),
    ("Lines", 8),
    ("Card Total", 14),
    ("Matched Lines", 14),
    ("Matched Total", 14),
    ("Unmatched Total", 16),
)


# openpyxl's stubs do not describe write-only sheets and cells, so they are typed Any here.
def _header(ws: Any, columns: Sequence[tuple[str, int]]) -> None:
    for index, (_, width) in enumerate(columns):
        ws.column_dimensions[chr(ord("A") + index)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    cells = []
    for title, _ in columns:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cells.append(cell)
    ws.append(cells)


def _cell(ws: Any, value: Any, number_format: str | None = None) -> Any:
    cell = WriteOnlyCell(ws, value=value)
    if number_format and value is not None:
        cell.number_format = number_format
    return cell


def write_xlsx(session: ReportSession, lines: Sequence[ReportLine], out: IO[bytes]) -> int:
    """Write Summary and Transactions sheets; returns the number of transaction rows."""
    wb = Workbook(write_only=True)
    summary = wb.create_sheet("Summary")
    summary.append(["Session", session.name or session.id])
    summary.append(["Created", session.created_at.replace(tzinfo=None)])
    summary.append(["Card lines", len(lines)])
    summary.append(["Matched", sum(1 for line in lines if line.status == "matched")])
    summary.append([])
    summary.append([title for title, _ in SUMMARY_COLUMNS])
    for row in summarise(lines):
        summary.append(
            [
                row.cardholder,
                row.employee_id,
                masked_card(row.card_last4),
                row.lines,
                _cell(summary, row.card_total, CURRENCY),
                row.matched_lines,
                _cell(summary, row.matched_total, CURRENCY),
                _cell(summary, row.unmatched_total, CURRENCY),
            ]
        )
    ws = wb.create_sheet("Transactions")
    _header(ws, TRANSACTION_COLUMNS)
    for line in lines:
        ws.append(
            [
                line.cardholder,
                line.employee_id,
                masked_card(line.card_last4),
                _cell(ws, line.transaction_date, DATE),
                _cell(ws, line.posted_date, DATE),
                line.reference,
                line.merchant,
                line.category,
                _cell(ws, line.amount, CURRENCY),
                line.status,
                line.receipt_file,
                line.receipt_vendor,
                _cell(ws, line.receipt_date, DATE),
                _cell(ws, line.receipt_amount, CURRENCY),
                line.confidence,
                line.reasons,
            ]
        )
    wb.save(out)
    return len(lines)
