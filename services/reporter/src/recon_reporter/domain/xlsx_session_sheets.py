"""The workbook's sheets built from the session rather than the streamed lines: receipts, expense entries, the
review log and the files."""

from __future__ import annotations

from openpyxl import Workbook

from recon_reporter.domain.report_rows import ReportSession
from recon_reporter.domain.xlsx_sheet import CURRENCY, DATE, DATETIME, Sheet

FAILED_FILE_FILL = "EF9A9A"
WARNING_FILL = "FFF4CC"


def receipts_sheet(wb: Workbook, session: ReportSession) -> None:
    sheet = Sheet(
        wb,
        "Receipts",
        (
            ("File", 30, None),
            ("Vendor", 26, None),
            ("Date", 14, DATE),
            ("Amount", 14, CURRENCY),
            ("Matched Line", 14, None),
            ("Source File", 30, None),
        ),
    )
    sheet.header()
    for r in session.receipts:
        sheet.append([r.file_name, r.vendor, r.date, r.amount, r.matched_reference, r.source_file])
    sheet.filter()


def entries_sheet(wb: Workbook, session: ReportSession) -> None:
    sheet = Sheet(
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
            ("Purpose", 40, None),
            ("Source File", 30, None),
        ),
    )
    sheet.header()
    for e in session.entries:
        sheet.append(
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
                e.purpose,
                e.source_file,
            ]
        )
    sheet.filter()


def review_log_sheet(wb: Workbook, session: ReportSession) -> None:
    sheet = Sheet(
        wb,
        "Review log",
        (
            ("When", 18, DATETIME),
            ("Who", 20, None),
            ("Action", 24, None),
            ("Line or Name", 50, None),
            ("Decision", 70, None),
            ("Before", 50, None),
        ),
    )
    sheet.header()
    for a in session.audit:
        sheet.append([a.at, a.actor, a.action, a.subject, a.decision, a.before])
    sheet.filter()


def files_sheet(wb: Workbook, session: ReportSession) -> None:
    sheet = Sheet(
        wb,
        "Files",
        (("File", 40, None), ("Kind", 16, None), ("Pages", 8, None), ("Status", 12, None), ("Note", 110, None)),
    )
    sheet.header()
    for f in session.files:
        fill = FAILED_FILE_FILL if f.status == "failed" else WARNING_FILL if f.note else None
        sheet.append([f.file, f.kind, f.pages, f.status, f.note], fill=fill)
    sheet.filter()
