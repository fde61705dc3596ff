"""Receipt fields from receipt text (a PDF's text layer or OCR rows), each with a confidence in 0..1.

The pieces live beside this module: `receipt_vendor` (the shop's name), `receipt_locale` (currency and
country, hence the date order), `receipt_dates`, `receipt_amounts` (labelled amounts) and
`receipt_total` (the total, chosen by evidence). Card numbers are kept as their last four digits only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from recon_extractor.errors import NoTextLayerError
from recon_extractor.receipts.amounts import (
    NOT_TAX,
    SUBTOTAL,
    TAX,
    TENDERED,
    TIP,
    first_value,
    labelled,
    summary_start,
)
from recon_extractor.receipts.dates import find_date
from recon_extractor.receipts.locale import receipt_locale
from recon_extractor.receipts.total import receipt_total
from recon_extractor.receipts.vendor import find_vendor

FIELDS = ("vendor", "date", "total", "subtotal", "tax", "tip", "currency", "card_last4", "payment_method")

_CARD = re.compile(
    r"(?:[X*#•]{4,}[\s-]*)+(\d{4})\b|(?:ENDING(?:\s+IN)?|LAST\s*4|ACCT|CARD\s*(?:NO|#|NUMBER)?)\W{0,6}"
    r"(?:[X*#•]+\s*)?(\d{4})\b",
    re.IGNORECASE,
)
_METHODS = (
    ("AMEX", re.compile(r"\b(?:AMEX|AMERICAN\s+EXPRESS)\b", re.I)),
    ("MASTERCARD", re.compile(r"\b(?:MASTER\s?CARD|MC)\b", re.I)),
    ("VISA", re.compile(r"\bVISA\b", re.I)),
    ("DISCOVER", re.compile(r"\bDISCOVER\b", re.I)),
    ("DEBIT", re.compile(r"\bDEBIT\b", re.I)),
    ("WEX", re.compile(r"\b(?:WEX|FLEET\s*CARD)\b", re.I)),
    ("CASH", re.compile(r"\bCASH\b(?!\s+REFUND)", re.I)),
)


@dataclass(frozen=True)
class ReceiptFields:
    """What a receipt says; `confidence` has a 0..1 score for every name in `FIELDS` (0.0 when absent).

    `date_ambiguous`: the date is all-numeric with both parts <= 12 and nothing on the document decided
    the day/month order (it was read month first)."""

    vendor: str | None
    vendor_raw: str | None
    date: date | None
    total: Decimal | None
    subtotal: Decimal | None
    tax: Decimal | None
    tip: Decimal | None
    currency: str | None
    card_last4: str | None
    payment_method: str | None
    confidence: dict[str, float]
    date_ambiguous: bool = False


def _payment_method(lines: list[str], text: str) -> tuple[str | None, float]:
    for name, pattern in _METHODS:
        if name == "CASH":
            paid = any(pattern.search(ln) and TENDERED.search(ln) and re.search(r"\d\.\d\d", ln) for ln in lines)
            if paid:
                return name, 0.8
            if pattern.search(text):
                return name, 0.5
        elif pattern.search(text):
            return name, 0.8
    return None, 0.0


def parse_receipt_text(text: str) -> ReceiptFields:
    """Vendor, date, amounts, currency and card from receipt text; unknown fields are None."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    vendor, vendor_raw, vendor_conf = find_vendor(lines)
    locale = receipt_locale(text)
    found = find_date(lines, locale.day_first)
    body = lines[: summary_start(lines)]  # a tax summary table repeats amounts per tax rate
    subtotal = first_value(labelled(body, SUBTOTAL))
    tax = first_value(labelled(body, TAX, NOT_TAX))
    tip = first_value(labelled(body, TIP))
    total, total_conf = receipt_total(lines, subtotal, tax, tip)
    if tax is not None and total is not None and abs(tax) * 2 >= abs(total):
        tax = None  # a "tax" half the total is another number on a GST row (a registration, a base amount)
    card = _CARD.search(text)
    last4 = (card.group(1) or card.group(2)) if card else None
    method, method_conf = _payment_method(lines, text)
    confidence = {
        "vendor": vendor_conf,
        "date": found.confidence,
        "total": total_conf,
        "subtotal": 0.9 if subtotal is not None else 0.0,
        "tax": 0.85 if tax is not None else 0.0,
        "tip": 0.85 if tip is not None else 0.0,
        "currency": locale.currency_confidence,
        "card_last4": 0.9 if last4 else 0.0,
        "payment_method": method_conf,
    }
    return ReceiptFields(
        vendor,
        vendor_raw,
        found.value,
        total,
        subtotal,
        tax,
        tip,
        locale.currency,
        last4,
        method,
        confidence,
        date_ambiguous=found.ambiguous,
    )


def extract_text_receipt(pdf: str | Path | BinaryIO, max_pages: int = 5) -> ReceiptFields:
    """Receipt fields from a PDF's text layer; `NoTextLayerError` when it has none (a scan: see `receipt_read`)."""
    from recon_extractor.pdf.words import page_text

    text = "\n".join(page_text(pdf, max_pages))
    if not text.strip():
        raise NoTextLayerError("the PDF has no text layer (a scan?): it needs OCR")
    return parse_receipt_text(text)
