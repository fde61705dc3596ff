from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from openpyxl import load_workbook
from recon_reporter.domain.csv_report import CSV_COLUMNS, write_csv
from recon_reporter.domain.report_rows import (
    AuditLine,
    CardholderSummary,
    EntryLine,
    FileNote,
    ReceiptLine,
    ReportLine,
    ReportSession,
    completion_message,
)
from recon_reporter.domain.xlsx_report import write_xlsx


def _line(holder: str, amount: str, status: str, ref: str) -> ReportLine:
    matched = status == "complete"
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
        status="matched" if matched else "unmatched",
        receipt_file="r.pdf" if matched else None,
        receipt_vendor=None,
        receipt_date=None,
        receipt_amount=Decimal(amount) if matched else None,
        confidence=1.0 if matched else 0.0,
        reasons="amount exact",
        line_status=status,
        gl_account="6100" if matched else None,
        outcome="auto_matched" if matched else "unmatched",
        outcome_at=datetime(2025, 4, 1, 8, 0, tzinfo=UTC),
        outcome_reason="entry of William Burt, 2025-03-04, $36.66, Fuel" if matched else "no expense entry matched",
    )


LINES = [
    _line("GEAUXPASS", "1234.50", "missing_all_receipts", "000127741"),
    _line("WILLIAMBURT", "36.66", "complete", "000127739"),
    replace(_line("WILLIAMBURT", "-0.45", "credit", "000127740"), read_by="ocr"),
    _line("WILLIAMBURT", "12.00", "missing_receipt", "000127742"),
]
SESSION = ReportSession(
    id="s1",
    name="March 2025",
    created_at=datetime(2025, 4, 1, tzinfo=UTC),
    period_start=date(2025, 3, 1),
    period_end=date(2025, 3, 31),
    cardholders=(
        CardholderSummary(
            "ZACHARYCOMPLETE",
            "111111",
            "0101",
            Decimal("5.00"),
            Decimal("5.00"),
            1,
            Decimal("0.00"),
            (),
            True,
        ),
        CardholderSummary(
            "GEAUXPASS",
            None,
            "0099",
            Decimal("1234.50"),
            Decimal(0),
            0,
            Decimal("1234.50"),
            ("missing_all_receipts",),
            False,
        ),
        CardholderSummary(
            "WILLIAMBURT",
            "960904",
            "0028",
            Decimal("48.21"),
            Decimal("36.66"),
            1,
            Decimal("12.00"),
            ("missing_receipt", "missing_coding_info"),
            False,
        ),
    ),
    receipts=(ReceiptLine("r.pdf", "Shell", date(2025, 3, 4), Decimal("36.66"), "000127739", "r.pdf"),),
    entries=(
        EntryLine(
            "William Burt",
            "Fuel",
            date(2025, 3, 4),
            Decimal("36.6600"),
            "6100",
            "24-118",
            "100",
            "M",
            1,
            "000127739",
            purpose="Fuel for truck 12",
            source_file="expenses-v2.pdf",
        ),
    ),
    audit=(
        AuditLine(
            datetime(2025, 4, 2, 9, 30),
            "ana",
            "approved",
            "line 000127739 (SHELL OIL, $36.66)",
            "entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12",
            "Missing Receipt",
        ),
    ),
    ap_verdicts={"WILLIAMBURT": "kept out: 1 line(s) not complete", "ZACHARYCOMPLETE": "imported"},
    files=(
        FileNote("march.pdf", "statement", 178, "extracted", "cardholder X: lines add up to $10.00 vs printed $12.00"),
        FileNote("r.pdf", "receipt", 1, "extracted", ""),
        FileNote("broken.pdf", None, None, "failed", "broken.pdf: the PDF is damaged and cannot be read"),
    ),
)


def test_xlsx_sheets_numbers_dates_and_exceptions() -> None:
    out = io.BytesIO()
    assert write_xlsx(SESSION, iter(LINES), out) == 4
    wb = load_workbook(io.BytesIO(out.getvalue()))
    assert wb.sheetnames == [
        "Summary",
        "Exceptions",
        "Transactions",
        "Receipts",
        "Expense entries",
        "Review log",
        "Files",
    ]
    tx = wb["Transactions"]
    rows = list(tx.iter_rows(values_only=True))
    assert rows[0][0] == "Cardholder" and len(rows) == 5
    assert rows[0][22:] == ("Read By", "Outcome", "Decided By", "Decided At", "Outcome Reason")
    assert [r[22] for r in rows[1:]] == ["text", "text", "OCR", "text"]
    assert rows[2][23:] == (
        "Auto-matched",
        "matcher",
        None,
        "entry of William Burt, 2025-03-04, $36.66, Fuel",
    )
    assert rows[1][23:25] == ("Unmatched", None)
    assert [r[8] for r in rows[1:]] == [1234.5, 36.66, -0.45, 12.0]
    assert rows[1][2] == "XXXX-XXXX-XXXX-0028" and rows[1][3] == datetime(2025, 3, 4)
    assert [r[9] for r in rows[1:]] == ["Missing All Receipts", "Complete", "Credit", "Missing Receipt"]
    assert tx.freeze_panes == "A2" and tx["I2"].number_format.startswith('"$"#,##0.00')
    exceptions = list(wb["Exceptions"].iter_rows(values_only=True))[1:]
    assert [r[5] for r in exceptions] == ["000127741", "000127742"]
    assert wb["Exceptions"]["A2"].fill.fgColor.rgb.endswith("EF9A9A")
    summary = list(wb["Summary"].iter_rows(values_only=True))
    assert summary[0][:2] == ("Session", "March 2025")
    assert summary[4][:2] == ("Exceptions", 2)
    assert summary[6][:2] == ("AP import", "1 of 2 cardholders")
    assert summary[8][9] == "AP Import"
    # Incomplete cardholders first, then by name; flags in words; whether the AP import takes them.
    assert [row[0] for row in summary[9:]] == ["GEAUXPASS", "WILLIAMBURT", "ZACHARYCOMPLETE"]
    assert summary[9][:10] == (
        "GEAUXPASS",
        None,
        "XXXX-XXXX-XXXX-0099",
        1234.5,
        0,
        0,
        1234.5,
        "no expense report entries",
        "no",
        "not in the AP import",
    )
    assert summary[10][7:] == ("receipts missing, coding missing", "no", "kept out: 1 line(s) not complete")
    assert summary[11][8:] == ("yes", "imported")
    assert list(wb["Review log"].iter_rows(values_only=True))[1] == (
        datetime(2025, 4, 2, 9, 30),
        "ana",
        "approved",
        "line 000127739 (SHELL OIL, $36.66)",
        "entry of William Burt, 2025-03-04, $36.66, Fuel for truck 12",
        "Missing Receipt",
    )
    assert list(wb["Receipts"].iter_rows(values_only=True))[1][4:] == ("000127739", "r.pdf")
    entries = list(wb["Expense entries"].iter_rows(values_only=True))
    assert entries[0][-2:] == ("Purpose", "Source File")
    assert entries[1][-2:] == ("Fuel for truck 12", "expenses-v2.pdf")
    filters = {name: wb[name].auto_filter.ref for name in wb.sheetnames}
    assert filters == {
        "Summary": "A9:J12",
        "Exceptions": "A1:AA3",
        "Transactions": "A1:AA5",
        "Receipts": "A1:F2",
        "Expense entries": "A1:L2",
        "Review log": "A1:F2",
        "Files": "A1:E4",
    }
    files = list(wb["Files"].iter_rows(values_only=True))
    assert files[0] == ("File", "Kind", "Pages", "Status", "Note")
    assert files[1] == ("march.pdf", "statement", 178, "extracted", SESSION.files[0].note)
    assert [wb["Files"][f"A{n}"].fill.fgColor.rgb[-6:] for n in (2, 3, 4)] == ["FFF4CC", "000000", "EF9A9A"]


def test_csv_is_crlf_with_plain_amounts() -> None:
    out = io.StringIO(newline="")
    assert write_csv(LINES, out) == 4
    text = out.getvalue()
    assert text.count("\r\n") == 5 and "\r\r" not in text
    header, first, second = text.split("\r\n")[:3]
    assert header.split(",") == list(CSV_COLUMNS)
    assert ",1234.50,Missing All Receipts," in first and "2025-03-04" in first
    assert ",36.66,Complete," in second
    assert "556735" not in text


def test_the_completion_message_points_at_files_to_check() -> None:
    assert (
        completion_message(replace(SESSION, files=(), ap_verdicts={}), 4, 1) == "reports ready: 4 card lines, 1 matched"
    )
    assert completion_message(SESSION, 4, 1) == (
        "reports ready: 4 card lines, 1 matched; AP import: 1 of 2 cardholders; 1 file(s) could not be read; "
        "1 file(s) with warnings to check (Files sheet)"
    )
    unknown = replace(
        SESSION,
        files=(),
        ap_verdicts={"ANA": "kept out: card network unknown (card number starting 7)"},
        ap_left_out=("ANA: line 4 (SHELL, -$5.00): credit to code by hand",),
    )
    assert completion_message(unknown, 4, 1) == (
        "reports ready: 4 card lines, 1 matched; AP import: 0 of 1 cardholders; "
        "1 cardholder(s) kept out of it: card network unknown (Summary); "
        "1 line(s) left out of the AP import to code by hand (Summary)"
    )


def test_flags_in_words_say_why_a_cardholder_without_gaps_is_incomplete() -> None:
    reviewed = replace(SESSION.cardholders[0], flags=(), complete=False)
    assert reviewed.flag_words == "lines awaiting review"
    assert SESSION.cardholders[0].flag_words == ""
    assert SESSION.cardholders[2].flag_words == "receipts missing, coding missing"
