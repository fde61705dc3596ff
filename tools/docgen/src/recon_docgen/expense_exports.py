"""The same entries as the expense system's CSV and XLSX exports (one row per entry, no images)."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from recon_docgen.expense_report import GenExpenseEntry

HEADERS = (
    "Employee Name",
    "Expense Type",
    "Transaction Date",
    "Amount",
    "Business Purpose",
    "Vendor",
    "Vendor Address",
    "GL Account",
    "Job Number",
    "Phase",
    "Cost Type",
)


def _row(e: GenExpenseEntry) -> list[str]:
    coding = (e.gl_account, e.job, e.phase, e.cost_type)
    return [e.employee, e.expense_type, f"{e.date:%m/%d/%Y}", str(e.amount), e.purpose, e.merchant, e.address] + [
        c or "" for c in coding
    ]


def write_expense_csv(
    entries: Sequence[GenExpenseEntry], out: str | Path, *, delimiter: str = ",", bom: bool = False
) -> None:
    """UTF-8 CSV (with a byte-order mark when `bom`, as Excel-minded systems write it); amounts as `-12.34`."""
    with Path(out).open("w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter)
        writer.writerow(HEADERS)
        writer.writerows(_row(e) for e in entries)


def write_expense_xlsx(entries: Sequence[GenExpenseEntry], out: str | Path, *, title_rows: bool = False) -> None:
    """One sheet; dates as date cells, amounts as numbers, coding as text (keeps leading zeros).

    `title_rows` puts a report title and a blank row above the header, as many exports do.
    """
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Expenses")
    if title_rows:
        ws.append(["Expense Export"])
        ws.append([])
    ws.append(list(HEADERS))
    for e in entries:
        when = WriteOnlyCell(ws, value=e.date)
        when.number_format = "mm/dd/yyyy"
        amount = WriteOnlyCell(ws, value=e.amount)
        amount.number_format = "#,##0.00##"
        coding = [c or None for c in (e.gl_account, e.job, e.phase, e.cost_type)]
        ws.append([e.employee, e.expense_type, when, amount, e.purpose, e.merchant, e.address, *coding])
    wb.save(str(out))
