"""`recon extract statement FILE --json`: any card statement (WEX, a built-in issuer layout, or the generic
fallback) as the issue-3 JSON shape, plus `findings`: what the reader could not account for (rows not read,
printed totals the lines contradict). A scanned statement is read by OCR (started only when a page has no
text), and says so in its warnings."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from recon_contracts.card_numbers import mask_card_numbers
from recon_extractor.ocr.pool import OcrSettings
from recon_extractor.ocr.service import LazyOcr
from recon_extractor.statements.model import CardLine, Statement
from recon_extractor.statements.reader import read_statement

from recon_cli.json_output import dumps


def _line(line: CardLine) -> dict[str, Any]:
    return {
        "transaction_date": line.transaction_date,
        "posted_date": line.posted_date,
        "reference": line.reference,
        "merchant": line.merchant,
        "city": line.city,
        "state": line.state,
        "category": line.category,
        "description": line.description,
        "amount": line.amount,
        "currency": line.currency,
        "foreign": (
            {"amount": line.foreign.amount, "currency": line.foreign.currency, "rate": line.foreign.rate}
            if line.foreign
            else None
        ),
        "items": [
            {
                "description": item.description,
                "ppu": item.ppu,
                "quantity": item.quantity,
                "gross": item.gross,
                "discount": item.discount,
                "net": item.net,
            }
            for item in line.items
        ],
    }


def statement_json(statement: Statement) -> dict[str, Any]:
    return {
        "issuer": statement.issuer,
        "period": {"start": statement.period_start, "end": statement.period_end},
        "account": statement.account,
        "cardholders": [
            {
                "name": holder.name,
                "employee_id": holder.employee_id,
                "card_last4": holder.card_last4,
                "lines": [_line(line) for line in holder.lines],
            }
            for holder in statement.cardholders
        ],
        "totals": statement.totals,
        "warnings": [mask_card_numbers(w) for w in statement.warnings],
        "findings": [
            {"kind": f.kind, "message": mask_card_numbers(f.message), "page": f.page} for f in statement.findings
        ],
    }


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("statement", help="extract a card statement")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.add_argument("--no-ocr", action="store_true", help="text layers only: a scanned statement is an error")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    ocr = LazyOcr(OcrSettings(ocr_workers=1))
    try:
        statement = read_statement(args.file, ocr=None if args.no_ocr else ocr.read)
    finally:
        ocr.close()
    print(dumps(statement_json(statement)))
    return 0
