"""`recon extract receipt FILE --json`: a receipt (PDF, JPEG, PNG, HEIC) as the issue-4 JSON shape.

The issue's keys, plus `payment_method` and `date_ambiguous` (the day/month order was not decided by the
document). A file holding several receipts (a scanned batch, one per page) prints the first one's
fields at the top and every receipt, with its page, under `receipts`. OCR starts (one worker process,
models loaded once) only when a page or image needs it.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from recon_extractor.ocr.pool import OcrSettings
from recon_extractor.ocr.service import LazyOcr
from recon_extractor.receipts.read import read_receipt
from recon_extractor.receipts.text import ReceiptFields

from recon_cli.json_output import dumps

AMOUNTS = ("total", "subtotal", "tax", "tip")


def receipt_json(fields: ReceiptFields) -> dict[str, Any]:
    """The issue-4 receipt shape: amounts as strings, the date ISO, every confidence in 0..1."""
    return {
        "vendor": fields.vendor,
        "vendor_raw": fields.vendor_raw,
        "date": fields.date.isoformat() if fields.date else None,
        **{name: str(getattr(fields, name)) if getattr(fields, name) is not None else None for name in AMOUNTS},
        "currency": fields.currency,
        "card_last4": fields.card_last4,
        "payment_method": fields.payment_method,
        "date_ambiguous": fields.date_ambiguous,
        "confidence": dict(fields.confidence),
    }


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("receipt", help="extract a receipt (PDF, JPEG, PNG, HEIC)")
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print JSON (the only output format)")
    parser.add_argument("--no-ocr", action="store_true", help="text layers only: a scan or photo is an error")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    data = Path(args.file).read_bytes()
    ocr = LazyOcr(OcrSettings(ocr_workers=1))  # started by the first page or image that needs it
    try:
        reads = read_receipt(data, None if args.no_ocr else ocr.read)
    finally:
        ocr.close()
    out = receipt_json(reads[0].fields)
    if len(reads) > 1:
        out["receipts"] = [{"page": r.page, **receipt_json(r.fields)} for r in reads]
    print(dumps(out))
    return 0
