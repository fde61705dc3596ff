"""The XLSX report in openpyxl's write-only mode: lines stream through once, memory stays flat.

Sheets, in this order: Summary (session, totals, per-cardholder table: incomplete cardholders first, then by
name, flags in words, whether the AP import takes them), Exceptions (every non-complete line, colour-coded),
Transactions (every line with its match and outcome), Receipts and Expense entries (only the current expense
report's, each with its source file), Review log (in words), Files (each upload's outcome and every warning to
check: integrity mismatches, pages read by OCR, rows not understood). Every sheet has a filter on its header.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from openpyxl import Workbook
from openpyxl.styles import Font

from recon_reporter.domain.report_rows import IMPORTED, OUTCOME_WORDS, ReportLine, ReportSession, masked_card
from recon_reporter.domain.xlsx_session_sheets import entries_sheet, files_sheet, receipts_sheet, review_log_sheet
from recon_reporter.domain.xlsx_sheet import CURRENCY, DATE, DATETIME, Columns, Sheet

STATUS_FILLS = {
    "missing_receipt": "FFF4CC",
    "missing_coding": "FFE0B2",
    "missing_both": "FFCDD2",
    "missing_all_receipts": "EF9A9A",
}

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
    ("Outcome", 14, None),
    ("Decided By", 16, None),
    ("Decided At", 18, DATETIME),
    ("Outcome Reason", 80, None),
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
    ("AP Import", 50, None),
)


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
        OUTCOME_WORDS.get(line.outcome, line.outcome),
        line.outcome_by or ("matcher" if line.outcome == "auto_matched" else None),
        # A person's decision has a moment worth showing; the matcher's is merely the latest run.
        line.outcome_at.replace(tzinfo=None) if line.outcome_by and line.outcome_at else None,
        line.outcome_reason,
    ]


def _summary(wb: Workbook, session: ReportSession, lines: int, exceptions: int) -> None:
    sheet = Sheet(wb, "Summary", SUMMARY_COLUMNS, header_row=9)
    bold = Font(bold=True)
    sheet.append(["Session", session.name or session.id], font=bold)
    period = f"{session.period_start} to {session.period_end}" if session.period_start else "unknown"
    sheet.append(["Statement period", period])
    sheet.append(["Created", session.created_at.replace(tzinfo=None).isoformat(timespec="minutes")])
    sheet.append(["Card lines", lines])
    sheet.append(["Exceptions", exceptions])
    complete = sum(1 for c in session.cardholders if c.complete)
    sheet.append(["Cardholders complete", f"{complete} of {len(session.cardholders)}"])
    imported = sum(1 for v in session.ap_verdicts.values() if v == IMPORTED)
    sheet.append(["AP import", f"{imported} of {len(session.ap_verdicts)} cardholders"])
    sheet.append([])
    sheet.header()
    # The people a reviewer must chase come first; within each group, alphabetical.
    for c in sorted(session.cardholders, key=lambda c: (c.complete, c.cardholder)):
        sheet.append(
            [
                c.cardholder,
                c.employee_id,
                masked_card(c.card_last4),
                c.card_total,
                c.receipt_total,
                c.receipt_count,
                c.missing_receipt_amount,
                c.flag_words,
                "yes" if c.complete else "no",
                session.ap_verdicts.get(c.cardholder, "not in the AP import"),
            ]
        )
    sheet.filter()
    if session.ap_left_out:
        sheet.append([])
        sheet.append(["Left out of the AP import, to code by hand"], font=bold)
        for note in session.ap_left_out:
            sheet.append([note])


def write_xlsx(session: ReportSession, lines: Iterable[ReportLine], out: IO[bytes]) -> int:
    """Write the workbook; `lines` (ordered by cardholder, then date) are consumed once. Returns their count."""
    wb = Workbook(write_only=True)
    # Summary comes first in the workbook but its counts are known only after the lines streamed through,
    # so the line sheets are filled first and Summary is moved to the front afterwards.
    exceptions = Sheet(wb, "Exceptions", LINE_COLUMNS)
    transactions = Sheet(wb, "Transactions", LINE_COLUMNS)
    exceptions.header()
    transactions.header()
    for line in lines:
        values = line_values(line)
        transactions.append(values)
        if line.is_exception or line.review:
            exceptions.append(values, fill=STATUS_FILLS.get(line.line_status or ""))
    exceptions.filter()
    transactions.filter()
    receipts_sheet(wb, session)
    entries_sheet(wb, session)
    review_log_sheet(wb, session)
    files_sheet(wb, session)
    _summary(wb, session, transactions.rows - 1, exceptions.rows - 1)
    wb.move_sheet("Summary", offset=-(len(wb.sheetnames) - 1))
    wb.save(out)
    return transactions.rows - 1
