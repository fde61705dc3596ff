"""The XLSX report in openpyxl's write-only mode: lines stream through once, memory stays flat.

Sheets: Summary (session, totals, per-cardholder table), Exceptions (every non-complete line, colour-coded),
Transactions (every line with its match), Receipts, Expense entries, Review log, Files (each upload's
outcome and every warning to check: integrity mismatches, pages read by OCR, rows not understood).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter

from recon_reporter.domain.report_rows import ReportLine, ReportSession, masked_card

CURRENCY = '"$"#,##0.00;[Red]-"$"#,##0.00'
DATE = "yyyy-mm-dd"
DATETIME = "yyyy-mm-dd hh:mm"
STATUS_FILLS = {
    "missing_receipt": "FFF4CC",
    "missing_coding": "FFE0B2",
    "missing_both": "FFCDD2",
    "missing_all_receipts": "EF9A9A",
}
FAILED_FILE_FILL = "EF9A9A"
WARNING_FILL = "FFF4CC"
Columns = Sequence[tuple[str, int, str | None]]  # title, width, number format

LINE_COLUMNS: Columns = (
    ("Cardholder", 24, None),
    ("Employee ID", 12, None),
    ("Card", 22, None),
    ("Transaction Date", 14, DATE),
    ("Posted Date", 14, DATE),
    ("Reference", 12, None),
    ("Merchant", 28, None),
    ("Category", 16, None),
    ("Amount", 14, CURRENCY),
    ("Status", 20, None),
    ("Needs Review", 12, None),
    ("Expense Type", 18, None),
    ("GL Account", 12, None),
    ("Job", 10, None),
    ("Phase", 8, None),
    ("Cost Type", 10, None),
    ("Receipt File", 28, None),
    ("Receipt Vendor", 24, None),
    ("Receipt Date", 14, DATE),
    ("Receipt Amount", 14, CURRENCY),
    ("Confidence", 11, "0.00"),
    ("Reasons", 60, None),
    ("Read By", 10, None),
)
SUMMARY_COLUMNS: Columns = (
    ("Cardholder", 24, None),
    ("Employee ID", 12, None),
    ("Card", 22, None),
    ("Card Total", 14, CURRENCY),
    ("Receipt Total", 14, CURRENCY),
    ("Receipts", 10, None),
    ("Missing Receipt Amount", 22, CURRENCY),
    ("Flags", 40, None),
    ("Complete", 10, None),
)


class _Sheet:
    """A write-only sheet with a bold frozen header, widths and per-column number formats."""

    def __init__(self, wb: Workbook, title: str, columns: Columns, *, header_row: int = 1) -> None:
        self.ws: Any = wb.create_sheet(title)
        self.columns = columns
        for index, (_, width, _) in enumerate(columns, start=1):
            self.ws.column_dimensions[get_column_letter(index)].width = width
        self.ws.freeze_panes = f"A{header_row + 1}"
        self.rows = 0
        self._templates: dict[tuple[str | None, str | None, Font | None], Any] = {}

    def header(self) -> None:
        self.append([title for title, _, _ in self.columns], font=Font(bold=True))

    def append(self, values: Sequence[Any], *, fill: str | None = None, font: Font | None = None) -> None:
        """Append a row; only cells that need a style become cell objects (plain values are much faster)."""
        row: list[Any] = []
        for index, value in enumerate(values):
            if isinstance(value, Decimal):
                value = float(value)
            fmt = self.columns[index][2] if index < len(self.columns) and value is not None else None
            if fmt is None and fill is None and font is None:
                row.append(value)
                continue
            cell = WriteOnlyCell(self.ws, value=value)
            # Assigning a style looks it up in the workbook's registry on every cell; copying the style
            # array of a template cell styled once is the same result at a fraction of the cost.
            cell._style = copy(self._template(fmt, fill, font)._style)  # type: ignore[attr-defined]
            row.append(cell)
        self.ws.append(row)
        self.rows += 1

    def _template(self, fmt: str | None, fill: str | None, font: Font | None) -> Any:
        key = (fmt, fill, font)
        if key not in self._templates:
            cell = WriteOnlyCell(self.ws)
            if fmt:
                cell.number_format = fmt
            if fill:
                cell.fill = PatternFill("solid", fgColor=fill)
            if font:
                cell.font = font
            self._templates[key] = cell
        return self._templates[key]


def line_values(line: ReportLine) -> list[Any]:
    return [
        line.cardholder,
        line.employee_id,
        masked_card(line.card_last4),
        line.transaction_date,
        line.posted_date,
        line.reference,
        line.merchant,
        line.category,
        line.amount,
        line.status_label,
        "yes" if line.review else "",
        line.expense_type,
        line.gl_account,
        line.job,
        line.phase,
        line.cost_type,
        line.receipt_file,
        line.receipt_vendor,
        line.receipt_date,
        line.receipt_amount,
        line.confidence,
        line.reasons,
        "OCR" if line.read_by == "ocr" else "text",
    ]


def _summary(wb: Workbook, session: ReportSession, lines: int, exceptions: int) -> None:
    sheet = _Sheet(wb, "Summary", SUMMARY_COLUMNS, header_row=8)
    bold = Font(bold=True)
    sheet.append(["Session", session.name or session.id], font=bold)
    period = f"{session.period_start} to {session.period_end}" if session.period_start else "unknown"
    sheet.append(["Statement period", period])
    sheet.append(["Created", session.created_at.replace(tzinfo=None).isoformat(timespec="minutes")])
    sheet.append(["Card lines", lines])
    sheet.append(["Exceptions", exceptions])
    complete = sum(1 for c in session.cardholders if c.complete)
    sheet.append(["Cardholders complete", f"{complete} of {len(session.cardholders)}"])
    sheet.append([])
    sheet.header()
    for c in session.cardholders:
        sheet.append(
            [
                c.cardholder,
                c.employee_id,
                masked_card(c.card_last4),
                c.card_total,
                c.receipt_total,
                c.receipt_count,
                c.missing_receipt_amount,
                ", ".join(c.flags),
                "yes" if c.complete else "no",
            ]
        )


def write_xlsx(session: ReportSession, lines: Iterable[ReportLine], out: IO[bytes]) -> int:
    """Write the workbook; `lines` (ordered by cardholder, then date) are consumed once. Returns their count."""
    wb = Workbook(write_only=True)
    # Summary comes first in the workbook but its counts are known only after the lines streamed through,
    # so the line sheets are filled first and Summary is moved to the front afterwards.
    exceptions = _Sheet(wb, "Exceptions", LINE_COLUMNS)
    transactions = _Sheet(wb, "Transactions", LINE_COLUMNS)
    exceptions.header()
    transactions.header()
    for line in lines:
        values = line_values(line)
        transactions.append(values)
        if line.is_exception or line.review:
            exceptions.append(values, fill=STATUS_FILLS.get(line.line_status or ""))
    receipts = _Sheet(
        wb,
        "Receipts",
        (
            ("File", 30, None),
            ("Vendor", 26, None),
            ("Date", 14, DATE),
            ("Amount", 14, CURRENCY),
            ("Matched Line", 14, None),
        ),
    )
    receipts.header()
    for r in session.receipts:
        receipts.append([r.file_name, r.vendor, r.date, r.amount, r.matched_reference])
    entries = _Sheet(
        wb,
        "Expense entries",
        (
            ("Employee", 24, None),
            ("Expense Type", 18, None),
            ("Date", 14, DATE),
            ("Amount", 14, '"$"#,##0.00##'),
            ("GL Account", 12, None),
            ("Job", 10, None),
            ("Phase", 8, None),
            ("Cost Type", 10, None),
            ("Receipts", 9, None),
            ("Matched Line", 14, None),
        ),
    )
    entries.header()
    for e in session.entries:
        entries.append(
            [
                e.employee,
                e.expense_type,
                e.date,
                e.amount,
                e.gl_account,
                e.job,
                e.phase,
                e.cost_type,
                e.receipts,
                e.matched_reference,
            ]
        )
    log = _Sheet(
        wb,
        "Review log",
        (
            ("When", 18, DATETIME),
            ("Who", 20, None),
            ("Action", 18, None),
            ("Target", 38, None),
            ("Before", 50, None),
            ("After", 50, None),
        ),
    )
    log.header()
    for a in session.audit:
        log.append(
            [
                a.at.replace(tzinfo=None),
                a.actor,
                a.action,
                a.target,
                json.dumps(a.before, sort_keys=True) if a.before else "",
                json.dumps(a.after, sort_keys=True) if a.after else "",
            ]
        )
    files = _Sheet(
        wb,
        "Files",
        (("File", 40, None), ("Kind", 16, None), ("Pages", 8, None), ("Status", 12, None), ("Note", 110, None)),
    )
    files.header()
    for f in session.files:
        fill = FAILED_FILE_FILL if f.status == "failed" else WARNING_FILL if f.note else None
        files.append([f.file, f.kind, f.pages, f.status, f.note], fill=fill)
    _summary(wb, session, transactions.rows - 1, exceptions.rows - 1)
    wb.move_sheet("Summary", offset=-(len(wb.sheetnames) - 1))
    wb.save(out)
    return transactions.rows - 1
