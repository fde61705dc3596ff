"""`recon extract expense-report FILE --json`: an expense report (PDF, CSV or XLSX) as the issue-4 JSON shape."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from recon_extractor.expense_reports.model import ExpenseEntry, ExpenseReport
from recon_extractor.expense_reports.pdf_report import ReadImage, parse_expense_report
from recon_extractor.expense_reports.tabular import parse_expense_table

from recon_cli.json_output import dumps

TABLE_SUFFIXES = (".csv", ".xlsx")


def _entry(entry: ExpenseEntry) -> dict[str, Any]:
    fields = {
        f: getattr(entry, f)
        for f in (
            "employee",
            "expense_type",
            "date",
            "amount",
            "purpose",
            "merchant",
            "address",
            "gl_account",
            "job",
            "phase",
            "cost_type",
        )
    }
    fields["attachments"] = [
        {
            "page": a.page,
            "sha256": a.sha256,
            "receipt": a.receipt,
        }
        for a in entry.attachments
    ]
    return fields


def parse_expense_file(path: Path, read_image: ReadImage | None = None) -> ExpenseReport:
    """An expense report from its file: a CSV/XLSX export by column mapping, else the PDF layout."""
    if path.suffix.lower() in TABLE_SUFFIXES:
        return parse_expense_table(path)
    return parse_expense_report(path, read_image=read_image)


def expense_report_json(report: ExpenseReport) -> dict[str, Any]:
    return {"entries": [_entry(e) for e in report.entries], "warnings": list(report.warnings)}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("expense-report", help="extract an expense report (PDF, CSV or XLSX)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    path: Path = args.file
    print(dumps(expense_report_json(parse_expense_file(path))))
    return 0
