"""`recon reconcile --statement S.pdf --expenses E.pdf|E.csv [--receipts R ...] --json [--xlsx OUT]`.

Extraction and matching in-process, with the matcher service's own core; prints the issue-5 JSON shape.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from recon_extractor.ocr.service import LazyOcr
from recon_matcher.domain.reconcile import reconcile
from recon_matcher.domain.result_json import reconciliation_to_json
from recon_matcher.domain.results import Reconciliation
from recon_reporter.domain.report_rows import CardholderSummary, ReportLine, ReportSession
from recon_reporter.domain.xlsx_report import write_xlsx

from recon_cli.embedded_sides import Sides, read_sides
from recon_cli.json_output import dumps


def issue_shape(run: Reconciliation) -> dict[str, Any]:
    """The stable JSON: entry ids are the expense report's entry numbers (ints)."""
    document = reconciliation_to_json(run)
    for line in document["lines"]:
        if line["match"] is not None and line["match"]["entry"] is not None:
            line["match"]["entry"] = int(line["match"]["entry"])
    return document


def _report_lines(sides: Sides, run: Reconciliation) -> list[ReportLine]:
    by_id = {line.id: line for line in sides.lines}
    out = []
    for result in run.lines:
        card = by_id[result.line_id]
        m = result.match
        out.append(
            ReportLine(
                cardholder=card.cardholder,
                employee_id=card.employee_id,
                card_last4=card.card_last4,
                transaction_date=card.transaction_date,
                posted_date=card.posted_date,
                reference=card.reference,
                merchant=card.merchant,
                category=card.category,
                amount=card.amount,
                status="matched" if m else "unmatched",
                receipt_file=m.receipt_id if m else None,
                receipt_vendor=None,
                receipt_date=None,
                receipt_amount=None,
                confidence=m.confidence if m else None,
                reasons="; ".join(m.reasons) if m else "",
                line_status=result.status,
                review=result.review,
                outcome=result.outcome.kind,
                outcome_by=result.outcome.by,
                outcome_at=result.outcome.at,
                outcome_reason=result.outcome.reason,
            )
        )
    return sorted(out, key=lambda line: (line.cardholder, line.transaction_date))


def _write_xlsx(path: Path, sides: Sides, run: Reconciliation) -> None:
    last4 = {line.cardholder: line.card_last4 for line in sides.lines}
    session = ReportSession(
        id=path.stem,
        name=path.stem,
        created_at=datetime.now(UTC),
        period_start=sides.statement.period_start,
        period_end=sides.statement.period_end,
        cardholders=tuple(
            CardholderSummary(
                c.name,
                c.employee_id,
                last4.get(c.name),
                c.card_total,
                c.receipt_total,
                c.receipt_count,
                c.missing_receipt_amount,
                tuple(c.flags),
                c.complete,
            )
            for c in run.cardholders
        ),
    )
    with path.open("wb") as out:
        write_xlsx(session, _report_lines(sides, run), out)


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("reconcile", help="extract and match in-process (no Kafka, no database)")
    parser.add_argument("--statement", type=Path, required=True)
    parser.add_argument("--expenses", type=Path)
    parser.add_argument("--receipts", type=Path, nargs="*", default=[])
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.add_argument("--xlsx", type=Path, help="also write the Excel report here")
    parser.add_argument(
        "--read-attachments", action="store_true", help="OCR the expense report's receipt images too (slow)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ocr = LazyOcr()
    try:
        sides = read_sides(
            args.statement, args.expenses, args.receipts, ocr=ocr.read, read_attachments=args.read_attachments
        )
    finally:
        ocr.close()
    result = reconcile(sides.lines, sides.entries, sides.receipts)
    print(dumps(issue_shape(result)))
    if args.xlsx:
        _write_xlsx(args.xlsx, sides, result)
    return 0
