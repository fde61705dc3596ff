"""The CSV report: one row per card line with its match, the same columns as the XLSX Transactions sheet.

Text cells are made safe (`safe_cells.csv_cell`: no live formula, no control character); amounts and dates
are written as the reporter formats them.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import IO, Any

from recon_reporter.domain.report_rows import ReportLine, money
from recon_reporter.domain.safe_cells import csv_cell
from recon_reporter.domain.xlsx_report import LINE_COLUMNS, line_values

CSV_COLUMNS = tuple(title for title, _, _ in LINE_COLUMNS)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return money(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:.2f}"
    return csv_cell(str(value))


def write_csv(lines: Iterable[ReportLine], out: IO[str]) -> int:
    """Write the rows (open `out` with newline=""); amounts as plain decimals, dates ISO. Returns the row count."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for line in lines:
        writer.writerow([_text(value) for value in line_values(line)])
        count += 1
    return count
