"""The CSV report: one row per card line with its match."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO

from recon_reporter.domain.report_rows import ReportLine, masked_card, money

CSV_COLUMNS = (
    "Cardholder",
    "Employee ID",
    "Card",
    "Transaction Date",
    "Posted Date",
    "Reference",
    "Merchant",
    "Category",
    "Amount",
    "Status",
    "Receipt File",
    "Receipt Vendor",
    "Receipt Date",
    "Receipt Amount",
    "Confidence",
    "Reasons",
)


def write_csv(lines: Iterable[ReportLine], out: IO[str]) -> int:
    """Write the rows; amounts as plain decimals, dates ISO. Returns the number of rows."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    count = 0
    for line in lines:
        writer.writerow(
            [
                line.cardholder,
                line.employee_id or "",
                masked_card(line.card_last4),
                line.transaction_date.isoformat(),
                line.posted_date.isoformat() if line.posted_date else "",
                line.reference or "",
                line.merchant,
                line.category or "",
                money(line.amount),
                line.status,
                line.receipt_file or "",
                line.receipt_vendor or "",
                line.receipt_date.isoformat() if line.receipt_date else "",
                money(line.receipt_amount),
                "" if line.confidence is None else f"{line.confidence:.2f}",
                line.reasons,
            ]
        )
        count += 1
    return count
