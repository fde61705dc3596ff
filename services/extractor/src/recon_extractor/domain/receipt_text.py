"""Receipt fields from receipt text (a PDF's text layer or OCR output), each with a confidence in 0..1."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

from recon_extractor.domain.amounts import parse_amount
from recon_extractor.domain.errors import UnreadableDocumentError
from recon_extractor.domain.receipt_dates import find_date

FIELDS = ("vendor", "date", "total", "subtotal", "tax", "tip", "currency", "card_last4", "payment_method")

_MONEY = re.compile(
    r"(?<![\w.,/-])(?:-\s?)?\(?(?:[$€£]|RM\s?|USD\s?|MYR\s?|EUR\s?|GBP\s?)?-?"
    r"(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{2}\)?(?:\s?CR)?(?![\d/-])",
    re.IGNORECASE,
)
_TOTAL = re.compile(
    r"\b(GRAND\s+TOTAL|TOTAL\s+DUE|AMOUNT\s+DUE|BALANCE\s+DUE|TOTAL\s+AMOUNT|TOTAL\s+SALES?|NETT?\s+TOTAL|"
    r"TOTAL|AMOUNT)\b",
    re.IGNORECASE,
)
_NOT_TOTAL = re.compile(
    r"SUB\s*-?\s*TOTAL|TOTAL\s+(?:TAX|GST|VAT|QTY|QUANTITY|ITEMS?|DISCOUNTS?|SAVINGS?|SAVED|POINTS|UNITS|"
    r"EXCL\w*)|(?:TAX|GST|VAT)\s+TOTAL|ROUNDING|CHANGE|TENDERED",
    re.IGNORECASE,
)
_SUBTOTAL = re.compile(r"\bSUB\s*-?\s*TOTAL\b", re.IGNORECASE)
_TAX = re.compile(r"\b(?:SALES\s+TAX|TAX|GST|VAT|HST|SST)\b", re.IGNORECASE)
_NOT_TAX = re.compile(r"INVOICE|REG\b|\bID\b|\bNO\b|INCL|EXEMPT|SUMMARY|TOTAL\s+INCL", re.IGNORECASE)
_TIP = re.compile(r"\b(?:TIP|GRATUITY)\b", re.IGNORECASE)
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
    ("CASH", re.compile(r"\bCASH\b", re.I)),
)
_CURRENCIES = (
    ("MYR", re.compile(r"\bRM\s?\d|\bMYR\b")),
    ("EUR", re.compile(r"€|\bEUR\b")),
    ("GBP", re.compile(r"£|\bGBP\b")),
    ("USD", re.compile(r"\$|\bUSD\b")),
)
_NOT_VENDOR = re.compile(
    r"^(?:RECEIPT|TAX\s+INVOICE|INVOICE|SALES\s+RECEIPT|CASH\s+(?:SALE|BILL|RECEIPT)|WELCOME|COPY|"
    r"CUSTOMER\s+COPY|MERCHANT\s+COPY|ORIGINAL)\b|^(?:TEL|PHONE|FAX)\b|^[\W\d_]+$",
    re.IGNORECASE,
)
_STORE_NUMBER = re.compile(r"(?:\s*(?:#|NO\.?|STORE)\s*\d+|\s+\d{3,})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class ReceiptFields:
    """What a receipt says; `confidence` has a 0..1 score for every name in `FIELDS` (0.0 when absent)."""

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


def _amounts(line: str) -> list[Decimal]:
    found = (parse_amount(m.group().replace(" ", "")) for m in _MONEY.finditer(line))
    return [a for a in found if a is not None]


def _labelled(lines: list[str], label: re.Pattern[str], exclude: re.Pattern[str] | None) -> list[Decimal]:
    """Amounts on lines carrying `label` (or on the next line when the label stands alone)."""
    values = []
    for i, line in enumerate(lines):
        if not label.search(line) or (exclude and exclude.search(line)):
            continue
        amounts = _amounts(line) or (_amounts(lines[i + 1]) if i + 1 < len(lines) else [])
        if amounts:
            values.append(amounts[-1])
    return values


def _vendor(lines: list[str]) -> tuple[str | None, str | None, float]:
    for rank, line in enumerate(lines[:8]):
        if _NOT_VENDOR.search(line) or len(re.sub(r"[^A-Za-z]", "", line)) < 2:
            continue
        clean = re.sub(r"\s+", " ", _STORE_NUMBER.sub("", line)).strip(" -*#:") or line
        return clean, line, max(0.5, 0.9 - 0.1 * rank)
    return None, None, 0.0


def _currency(text: str) -> str | None:
    return next((code for code, pattern in _CURRENCIES if pattern.search(text)), None)


def _total(
    lines: list[str], subtotal: Decimal | None, tax: Decimal | None, tip: Decimal | None
) -> tuple[Decimal | None, float]:
    labelled = _labelled(lines, _TOTAL, _NOT_TOTAL)
    if labelled:
        total = max(labelled, key=abs)
        parts = [p for p in (subtotal, tax, tip) if p is not None]
        consistent = subtotal is not None and sum(parts, Decimal(0)) == total
        return total, 0.97 if consistent else 0.85
    everything = [a for line in lines for a in _amounts(line)]
    return (max(everything, key=abs), 0.4) if everything else (None, 0.0)


def parse_receipt_text(text: str) -> ReceiptFields:
    """Vendor, date, amounts, currency and card from receipt text; unknown fields are None."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    vendor, vendor_raw, vendor_conf = _vendor(lines)
    currency = _currency(text)
    found_date, date_conf = find_date(lines, currency)
    subtotal = next(iter(_labelled(lines, _SUBTOTAL, None)), None)
    tax = next(iter(_labelled(lines, _TAX, _NOT_TAX)), None)
    tip = next(iter(_labelled(lines, _TIP, None)), None)
    total, total_conf = _total(lines, subtotal, tax, tip)
    card = _CARD.search(text)
    last4 = (card.group(1) or card.group(2)) if card else None
    method = next((name for name, pattern in _METHODS if pattern.search(text)), None)
    confidence = {
        "vendor": vendor_conf,
        "date": date_conf,
        "total": total_conf,
        "subtotal": 0.9 if subtotal is not None else 0.0,
        "tax": 0.85 if tax is not None else 0.0,
        "tip": 0.85 if tip is not None else 0.0,
        "currency": 0.9 if currency else 0.0,
        "card_last4": 0.9 if last4 else 0.0,
        "payment_method": 0.8 if method else 0.0,
    }
    return ReceiptFields(vendor, vendor_raw, found_date, total, subtotal, tax, tip, currency, last4, method, confidence)


def extract_text_receipt(pdf: str | Path | BinaryIO, max_pages: int = 5) -> ReceiptFields:
    """Receipt fields from a PDF's text layer; `UnreadableDocumentError` when it has none (a scan)."""
    from recon_extractor.domain.pdf_words import page_text

    text = "\n".join(page_text(pdf, max_pages))
    if not text.strip():
        raise UnreadableDocumentError("the PDF has no text layer (a scan?): it needs OCR")
    return parse_receipt_text(text)
